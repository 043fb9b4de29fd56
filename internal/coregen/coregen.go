// Package coregen derives JavaScript from TypeScript for the files mono-connect writes. The core
// (templates/core/ts, and the feature modules in templates/core/<feature>/ts) and the bindings
// whose two languages differ only in their types are authored once, in TypeScript; TS projects
// get them as they are, JS projects get what Module makes of each while rendering: esbuild's
// JavaScript (JSX kept) and a .d.ts beside it, so that editors and checkJs type it too. The
// tree holds no derived copy to keep in step; the renderer asks for a module only when the
// project is JavaScript, and each module is compiled once per process.
package coregen

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// typesSuffix names the modules that hold only types: their .d.ts is the source itself.
const typesSuffix = "-types.ts"

// cache holds the modules derived so far in this process, by name and source: a render derives
// each one once, however many plans (a check, then a write) ask for it.
var cache sync.Map // string -> map[string][]byte

// Module derives the JavaScript of one TypeScript module for a JavaScript project. name is the
// module's file name (m.ts, m.tsx, m.svelte.ts, m-types.ts) and src its text, already rendered;
// the files come back by name: m.js (m.jsx for a .tsx module, its JSX kept as written) and the
// m.d.ts beside it, or for a types-only module its .d.ts alone.
func Module(name string, src []byte) (map[string][]byte, error) {
	key := name + "\x00" + string(src)
	if v, ok := cache.Load(key); ok {
		return clone(v.(map[string][]byte)), nil
	}
	out, err := derive(name, src)
	if err != nil {
		return nil, err
	}
	cache.Store(key, out)
	return clone(out), nil
}

func clone(m map[string][]byte) map[string][]byte {
	c := make(map[string][]byte, len(m))
	for k, v := range m {
		c[k] = bytes.Clone(v)
	}
	return c
}

// IsSource reports whether a file of a ts/ folder is a module Module derives (not a .d.ts).
func IsSource(name string) bool {
	return (strings.HasSuffix(name, ".ts") || strings.HasSuffix(name, ".tsx")) && !strings.HasSuffix(name, ".d.ts")
}

func derive(name string, src []byte) (map[string][]byte, error) {
	if !IsSource(name) {
		return nil, fmt.Errorf("%s: not a TypeScript module", name)
	}
	tsx := strings.HasSuffix(name, ".tsx")
	base := strings.TrimSuffix(strings.TrimSuffix(name, ".tsx"), ".ts")
	js, err := compile(name, src, tsx)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(name, typesSuffix) {
		// A types-only module compiles to nothing; anything else in it would be lost from the
		// .d.ts copy, so it is an error.
		if strings.TrimSpace(string(js)) != "" {
			return nil, fmt.Errorf("%s: a -types.ts module may hold only types, but it compiles to code:\n%s", name, js)
		}
		return map[string][]byte{base + ".d.ts": src}, nil
	}
	dts, err := declarations(name, src)
	if err != nil {
		return nil, err
	}
	ext := ".js"
	if tsx {
		ext = ".jsx"
	}
	return map[string][]byte{
		base + ext:     append(header(name, src), js...),
		base + ".d.ts": dts,
	}, nil
}

