package coregen

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/aymanbagabas/go-udiff"
)

// TestCommittedCoreIsDerived fails when a js/ folder of the core is not what `go generate ./...`
// writes from the ts/ folder beside it: a file edited by hand, a stale one, or one missing.
func TestCommittedCoreIsDerived(t *testing.T) {
	root := filepath.Join("..", "..", "templates")
	fsys := os.DirFS(root)
	want, err := Derive(fsys)
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := SourceDirs(fsys)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, d := range dirs {
		out := OutDir(d)
		entries, err := fs.ReadDir(fsys, out)
		if err != nil {
			t.Errorf("%s: %v: run go generate ./...", out, err)
			continue
		}
		for _, e := range entries {
			name := path.Join(out, e.Name())
			seen[name] = true
			got, err := fs.ReadFile(fsys, name)
			if err != nil {
				t.Fatal(err)
			}
			w, ok := want[name]
			if !ok {
				t.Errorf("templates/%s is not derived from any source: remove it, or run go generate ./...", name)
				continue
			}
			if string(got) != string(w) {
				t.Errorf("templates/%s differs from what go generate ./... writes:\n%s", name, udiff.Unified("committed", "derived", string(got), string(w)))
			}
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("templates/%s is missing: run go generate ./...", name)
		}
	}
}

// TestHandEditIsCaught proves the agreement test's comparison can fail: a derived file changed
// after Derive no longer matches.
func TestHandEditIsCaught(t *testing.T) {
	src := fstest.MapFS{Root + "/ts/m.ts": {Data: []byte("export const f: () => number = () => 1;\n")}}
	a, err := Derive(src)
	if err != nil {
		t.Fatal(err)
	}
	js := string(a[Root+"/js/m.js"])
	if !strings.Contains(js, "const f = () => 1;") {
		t.Fatalf("m.js = %q, want the compiled function", js)
	}
	src[Root+"/ts/m.ts"] = &fstest.MapFile{Data: []byte("export const f: () => number = () => 2;\n")}
	b, err := Derive(src)
	if err != nil {
		t.Fatal(err)
	}
	if string(b[Root+"/js/m.js"]) == js {
		t.Fatal("a changed source derived the same JavaScript")
	}
}

func TestTypesModuleMustHoldOnlyTypes(t *testing.T) {
	fsys := fstest.MapFS{Root + "/ts/x-types.ts": {Data: []byte("export type A = string;\nexport const b = 1;\n")}}
	if _, err := Derive(fsys); err == nil || !strings.Contains(err.Error(), "only types") {
		t.Fatalf("Derive = %v, want the only-types error", err)
	}
}

func TestExportsWithoutADerivableShapeAreErrors(t *testing.T) {
	for _, src := range []string{
		"export function f(): void {}\n",
		"export const x = 1;\n",
		"export let y: number = 1;\n",
	} {
		fsys := fstest.MapFS{Root + "/ts/m.ts": {Data: []byte(src)}}
		if _, err := Derive(fsys); err == nil {
			t.Errorf("Derive(%q) succeeded, want an error: its export would be missing from m.d.ts", src)
		}
	}
}

func TestDeclarations(t *testing.T) {
	src := "// m\nimport type { A, B, Unused } from './t.js';\nimport { v } from './v.js';\n\n/** Doc of f. */\nexport const f: A = () => v;\nexport const g: B<number> = 1 as never;\nconst hidden = 2;\n"
	fsys := fstest.MapFS{Root + "/ts/m.ts": {Data: []byte(src)}}
	out, err := Derive(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := "// Types of m.js, written from m.ts by mono-connect.\nimport type { A, B } from './t.js';\n\n/** Doc of f. */\nexport declare const f: A;\n\nexport declare const g: B<number>;\n"
	if got := string(out[Root+"/js/m.d.ts"]); got != want {
		t.Errorf("m.d.ts:\n%s", udiff.Unified("want", "got", want, got))
	}
	if js := string(out[Root+"/js/m.js"]); !strings.HasPrefix(js, "// m\n//\n// Compiled by esbuild from m.ts") || strings.Contains(js, ": A") {
		t.Errorf("m.js:\n%s", js)
	}
}

func TestRelativeImportsGetJSExtension(t *testing.T) {
	src := "import { a } from './m-http';\nexport const f: () => Promise<unknown> = () => import('./m-session').then(() => a);\n"
	out, err := Derive(fstest.MapFS{Root + "/ts/m.ts": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	js := string(out[Root+"/js/m.js"])
	for _, want := range []string{`from "./m-http.js"`, `import("./m-session.js")`} {
		if !strings.Contains(js, want) {
			t.Errorf("m.js lacks %s:\n%s", want, js)
		}
	}
}
