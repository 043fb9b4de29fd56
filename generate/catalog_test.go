package generate

import (
	"bytes"
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
			err:  `add "@mono.co/connect.js" to the catalog in pnpm-workspace.yaml by hand ('@mono.co/connect.js': 2.2.0), then run again`,
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

// A package of a pnpm workspace: the workspace's catalog, above the project, is used as the
// project's own would be: connect.js added to a default catalog that lacks it (the workspace file
// planned at its path from the project), a named catalog that pins it referenced by name, only
// named catalogs and none pinning it the exact version; the project's own catalog comes first.
func TestCatalogOfTheWorkspace(t *testing.T) {
	pkg := []byte(`{"name": "web", "dependencies": {"react": "catalog:"}}`)
	none := func(string) ([]byte, bool, error) { return nil, false, nil }
	workspace := func(dir, src string) *Workspace {
		ws, err := ReadWorkspace(dir, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return ws
	}
	pinned := workspace("../..", "packages:\n  - apps/*\ncatalog:\n  '@mono.co/connect.js': 2.2.0\n  react: 19.3.1\n")
	if pinned.Evidence != "../../pnpm-workspace.yaml" || pinned.PackageManager != "pnpm" {
		t.Errorf("workspace = %+v", pinned)
	}
	unpinned := workspace("..", "packages:\n  - apps/*\ncatalog:\n  react: 19.3.1 # the app's\n")
	namedPin := workspace("..", "catalog:\n  react: 19.3.1\ncatalogs:\n  web:\n    \"@mono.co/connect.js\": 2.1.0\n")
	defaultByName := workspace("..", "catalogs:\n  default:\n    react: 19.3.1\n  legacy:\n    react: 18.3.1\n")
	onlyNamed := workspace("..", "catalogs:\n  react18:\n    react: 18.3.1\n")
	for _, tt := range []struct {
		name    string
		pkg     string
		ws      *Workspace
		read    func(string) ([]byte, bool, error)
		want    string
		path    string // the merged file, "" for none
		content string // its content
	}{
		{"pinned in the workspace's catalog", "", pinned, none, catalogRef, "../../pnpm-workspace.yaml", "packages:\n  - apps/*\ncatalog:\n  '@mono.co/connect.js': 2.2.0\n  react: 19.3.1\n"},
		{"added to the workspace's catalog", "", unpinned, none, catalogRef, "../pnpm-workspace.yaml", "packages:\n  - apps/*\ncatalog:\n  '@mono.co/connect.js': 2.2.0\n  react: 19.3.1 # the app's\n"},
		{"pinned in a named catalog", "", namedPin, none, "catalog:web", "../pnpm-workspace.yaml", "catalog:\n  react: 19.3.1\ncatalogs:\n  web:\n    \"@mono.co/connect.js\": 2.1.0\n"},
		{"package.json says catalog: so the default catalog, not the named pin", `{"dependencies": {"@mono.co/connect.js": "catalog:"}}`, namedPin, none, catalogRef, "../pnpm-workspace.yaml", "catalog:\n  '@mono.co/connect.js': 2.2.0\n  react: 19.3.1\ncatalogs:\n  web:\n    \"@mono.co/connect.js\": 2.1.0\n"},
		{"a named catalog package.json names, lacking it, gets it", `{"dependencies": {"@mono.co/connect.js": "catalog:legacy"}}`, defaultByName, none, "catalog:legacy", "../pnpm-workspace.yaml", "catalogs:\n  default:\n    react: 19.3.1\n  legacy:\n    '@mono.co/connect.js': 2.2.0\n    react: 18.3.1\n"},
		{"a catalog package.json names that the file lacks is the user's to fix", `{"dependencies": {"@mono.co/connect.js": "catalog:legacy"}}`, unpinned, none, "catalog:legacy", "", ""},
		{"catalogs.default is the default catalog", "", defaultByName, none, catalogRef, "../pnpm-workspace.yaml", "catalogs:\n  default:\n    '@mono.co/connect.js': 2.2.0\n    react: 19.3.1\n  legacy:\n    react: 18.3.1\n"},
		{"only named catalogs, none pinning it: the exact version", "", onlyNamed, none, ConnectVersion, "", ""},
		{"no workspace", "", nil, none, ConnectVersion, "", ""},
		{"the project's own catalog first", "", unpinned, func(name string) ([]byte, bool, error) {
			if name == PnpmWorkspace {
				return []byte("catalog:\n  react: 19.3.1\n"), true, nil
			}
			return nil, false, nil
		}, catalogRef, PnpmWorkspace, "catalog:\n  '@mono.co/connect.js': 2.2.0\n  react: 19.3.1\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := pkg
			if tt.pkg != "" {
				p = []byte(tt.pkg)
			}
			version, _, file, err := catalogMerge(p, tt.read, tt.ws)
			if err != nil {
				t.Fatal(err)
			}
			if version != tt.want {
				t.Errorf("version %q, want %q", version, tt.want)
			}
			switch {
			case tt.path == "" && file != nil:
				t.Errorf("merged %s, want no file", file.Path)
			case tt.path != "" && file == nil:
				t.Errorf("no merged file, want %s", tt.path)
			case file != nil:
				if file.Path != tt.path || string(file.Content) != tt.content || file.Kind != KindMerged {
					t.Errorf("merged %s (%s):\n%s\nwant %s:\n%s", file.Path, file.Kind, file.Content, tt.path, tt.content)
				}
				if !file.Owned(file.Content) {
					t.Error("the planned file does not hold our part")
				}
				if tt.ws != nil && file.Owned(tt.ws.src) != bytes.Equal(tt.ws.src, file.Content) {
					t.Error("Owned of the workspace file as it was disagrees with whether the plan changes it")
				}
			}
		})
	}
	if _, _, _, err := catalogMerge(pkg, none, workspace("..", "catalog: {react: 19.3.1}\n")); err == nil || !strings.Contains(err.Error(), "by hand") || !strings.Contains(err.Error(), "../pnpm-workspace.yaml") {
		t.Errorf("a flow-style workspace catalog: %v, want the by-hand error naming the file", err)
	}
	for p, want := range map[string]bool{
		"../pnpm-workspace.yaml": true, "../../../pnpm-workspace.yaml": true,
		"pnpm-workspace.yaml": false, "../x/pnpm-workspace.yaml": false, "../../.yarnrc.yml": false,
		"..//pnpm-workspace.yaml": false, "../pnpm-workspace.yaml/..": false, "/pnpm-workspace.yaml": false,
	} {
		if IsWorkspaceFile(p) != want {
			t.Errorf("IsWorkspaceFile(%q) = %v", p, !want)
		}
	}
	if _, err := ReadWorkspace("..", []byte("catalog: [")); err == nil || !strings.Contains(err.Error(), "../pnpm-workspace.yaml is not valid YAML") {
		t.Errorf("a broken workspace file: %v", err)
	}
}
