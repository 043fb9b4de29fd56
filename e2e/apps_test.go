//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// target is one entry of `mono-connect targets --json`.
type target struct {
	Name         string   `json:"name"`
	Langs        []string `json:"langs"`
	Features     []string `json:"features"`
	PublicKeyEnv string   `json:"public_key_env"`
}

func loadTargets(t *testing.T) []target {
	t.Helper()
	out, err := exec.Command(cliPath, "targets", "--json").Output()
	if err != nil {
		t.Fatalf("mono-connect targets --json: %v", err)
	}
	var v struct{ Targets []target }
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("mono-connect targets --json: %v\n%s", err, out)
	}
	return v.Targets
}

func envList(name string) map[string]bool {
	v := strings.TrimSpace(os.Getenv(name))
	if v == "" {
		return nil
	}
	out := map[string]bool{}
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out[s] = true
		}
	}
	return out
}

// TestApps scaffolds, builds, serves and drives every selected framework: greenfield in each
// language, then brownfield inside a project made by the framework's own generator.
func TestApps(t *testing.T) {
	targets := loadTargets(t)
	only := envList("E2E_FRAMEWORKS")
	langs := envList("E2E_LANGS")
	known := map[string]bool{}
	for _, tg := range targets {
		known[tg.Name] = true
	}
	for name := range only {
		if !known[name] {
			t.Errorf("E2E_FRAMEWORKS names %q, which `mono-connect targets` does not list", name)
		}
	}
	for _, tg := range targets {
		tg := tg
		if only != nil && !only[tg.Name] {
			continue
		}
		t.Run(tg.Name, func(t *testing.T) {
			r, ok := recipes[tg.Name]
			if !ok {
				t.Fatalf("no e2e recipe for framework %q: add e2e/target_%s_test.go (see e2e/README.md)", tg.Name, strings.ReplaceAll(tg.Name, "-", "_"))
			}
			for _, lang := range tg.Langs {
				// A target with one language (html: plain JS) runs it.
				run := lang == "ts" || !r.tsOnlyByDefault || len(tg.Langs) == 1
				if langs != nil {
					run = langs[lang]
				}
				if !run {
					continue
				}
				lang := lang
				t.Run("greenfield-"+lang, func(t *testing.T) { greenfield(t, tg, r, lang) })
			}
			if os.Getenv("E2E_BROWNFIELD") != "0" {
				t.Run("brownfield", func(t *testing.T) { brownfield(t, tg, r, "") })
				for variant, vr := range r.variants {
					variant, vr := variant, vr
					t.Run("brownfield-"+variant, func(t *testing.T) { brownfield(t, tg, vr, variant) })
				}
			}
		})
	}
}

// scaffold runs `mono-connect init` and applies E2E_MUTATE to the generated code. The key goes in
// with --public-key, except for a Go-only app, whose server renders it from its env.
func scaffold(t *testing.T, r recipe, dir string, args ...string) {
	t.Helper()
	timings.time(t.Name()+": mono-connect init", func() { runInit(t, r, dir, args...) })
	coreEntry(t, dir) // exactly one core, so a core mutation has one place to go
	mutateApp(t, dir)
}

// runInit runs `mono-connect init dir --yes args...` with the suite's public key (keyFlags).
func runInit(t *testing.T, r recipe, dir string, args ...string) {
	t.Helper()
	argv := append([]string{cliPath, "init", dir, "--yes"}, args...)
	argv = append(argv, keyFlags(r)...)
	runCmd(t, time.Minute, filepath.Dir(dir), nil, argv...)
}

// keyFlags gives init the suite's public key, except for a Go-only app, whose server renders it
// from its env.
func keyFlags(r recipe) []string {
	if r.goOnly {
		return nil
	}
	return []string{"--public-key", testPublicKey}
}

// greenfieldFlags are the init flags of a greenfield app besides --framework, --lang and the key,
// and the institution they pin. Every language runs every flow (issue #14: link, cancel, double
// click, reauth and pay, in ts and in js); ts (and a one-language target) also opens a bank
// directly, js leaves the choice to the widget, so both of --institution's paths run in a
// browser. .ci/lib.sh scaffolds its greenfield apps with these too (E2E_INIT_FLAGS_DIR).
func greenfieldFlags(lang string, oneLang bool) (flags []string, institution string) {
	flags = []string{"--features", everyFeature}
	if lang == "ts" || oneLang {
		flags = append(flags, "--institution", testInstitution)
		institution = testInstitution
	}
	return flags, institution
}

// coreEntry finds the generated core's entry module below dir: mono-connect.ts in a TS project,
// mono-connect.js (compiled from it) in a JS one.
func coreEntry(t *testing.T, dir string) string {
	t.Helper()
	entries := findCoreModule(t, dir, "mono-connect")
	if len(entries) != 1 {
		t.Fatalf("want one generated core entry (mono-connect.ts or .js) in %s, found %v", dir, entries)
	}
	return entries[0]
}

