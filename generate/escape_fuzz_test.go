package generate

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evanw/esbuild/pkg/api"
)

// FuzzEscapers drives the template helpers (funcs: js, goString, json) with arbitrary strings,
// unfiltered: FuzzRender's inputs pass Normalize's whitelists first, so the escapers there only
// ever see tame values. Each helper must either refuse the value or produce a literal that parses
// in its language back to exactly the value. (Values reach .go, .js/.ts/.mjs and .json files only;
// no template places one in an HTML attribute, so there is no attribute helper to test. The js
// helper's output also lands in <script> blocks of .vue and .svelte files, so it must not end the
// element.)
// escaped fails t unless helper refused s exactly when s is not valid UTF-8, and reports whether
// out is an escaping of s to check. JSON (and so a JS literal made from it) cannot carry invalid
// UTF-8: json.Marshal would put U+FFFD in its place, a different value, so refusing is the only
// honest answer.
func escaped(t *testing.T, helper, s, out string, err error) bool {
	t.Helper()
	if !utf8.ValidString(s) {
		if err == nil {
			t.Fatalf("%s(%q) = %s: invalid UTF-8 must be refused, not changed", helper, s, out)
		}
		return false
	}
	if err != nil {
		t.Fatalf("%s(%q): %v", helper, s, err)
	}
	return true
}

func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "plain", `"};alert(1);//`, "</script><script>", "<!--", "a\u2028b\u2029", "\x00\x1f\x7f", "\xff\xfe", "`${x}`", `\`, "'", "\U0001F600", "{{.X}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// js: a JS string literal.
		lit, err := jsString(s)
		if escaped(t, "js", s, lit, err) {
			checkJSLiteral(t, s, lit)
		}

		// json: a JSON value (the helper takes any; strings are what users supply).
		j, err := jsonValue(s)
		if escaped(t, "json", s, j, err) {
			var back string
			if !json.Valid([]byte(j)) || json.Unmarshal([]byte(j), &back) != nil || back != s {
				t.Fatalf("json(%q) = %s does not decode back (got %q)", s, j, back)
			}
		}

		// goString: a Go interpreted string literal, read back by the Go parser.
		g := funcs["goString"].(func(string) string)(s)
		expr, err := parser.ParseExpr(g)
		if err != nil {
			t.Fatalf("goString(%q) = %s does not parse as Go: %v", s, g, err)
		}
		bl, ok := expr.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			t.Fatalf("goString(%q) = %s is not one string literal but %T", s, g, expr)
		}
		if back, err := strconv.Unquote(bl.Value); err != nil || back != s {
			t.Fatalf("goString(%q) = %s reads back as %q (%v)", s, g, back, err)
		}
	})
}

// checkJSLiteral asserts lit is one JS string literal whose value is s: esbuild parses it as a
// string expression, it is valid JSON decoding to s (since ES2019 every JSON string is a JS
// string literal of the same value), and it cannot end a <script> element or open an HTML comment.
func checkJSLiteral(t *testing.T, s, lit string) {
	t.Helper()
	var back string
	if err := json.Unmarshal([]byte(lit), &back); err != nil || back != s {
		t.Fatalf("js(%q) = %s does not decode back (got %q, %v)", s, lit, back, err)
	}
	// typeof proves the literal is one string value, not code that happens to parse: esbuild
	// folds `typeof "…"` to "string" only for a string literal.
	res := api.Transform("export const v = typeof "+lit+";", api.TransformOptions{Loader: api.LoaderJS, MinifySyntax: true})
	if len(res.Errors) > 0 {
		t.Fatalf("js(%q) = %s does not parse as JS: %s", s, lit, res.Errors[0].Text)
	}
	if !strings.Contains(string(res.Code), `v = "string"`) {
		t.Fatalf("js(%q) = %s is not a single string literal: esbuild made %q of it", s, lit, res.Code)
	}
	lower := strings.ToLower(lit)
	if strings.Contains(lower, "</script") || strings.Contains(lower, "<!--") || strings.ContainsAny(lit, "\u2028\u2029") {
		t.Fatalf("js(%q) = %s is not safe inside a <script> element", s, lit)
	}
}
