//go:build e2e

package e2e

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mono-connect/mono-connect/internal/coregen"
)

// TestHarness proves the harness itself, independently of any framework template: a hand-written
// Vite page around the JavaScript core (what internal/coregen derives from templates/core/ts, with
// the reauth and payments modules, as a JS project gets it), and a hand-written stand-in for the
// generated Go server, driven through every flow. When it fails, the fault is in the harness or
// in the core wrapper, not in a framework binding.
func TestHarness(t *testing.T) {
	dir := filepath.Join(workRoot, "harness")
	os.RemoveAll(dir)
	write := func(rel, content string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The JavaScript core as a JS project with every feature gets it (generate/core.go).
	for _, d := range []string{"ts", "reauth/ts", "payments/ts"} {
		coreDir := filepath.Join(repoRoot, "templates", "core", filepath.FromSlash(d))
		coreFiles, err := os.ReadDir(coreDir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range coreFiles {
			b, err := os.ReadFile(filepath.Join(coreDir, f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			derived, err := coregen.Module(f.Name(), b)
			if err != nil {
				t.Fatal(err)
			}
			// In a folder named mono-connect, as every target writes it: E2E_MUTATE finds the
			// core there (findCoreModule).
			for name, content := range derived {
				write("src/mono-connect/"+name, string(content))
			}
		}
	}
	mutateApp(t, dir)
	write("package.json", harnessPackageJSON)
	write("index.html", harnessIndexHTML)
	write("src/main.js", harnessMainJS)
	write(".env", "VITE_MONO_PUBLIC_KEY="+testPublicKey+"\n")
	write("server/go.mod", "module e2e-standin\n\ngo 1.22\n")
	write("server/main.go", standinServer)

	timings.time(t.Name()+": npm install + vite build", func() {
		runCmd(t, 5*time.Minute, dir, nil, "npm", "install", "--no-package-lock")
		runCmd(t, 3*time.Minute, dir, nil, "npm", "run", "build")
	})

	mono := startFakeMono(t)
	front := newFrontend(t)
	srv := startGoServer(t, filepath.Join(dir, "server"), mono, front.url)
	front.serve(t, upstream{dir: filepath.Join(dir, "dist")}, srv.url)
	app := &appUnderTest{
		name: "harness", url: front.url + "/", publicKey: testPublicKey,
		institution: testInstitution, reauth: true, events: true,
		mono: mono, front: front, server: srv,
		logs: func() map[string]string { return map[string]string{"go-server.log": srv.proc.log.String()} },
	}
	runFlows(t, app, "link", "exit", "double-click", "reauth", "bad-code", "close-while-loading")
}

const harnessPackageJSON = `{
  "name": "e2e-harness",
  "private": true,
  "type": "module",
  "scripts": { "build": "vite build" },
  "dependencies": { "@mono.co/connect.js": "2.2.0" },
  "devDependencies": { "vite": "8.3.8" }
}
`

const harnessIndexHTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>mono-connect e2e harness</title></head>
<body>
<main>
  <button type="button" data-mono-connect>Link bank account</button>
  <p>Status: <span data-mono-status>idle</span></p>
  <p>Closed: <span data-mono-close-reason></span></p>
  <p><input data-mono-account aria-label="Account id"> <button type="button" data-mono-reauth>Re-authorise account</button></p>
  <ul data-mono-events></ul>
</main>
<script type="module" src="/src/main.js"></script>
</body>
</html>
`

const harnessMainJS = `import { createMonoConnect, statusText } from './mono-connect/mono-connect.js';

const $ = (sel) => document.querySelector(sel);
const addEvent = (name) => {
  const li = document.createElement('li');
  li.textContent = name;
  $('[data-mono-events]').append(li);
};
const mono = createMonoConnect({
  publicKey: import.meta.env.VITE_MONO_PUBLIC_KEY,
  publicKeyEnv: 'VITE_MONO_PUBLIC_KEY',
  institution: { id: '5f2d08be60b92e2888287702', auth_method: 'internet_banking' },
  onLoad: () => addEvent('onLoad'),
  onEvent: (name) => addEvent(name),
  onClose: ({ reason }) => { $('[data-mono-close-reason]').textContent = reason; },
  onLinked: ({ accountId }) => { $('[data-mono-account]').value = accountId; },
});
mono.subscribe((state) => {
  $('[data-mono-status]').textContent = statusText(state);
  $('[data-mono-connect]').setAttribute('aria-busy', String(state.status === 'opening' || state.status === 'open' || state.status === 'exchanging'));
});
window.__monoController = mono; // for TestHarnessCloseWhileLoading only
$('[data-mono-connect]').addEventListener('click', () => { mono.link().catch(() => {}); });
$('[data-mono-reauth]').addEventListener('click', () => { mono.reauthorise($('[data-mono-account]').value).catch(() => {}); });
`

// standinServer plays the generated Go server's exchange route for TestHarness, which tests the
// core on its own, without a scaffolded app.
const standinServer = `package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"strings"
)

func main() {
	http.HandleFunc("/api/mono/exchange", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method != http.MethodPost {
			w.WriteHeader(405)
			return
		}
		if allowed := os.Getenv("MONO_ALLOWED_ORIGINS"); allowed != "" && r.Header.Get("Origin") != "" && !strings.Contains(allowed, r.Header.Get("Origin")) {
			w.WriteHeader(403)
			json.NewEncoder(w).Encode(map[string]string{"error": "origin not allowed"})
			return
		}
		var in struct{ Code string }
		if json.NewDecoder(r.Body).Decode(&in) != nil || in.Code == "" {
			w.WriteHeader(400)
			json.NewEncoder(w).Encode(map[string]string{"error": "code is required"})
			return
		}
		body, _ := json.Marshal(map[string]string{"code": in.Code})
		req, _ := http.NewRequest("POST", os.Getenv("MONO_API_BASE_URL")+"/v2/accounts/auth", bytes.NewReader(body))
		req.Header.Set("mono-sec-key", os.Getenv("MONO_SECRET_KEY"))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			w.WriteHeader(502)
			json.NewEncoder(w).Encode(map[string]string{"error": "mono unreachable"})
			return
		}
		defer resp.Body.Close()
		var out struct{ Data struct{ ID string } }
		json.NewDecoder(resp.Body).Decode(&out)
		if resp.StatusCode != 200 || out.Data.ID == "" {
			w.WriteHeader(400)
			json.NewEncoder(w).Encode(map[string]string{"error": "exchange failed"})
			return
		}
		json.NewEncoder(w).Encode(map[string]string{"account_id": out.Data.ID})
	})
	http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), nil)
}
`

// TestEscapesAreCaught proves the loopback check is asserted, not assumed: a page that reaches for
// other hosts (an image, a fetch to Mono's real API, a script) gets every request aborted and
// recorded, and the widget origin is answered by the fake.
func TestEscapesAreCaught(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<!doctype html><body>
<img src="https://escape.invalid/pixel.png">
<script src="https://cdn.escape.invalid/lib.js"></script>
<iframe src="https://connect.mono.co/?key=probe"></iframe>
<script>fetch('https://api.withmono.com/v2/accounts/auth', {method: 'POST'}).catch(() => {}); document.title = 'probe';</script>
</body>`)
	}))
	defer srv.Close()
	b := startBrowser(t)
	if err := b.run(30*time.Second, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	if err := b.waitFor("the probe's requests", `window.__e2e && window.__e2e.ready.length === 1`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	widgets, escapes, _ := b.snapshot()
	want := []string{"GET https://escape.invalid/pixel.png", "GET https://cdn.escape.invalid/lib.js", "POST https://api.withmono.com/v2/accounts/auth"}
	for _, w := range want {
		if !slices.Contains(escapes, w) {
			t.Errorf("escape %q was not recorded; recorded: %v", w, escapes)
		}
	}
	if len(widgets) != 1 {
		t.Errorf("want the widget request answered by the fake once, got %v", widgets)
	}
	// And the check that fails a flow does fail here.
	rec := &recorder{}
	b.assertLoopbackOnly(rec)
	if len(rec.msgs) < len(want) {
		t.Errorf("assertLoopbackOnly reported %d problems, want at least %d: %v", len(rec.msgs), len(want), rec.msgs)
	}
	t.Logf("recorded escapes: %v", rec.msgs)
}

// recorder collects what an assertion would report.
type recorder struct{ msgs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}
