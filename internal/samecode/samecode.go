// Package samecode decides whether two versions of a generated file are the same code, so that a
// project's formatter (Prettier, `eslint --fix` of layout rules, an editor's format-on-save, a
// pre-commit hook) rewriting a generated file is not drift, while a changed statement still is.
//
// JavaScript and TypeScript (and the <script> blocks of .vue and .svelte files, the frontmatter and
// <script> blocks of .astro files) are compared as
// code: both versions are printed again by esbuild's parser with whitespace minified, which erases
// quotes, semicolons, wrapping and indentation but keeps every statement and expression. esbuild
// drops TypeScript types and comments while printing, so a second comparison, of tokens (see
// tokens.go: layout, separators, quotes and the other things Prettier adds or swaps left out,
// comments by their words), catches an edited type or comment. Markup outside the script blocks
// gets only a looser comparison (whitespace, quote style, semicolons, commas and parentheses
// ignored). The README ("Your formatter is welcome") says exactly what counts.
//
// Go files are the same when gofmt (go/format) prints both alike: an editor's gofmt or a
// reindentation is not drift, while goimports regrouping the imports or any token changed is. JSON
// files are the same when they hold the same value: key order, indentation and line breaks (as
// Prettier lays JSON out) do not count. Every other file must match byte for byte.
//
// Callers compare bytes first (Equal does too): parsing happens only for a file that differs,
// so a clean check reads and hashes and never starts a parser.
package samecode

import (
	"bytes"
	"encoding/json"
	"go/format"
	"io"
	"path"
	"reflect"
	"regexp"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Equal reports whether a and b, two versions of the file at name, are the same code.
func Equal(name string, a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	switch ext := path.Ext(name); ext {
	case ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx":
		return sameScript(loaderFor(ext), string(a), string(b))
	case ".vue", ".svelte":
		return sameComponent(api.LoaderJS, string(a), string(b))
	case ".astro":
		return sameAstro(string(a), string(b))
	case ".go":
		return sameGo(a, b)
	case ".json":
		return SameJSON(a, b)
	}
	return false
}

// Applies reports whether Equal compares files named like name as code (not byte for byte).
func Applies(name string) bool {
	switch path.Ext(name) {
	case ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".vue", ".svelte", ".astro", ".go", ".json":
		return true
	}
	return false
}

// sameGo compares two Go files as gofmt prints them. A file that does not parse is never the
// same as another one.
func sameGo(a, b []byte) bool {
	fa, err := format.Source(a)
	if err != nil {
		return false
	}
	fb, err := format.Source(b)
	if err != nil {
		return false
	}
	return bytes.Equal(fa, fb)
}

// SameJSON reports whether a and b hold the same JSON value, however each is laid out: objects
// compare by their members whatever the order, numbers by their text (1.0 and 1 differ, as they
// may to the program reading them).
func SameJSON(a, b []byte) bool {
	va, ok := decodeJSON(a)
	if !ok {
		return false
	}
	vb, ok := decodeJSON(b)
	if !ok {
		return false
	}
	return reflect.DeepEqual(va, vb)
}

func decodeJSON(b []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false // a second value after the first is not the same file
	}
	return v, true
}

func loaderFor(ext string) api.Loader {
	switch ext {
	case ".ts", ".mts", ".cts":
		return api.LoaderTS
	case ".tsx":
		return api.LoaderTSX
	case ".jsx":
		return api.LoaderJSX
	}
	return api.LoaderJS
}

// sameScript compares two scripts as code. A script that does not parse is never the same as
// another one: an edit that broke the file is drift.
func sameScript(loader api.Loader, a, b string) bool {
	a, b = embeddedMarkup(a), embeddedMarkup(b)
	if loader == api.LoaderJSX || loader == api.LoaderTSX {
		a, b = jsxSpace.ReplaceAllString(a, " "), jsxSpace.ReplaceAllString(b, " ")
	}
	pa, ok := printed(loader, a)
	if !ok {
		return false
	}
	pb, ok := printed(loader, b)
	if !ok {
		return false
	}
	return pa == pb && sameTokens(loader, a, b)
}

// sameTokens compares what esbuild does not print (types, comments' words) as tokens. Should
// our lexer fail on a file esbuild parsed, the looser text comparison decides instead.
func sameTokens(loader api.Loader, a, b string) bool {
	jsx := loader == api.LoaderJSX || loader == api.LoaderTSX
	ta, okA := tokens(a, jsx)
	tb, okB := tokens(b, jsx)
	if !okA || !okB {
		return loose(a) == loose(b)
	}
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if ta[i] != tb[i] {
			return false
		}
	}
	return true
}

// angularTemplate finds the inline template and styles of an Angular component, which Prettier
// formats as Angular HTML and CSS (embedded language formatting) like a separate file.
var angularTemplate = regexp.MustCompile("(\\b(?:template|styles)\\s*:\\s*\\[?\\s*)`([^`$\\\\]*)`")

// jsxSpace is the {" "} Prettier writes at the end of a line of JSX text it breaks: the space the
// line break would otherwise swallow. Spelled as a plain space it is the same text.
var jsxSpace = regexp.MustCompile(`\{\s*(?:" "|' ')\s*\}[ \t]*\r?\n\s*`)

