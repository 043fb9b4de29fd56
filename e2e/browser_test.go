//go:build e2e

package e2e

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	cdtarget "github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// browser is one headless Chromium with one tab, used for every flow of one app. Every request
// the tab makes is paused and judged: loopback continues, https://connect.mono.co is answered by
// the fake widget, anything else is aborted and recorded as an escape.
type browser struct {
	ctx    context.Context // the tab
	cancel func()

	mu         sync.Mutex
	escapes    []string // requests to anything but loopback and the widget origin
	widgetURLs []string // every widget document served
	console    []string // console output and uncaught exceptions, for artifacts
	uncaught   []string // uncaught exceptions: each one fails the app
	seen       []string // every URL the tab requested (Network domain), for the loopback check
	inflight   map[network.RequestID]bool
	lastNet    time.Time // last time a request started or ended
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// chromium is the one browser process of the run. Starting Chromium costs 2-13 s on the CI
// machine (more under load), so every app gets a tab in a fresh browser context of this process
// instead: its own cookies, storage and cache, and its own request interception, at a fraction of
// the cost. It is restarted if it died.
var chromium struct {
	mu      sync.Mutex
	ctx     context.Context // the browser's first tab; its Browser is shared
	cancel  func()
	profile string
}

// sharedChromium returns the browser context new tabs are made from, starting Chromium if needed.
func sharedChromium() (context.Context, error) {
	chromium.mu.Lock()
	defer chromium.mu.Unlock()
	if chromium.ctx != nil && chromium.ctx.Err() == nil {
		return chromium.ctx, nil
	}
	stopChromiumLocked()
	if _, err := os.Stat(chromiumPath()); err != nil {
		return nil, fmt.Errorf("no Chromium at %s (apt-get install -y chromium, or set CHROMIUM): %v", chromiumPath(), err)
	}
	profile, err := os.MkdirTemp(workRoot, "chromium-profile-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath()),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.CombinedOutput(io.Discard),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	// The first Run starts the browser and ties its life to the context it is given, so it gets the
	// browser's own context, not one with a timeout.
	if err := chromedp.Run(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		removeAll(profile)
		return nil, fmt.Errorf("starting Chromium: %v", err)
	}
	chromium.ctx, chromium.profile = ctx, profile
	chromium.cancel = func() { cancelCtx(); cancelAlloc() }
	return ctx, nil
}

// stopChromium ends the shared browser (TestMain calls it once every test is done).
func stopChromium() {
	chromium.mu.Lock()
	defer chromium.mu.Unlock()
	stopChromiumLocked()
}

func stopChromiumLocked() {
	if chromium.cancel != nil {
		chromium.cancel()
		removeAll(chromium.profile)
	}
	chromium.ctx, chromium.cancel, chromium.profile = nil, nil, ""
}

// startBrowser opens a tab for one app (or one test) in a browser context of its own; it closes
// when t ends.
func startBrowser(t *testing.T) *browser {
	t.Helper()
	start := time.Now()
	parent, err := sharedChromium()
	if err != nil {
		t.Fatal(err)
	}
	// chromedp.WithNewBrowserContext asks for a tab without a window, which headless Chromium
	// refuses ("no browser is open"): make the context and a windowed tab in it by hand.
	browserExec := cdp.WithExecutor(parent, chromedp.FromContext(parent).Browser)
	bcID, err := cdtarget.CreateBrowserContext().Do(browserExec)
	if err != nil {
		t.Fatalf("creating a Chromium browser context: %v", err)
	}
	tabID, err := cdtarget.CreateTarget("about:blank").WithBrowserContextID(bcID).WithNewWindow(true).Do(browserExec)
	if err != nil {
		cdtarget.DisposeBrowserContext(bcID).Do(browserExec)
		t.Fatalf("opening a Chromium tab: %v", err)
	}
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithTargetID(tabID))
	b := &browser{ctx: ctx, inflight: map[network.RequestID]bool{}}
	b.cancel = func() {
		cancel() // closes the tab
		dctx, dcancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer dcancel()
		cdtarget.DisposeBrowserContext(bcID).Do(cdp.WithExecutor(dctx, chromedp.FromContext(parent).Browser))
	}
	t.Cleanup(b.cancel)

	chromedp.ListenTarget(ctx, b.onEvent)
	err = chromedp.Run(ctx,
		network.Enable(),
		fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*", RequestStage: fetch.RequestStageRequest}}),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(pageInstrumentation).Do(ctx)
			return err
		}),
	)
	if err != nil {
		t.Fatalf("opening a Chromium tab: %v", err)
	}
	t.Logf("Chromium tab ready in %.1fs", time.Since(start).Seconds())
	return b
}

