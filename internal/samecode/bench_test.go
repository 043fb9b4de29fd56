package samecode

import (
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"
)

// What a drift check pays per owned file (BENCHMARKS.md, "generate --check and formatting"):
// nothing beyond a byte comparison for a file as we wrote it, and an esbuild parse and print of
// both versions plus our token pass for a file the project's formatter rewrote.

// reformatted is s with its semicolons dropped and its indentation made tabs, which costs the
// comparison as much as Prettier's output would (every byte differs in position).
func reformatted(s string) string {
	return strings.NewReplacer(";\n", "\n", "\n  ", "\n\t").Replace(s)
}

func BenchmarkEqualIdentical(b *testing.B) {
	a, c := []byte(tsFile), []byte(tsFile)
	for b.Loop() {
		if !Equal("a.ts", a, c) {
			b.Fatal("not equal")
		}
	}
}

func BenchmarkEqualReformattedTS(b *testing.B) {
	a, c := []byte(tsFile), []byte(prettierStyle)
	b.SetBytes(int64(len(a) + len(c)))
	for b.Loop() {
		if !Equal("a.ts", a, c) {
			b.Fatal("not equal")
		}
	}
}

func BenchmarkEqualReformattedSvelte(b *testing.B) {
	a, c := []byte(svelteFile), []byte(reformatted(svelteFile))
	for b.Loop() {
		if !Equal("Button.svelte", a, c) {
			b.Fatal("not equal")
		}
	}
}

func BenchmarkEqualReformattedGo(b *testing.B) {
	a, c := []byte(goFile), []byte(strings.ReplaceAll(goFile, "\t", "    "))
	for b.Loop() {
		if !Equal("a.go", a, c) {
			b.Fatal("not equal")
		}
	}
}

// BenchmarkEsbuildTransformEmpty is esbuild's fixed cost per call (its start-up for each file: a
// fresh logger, options validation, a goroutine pool), measured on an empty script.
func BenchmarkEsbuildTransformEmpty(b *testing.B) {
	for b.Loop() {
		if _, ok := printed(api.LoaderTS, ""); !ok {
			b.Fatal("did not parse")
		}
	}
}

// BenchmarkTokens is our own pass alone, on the TypeScript fixture.
func BenchmarkTokens(b *testing.B) {
	for b.Loop() {
		if _, ok := tokens(prettierStyle, false); !ok {
			b.Fatal("did not lex")
		}
	}
}
