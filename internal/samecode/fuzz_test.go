package samecode

import (
	"math/rand"
	"strings"
	"testing"
)

// FuzzTokens feeds the token pass arbitrary text (it reads whatever is on disk): it must never
// panic, and a text without strings, templates or regexes must lex to the same tokens reindented.
// (Equal itself is exercised by TestEqualMutated: under -fuzz's coverage instrumentation esbuild
// makes no progress, while the same calls run thousands a second in a plain test.)
func FuzzTokens(f *testing.F) {
	for _, s := range []string{tsFile, prettierStyle, svelteFile, "const r = /a\\/b/g; `x ${y} z`", "<p>a{\" \"}\n<b>c</b></p>", "'unterminated", "/* open", "`${", "\\", "0x1F_n 1e+5 .5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, jsx := range []bool{false, true} {
			a, okA := tokens(src, jsx)
			b, okB := tokens(strings.ReplaceAll(src, "\n", "\n  "), jsx)
			if okA && okB && strings.Join(a, "\x00") != strings.Join(b, "\x00") && !strings.ContainsAny(src, "`'\"/") {
				t.Errorf("reindenting changed the tokens of %q", src)
			}
		}
		_, _ = splitComponent(src)
		_ = embeddedMarkup("@Component(" + src)
	})
}

// TestEqualMutated compares damaged copies of the fixtures (a few bytes replaced, a fixed seed):
// whatever is on disk, the comparison must answer and never panic, and a file is always the same as
// itself (the fast path, before any parser).
func TestEqualMutated(t *testing.T) {
	r := rand.New(rand.NewSource(20))
	for _, fx := range []struct{ name, src string }{{"a.ts", tsFile}, {"a.tsx", tsFile}, {"b.svelte", svelteFile}, {"b.vue", svelteFile}, {"a.go", goFile}} {
		for i := 0; i < 300; i++ {
			b := []byte(fx.src)
			for j := 0; j < 1+r.Intn(4); j++ {
				b[r.Intn(len(b))] = byte(r.Intn(128))
			}
			if !Equal(fx.name, b, b) {
				t.Fatalf("%s: a file is not the same as itself", fx.name)
			}
			_ = Equal(fx.name, b, append(append([]byte{}, b...), '\n'))
			_ = Equal(fx.name, []byte(fx.src), b)
		}
	}
}