func (b *browser) onEvent(ev any) {
	switch ev := ev.(type) {
	case *fetch.EventRequestPaused:
		go b.judge(ev)
	case *network.EventRequestWillBeSent:
		b.mu.Lock()
		b.seen = append(b.seen, ev.Request.URL)
		b.inflight[ev.RequestID] = true
		b.lastNet = time.Now()
		b.mu.Unlock()
	case *network.EventLoadingFinished:
		b.netDone(ev.RequestID)
	case *network.EventLoadingFailed:
		b.netDone(ev.RequestID)
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			if a.Value != nil {
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		b.logConsole(fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
	case *runtime.EventExceptionThrown:
		msg := ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			msg += " " + ev.ExceptionDetails.Exception.Description
		}
		b.logConsole("uncaught: " + msg)
		b.mu.Lock()
		b.uncaught = append(b.uncaught, msg)
		b.mu.Unlock()
	}
}

func (b *browser) netDone(id network.RequestID) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.inflight, id)
	b.lastNet = time.Now()
}

// waitNetworkQuiet waits until no request has been in flight for quiet (or timeout passes): a
// server-rendered page is interactive only once its framework has loaded and hydrated.
func (b *browser) waitNetworkQuiet(quiet, timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		b.mu.Lock()
		n, last := len(b.inflight), b.lastNet
		b.mu.Unlock()
		if n == 0 && time.Since(last) >= quiet {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (b *browser) logConsole(line string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.console = append(b.console, time.Now().Format("15:04:05.000")+" "+line)
}

// isLoopback reports whether u points at this machine.
func isLoopback(u *url.URL) bool {
	host := u.Hostname()
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// judge decides the fate of one paused request.
func (b *browser) judge(ev *fetch.EventRequestPaused) {
	c := chromedp.FromContext(b.ctx)
	if c == nil || c.Target == nil {
		return
	}
	ctx := cdp.WithExecutor(b.ctx, c.Target)
	u, err := url.Parse(ev.Request.URL)
	switch {
	case err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "ws" || u.Scheme == "wss") && isLoopback(u):
		fetch.ContinueRequest(ev.RequestID).Do(ctx)
	case err == nil && u.Scheme == "https" && u.Host == "connect.mono.co":
		if u.Path != "/" && u.Path != "" {
			// The real widget would load its own assets; the fake one has none.
			fetch.FulfillRequest(ev.RequestID, 404).WithBody(base64.StdEncoding.EncodeToString([]byte("not found"))).Do(ctx)
			return
		}
		b.mu.Lock()
		b.widgetURLs = append(b.widgetURLs, ev.Request.URL)
		b.mu.Unlock()
		fetch.FulfillRequest(ev.RequestID, 200).
			WithResponseHeaders([]*fetch.HeaderEntry{
				{Name: "Content-Type", Value: "text/html; charset=utf-8"},
				{Name: "Cache-Control", Value: "no-store"},
			}).
			WithBody(base64.StdEncoding.EncodeToString([]byte(fakeWidgetHTML))).
			Do(ctx)
	default:
		b.mu.Lock()
		b.escapes = append(b.escapes, ev.Request.Method+" "+ev.Request.URL)
		b.mu.Unlock()
		fetch.FailRequest(ev.RequestID, network.ErrorReasonBlockedByClient).Do(ctx)
	}
}

// counters returns how many widget documents were served and which requests escaped.
func (b *browser) snapshot() (widgets []string, escapes []string, seen []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.widgetURLs...), append([]string(nil), b.escapes...), append([]string(nil), b.seen...)
}

// assertLoopbackOnly fails t if the tab tried to reach anything but loopback and the fake widget,
// judged both by the interception and by the Network domain's record of every request.
func (b *browser) assertLoopbackOnly(t interface {
	Helper()
	Errorf(format string, args ...any)
}) {
	t.Helper()
	_, escapes, seen := b.snapshot()
	for _, e := range escapes {
		t.Errorf("request left loopback (aborted): %s", e)
	}
	for _, s := range seen {
		u, err := url.Parse(s)
		if err != nil {
			t.Errorf("unparsable request URL %q", s)
			continue
		}
		switch {
		case u.Scheme == "data" || u.Scheme == "blob" || u.Scheme == "about":
		case isLoopback(u):
		case u.Scheme == "https" && u.Host == "connect.mono.co":
		default:
			if !contains(escapes, s) {
				t.Errorf("request to a non-loopback address seen by the Network domain: %s", s)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.HasSuffix(x, " "+s) || x == s {
			return true
		}
	}
	return false
}

// run runs actions on the tab with a timeout.
func (b *browser) run(timeout time.Duration, actions ...chromedp.Action) error {
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	return chromedp.Run(ctx, actions...)
}

// eval evaluates a JS expression in the page and decodes its JSON value into out.
func (b *browser) eval(expr string, out any) error {
	return b.run(10*time.Second, chromedp.Evaluate(expr, out))
}

// waitFor polls a JS boolean expression until it is true or timeout passes; on timeout the error
// says what the page showed.
func (b *browser) waitFor(what, expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		err := b.eval("!!("+expr+")", &ok)
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			var st pageState
			b.state(&st)
			if err != nil {
				return fmt.Errorf("waiting %s for %s: %v (page: %s)", timeout, what, err, st)
			}
			return fmt.Errorf("waiting %s for %s (page: %s)", timeout, what, st)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// pageState is what the starter's data-* attributes and the instrumentation show.
type pageState struct {
	Status       string   `json:"status"`
	CloseReason  string   `json:"closeReason"`
	Events       []string `json:"events"`
	Account      string   `json:"account"`
	FrameSrcs    []string `json:"frameSrcs"`
	FramesInsert int      `json:"framesInserted"`
	Ready        []string `json:"ready"`
	HasButton    bool     `json:"hasButton"`
}

func (s pageState) String() string {
	return fmt.Sprintf("status=%q closeReason=%q events=%v account=%q iframes=%d inserted=%d widgetLoads=%d button=%v",
		s.Status, s.CloseReason, s.Events, s.Account, len(s.FrameSrcs), s.FramesInsert, len(s.Ready), s.HasButton)
}

const stateJS = `(() => {
  const text = (sel) => { const el = document.querySelector(sel); return el ? el.textContent.trim() : null; };
  const acc = document.querySelector('[data-mono-account]');
  const e = window.__e2e || { ready: [], framesInserted: 0 };
  return {
    status: text('[data-mono-status]'),
    closeReason: text('[data-mono-close-reason]'),
    events: Array.from(document.querySelectorAll('[data-mono-events] li'), (li) => li.textContent.trim()),
    account: acc ? acc.value : '',
    frameSrcs: Array.from(document.querySelectorAll('iframe#mono-connect--frame-id'), (f) => f.src),
    framesInserted: e.framesInserted,
    ready: e.ready,
    hasButton: !!document.querySelector('[data-mono-connect]'),
  };
})()`

func (b *browser) state(st *pageState) error {
	return b.eval(stateJS, st)
}

// navigate loads u in the tab and waits for the starter's button.
func (b *browser) navigate(u string) error {
	// Requests of the previous page that never reported an end must not count as in flight.
	b.mu.Lock()
	b.inflight = map[network.RequestID]bool{}
	b.mu.Unlock()
	if err := b.run(60*time.Second, chromedp.Navigate(u)); err != nil {
		return fmt.Errorf("loading %s: %w", u, err)
	}
	if err := b.waitFor("the [data-mono-connect] button and [data-mono-status]",
		`document.readyState === 'complete' && document.querySelector('[data-mono-connect]') && document.querySelector('[data-mono-status]')`, 30*time.Second); err != nil {
		return err
	}
	b.waitNetworkQuiet(400*time.Millisecond, 10*time.Second)
	return nil
}

// mouseClick clicks the centre of the first element matching sel with real mouse events.
func (b *browser) mouseClick(sel string, clicks int) error {
	var box struct{ X, Y float64 }
	expr := fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect(); return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`, sel)
	if err := b.eval(expr, &box); err != nil {
		return fmt.Errorf("locating %s: %w", sel, err)
	}
	return b.run(10*time.Second, chromedp.ActionFunc(func(ctx context.Context) error {
		for i := 1; i <= clicks; i++ {
			for _, typ := range []input.MouseType{input.MousePressed, input.MouseReleased} {
				if err := input.DispatchMouseEvent(typ, box.X, box.Y).WithButton(input.Left).WithClickCount(int64(i)).Do(ctx); err != nil {
					return err
				}
			}
		}
		return nil
	}))
}

// tellWidget posts a command to the fake widget inside the iframe.
func (b *browser) tellWidget(cmd map[string]any) error {
	raw, _ := json.Marshal(map[string]any{"e2e": cmd})
	expr := fmt.Sprintf(`(() => { const f = document.getElementById('mono-connect--frame-id'); if (!f || !f.contentWindow) return false; f.contentWindow.postMessage(%s, '*'); return true; })()`, raw)
	var ok bool
	if err := b.eval(expr, &ok); err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("no widget iframe to talk to")
	}
	return nil
}

// screenshot returns a PNG of the viewport (nil on error: artifacts are best effort).
func (b *browser) screenshot() []byte {
	var buf []byte
	if err := b.run(10*time.Second, chromedp.CaptureScreenshot(&buf)); err != nil {
		return nil
	}
	return buf
}

func (b *browser) html() string {
	var s string
	b.run(10*time.Second, chromedp.OuterHTML("html", &s, chromedp.ByQuery))
	return s
}

func (b *browser) consoleLog() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Join(b.console, "\n")
}

// artifacts collects what a failing flow leaves behind.
type artifacts struct {
	dir   string
	shots map[string][]byte
	order []string
}

func newArtifacts(t *testing.T, b *browser, extra func() map[string]string) *artifacts {
	name := strings.NewReplacer("/", "__", " ", "_").Replace(t.Name())
	a := &artifacts{dir: filepath.Join(artifactsRoot, name), shots: map[string][]byte{}}
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		a.add("at-failure", b.screenshot())
		os.MkdirAll(a.dir, 0o755)
		for _, n := range a.order {
			if len(a.shots[n]) > 0 {
				os.WriteFile(filepath.Join(a.dir, n+".png"), a.shots[n], 0o644)
			}
		}
		os.WriteFile(filepath.Join(a.dir, "page.html"), []byte(b.html()), 0o644)
		os.WriteFile(filepath.Join(a.dir, "console.log"), []byte(b.consoleLog()), 0o644)
		widgets, escapes, seen := b.snapshot()
		net := "widget documents served:\n" + strings.Join(widgets, "\n") +
			"\n\nescaped (aborted):\n" + strings.Join(escapes, "\n") +
			"\n\nevery request:\n" + strings.Join(seen, "\n") + "\n"
		os.WriteFile(filepath.Join(a.dir, "network.txt"), []byte(net), 0o644)
		if extra != nil {
			for file, content := range extra() {
				os.WriteFile(filepath.Join(a.dir, file), []byte(content), 0o644)
			}
		}
		t.Logf("artifacts: %s", a.dir)
	})
	return a
}

func (a *artifacts) add(name string, png []byte) {
	if _, ok := a.shots[name]; !ok {
		a.order = append(a.order, name)
	}
	a.shots[name] = png
}