var markupSpace = regexp.MustCompile(`\s+`)

// embeddedMarkup drops the whitespace of an Angular component's inline template and styles (which
// Angular itself does not keep: preserveWhitespaces is off by default), so that Prettier
// rewrapping them is not drift; their words, tags and attributes still count.
func embeddedMarkup(src string) string {
	if !strings.Contains(src, "@Component(") {
		return src
	}
	return angularTemplate.ReplaceAllStringFunc(src, func(m string) string {
		parts := angularTemplate.FindStringSubmatch(m)
		return parts[1] + "`" + markupSpace.ReplaceAllString(parts[2], "") + "`"
	})
}

// printed is the code esbuild prints back for src: one canonical layout of the same program.
func printed(loader api.Loader, src string) (string, bool) {
	res := api.Transform(src, api.TransformOptions{
		Loader:           loader,
		Format:           api.FormatDefault, // keep import/export as written
		Target:           api.ESNext,        // no down-levelling: print what is there
		JSX:              api.JSXTransform,  // applies JSX whitespace rules: rewrapped text is the same text
		MinifyWhitespace: true,
		// Syntax minification spells every property key, number and string one way (Prettier's
		// --quote-props consistent quotes Accept: "Accept":). It also folds constants and drops
		// dead branches, which would hide edits of no effect, but the token comparison sees those.
		MinifySyntax:  true,
		LegalComments: api.LegalCommentsNone,
		Charset:       api.CharsetUTF8,
		// Keep every import as written, even one used only as a type: removing an import is an edit.
		TsconfigRaw: `{"compilerOptions":{"verbatimModuleSyntax":true}}`,
		LogLevel:    api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return "", false
	}
	return string(res.Code), true
}

// looseDrop are the characters formatters add, remove or swap without changing the program:
// whitespace, semicolons, trailing commas and the parentheses Prettier puts around arrow
// parameters and multi-line JSX.
var looseDrop = strings.NewReplacer(
	" ", "", "\t", "", "\n", "", "\r", "",
	";", "", ",", "", "(", "", ")", "",
	`"`, "'", // quote style
)

func loose(s string) string { return looseDrop.Replace(s) }

// scriptBlock finds the <script> blocks of a single-file component (Vue or Svelte): its attributes
// and its body.
var scriptBlock = regexp.MustCompile(`(?s)<script\b([^>]*)>(.*?)</script\s*>`)

var tsLang = regexp.MustCompile(`\blang\s*=\s*["']?ts\b`)

// sameComponent compares the script blocks of two components as code, in order, and the rest of
// the files loosely. A block without lang="ts" is read with loader: JavaScript in Vue and Svelte,
// TypeScript in Astro, whose scripts are TypeScript whatever their attributes.
func sameComponent(loader api.Loader, a, b string) bool {
	sa, ra := splitComponent(a)
	sb, rb := splitComponent(b)
	// The header's markup directive, as ESLint's --fix may delete it as unused (see blanketDisable).
	ra, rb = markupDisable.ReplaceAllString(ra, ""), markupDisable.ReplaceAllString(rb, "")
	if len(sa) != len(sb) || loose(ra) != loose(rb) {
		return false
	}
	for i := range sa {
		if loose(sa[i].attrs) != loose(sb[i].attrs) {
			return false
		}
		l := loader
		if tsLang.MatchString(sa[i].attrs) {
			l = api.LoaderTS
		}
		if !sameScript(l, sa[i].body, sb[i].body) {
			return false
		}
	}
	return true
}

var markupDisable = regexp.MustCompile(`<!--\s*eslint-disable\s*-->`)

// sameAstro compares two Astro components: the component script (the frontmatter between the
// opening `---` fences, TypeScript) as code, then the template as a component's.
func sameAstro(a, b string) bool {
	fa, ta, okA := splitFrontmatter(a)
	fb, tb, okB := splitFrontmatter(b)
	if okA != okB || (okA && !sameScript(api.LoaderTS, fa, fb)) {
		return false
	}
	return sameComponent(api.LoaderTS, ta, tb)
}

// frontmatterFence: the line that closes an Astro component script.
var frontmatterFence = regexp.MustCompile(`(?m)^---[ \t]*\r?$`)

// splitFrontmatter returns the component script of an Astro file and its template; ok is false
// when the file opens with no script (a template only).
func splitFrontmatter(src string) (script, template string, ok bool) {
	body := strings.TrimLeft(src, " \t\r\n")
	rest, found := strings.CutPrefix(body, "---")
	if !found {
		return "", src, false
	}
	end := frontmatterFence.FindStringIndex(rest)
	if end == nil {
		return "", src, false
	}
	return rest[:end[0]], rest[end[1]:], true
}

type script struct{ attrs, body string }

// splitComponent returns the script blocks of src and src without them.
func splitComponent(src string) ([]script, string) {
	var scripts []script
	var rest strings.Builder
	last := 0
	for _, m := range scriptBlock.FindAllStringSubmatchIndex(src, -1) {
		rest.WriteString(src[last:m[0]])
		rest.WriteString("<script></script>")
		scripts = append(scripts, script{attrs: src[m[2]:m[3]], body: src[m[4]:m[5]]})
		last = m[1]
	}
	rest.WriteString(src[last:])
	return scripts, rest.String()
}
