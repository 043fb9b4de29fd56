// Package coregen derives the JavaScript core from its TypeScript source. The core
// (templates/core/ts/*.ts, and the feature modules in templates/core/<feature>/ts) is authored
// once, in TypeScript; TS projects get those files as they are, JS projects get the js/ folder
// beside each ts/ folder: each module compiled to JavaScript by esbuild, with a
// .d.ts beside it so that editors and checkJs type it too. `go generate ./...` writes them (the
// directive is in templates/templates.go); a test fails when the committed files differ from what
// Derive produces, so a hand edit of the JavaScript cannot pass CI.
package coregen

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Root is the folder, relative to the templates tree, whose ts/ folders are sources: every
// folder named ts below it (core/ts, and the feature modules' core/payments/ts...) is compiled
// into the js/ folder beside it.
const Root = "core"

// typesSuffix names the modules that hold only types: their .d.ts is the source itself.
const typesSuffix = "-types.ts"

// SourceDirs lists the ts/ folders below Root in fsys, sorted.
func SourceDirs(fsys fs.FS) ([]string, error) {
	var dirs []string
	err := fs.WalkDir(fsys, Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "ts" {
			dirs = append(dirs, p)
			return fs.SkipDir
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(dirs) == 0 {
		return nil, fmt.Errorf("no ts folder below %s", Root)
	}
	return dirs, nil
}

// OutDir is the derived folder of a source folder: the js/ beside it.
func OutDir(sourceDir string) string { return path.Join(path.Dir(sourceDir), "js") }

// Derive compiles every .ts module of every source folder of fsys (the templates tree) and returns
// the derived files by their path in the tree (e.g. "core/js/mono-connect.js",
// "core/js/mono-connect.d.ts").
func Derive(fsys fs.FS) (map[string][]byte, error) {
	dirs, err := SourceDirs(fsys)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, dir := range dirs {
		files, err := deriveDir(fsys, dir)
		if err != nil {
			return nil, err
		}
		for name, b := range files {
			out[path.Join(OutDir(dir), name)] = b
		}
	}
	return out, nil
}

// deriveDir derives one source folder; the files come back by name.
func deriveDir(fsys fs.FS, dir string) (map[string][]byte, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".ts") || strings.HasSuffix(name, ".d.ts") {
			continue
		}
		src, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		base := strings.TrimSuffix(name, ".ts")
		js, err := compile(name, src)
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(name, typesSuffix) {
			// A types-only module compiles to nothing; anything else in it would be lost from the
			// .d.ts copy, so it is an error.
			if strings.TrimSpace(string(js)) != "" {
				return nil, fmt.Errorf("%s: a -types.ts module may hold only types, but it compiles to code:\n%s", name, js)
			}
			out[base+".d.ts"] = src
			continue
		}
		dts, err := declarations(name, src)
		if err != nil {
			return nil, err
		}
		out[base+".js"] = append(header(name, src), js...)
		out[base+".d.ts"] = dts
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no TypeScript modules in %s", dir)
	}
	return out, nil
}

// compile strips the types with esbuild, keeping the code as written otherwise (no minifying, no
// lowering below ES2020, which every supported framework's build targets or exceeds).
func compile(name string, src []byte) ([]byte, error) {
	r := api.Transform(string(src), api.TransformOptions{
		Loader:     api.LoaderTS,
		Format:     api.FormatESModule,
		Target:     api.ES2020,
		Charset:    api.CharsetUTF8,
		Sourcefile: name,
	})
	if len(r.Errors) > 0 || len(r.Warnings) > 0 {
		msgs := api.FormatMessages(append(r.Errors, r.Warnings...), api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, fmt.Errorf("%s: esbuild:\n%s", name, strings.Join(msgs, ""))
	}
	return fullySpecified.ReplaceAll(r.Code, []byte(`$1"$2.js"`)), nil
}

// fullySpecified finds the core's imports of its own modules in esbuild's output. The TS source
// names them without an extension, which every bundler and TypeScript resolve to the .ts file (a
// `.js` specifier is not resolved to .ts by Turbopack, Next's bundler); the derived JavaScript
// gets the `.js`, so it is also valid ECMAScript modules as it stands.
var fullySpecified = regexp.MustCompile(`(from |import\()"(\./[\w.-]+?)"`)

// header is the source's leading comment block (esbuild drops comments), plus where the file
// comes from.
func header(name string, src []byte) []byte {
	var b bytes.Buffer
	for _, line := range strings.SplitAfter(string(src), "\n") {
		if !strings.HasPrefix(line, "//") {
			break
		}
		b.WriteString(line)
	}
	fmt.Fprintf(&b, "//\n// Compiled by esbuild from %s, the source mono-connect writes into TypeScript projects;\n// the types are in %s.d.ts beside this file.\n", name, strings.TrimSuffix(name, ".ts"))
	return b.Bytes()
}

var (
	exportConst = regexp.MustCompile(`^export const ([A-Za-z_$][\w$]*): (.+?) = `)
	importNames = regexp.MustCompile(`(?s)^import type \{(.*)\} from ('[^']+');$`)
	identifier  = regexp.MustCompile(`[A-Za-z_$][\w$]*`)
)

// declarations writes the .d.ts of a module from its top-level statements. The core follows one
// shape so this stays simple: every exported value is `export const name: Type = ...` with its
// type named in a -types.ts module (or an exported type of its own), and types reach it through
// `import type`. Any other top-level export is an error, so a new kind of export cannot be left
// out of the declarations silently.
func declarations(name string, src []byte) ([]byte, error) {
	lines := strings.Split(string(src), "\n")
	var imports, body []string
	var doc []string
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
		case strings.HasPrefix(line, "import type "):
			stmt := line
			for !strings.HasSuffix(strings.TrimSpace(lines[i]), ";") {
				i++
				stmt += "\n" + lines[i]
			}
			imports = append(imports, stmt)
		case strings.HasPrefix(line, "export type * from "):
			body = append(body, "", line)
		case strings.HasPrefix(line, "export type "):
			stmt := line
			for !strings.HasSuffix(strings.TrimSpace(lines[i]), ";") {
				i++
				stmt += "\n" + lines[i]
			}
			body = append(body, "")
			body = append(body, doc...)
			body = append(body, stmt)
		case strings.HasPrefix(line, "export const "):
			m := exportConst.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("%s:%d: an exported const needs a type annotation naming its type: %s", name, i+1, line)
			}
			body = append(body, "")
			body = append(body, doc...)
			body = append(body, "export declare const "+m[1]+": "+m[2]+";")
		case strings.HasPrefix(line, "export "):
			return nil, fmt.Errorf("%s:%d: only `export const name: Type =` and `export type` are derived to .d.ts: %s", name, i+1, line)
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
	fmt.Fprintf(&b, "// Types of %s.js, written from %s by mono-connect.\n", strings.TrimSuffix(name, ".ts"), name)
	for _, stmt := range imports {
		m := importNames.FindStringSubmatch(stmt)
		if m == nil {
			continue // a default type import (import type X from ...) is for the code only
		}
		var keep []string
		for _, n := range strings.Split(m[1], ",") {
			if n = strings.TrimSpace(n); n != "" && used[n] {
				keep = append(keep, n)
			}
		}
		if len(keep) == 0 {
			continue
		}
		sort.Strings(keep)
		fmt.Fprintf(&b, "import type { %s } from %s;\n", strings.Join(keep, ", "), m[2])
	}
	b.WriteString(strings.Join(body, "\n"))
	b.WriteString("\n")
	return []byte(b.String()), nil
}