// findCoreModule lists the core module named module (mono-connect, mono-connect-session, ...)
// below dir, as .ts or .js, in the core's own folder: Nuxt's modules/mono-connect.ts and
// Angular's environments/mono-connect.ts share the entry's name but are not the core.
func findCoreModule(t *testing.T, dir, module string) []string {
	t.Helper()
	var out []string
	for _, p := range append(findFiles(t, dir, module+".ts"), findFiles(t, dir, module+".js")...) {
		if filepath.Base(filepath.Dir(p)) == "mono-connect" {
			out = append(out, p)
		}
	}
	return out
}

// findFiles lists files named name below dir, outside node_modules.
func findFiles(t *testing.T, dir, name string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && p != dir {
			return filepath.SkipDir
		}
		if !d.IsDir() && d.Name() == name {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// npmBuild installs and builds an app with npm, timing both.
func npmBuild(t *testing.T, dir string, buildEnv func(*testing.T, string) []string) {
	t.Helper()
	timings.time(t.Name()+": npm install", func() {
		runCmd(t, 10*time.Minute, dir, nil, "npm", "install", "--no-audit", "--no-fund")
	})
	var env []string
	if buildEnv != nil {
		env = buildEnv(t, dir)
	}
	timings.time(t.Name()+": npm run build", func() {
		runCmd(t, 10*time.Minute, dir, env, "npm", "run", "build")
	})
}

func greenfield(t *testing.T, tg target, r recipe, lang string) {
	if !exists(filepath.Join(repoRoot, "templates", tg.Name, "starter")) {
		t.Fatalf("templates/%s/starter is missing: every target has a greenfield starter", tg.Name)
	}
	app := &appUnderTest{name: tg.Name + "-" + lang, publicKey: testPublicKey, events: true, reauth: true, payments: true}
	flags, institution := greenfieldFlags(lang, len(tg.Langs) == 1)
	app.institution = institution
	args := append([]string{"--framework", tg.Name, "--lang", lang}, flags...)
	if dir, ok := prebuiltApp(t, r, app.name, args); ok {
		server := recordedServerDir(t, dir)
		prebuildGoServer(t, server)
		serveAndRun(t, r, dir, server, app, "/")
		return
	}
	dir := filepath.Join(workRoot, app.name)
	os.RemoveAll(dir)
	scaffold(t, r, dir, args...)
	server := recordedServerDir(t, dir)
	prebuildGoServer(t, server)
	if r.goOnly {
		assertNoNode(t, dir)
		serveAndRun(t, r, dir, server, app, "/")
		return
	}
	npmBuild(t, dir, r.buildEnv)
	serveAndRun(t, r, dir, server, app, "/")
}

// recordedServerDir is where init put the standalone Go server (server/, or mono-server/ in
// Nuxt, whose server/ is Nitro's), as mono-connect.json records it.
func recordedServerDir(t *testing.T, dir string) string {
	var rec struct {
		Answers struct {
			ServerDir string `json:"server_dir"`
		} `json:"answers"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "mono-connect.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rec); err != nil || rec.Answers.ServerDir == "" {
		t.Fatalf("mono-connect.json records no server_dir (%v)", err)
	}
	return filepath.Join(dir, filepath.FromSlash(rec.Answers.ServerDir))
}

// brownfield runs one host; variant is the target variant detection must record for it ("" none).
func brownfield(t *testing.T, tg target, r recipe, variant string) {
	if r.host == nil {
		t.Fatalf("no brownfield host for %s", tg.Name)
	}
	name := tg.Name + "-brownfield"
	if variant != "" {
		name += "-" + variant
	}
	dir := filepath.Join(workRoot, name)
	os.RemoveAll(dir)
	timings.time(t.Name()+": create the host app with the framework's generator", func() { r.host(t, dir) })
	// No --framework, no --lang: brownfield detects them from the host. Every feature, so the
	// reauth and pay flows run on the mounted page too.
	scaffold(t, r, dir, "--features", everyFeature)
	var rec struct {
		Answers struct {
			Framework  string `json:"framework"`
			Variant    string `json:"variant"`
			Greenfield bool   `json:"greenfield"`
		} `json:"answers"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "mono-connect.json")); err != nil {
		t.Fatal(err)
	} else if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatalf("mono-connect.json: %v", err)
	}
	if rec.Answers.Framework != tg.Name || rec.Answers.Variant != variant || rec.Answers.Greenfield {
		t.Fatalf("init in a %s project (variant %q) recorded framework %q, variant %q (greenfield %v)", tg.Name, variant, rec.Answers.Framework, rec.Answers.Variant, rec.Answers.Greenfield)
	}
	page := r.mount(t, dir)
	app := &appUnderTest{name: name, publicKey: testPublicKey, events: true, reauth: true, payments: true}
	flows := []string{"link", "exit", "double-click", "reauth", "pay"}
	if r.binding != nil {
		app.bindingURL, app.bindingCheck = r.binding(t, dir), r.bindingCheck
		flows = append(flows, "binding")
	}
	if r.goOnly {
		// The host is a Go server of its own with package monoconnect inside its module.
		prebuildGoServer(t, dir)
		assertNoNode(t, dir)
		serveAndRun(t, r, dir, dir, app, page, flows...)
		return
	}
	server := recordedServerDir(t, dir)
	prebuildGoServer(t, server)
	npmBuild(t, dir, r.buildEnv)
	serveAndRun(t, r, dir, server, app, page, flows...)
}

