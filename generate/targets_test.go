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
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/mono-connect/mono-connect/schema"
	"github.com/mono-connect/mono-connect/templates"
)

// TestTargetOrders pins today's orders: the list order users see and the order detection tries
// targets in (most specific first). A new target changes these lines on purpose.
func TestTargetOrders(t *testing.T) {
	if got, want := TargetNames(), []string{"vanilla", "react", "react-router", "next", "vue", "nuxt", "angular", "svelte", "solid", "preact", "astro", "html"}; !reflect.DeepEqual(got, want) {
		t.Errorf("list order = %v, want %v", got, want)
	}
	var detect []string
	for _, tg := range detectionOrder() {
		detect = append(detect, tg.Name)
	}
	if want := []string{"next", "react-router", "astro", "nuxt", "angular", "svelte", "solid", "vue", "preact", "react", "vanilla", "html"}; !reflect.DeepEqual(detect, want) {
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

// TestSchemaVariantEnumIsTheRegistry: answers.variant names exactly the variants the targets
// define (sorted), so a record written for a variant validates in an editor.
func TestSchemaVariantEnumIsTheRegistry(t *testing.T) {
	var s struct {
		Properties struct {
			Answers struct {
				Properties struct {
					Variant struct {
						Enum []string `json:"enum"`
					} `json:"variant"`
				} `json:"properties"`
			} `json:"answers"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schema.JSON, &s); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var want []string
	for _, tg := range Targets() {
		for key := range tg.Variants {
			if !seen[key] {
				seen[key] = true
				want = append(want, key)
			}
		}
	}
	sort.Strings(want)
	if got := s.Properties.Answers.Properties.Variant.Enum; !reflect.DeepEqual(got, want) {
		t.Errorf("schema/mono-connect.schema.json answers.variant enum = %v, want the registry's %v", got, want)
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
		"from server with prefix":  func(x *Target) { x.Key = KeyFromServer },
	} {
		x := good()
		breakIt(x)
		if err := x.check(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}

	// A static site: key from its server's environment, no build, no dev server in front.
	static := func() *Target {
		return &Target{
			Name: "y-test", Title: "Y", Langs: []string{"js"}, ListOrder: 1002, DetectOrder: 1002,
			Key: KeyFromServer, PublicKeyEnv: "MONO_PUBLIC_KEY",
			Dev: DevServer{Tool: "your server", Port: 1, Proxy: ProxyNone},
			Static: &StaticSite{
				ServerApp:  func(fs.FS) ServerApp { return ServerApp{} },
				DefaultDir: func(fs.FS) (string, string) { return "static", "the default" },
			},
		}
	}
	if err := static().check(); err != nil {
		t.Fatalf("a consistent static definition was refused: %v", err)
	}
	for name, breakIt := range map[string]func(*Target){
		"from server without key env": func(x *Target) { x.PublicKeyEnv = "" },
		"from server with env file":   func(x *Target) { x.EnvFile = ".env" },
		"from server with dev env":    func(x *Target) { x.Dev.EnvFiles = []string{".env"} },
		"static without server app":   func(x *Target) { x.Static.ServerApp = nil },
		"static without default dir":  func(x *Target) { x.Static.DefaultDir = nil },
		"static in ts":                func(x *Target) { x.Langs = []string{"js", "ts"} },
		"static with dev script":      func(x *Target) { x.DevScript = "dev" },
		"static behind a dev proxy":   func(x *Target) { x.Dev.Proxy, x.Dev.ProxyConfig, x.DevProxy = ProxyInConfig, "y.config", "hint %d" },
	} {
		x := static()
		breakIt(x)
		if err := x.check(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	variant := func() *Target {
		v := good()
		v.Variant, v.ListOrder, v.DetectOrder = "v", 0, 0
		return v
	}
	if err := good().checkVariant("v", variant()); err != nil {
		t.Fatalf("a consistent variant was refused: %v", err)
	}
	for name, breakIt := range map[string]func(*Target){
		"variant under another key":  func(v *Target) { v.Variant = "w" },
		"variant of another name":    func(v *Target) { v.Name = "y-test" },
		"variant with a list order":  func(v *Target) { v.ListOrder = 1002 },
		"variant with variants":      func(v *Target) { v.Variants = map[string]*Target{"v": variant()} },
		"variant without dev server": func(v *Target) { v.Dev.Tool = "" },
		"variant key env off prefix": func(v *Target) { v.PublicKeyEnv = "MONO_PUBLIC_KEY" },
	} {
		v := variant()
		breakIt(v)
		if err := good().checkVariant("v", v); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	withVariants := good()
	withVariants.Variants = map[string]*Target{"v": variant()}
	if err := withVariants.check(); err == nil {
		t.Error("a target with Variants and no DetectVariant: accepted")
	}
	if err := variant().check(); err == nil {
		t.Error("a variant registered as a target: accepted")
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
