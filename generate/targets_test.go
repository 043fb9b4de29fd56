package generate

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/mono-connect/mono-connect/schema"
	"github.com/mono-connect/mono-connect/templates"
)

// TestTargetOrders pins today's orders: the list order users see and the order detection tries
// targets in (most specific first). A new target changes these lines on purpose.
func TestTargetOrders(t *testing.T) {
	if got, want := TargetNames(), []string{"vanilla", "react", "react-router", "next", "vue", "nuxt", "angular", "svelte", "astro"}; !reflect.DeepEqual(got, want) {
		t.Errorf("list order = %v, want %v", got, want)
	}
	var detect []string
	for _, tg := range detectionOrder() {
		detect = append(detect, tg.Name)
	}
	if want := []string{"next", "react-router", "astro", "nuxt", "angular", "svelte", "vue", "react", "vanilla"}; !reflect.DeepEqual(detect, want) {
		t.Errorf("detect order = %v, want %v", detect, want)
	}
}

// TestSchemaFrameworkEnumIsTheRegistry: the schema's framework enum is kept by hand (editors read
// the file as it is), so it must name exactly the registered targets, in display order.
func TestSchemaFrameworkEnumIsTheRegistry(t *testing.T) {
	var s struct {
		Properties struct {
			Answers struct {
				Properties struct {
					Framework struct {
						Enum []string `json:"enum"`
					} `json:"framework"`
				} `json:"properties"`
			} `json:"answers"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schema.JSON, &s); err != nil {
		t.Fatal(err)
	}
	if got := s.Properties.Answers.Properties.Framework.Enum; !reflect.DeepEqual(got, TargetNames()) {
		t.Errorf("schema/mono-connect.schema.json answers.framework enum = %v, want the registry's %v", got, TargetNames())
	}
}

// TestEveryTargetIsEmbedded: each registered target's folder and bases are in the embedded tree.
func TestEveryTargetIsEmbedded(t *testing.T) {
	for _, tg := range Targets() {
		dirs := append(append([]string{tg.Name, tg.Base}, tg.MoreBases...), tg.StarterBases...)
		for _, dir := range dirs {
			if dir == "" {
				continue
			}
			if info, err := fs.Stat(templates.FS, dir); err != nil || !info.IsDir() {
				t.Errorf("%s: templates/%s is not embedded (%v)", tg.Name, dir, err)
			}
		}
	}
}

// TestRegisterRefusesInconsistentTargets: each broken definition is refused with a reason.
func TestRegisterRefusesInconsistentTargets(t *testing.T) {
	good := func() *Target {
		return &Target{
			Name: "x-test", Title: "X", Langs: []string{"ts"}, ListOrder: 1001, DetectOrder: 1001,
			EnvPrefix: "X_", PublicKeyEnv: "X_MONO_PUBLIC_KEY", EnvFile: ".env", DevProxy: "hint %d",
			Dev: DevServer{Tool: "x dev", EnvFiles: []string{".env"}, Port: 1, ProxyConfig: "x.config"},
		}
	}
	if err := good().check(); err != nil {
		t.Fatalf("a consistent definition was refused: %v", err)
	}
	for name, breakIt := range map[string]func(*Target){
		"no list order":            func(x *Target) { x.ListOrder = 0 },
		"duplicate list order":     func(x *Target) { x.ListOrder = vanillaTarget.ListOrder },
		"duplicate detect order":   func(x *Target) { x.DetectOrder = nextTarget.DetectOrder },
		"duplicate name":           func(x *Target) { x.Name = "vue" },
		"from env without prefix":  func(x *Target) { x.EnvPrefix = "" },
		"from env without key env": func(x *Target) { x.PublicKeyEnv = "" },
		"key env outside prefix":   func(x *Target) { x.PublicKeyEnv = "MONO_PUBLIC_KEY" },
		"in files without files":   func(x *Target) { x.Key, x.EnvPrefix, x.PublicKeyEnv = KeyInFiles, "", "" },
		"in files with env":        func(x *Target) { x.Key, x.KeyFiles = KeyInFiles, []string{"k.ts"} },
		"no dev server":            func(x *Target) { x.Dev.Tool = "" },
		"config proxy no config":   func(x *Target) { x.Dev.ProxyConfig = "" },
	} {
		x := good()
		breakIt(x)
		if err := x.check(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestSharedCodeNamesNoTarget: shared code (generate outside target_*.go, the command, doctor)
// never tests for a framework by name; what differs between targets is a Target field.
func TestSharedCodeNamesNoTarget(t *testing.T) {
	names := map[string]bool{}
	for _, tg := range Targets() {
		names[tg.Name] = true
	}
	var files []string
	for _, glob := range []string{"*.go", "../cmd/mono-connect/*.go", "../internal/doctor/*.go"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	checked := 0
	for _, f := range files {
		base := filepath.Base(f)
		if strings.HasSuffix(base, "_test.go") || (strings.HasPrefix(base, "target_") && filepath.Dir(f) == ".") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		ast.Inspect(file, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && names[s] {
					t.Errorf("%s: the string %q names a target: make the difference a Target field", f, s)
				}
			}
			return true
		})
	}
	if checked < 10 {
		t.Fatalf("checked only %d files: the globs no longer find the shared code", checked)
	}
}

// TestFillDefaults: a definition that leaves the shared fields empty gets the values every target
// used to spell out; one that sets them keeps its own.
func TestFillDefaults(t *testing.T) {
	d := &Target{EnvPrefix: "PUBLIC_"}
	d.fillDefaults()
	if d.PublicKeyEnv != "PUBLIC_MONO_PUBLIC_KEY" || d.BackendURLEnv != "PUBLIC_MONO_BACKEND_URL" || d.EnvFile != ".env" ||
		d.CoreDir != "_src_/lib/mono-connect" || d.DevScript != "dev" || len(d.Langs) != 2 || d.Langs[0] != "ts" {
		t.Errorf("defaults = %+v", d)
	}
	own := &Target{EnvPrefix: "NEXT_PUBLIC_", EnvFile: ".env.local", DevScript: "start", Langs: []string{"ts"}}
	own.fillDefaults()
	if own.EnvFile != ".env.local" || own.DevScript != "start" || len(own.Langs) != 1 {
		t.Errorf("own values replaced: %+v", own)
	}
	files := &Target{Key: KeyInFiles, KeyFiles: []string{"k.ts"}}
	files.fillDefaults()
	if files.PublicKeyEnv != "" || files.BackendURLEnv != "" || files.EnvFile != "" {
		t.Errorf("a KeyInFiles target got env names: %+v", files)
	}
}