// everyFeature: what every app is scaffolded with, greenfield and brownfield, so every flow runs.
const everyFeature = "link,reauth,payments,events"

// serveAndRun starts the fake Mono, the generated Go server, the app and the frontend in front of
// them, then runs the flows.
func serveAndRun(t *testing.T, r recipe, dir, serverDir string, app *appUnderTest, page string, flows ...string) {
	t.Helper()
	app.mono = startFakeMono(t)
	app.front = newFrontend(t)
	var up upstream
	var appProc *proc
	if r.goOnly {
		// The Go server is the app server: it renders the page with the public key from its
		// env, and gets a PATH without Node, which it must not need.
		app.server = startGoServer(t, serverDir, app.mono, app.front.url, "MONO_PUBLIC_KEY="+testPublicKey, "PATH=/usr/bin:/bin")
		up = upstream{url: app.server.url}
	} else {
		app.server = startGoServer(t, serverDir, app.mono, app.front.url)
		timings.time(t.Name()+": start the app server", func() { up, appProc = r.serve(t, dir) })
	}
	app.front.serve(t, up, app.server.url)
	app.url = app.front.url + page
	if app.bindingURL != "" {
		app.bindingURL = app.front.url + app.bindingURL
	}
	app.logs = func() map[string]string {
		out := map[string]string{"go-server.log": app.server.proc.log.String()}
		if appProc != nil {
			out["app-server.log"] = appProc.log.String()
		}
		return out
	}
	runFlows(t, app, flows...)
}

// recipe is what differs between frameworks: how a built app is served, how a host project is
// made for brownfield, and where the test mounts the generated binding in it.
type recipe struct {
	// goOnly: no npm anywhere; the generated (or the host's) Go server serves the page itself.
	goOnly   bool
	buildEnv func(t *testing.T, dir string) []string // env for `npm run build`, after install
	serve    func(t *testing.T, dir string) (upstream, *proc)
	host     func(t *testing.T, dir string) // create the brownfield host project in dir
	// hostFiles: a host made by hand, as a txtar archive (hosts_test.go); sets host.
	hostFiles string
	mount     func(t *testing.T, dir string) string // use the generated binding on a page; returns its path
	// binding adds a page that drives the generated component or hook and returns its path
	// (samePage: the mounted page itself); bindingCheck names what flowBinding checks there
	// (bindings_test.go). nil: none.
	binding      func(t *testing.T, dir string) string
	bindingCheck string
	// variants are further brownfield hosts, each detected as the named target variant.
	variants map[string]recipe
	// tsOnlyByDefault: the js starter runs only with E2E_LANGS (a target with a js starter runs
	// both by default, so a new one needs no edit here; three long-standing ones opt out for
	// CI's time, their js starters still built by .ci/frameworks).
	tsOnlyByDefault bool
}

// recipes are the targets' recipes, each registered by its e2e/target_<name>_test.go.
var recipes = map[string]recipe{}

// register records a target's recipe; a package-level `var _ = register(...)` in its file.
func register(name string, r recipe) bool {
	if _, dup := recipes[name]; dup {
		panic("e2e: two recipes for " + name)
	}
	if r.hostFiles != "" {
		r.host = txtarHost(r.hostFiles)
		txtarHosts[name] = r.hostFiles
	}
	recipes[name] = r
	return true
}

// samePage is a recipe's binding page when the mounted page carries the binding flow's
// elements itself.
func samePage(*testing.T, string) string { return "/" }

// staticDir serves a directory of built files (SPA builds).
func staticDir(rel string) func(t *testing.T, dir string) (upstream, *proc) {
	return func(t *testing.T, dir string) (upstream, *proc) {
		matches, _ := filepath.Glob(filepath.Join(dir, rel, "index.html"))
		if len(matches) != 1 {
			t.Fatalf("want one %s/index.html after the build, found %v", rel, matches)
		}
		return upstream{dir: filepath.Dir(matches[0])}, nil
	}
}

// nodeServer starts a framework's production server on a free loopback port.
func nodeServer(name string, argv func(port int) []string, env func(dir string, port int) []string) func(t *testing.T, dir string) (upstream, *proc) {
	return func(t *testing.T, dir string) (upstream, *proc) {
		port := freePort(t)
		var e []string
		if env != nil {
			e = env(dir, port)
		}
		p := startProc(t, name, dir, e, argv(port)...)
		u := fmt.Sprintf("http://127.0.0.1:%d", port)
		p.waitHTTP(t, u+"/", 60*time.Second)
		return upstream{url: u}, p
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// assertNoNode fails when a Go-only app has any trace of Node: a node_modules folder, a
// package.json or a lockfile anywhere below dir.
func assertNoNode(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		switch d.Name() {
		case "node_modules", "package.json", "package-lock.json", "scripts":
			t.Errorf("%s exists: the html app must run with no Node at all", p)
		}
		return nil
	})
}
