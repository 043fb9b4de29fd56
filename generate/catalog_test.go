package generate

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestAddToCatalog(t *testing.T) {
	tests := []struct {
		name, in, want, err string
	}{
		{
			name: "unsorted catalog: last, single quotes kept",
			in:   "packages:\n  - .\ncatalog:\n  '@antfu/eslint-config': ^6.0.0\n  vue: ^3.5.45\n  vite: ^8.4.0\nonlyBuiltDependencies:\n  - esbuild\n",
			want: "packages:\n  - .\ncatalog:\n  '@antfu/eslint-config': ^6.0.0\n  vue: ^3.5.45\n  vite: ^8.4.0\n  '@mono.co/connect.js': 2.2.0\nonlyBuiltDependencies:\n  - esbuild\n",
		},
		{
			name: "sorted: before the first key after ours",
			in:   "catalog:\n    '@antfu/ni': ^1.0.0\n    vite: ^8.4.0\n    vue: ^3.5.45\n",
			want: "catalog:\n    '@antfu/ni': ^1.0.0\n    '@mono.co/connect.js': 2.2.0\n    vite: ^8.4.0\n    vue: ^3.5.45\n",
		},
		{
			name: "double quotes followed",
			in:   "catalog:\n  \"vue\": \"^3.5.45\"\n",
			want: "catalog:\n  \"@mono.co/connect.js\": 2.2.0\n  \"vue\": \"^3.5.45\"\n",
		},
		{
			name: "no final newline",
			in:   "catalog:\n  '@antfu/ni': ^1.0.0",
			want: "catalog:\n  '@antfu/ni': ^1.0.0\n  '@mono.co/connect.js': 2.2.0\n",
		},
		{
			name: "a flow mapping is refused with what to add",
			in:   "catalog: { vue: ^3.5.45 }\n",
			err:  `add "@mono.co/connect.js" to the catalog in pnpm-workspace.yaml by hand (@mono.co/connect.js: 2.2.0), then run again`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, err := readYAMLCatalog(PnpmWorkspace, []byte(tt.in))
			if err != nil || cat == nil {
				t.Fatalf("readYAMLCatalog: %v, %v", cat, err)
			}
			got, err := addToCatalog([]byte(tt.in), cat, ConnectPackage, ConnectVersion)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			again, err := readYAMLCatalog(PnpmWorkspace, got)
			if err != nil || again == nil || !again.has(ConnectPackage) {
				t.Errorf("the result does not parse with our entry in the catalog: %v", err)
			}
		})
	}
}

func TestReadPnpmCatalog(t *testing.T) {
	for _, in := range []string{"packages:\n  - .\n", "catalogs:\n  react19:\n    react: ^19\n", "", "catalog: ^1\n"} {
		cat, err := readYAMLCatalog(PnpmWorkspace, []byte(in))
		if err != nil || cat != nil {
			t.Errorf("readYAMLCatalog(%q) = %v, %v; want no catalog", in, cat, err)
		}
	}
	if _, err := readYAMLCatalog(PnpmWorkspace, []byte("catalog: [\n")); err == nil {
		t.Error("broken YAML read without an error")
	}
}

func TestDetectReadsOnlyPnpmPackages(t *testing.T) {
	project := fstest.MapFS{
		"package.json":          {Data: []byte(`{"name":"root","private":true}`)},
		"pnpm-workspace.yaml":   {Data: []byte("packages:\n  - apps/*\n  - .\nonlyBuiltDependencies:\n  - esbuild\ncatalog:\n  vue: ^3.5.45\n")},
		"apps/web/package.json": {Data: []byte(`{"name":"web"}`)},
		"esbuild/package.json":  {Data: []byte(`{"name":"not-a-workspace"}`)},
	}
	d, err := Detect(project)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Workspaces) != 1 || d.Workspaces[0] != "apps/web" {
		t.Errorf("Workspaces = %q, want [apps/web]: only the packages list counts, and . is the root itself", d.Workspaces)
	}
}