// compile strips the types with esbuild, keeping the code as written otherwise (no minifying, no
// lowering below ES2020, which every supported framework's build targets or exceeds).
func compile(name string, src []byte, tsx bool) ([]byte, error) {
	loader := api.LoaderTS
	if tsx {
		loader = api.LoaderTSX
	}
	r := api.Transform(string(src), api.TransformOptions{
		Loader: loader,
		// JSX stays JSX: the app's own build compiles it for its framework (React, Preact and
		// Solid each compile it differently).
		JSX:    api.JSXPreserve,
		Format: api.FormatESModule,
		// ES2022 keeps class fields as written: Svelte's runes ($state in a field) must stay fields.
		Target:     api.ES2022,
		Charset:    api.CharsetUTF8,
		Sourcefile: name,
	})
	if len(r.Errors) > 0 || len(r.Warnings) > 0 {
		msgs := api.FormatMessages(append(r.Errors, r.Warnings...), api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, fmt.Errorf("%s: esbuild:\n%s", name, strings.Join(msgs, ""))
	}
	return fullySpecified.ReplaceAllFunc(r.Code, func(m []byte) []byte {
		if bytes.HasSuffix(m, []byte(`.js"`)) {
			return m
		}
		return append(m[:len(m)-1:len(m)-1], `.js"`...)
	}), nil
}

// fullySpecified finds the core's imports of its own modules in esbuild's output. The TS source
// names them without an extension, which every bundler and TypeScript resolve to the .ts file (a
// `.js` specifier is not resolved to .ts by Turbopack, Next's bundler); the derived JavaScript
// gets the `.js` (a specifier that has one already keeps it), so it is also valid ECMAScript
// modules as it stands.
var fullySpecified = regexp.MustCompile(`(from |import\()"(\./[\w.-]+?)"`)

// header is the source's leading comment block (esbuild drops comments), plus where the file
// comes from. A directive before the comment ('use client') is skipped here: esbuild keeps it
// at the top of the code, which follows the header.
func header(name string, src []byte) []byte {
	var b bytes.Buffer
	lines := strings.SplitAfter(string(src), "\n")
	for len(lines) > 0 && (strings.HasPrefix(lines[0], "'use ") || strings.TrimSpace(lines[0]) == "") {
		lines = lines[1:]
	}
	for _, line := range lines {
		if !strings.HasPrefix(line, "//") {
			break
		}
		b.WriteString(line)
	}
	fmt.Fprintf(&b, "//\n// Compiled by esbuild from %s, the source mono-connect writes into TypeScript projects;\n// the types are in %s.d.ts beside this file.\n", name, strings.TrimSuffix(strings.TrimSuffix(name, ".tsx"), ".ts"))
	return b.Bytes()
}

var (
	exportConst = regexp.MustCompile(`^export const ([A-Za-z_$][\w$]*): (.+?) = `)
	importNames = regexp.MustCompile(`(?s)^import (type )?\{(.*)\} from ('[^']+');$`)
	identifier  = regexp.MustCompile(`[A-Za-z_$][\w$]*`)
	// member is a public method, getter or constructor of an exported class, one indent deep.
	member = regexp.MustCompile(`^(\s)(?:get |set |async )?[A-Za-z_$][\w$]*(?:<[^>]*>)?\(`)
)

// declarations writes the .d.ts of a module from its top-level statements. The sources follow
// one shape so this stays simple: an exported value is `export const name: Type = ...`, a
// function `export function name(params): Type {` or a class whose public members name their
// types; exported types and interfaces are copied; types reach the module through `import type`
// or `type` names in an import. Any other top-level export is an error, so a new kind of export
// cannot be left out of the declarations silently.
func declarations(name string, src []byte) ([]byte, error) {
	lines := strings.Split(string(src), "\n")
	var imports, body []string
	var doc []string
	// block copies the statement starting at line i through the line that ends it: one ending
	// in ";" (a type), or end itself (an interface's closing brace).
	block := func(i *int, end string) []string {
		stmt := []string{lines[*i]}
		for *i+1 < len(lines) {
			l := strings.TrimRight(lines[*i], " ")
			if end == "" && strings.HasSuffix(l, ";") || end != "" && l == end {
				break
			}
			*i++
			stmt = append(stmt, lines[*i])
		}
		return stmt
	}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.HasPrefix(line, "/**"):
			doc = doc[:0]
			for ; i < len(lines); i++ {
				doc = append(doc, lines[i])
				if strings.Contains(lines[i], "*/") {
					break
				}
			}
			continue
		case strings.HasPrefix(line, "import "):
			stmt := line
			for !strings.HasSuffix(strings.TrimSpace(lines[i]), ";") {
				i++
				stmt += "\n" + lines[i]
			}
			imports = append(imports, stmt)
		case strings.HasPrefix(line, "export type * from "):
			body = append(body, "", line)
		case strings.HasPrefix(line, "export type "):
			body = append(body, "")
			body = append(body, doc...)
			body = append(body, block(&i, "")...)
		case strings.HasPrefix(line, "export interface "):
			body = append(body, "")
			body = append(body, doc...)
			body = append(body, block(&i, "}")...)
		case strings.HasPrefix(line, "export const "):
			m := exportConst.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("%s:%d: an exported const needs a type annotation naming its type: %s", name, i+1, line)
			}
			body = append(body, "")
			body = append(body, doc...)
			body = append(body, "export declare const "+m[1]+": "+m[2]+";")
		case strings.HasPrefix(line, "export function "):
			sig, err := signature(lines, &i, name)
			if err != nil {
				return nil, err
			}
			body = append(body, "")
			body = append(body, doc...)
			body = append(body, "export declare "+strings.TrimPrefix(sig, "export ")+";")
			skipBody(lines, &i, "}")
		case strings.HasPrefix(line, "export class ") && strings.HasSuffix(line, "{"):
			members, err := classMembers(lines, &i, name)
			if err != nil {
				return nil, err
			}
			body = append(body, "")
			body = append(body, doc...)
			body = append(body, "export declare "+strings.TrimPrefix(line, "export "))
			body = append(body, members...)
			body = append(body, "}")
		case strings.HasPrefix(line, "export "):
			return nil, fmt.Errorf("%s:%d: only `export const name: Type =`, `export function`, `export class`, `export interface` and `export type` are derived to .d.ts: %s", name, i+1, line)
		}
		doc = doc[:0]
	}
	used := map[string]bool{}
	for _, l := range body {
		for _, id := range identifier.FindAllString(l, -1) {
			used[id] = true
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "// Types of %s, written from %s by mono-connect.\n", jsName(name), name)
	for _, stmt := range imports {
		m := importNames.FindStringSubmatch(stmt)
		if m == nil {
			continue // a default or namespace import is for the code only
		}
		var keep []string
		for _, n := range strings.Split(m[2], ",") {
			n = strings.TrimSpace(n)
			if m[1] == "" {
				// A value import: only its `type` names can be types of the declarations.
				t, ok := strings.CutPrefix(n, "type ")
				if !ok {
					continue
				}
				n = t
			}
			if n != "" && used[n] {
				keep = append(keep, n)
			}
		}
		if len(keep) == 0 {
			continue
		}
		sort.Strings(keep)
		fmt.Fprintf(&b, "import type { %s } from %s;\n", strings.Join(keep, ", "), m[3])
	}
	b.WriteString(strings.Join(body, "\n"))
	b.WriteString("\n")
	return []byte(b.String()), nil
}

