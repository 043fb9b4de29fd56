package appformat

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
}

func TestFindWantsConfigAndBinary(t *testing.T) {
	root := t.TempDir()
	if _, ok, missing := Find(root); ok || !strings.Contains(missing, "no Prettier or Biome config") {
		t.Fatalf("empty project: ok=%v missing=%q", ok, missing)
	}
	write(t, filepath.Join(root, "package.json"), `{"prettier": {"semi": false}}`, 0o644)
	if _, ok, missing := Find(root); ok || !strings.Contains(missing, "prettier is configured (package.json) but node_modules/.bin/prettier is missing") {
		t.Fatalf("config without binary: ok=%v missing=%q", ok, missing)
	}
	// A workspace installs the binary in a folder above the app.
	app := filepath.Join(root, "apps", "web")
	write(t, filepath.Join(app, "biome.json"), `{}`, 0o644)
	write(t, filepath.Join(root, "node_modules", ".bin", "biome"), "#!/bin/sh\n", 0o755)
	f, ok, _ := Find(app)
	if !ok || f.Name != "biome" || f.Config != "biome.json" || f.Bin != filepath.Join(root, "node_modules", ".bin", "biome") {
		t.Fatalf("biome in the workspace root: %+v ok=%v", f, ok)
	}
}

func TestFindPrefersTheConfiguredToolWithABinary(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".prettierrc"), `{}`, 0o644)
	write(t, filepath.Join(root, "biome.jsonc"), `{}`, 0o644)
	write(t, filepath.Join(root, "node_modules", ".bin", "biome"), "#!/bin/sh\n", 0o755)
	if f, ok, _ := Find(root); !ok || f.Name != "biome" {
		t.Fatalf("only biome is installed: %+v ok=%v", f, ok)
	}
	write(t, filepath.Join(root, "node_modules", ".bin", "prettier"), "#!/bin/sh\n", 0o755)
	if f, ok, _ := Find(root); !ok || f.Name != "prettier" || f.Config != ".prettierrc" {
		t.Fatalf("both installed: %+v ok=%v", f, ok)
	}
}

func TestArgs(t *testing.T) {
	files := []string{"src/lib/mono-connect/config.ts"}
	got := strings.Join(Formatter{Name: "prettier"}.Args(files), " ")
	if got != "--write --ignore-unknown --ignore-path= "+filepath.FromSlash(files[0]) {
		t.Errorf("prettier: %s", got)
	}
	got = strings.Join(Formatter{Name: "biome"}.Args(files), " ")
	if got != "format --write --no-errors-on-unmatched "+filepath.FromSlash(files[0]) {
		t.Errorf("biome: %s", got)
	}
}

func TestFormats(t *testing.T) {
	for name, want := range map[string]bool{"a.ts": true, "b.vue": true, "c.svelte": true, "d.json": true, "e.go": false, "f.html": false, ".env": false} {
		if Formats(name) != want {
			t.Errorf("Formats(%q) = %v", name, !want)
		}
	}
}

func TestRunTimesOut(t *testing.T) {
	root := t.TempDir()
	bin := filepath.Join(root, "node_modules", ".bin", "prettier")
	write(t, bin, "#!/bin/sh\nexec sleep 10\n", 0o755)
	old := Timeout
	Timeout = 200 * time.Millisecond
	defer func() { Timeout = old }()
	_, err := Formatter{Name: "prettier", Bin: bin}.Run(context.Background(), root, []string{"a.ts"})
	if err == nil || !strings.Contains(err.Error(), "prettier did not finish in 200ms") {
		t.Fatalf("err = %v", err)
	}
}

func TestRunReportsFailureWithOutput(t *testing.T) {
	root := t.TempDir()
	bin := filepath.Join(root, "fmt")
	write(t, bin, "#!/bin/sh\necho \"[error] $3 $4\" >&2\nexit 2\n", 0o755)
	out, err := Formatter{Name: "prettier", Bin: bin}.Run(context.Background(), root, []string{"a.ts"})
	if err == nil || !strings.Contains(err.Error(), "prettier failed: exit status 2") || strings.TrimSpace(string(out)) != "[error] --ignore-path= a.ts" {
		t.Fatalf("err = %v, out = %q", err, out)
	}
}

// Biome 2 skips a file its files.includes exclude even when named on the command line (2.6.9
// does so silently with --no-errors-on-unmatched), and init has just merged such negations for
// its own files: the run reads a copy of the config without them, beside it, removed afterwards.
func TestRunBiomeFormatsUnderTheConfigWithoutOurNegations(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "biome.jsonc"), `{
  // the user's
  "formatter": { "indentStyle": "tab", "lineWidth": 100 },
  "files": { "includes": ["**", "!dist", "!**/*.gen.ts", "!mono-connect.json", "!!src/lib/mono-connect", "!src/Button.tsx"], },
}
`, 0o644)
	bin := filepath.Join(root, "node_modules", ".bin", "biome")
	// The stand-in prints its arguments and the config it was given.
	write(t, bin, "#!/bin/sh\necho \"$@\"\nfor a in \"$@\"; do case \"$a\" in --config-path=*) cat \"${a#--config-path=}\" ;; esac; done\n", 0o755)
	out, err := Formatter{Name: "biome", Config: "biome.jsonc", Bin: bin}.Run(context.Background(), root, []string{"src/lib/mono-connect/config.ts", "src/Button.tsx"})
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	args, config, _ := strings.Cut(string(out), "\n")
	name, ok := strings.CutPrefix(strings.Fields(args)[1], "--config-path=")
	if !ok || !strings.HasPrefix(name, ".mono-connect-biome-") || !strings.HasPrefix(args, "format --config-path=") || !strings.HasSuffix(args, " --write --no-errors-on-unmatched src/lib/mono-connect/config.ts src/Button.tsx") {
		t.Fatalf("args: %s", args)
	}
	var c struct {
		Formatter map[string]any
		Files     struct{ Includes []string }
	}
	if err := json.Unmarshal([]byte(config), &c); err != nil {
		t.Fatalf("%v: %s", err, config)
	}
	if got := strings.Join(c.Files.Includes, " "); got != "** !dist !**/*.gen.ts !mono-connect.json" || c.Formatter["indentStyle"] != "tab" || c.Formatter["lineWidth"] != 100.0 {
		t.Errorf("the copy: %s", config)
	}
	if _, err := os.Stat(filepath.Join(root, name)); !os.IsNotExist(err) {
		t.Errorf("the copy is left behind: %v", err)
	}

	// A config that excludes none of the files is used as it is.
	write(t, filepath.Join(root, "biome.jsonc"), `{ "files": { "includes": ["**", "!dist"] } }`, 0o644)
	out, err = Formatter{Name: "biome", Config: "biome.jsonc", Bin: bin}.Run(context.Background(), root, []string{"src/lib/mono-connect/config.ts"})
	if err != nil || strings.TrimSpace(string(out)) != "format --write --no-errors-on-unmatched src/lib/mono-connect/config.ts" {
		t.Fatalf("%v: %s", err, out)
	}
}
