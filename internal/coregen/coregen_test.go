package coregen

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"github.com/evanw/esbuild/pkg/api"
)

// relativeImport finds the relative module specifiers of an import or export in derived code.
var relativeImport = regexp.MustCompile(`(?:from |import\()"(\./[^"]+)"`)

// TestTemplatesDerive derives every TypeScript module of the templates that a JavaScript project
// gets derived (the core's ts/ folders and the all/ folders) and checks what a JS project
// receives: JavaScript that parses as JavaScript (JSX for a .tsx module), the source's header
// comment, fully specified relative imports, and a .d.ts beside it. The goldens
// (testdata/script) compare whole files; this names the rule a failure breaks.
func TestTemplatesDerive(t *testing.T) {
	fsys := os.DirFS(filepath.Join("..", "..", "templates"))
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		dir := path.Dir(p)
		derived := strings.HasPrefix(p, "core/") || strings.Contains("/"+dir+"/", "/all/")
		name := strings.TrimSuffix(path.Base(p), ".tmpl")
		if !derived || !IsSource(name) {
			return nil
		}
		if strings.HasSuffix(p, ".tmpl") {
			return nil // rendered first: checked through the goldens, which hold every JS output
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		n++
		files, err := Module(name, src)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		if strings.HasSuffix(name, typesSuffix) {
			if len(files) != 1 || !bytes.Equal(files[strings.TrimSuffix(name, ".ts")+".d.ts"], src) {
				t.Errorf("%s: want its own text as its .d.ts alone, got %d files", p, len(files))
			}
			return nil
		}
		js, ok := files[jsName(name)]
		if !ok {
			t.Errorf("%s: no %s among %d files", p, jsName(name), len(files))
			return nil
		}
		checkJS(t, p, name, src, js)
		if dts := files[strings.TrimSuffix(strings.TrimSuffix(name, ".tsx"), ".ts")+".d.ts"]; !strings.HasPrefix(string(dts), "// Types of ") {
			t.Errorf("%s: .d.ts = %q", p, dts)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 8 {
		t.Fatalf("derived %d modules: the walk no longer finds the core and the bindings", n)
	}
}

// checkJS holds one derived module to the rules JavaScript projects rely on.
func checkJS(t *testing.T, p, name string, src, js []byte) {
	t.Helper()
	loader := api.LoaderJS
	if strings.HasSuffix(name, ".tsx") {
		loader = api.LoaderJSX
	}
	if r := api.Transform(string(js), api.TransformOptions{Loader: loader, Format: api.FormatESModule}); len(r.Errors) > 0 {
		t.Errorf("%s: the derived JavaScript does not parse: %s\n%s", p, r.Errors[0].Text, js)
	}
	var lead string
	for _, l := range strings.SplitAfter(string(src), "\n") {
		if strings.HasPrefix(l, "'use ") || strings.TrimSpace(l) == "" && lead == "" {
			continue
		}
		if !strings.HasPrefix(l, "//") {
			break
		}
		lead += l
	}
	if lead == "" || !strings.HasPrefix(string(js), lead+"//\n// Compiled by esbuild from "+name) {
		t.Errorf("%s: the derived file does not start with the source's header:\n%.400s", p, js)
	}
	for _, m := range relativeImport.FindAllStringSubmatch(string(js), -1) {
		if !strings.HasSuffix(m[1], ".js") {
			t.Errorf("%s: import of %s is not fully specified", p, m[1])
		}
	}
}

// TestModuleResultIsACopy: the cache hands out copies, so a caller that changes a result (the
// renderer prepends the generated-file header) cannot change the next render.
func TestModuleResultIsACopy(t *testing.T) {
	src := []byte("export const f: () => number = () => 1;\n")
	a, err := Module("m.ts", src)
	if err != nil {
		t.Fatal(err)
	}
	want := string(a["m.js"])
	a["m.js"][0] = 'X'
	b, err := Module("m.ts", src)
	if err != nil {
		t.Fatal(err)
	}
	if string(b["m.js"]) != want {
		t.Fatalf("second Module = %q, want %q", b["m.js"], want)
	}
	if !strings.Contains(want, "const f = () => 1;") {
		t.Fatalf("m.js = %q, want the compiled function", want)
	}
}

func TestTypesModuleMustHoldOnlyTypes(t *testing.T) {
	if _, err := Module("x-types.ts", []byte("export type A = string;\nexport const b = 1;\n")); err == nil || !strings.Contains(err.Error(), "only types") {
		t.Fatalf("Module = %v, want the only-types error", err)
	}
}

func TestExportsWithoutADerivableShapeAreErrors(t *testing.T) {
	for _, src := range []string{
		"export function f() {\n  return 1;\n}\n",
		"export const x = 1;\n",
		"export let y: number = 1;\n",
		"export default 1;\n",
	} {
		if _, err := Module("m.ts", []byte(src)); err == nil {
			t.Errorf("Module(%q) succeeded, want an error: its export would be missing from m.d.ts", src)
		}
	}
}

// derivedWithDeclarations derives the module name and checks its .d.ts against want.
func derivedWithDeclarations(t *testing.T, name, src, want string) map[string][]byte {
	t.Helper()
	out, err := Module(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	dts := strings.TrimSuffix(name, ".ts") + ".d.ts"
	if got := string(out[dts]); got != want {
		t.Errorf("%s:\n%s", dts, udiff.Unified("want", "got", want, got))
	}
	return out
}

func TestDeclarations(t *testing.T) {
	src := "// m\nimport type { A, B, Unused } from './t.js';\nimport { v } from './v.js';\n\n/** Doc of f. */\nexport const f: A = () => v;\nexport const g: B<number> = 1 as never;\nconst hidden = 2;\n"
	out := derivedWithDeclarations(t, "m.ts", src, "// Types of m.js, written from m.ts by mono-connect.\nimport type { A, B } from './t.js';\n\n/** Doc of f. */\nexport declare const f: A;\n\nexport declare const g: B<number>;\n")
	if js := string(out["m.js"]); !strings.HasPrefix(js, "// m\n//\n// Compiled by esbuild from m.ts") || strings.Contains(js, ": A") {
		t.Errorf("m.js:\n%s", js)
	}
}

// TestDeclarationsOfFunctionsAndClasses covers the bindings' shapes: an interface, a function
// with a defaulted parameter, a component with destructured props, and a class whose private
// members stay out of its declaration.
func TestDeclarationsOfFunctionsAndClasses(t *testing.T) {
	src := `// b
import { useState, type Ref } from 'x';
import { core, type Config, type Unused } from './core';

export interface Options {
  ref?: Ref;
}

/** Makes one. */
export function useThing(n: number, options: Options = {}): Config {
  const [s] = useState(options);
  return core(s, n);
}

export function Button({
  a,
  b = 'label',
  ...rest
}: Options & { a: (x: number) => void }): Config {
  return core(a, b, rest);
}

export class Thing {
	#secret = 1;
	constructor(options: Options = {}) {
		core(options);
	}

	/** The value. */
	get value(): number {
		return this.#secret;
	}

	run<T>(start: (c: Config) => T): Promise<T> {
		return Promise.resolve(start(core()));
	}

	#hidden(): void {}
}
`
	out := derivedWithDeclarations(t, "b.ts", src, `// Types of b.js, written from b.ts by mono-connect.
import type { Ref } from 'x';
import type { Config } from './core';

export interface Options {
  ref?: Ref;
}

/** Makes one. */
export declare function useThing(n: number, options?: Options): Config;

export declare function Button(props: Options & { a: (x: number) => void }): Config;

export declare class Thing {
	constructor(options?: Options);
	/** The value. */
	get value(): number;
	run<T>(start: (c: Config) => T): Promise<T>;
}
`)
	if js := string(out["b.js"]); strings.Contains(js, "Options") || !strings.Contains(js, `from "./core.js"`) {
		t.Errorf("b.js:\n%s", js)
	}
}

// TestTSXKeepsJSXAndDirective: a .tsx module becomes .jsx with its JSX as written (the app's
// build compiles it for its framework), and a 'use client' directive stays the first statement,
// after the header comment.
func TestTSXKeepsJSXAndDirective(t *testing.T) {
	src := "'use client';\n\n// c\nexport function C({ n }: { n: number }): unknown {\n  return <b data-x=\"\">{n}</b>;\n}\n"
	out, err := Module("c.tsx", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	js := string(out["c.jsx"])
	if !strings.HasPrefix(js, "// c\n//\n// Compiled by esbuild from c.tsx") || !strings.Contains(js, "\n\"use client\";\n") || !strings.Contains(js, `<b data-x="">{n}</b>`) {
		t.Errorf("c.jsx:\n%s", js)
	}
	if _, ok := out["c.d.ts"]; !ok {
		t.Error("no c.d.ts")
	}
}

func TestRelativeImportsGetJSExtension(t *testing.T) {
	src := "import { a } from './m-http';\nimport { b } from './m-config.js';\nexport const f: () => Promise<unknown> = () => import('./m-session').then(() => a + b);\n"
	out, err := Module("m.ts", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	js := string(out["m.js"])
	for _, want := range []string{`from "./m-http.js"`, `from "./m-config.js"`, `import("./m-session.js")`} {
		if !strings.Contains(js, want) {
			t.Errorf("m.js lacks %s:\n%s", want, js)
		}
	}
}

var templateAction = regexp.MustCompile(`\{\{[^}]*\}\}`)

// BenchmarkDeriveReactJS derives, uncached, every module a React --lang js project gets derived
// with every feature (the core, its flows, the hook and the button): what one `init --lang js`
// or `generate --check` process pays for deriving, once, on top of a TypeScript project's cost.
func BenchmarkDeriveReactJS(b *testing.B) {
	root := filepath.Join("..", "..", "templates")
	var names []string
	var srcs [][]byte
	for _, d := range []string{"core/ts", "core/reauth/ts", "core/payments/ts", "react/integration/all/_core_"} {
		entries, err := os.ReadDir(filepath.Join(root, d))
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			src, err := os.ReadFile(filepath.Join(root, d, e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			// The button is a template: its actions (a directive's {{if}}, a literal "{{") are
			// resolved roughly here, which leaves esbuild the same work.
			text := strings.ReplaceAll(string(src), `{{"{{"}}`, "\x00")
			text = templateAction.ReplaceAllString(text, "")
			names = append(names, strings.TrimSuffix(e.Name(), ".tmpl"))
			srcs = append(srcs, []byte(strings.ReplaceAll(text, "\x00", "{{")))
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, name := range names {
			if _, err := derive(name, srcs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