func TestAddToBunCatalog(t *testing.T) {
	tests := []struct {
		name, in, want string
		catalog        bool
	}{
		{
			name: "workspaces.catalog is preferred to a top-level catalog", catalog: true,
			in:   `{"catalog": {}, "workspaces": {"catalog": {"zod": "3.0.0"}}}`,
			want: `{"catalog": {}, "workspaces": {"catalog": {"@mono.co/connect.js": "2.2.0", "zod": "3.0.0"}}}`,
		},
		{
			name: "workspaces as a list: the top-level catalog", catalog: true,
			in:   `{"workspaces": ["apps/*"], "catalog": {}}`,
			want: `{"workspaces": ["apps/*"], "catalog": {"@mono.co/connect.js": "2.2.0"}}`,
		},
		{
			name: "an entry there already is kept", catalog: true,
			in:   `{"catalog": {"@mono.co/connect.js": "^2.3.0"}}`,
			want: `{"catalog": {"@mono.co/connect.js": "^2.3.0"}}`,
		},
		{
			name: "no catalog",
			in:   `{"workspaces": {"packages": []}, "dependencies": {}}`,
			want: `{"workspaces": {"packages": []}, "dependencies": {}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := addToBunCatalog([]byte(tt.in))
			if err != nil || ok != tt.catalog || string(got) != tt.want {
				t.Errorf("got %s, %v, %v; want %s, %v", got, ok, err, tt.want, tt.catalog)
			}
			if !hasBunCatalogEntry(got) {
				t.Errorf("hasBunCatalogEntry(%s) = false", got)
			}
		})
	}
	if hasBunCatalogEntry([]byte(`{"catalog": {"vue": "^3"}}`)) {
		t.Error("a catalog without our entry counts as ours")
	}
}

// A package of a pnpm workspace: the workspace's catalog, above the project, is read and never
// written; connect.js is "catalog:" when it pins it, the exact version when it does not, and the
// project's own catalog, if any, comes first.
func TestCatalogOfTheWorkspace(t *testing.T) {
	pkg := []byte(`{"name": "web", "dependencies": {"react": "catalog:"}}`)
	none := func(string) ([]byte, bool, error) { return nil, false, nil }
	pinned, err := ReadWorkspace("../..", []byte("packages:\n  - apps/*\ncatalog:\n  '@mono.co/connect.js': 2.2.0\n  react: 19.3.1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if pinned.Evidence != "../../pnpm-workspace.yaml" || pinned.PackageManager != "pnpm" {
		t.Errorf("workspace = %+v", pinned)
	}
	unpinned, err := ReadWorkspace("..", []byte("packages:\n  - apps/*\ncatalog:\n  react: 19.3.1\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		ws   *Workspace
		read func(string) ([]byte, bool, error)
		want string
		file bool
	}{
		{"pinned in the workspace's catalog", pinned, none, catalogRef, false},
		{"the workspace's catalog lacks it: nothing written outside the project", unpinned, none, ConnectVersion, false},
		{"no workspace", nil, none, ConnectVersion, false},
		{"the project's own catalog first", unpinned, func(name string) ([]byte, bool, error) {
			if name == PnpmWorkspace {
				return []byte("catalog:\n  react: 19.3.1\n"), true, nil
			}
			return nil, false, nil
		}, catalogRef, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			version, _, file, err := catalogMerge(pkg, tt.read, tt.ws)
			if err != nil {
				t.Fatal(err)
			}
			if version != tt.want || (file != nil) != tt.file {
				t.Errorf("version %q, merged file %v; want %q, %v", version, file != nil, tt.want, tt.file)
			}
		})
	}
	if _, err := ReadWorkspace("..", []byte("catalog: [")); err == nil || !strings.Contains(err.Error(), "../pnpm-workspace.yaml is not valid YAML") {
		t.Errorf("a broken workspace file: %v", err)
	}
}