// jsName is the name of the JavaScript file derived from the TypeScript module name.
func jsName(name string) string {
	if base, ok := strings.CutSuffix(name, ".tsx"); ok {
		return base + ".jsx"
	}
	return strings.TrimSuffix(name, ".ts") + ".js"
}

// signature reads a function's (or method's) signature starting at line *i, which may span
// lines, and returns it as a declaration: parameters with their types (a default value makes
// the parameter optional; a destructured parameter becomes props), and the return type, which
// the source must name. *i is left on the line holding the body's opening brace.
func signature(lines []string, i *int, name string) (string, error) {
	start := *i
	text := lines[*i]
	depth, open, close, from := 0, -1, -1, 0
	for {
		for k := from; k < len(text); k++ {
			switch text[k] {
			case '(':
				if depth == 0 && open < 0 {
					open = k
				}
				depth++
			case ')':
				depth--
				if depth == 0 && close < 0 && open >= 0 {
					close = k
				}
			}
		}
		if close >= 0 && strings.HasSuffix(strings.TrimSpace(text), "{") {
			break
		}
		if *i+1 >= len(lines) {
			return "", fmt.Errorf("%s:%d: the signature does not end", name, start+1)
		}
		*i++
		from = len(text)
		text += "\n" + lines[*i]
	}
	ret := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text[close+1:]), "{"))
	head := strings.TrimLeft(text[:open], " \t")
	ctor := strings.HasPrefix(head, "constructor")
	if !ctor && !strings.HasPrefix(ret, ":") {
		return "", fmt.Errorf("%s:%d: a function exported to the .d.ts needs its return type written: %s", name, start+1, strings.TrimSpace(lines[start]))
	}
	var params []string
	for _, p := range splitTop(text[open+1 : close]) {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		params = append(params, param(p))
	}
	if ctor {
		return head + "(" + strings.Join(params, ", ") + ")", nil
	}
	return head + "(" + strings.Join(params, ", ") + ")" + ret, nil
}

// param declares one parameter: `{ a, b = 1, ...rest }: Props` as `props: Props`, and
// `name: Type = value` as `name?: Type`.
func param(p string) string {
	if strings.HasPrefix(p, "{") {
		parts := splitTopOn(p, ':')
		return "props: " + strings.TrimSpace(strings.Join(parts[1:], ":"))
	}
	if parts := splitTopOn(p, '='); len(parts) > 1 {
		decl := strings.TrimSpace(parts[0])
		n, t, _ := strings.Cut(decl, ":")
		return strings.TrimSpace(n) + "?:" + t
	}
	return p
}

// splitTop splits s on the commas outside brackets.
func splitTop(s string) []string { return splitTopOn(s, ',') }

func splitTopOn(s string, sep byte) []string {
	var parts []string
	depth, last := 0, 0
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case '(', '{', '[', '<':
			depth++
		case ')', '}', ']':
			depth--
		case '>':
			if k == 0 || s[k-1] != '=' {
				depth--
			}
		case sep:
			if depth == 0 && !(sep == '=' && k+1 < len(s) && s[k+1] == '>') {
				parts = append(parts, s[last:k])
				last = k + 1
			}
		}
	}
	return append(parts, s[last:])
}

// skipBody moves *i from a body's opening line to the line that closes it: end at the body's
// own indent.
func skipBody(lines []string, i *int, end string) {
	for *i+1 < len(lines) && strings.TrimRight(lines[*i], " ") != end {
		*i++
	}
}

// classMembers declares the public constructor, methods and accessors of the class opening at
// line *i (private # members and fields are the class's own), and leaves *i on its closing line.
func classMembers(lines []string, i *int, name string) ([]string, error) {
	var out, doc []string
	for *i++; *i < len(lines) && lines[*i] != "}"; *i++ {
		line := lines[*i]
		trimmed := strings.TrimSpace(line)
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		switch {
		case strings.HasPrefix(trimmed, "/**"):
			doc = doc[:0]
			for ; *i < len(lines); *i++ {
				doc = append(doc, lines[*i])
				if strings.Contains(lines[*i], "*/") {
					break
				}
			}
			continue
		case member.MatchString(line) && (indent == "\t" || indent == "  "):
			sig, err := signature(lines, i, name)
			if err != nil {
				return nil, err
			}
			out = append(out, doc...)
			out = append(out, indent+sig+";")
			skipBody(lines, i, indent+"}")
		}
		doc = doc[:0]
	}
	return out, nil
}
