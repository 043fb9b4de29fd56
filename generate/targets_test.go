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

// TestDetectionTriesTheSpecificFirst: a framework built on another one's packages is tried
// before it (a Next app depends on react, a Nuxt app on vue, every Vite app on vite), and the
// Static targets, which recognise a server app rather than a JS one, come after every JS framework.
// Only these relations are the contract: the exact orders are the registry's (and the goldens
// show the list order), so a new target edits nothing here.
func TestDetectionTriesTheSpecificFirst(t *testing.T) {
	at := map[string]int{}
	order := detectionOrder()
	for i, tg := range order {
		at[tg.Name] = i
	}
	for _, pair := range [][2]string{
		{"next", "react"}, {"react-router", "react"}, {"preact", "react"}, {"nuxt", "vue"},
		{"astro", "vanilla"}, {"svelte", "vanilla"}, {"solid", "vanilla"}, {"vue", "vanilla"}, {"react", "vanilla"},
	} {
		if at[pair[0]] > at[pair[1]] {
			t.Errorf("detection tries %s before %s; want %s first", pair[1], pair[0], pair[0])
		}
	}
	for i, tg := range order {
		if tg.Static == nil {
			continue
		}
		for _, later := range order[i+1:] {
			if later.Static == nil {
				t.Errorf("detection tries the Static target %s before the JS framework %s", tg.Name, later.Name)
			}
		}
	}
}

// TestSchemaIsGenerated: the schema's lists of targets and variants are the registry's, so the
// committed file must be what `go generate ./schema` writes (like a golden: regenerate and read
// the diff).
func TestSchemaIsGenerated(t *testing.T) {
	want, err := SchemaWithRegistry(schema.JSON)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(schema.JSON) {
		t.Errorf("schema/mono-connect.schema.json is not the registry's: run go generate ./schema and read the diff")
	}
	var s struct {
		Properties struct {
			Answers struct {
				Properties map[string]struct {
					Enum []string `json:"enum"`
				} `json:"properties"`
			} `json:"answers"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(want, &s); err != nil {
		t.Fatal(err)
	}
	enums := s.Properties.Answers.Properties
	if got := enums["framework"].Enum; !reflect.DeepEqual(got, TargetNames()) || len(got) < 2 {
		t.Errorf("answers.framework enum = %v, want the registry's %v", got, TargetNames())
	}
	if got := enums["variant"].Enum; !reflect.DeepEqual(got, VariantNames()) || len(got) == 0 {
		t.Errorf("answers.variant enum = %v, want the registry's %v", got, VariantNames())
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

// TestSharedCodeNamesNoTarget: shared code (generate outside target_*.go, cmd/, every internal
// package) never names a framework in a string, nor tells a key source by an empty field; what
// differs between targets is a Target field.
func TestSharedCodeNamesNoTarget(t *testing.T) {
	names := map[string]bool{}
	for _, tg := range Targets() {
		names[tg.Name] = true
	}
	var files []string
	for _, glob := range []string{"*.go", "../cmd/*/*.go", "../internal/*/*.go", "../internal/*/cmd/*/*.go"} {
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
			// The definition's own consistency check (targets.go) is where these fields meet
			// their empty values; anywhere else an empty one standing for a kind of target is
			// a sentinel: test Target.Key instead.
			if sentinel := keySentinel(n); sentinel != "" && base != "targets.go" {
				t.Errorf("%s: %s tests a key-source sentinel: compare Target.Key (KeyFromEnv, KeyInFiles, KeyFromServer)", f, sentinel)
			}
			return true
		})
	}
	if checked < 10 {
		t.Fatalf("checked only %d files: the globs no longer find the shared code", checked)
	}
}

// keySentinel returns the text of a comparison that tells a key source by an empty field
// (x.EnvPrefix == "", len(x.KeyFiles) > 0, ...), or "".
func keySentinel(n ast.Node) string {
	cmp, ok := n.(*ast.BinaryExpr)
	if !ok || cmp.Op == token.LAND || cmp.Op == token.LOR {
		return ""
	}
	for _, side := range []ast.Expr{cmp.X, cmp.Y} {
		if call, ok := side.(*ast.CallExpr); ok && len(call.Args) == 1 {
			if fn, ok := call.Fun.(*ast.Ident); ok && fn.Name == "len" {
				side = call.Args[0]
			}
		}
		if sel, ok := side.(*ast.SelectorExpr); ok {
			switch sel.Sel.Name {
			case "EnvPrefix", "KeyFiles", "EnvFile":
				return sel.Sel.Name + " " + cmp.Op.String()
			}
		}
	}
	return ""
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
