//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// appUnderTest is one built, served app: what the flows drive and what they check against.
type appUnderTest struct {
	name        string
	url         string // the page with the starter's (or the test's) button
	publicKey   string
	institution string // the --institution the app was scaffolded with, or ""
	reauth      bool   // feature reauth: data-mono-account and data-mono-reauth exist
	payments    bool   // feature payments: data-mono-pay exists
	events      bool   // feature events: ul[data-mono-events] lists onEvent names
	mono        *fakeMono
	front       *frontend
	server      *goServer
	logs        func() map[string]string // extra artifacts (server logs)
	// bindingURL is a page driving the generated component or hook (its target's file), checked
	// by the flow named bindingCheck; "" when the app has none.
	bindingURL   string
	bindingCheck string
}

// How long connect.js takes to show the widget: a fixed 2 s after open(), plus loading the
// chunk; the brief allows at least 5 s.
const openTimeout = 10 * time.Second

// runFlows runs every flow against one app in one Chromium, then checks that nothing left loopback.
func runFlows(t *testing.T, app *appUnderTest, flows ...string) {
	if len(flows) == 0 {
		flows = []string{"link", "exit", "double-click"}
		if app.reauth {
			flows = append(flows, "reauth")
		}
		if app.payments {
			flows = append(flows, "pay")
		}
		flows = append(flows, "bad-code", "restart")
	}
	var b *browser
	timings.time(t.Name()+": open a Chromium tab", func() { b = startBrowser(t) })
	for _, name := range flows {
		fn := map[string]func(*testing.T, *browser, *appUnderTest){
			"link":         flowLink,
			"exit":         flowExit,
			"double-click": flowDoubleClick,
			"reauth":       flowReauth,
			"pay":          flowPay,
			"bad-code":     flowBadCode,
			"restart":      flowRestart,
			"binding":      flowBinding,
			// Needs window.__monoController, which only the harness page exposes.
			"close-while-loading": flowCloseWhileLoading,
		}[name]
		start := time.Now()
		t.Run(name, func(t *testing.T) { fn(t, b, app) })
		timings.add(t.Name()+"/"+name, time.Since(start))
	}
	t.Run("loopback-only", func(t *testing.T) {
		b.assertLoopbackOnly(t)
		if hits := app.server.trap.hits(); len(hits) > 0 {
			t.Errorf("the Go server tried to reach the network: %v", hits)
		}
		for _, c := range app.mono.allCalls() {
			if !c.KeyOK {
				t.Errorf("fake Mono got %s %s without the secret key in mono-sec-key", c.Method, c.Path)
			}
		}
	})
	t.Run("no-uncaught-exceptions", func(t *testing.T) {
		b.mu.Lock()
		uncaught := append([]string(nil), b.uncaught...)
		b.mu.Unlock()
		for _, u := range uncaught {
			t.Errorf("uncaught exception in the page: %s", u)
		}
	})
}

// flowState is per-flow bookkeeping: counters to compare against, artifacts on failure.
type flowState struct {
	t         *testing.T
	b         *browser
	app       *appUnderTest
	art       *artifacts
	exchanges int // fake Mono exchange calls before the flow
	posts     int // POST /api/mono/exchange before the flow
	widgets   int // widget documents served before the flow
}

func beginFlow(t *testing.T, b *browser, app *appUnderTest) *flowState {
	t.Helper()
	fs := &flowState{t: t, b: b, app: app}
	fs.art = newArtifacts(t, b, func() map[string]string {
		out := map[string]string{}
		if app.logs != nil {
			out = app.logs()
		}
		var calls []string
		for _, c := range app.mono.allCalls() {
			calls = append(calls, fmt.Sprintf("%s %s key_ok=%v code=%q status=%d body=%s", c.Method, c.Path, c.KeyOK, c.Code, c.Status, c.Body))
		}
		out["fake-mono-calls.txt"] = strings.Join(calls, "\n") + "\n"
		var api []string
		for _, p := range []string{"/api/mono/exchange", "/api/mono/payments"} {
			for _, c := range app.front.calls(p) {
				api = append(api, fmt.Sprintf("%s %s origin=%q status=%d body=%s", c.Method, c.Path, c.Origin, c.Status, c.Body))
			}
		}
		out["api-calls.txt"] = strings.Join(api, "\n") + "\n"
		return out
	})
	fs.exchanges = len(app.mono.exchanges())
	fs.posts = len(app.front.calls("/api/mono/exchange"))
	w, _, _ := b.snapshot()
	fs.widgets = len(w)
	if err := b.navigate(app.url); err != nil {
		t.Fatal(err)
	}
	var st pageState
	if err := b.state(&st); err != nil {
		t.Fatal(err)
	}
	if st.Status != "idle" {
		t.Fatalf("a fresh page should show status idle, shows %q", st.Status)
	}
	return fs
}

func (fs *flowState) fatalf(format string, args ...any) {
	fs.t.Helper()
	fs.t.Fatalf(format, args...)
}

func (fs *flowState) state() pageState {
	fs.t.Helper()
	var st pageState
	if err := fs.b.state(&st); err != nil {
		fs.t.Fatalf("reading the page: %v", err)
	}
	return st
}

// open clicks (with click) until a widget session starts, then waits until the widget is shown.
// A server-rendered page can show its button before the framework has hydrated it, and a click
// then does nothing; such a click is retried (and logged), which is also what a user would do.
// wantLoads is the number of fake widget loads the page should have seen once open.
func (fs *flowState) open(click func() error, wantLoads int) pageState {
	fs.t.Helper()
	base := fs.state().FramesInsert
	for attempt := 1; ; attempt++ {
		if err := click(); err != nil {
			fs.fatalf("clicking: %v", err)
		}
		err := fs.b.waitFor("the session to start (status opening, or a widget iframe)",
			fmt.Sprintf(`document.querySelector('[data-mono-status]').textContent.trim() === 'opening' || window.__e2e.framesInserted > %d`, base),
			4*time.Second)
		if err == nil {
			break
		}
		if attempt == 3 {
			fs.fatalf("%v", err)
		}
		fs.t.Logf("click %d did nothing (page not hydrated yet?): retrying", attempt)
	}
	if err := fs.b.waitFor("the fake widget to load in the iframe",
		fmt.Sprintf(`window.__e2e.ready.length >= %d`, wantLoads), openTimeout); err != nil {
		fs.fatalf("%v", err)
	}
	if err := fs.b.waitFor("the widget to be shown (connect.js shows it 2 s after open())",
		`(() => { const f = document.getElementById('mono-connect--frame-id'); return f && getComputedStyle(f).visibility === 'visible'; })()`, openTimeout); err != nil {
		fs.fatalf("%v", err)
	}
	if fs.app.events {
		if err := fs.b.waitFor("OPENED in [data-mono-events]",
			`Array.from(document.querySelectorAll('[data-mono-events] li')).some((li) => li.textContent.trim().startsWith('OPENED'))`, openTimeout); err != nil {
			fs.fatalf("%v", err)
		}
	}
	st := fs.state()
	if st.Status != "opening" {
		fs.t.Errorf("while the widget is open the status should read opening, reads %q", st.Status)
	}
	fs.art.add("1-widget-open", fs.b.screenshot())
	return st
}

func (fs *flowState) clickButton() error { return fs.b.mouseClick("[data-mono-connect]", 1) }

// checkWidgetQuery asserts what connect.js put in the iframe's URL, and that the fake widget was
// served exactly that URL.
func (fs *flowState) checkWidgetQuery(st pageState, mode string, wantAccount string) url.Values {
	fs.t.Helper()
	if len(st.FrameSrcs) != 1 {
		fs.fatalf("want exactly one widget iframe, found %d", len(st.FrameSrcs))
	}
	src, err := url.Parse(st.FrameSrcs[0])
	if err != nil {
		fs.fatalf("iframe src %q: %v", st.FrameSrcs[0], err)
	}
	if src.Scheme != "https" || src.Host != "connect.mono.co" {
		fs.t.Errorf("iframe src %q does not point at %s", src, widgetOrigin)
	}
	q := src.Query()
	if got := q.Get("key"); got != fs.app.publicKey {
		fs.t.Errorf("iframe key = %q, want the public key the app was built with, %q", got, fs.app.publicKey)
	}
	if q.Get("reference") == "" {
		fs.t.Errorf("iframe src has no reference: %s", src)
	}
	for k, vs := range q {
		for _, v := range vs {
			if v == "undefined" || v == "null" || v == "[object Object]" {
				fs.t.Errorf("iframe query %s=%q: an option leaked as text", k, v)
			}
		}
	}
	if strings.Contains(src.String(), "_sk_") {
		fs.t.Errorf("the iframe URL carries something that looks like a secret key: %s", src)
	}
	switch mode {
	case "link":
		if got := q.Get("scope"); got != "auth" {
			fs.t.Errorf("iframe scope = %q, want auth", got)
		}
		if fs.app.institution != "" {
			var sel struct {
				ID         string `json:"id"`
				AuthMethod string `json:"auth_method"`
			}
			if err := json.Unmarshal([]byte(q.Get("selectedInstitution")), &sel); err != nil {
				fs.t.Errorf("selectedInstitution %q is not JSON: %v", q.Get("selectedInstitution"), err)
			} else if sel.ID != fs.app.institution || sel.AuthMethod != "internet_banking" {
				fs.t.Errorf("selectedInstitution = %+v, want id %s with auth_method internet_banking", sel, fs.app.institution)
			}
		} else if q.Has("selectedInstitution") {
			fs.t.Errorf("selectedInstitution %q present although the app was scaffolded without --institution", q.Get("selectedInstitution"))
		}
	case "payment":
		if got := q.Get("scope"); got != "payments" {
			fs.t.Errorf("iframe scope = %q, want payments", got)
		}
		fs.checkDataField(q, "payment", "payment_id", wantAccount, "the id Mono gave")
	case "reauth":
		fs.checkDataField(q, "reauthorise", "account", wantAccount, "the linked account")
	}
	if n := len(st.Ready); n == 0 || st.Ready[n-1] != "?"+src.RawQuery {
		fs.t.Errorf("the fake widget saw query %v, the iframe src has %q", st.Ready, "?"+src.RawQuery)
	}
	return q
}

// checkDataField asserts that the iframe's data JSON has field = want (what names want).
func (fs *flowState) checkDataField(q url.Values, mode, field, want, what string) {
	fs.t.Helper()
	var data map[string]any
	if err := json.Unmarshal([]byte(q.Get("data")), &data); err != nil {
		fs.t.Errorf("%s: data %q is not JSON: %v", mode, q.Get("data"), err)
	} else if got, _ := data[field].(string); got != want {
		fs.t.Errorf("%s: data.%s = %v, want %s, %q", mode, field, data[field], what, want)
	}
}

// finishLink has the widget report success with code and waits for the linked state.
func (fs *flowState) finishLink(code, wantAccount string) pageState {
	fs.t.Helper()
	if err := fs.b.tellWidget(map[string]any{"cmd": "success", "code": code}); err != nil {
		fs.fatalf("driving the widget: %v", err)
	}
	want := "linked " + wantAccount
	if err := fs.b.waitFor("status "+want, fmt.Sprintf(`(() => { const s = document.querySelector('[data-mono-status]'); return s && s.textContent.trim() === %q; })()`, want), 15*time.Second); err != nil {
		fs.fatalf("%v", err)
	}
	fs.art.add("2-linked", fs.b.screenshot())
	// Let late duplicates (a second listener, a second exchange) arrive before counting.
	time.Sleep(700 * time.Millisecond)
	return fs.state()
}

// checkExchanged asserts that exactly one exchange of code went browser -> Go server -> fake Mono.
func (fs *flowState) checkExchanged(code string) {
	fs.t.Helper()
	posts := fs.app.front.calls("/api/mono/exchange")[fs.posts:]
	if len(posts) != 1 {
		fs.t.Errorf("the page should POST /api/mono/exchange once, did %d times: %+v", len(posts), posts)
	} else {
		var body struct {
			Code string `json:"code"`
		}
		json.Unmarshal([]byte(posts[0].Body), &body)
		if posts[0].Method != "POST" || body.Code != code || posts[0].Status != 200 {
			fs.t.Errorf("exchange request = %+v, want POST with code %q answered 200", posts[0], code)
		}
	}
	calls := fs.app.mono.exchanges()[fs.exchanges:]
	if len(calls) != 1 {
		fs.t.Errorf("the Go server should call Mono's exchange once, did %d times: %+v", len(calls), calls)
	} else if calls[0].Code != code || !calls[0].KeyOK {
		fs.t.Errorf("Mono exchange call = %+v, want code %q with the secret key", calls[0], code)
	}
}

func (fs *flowState) checkNoExchange() {
	fs.t.Helper()
	if n := len(fs.app.front.calls("/api/mono/exchange")) - fs.posts; n != 0 {
		fs.t.Errorf("the page posted %d exchange requests, want none", n)
	}
	if n := len(fs.app.mono.exchanges()) - fs.exchanges; n != 0 {
		fs.t.Errorf("fake Mono saw %d exchanges, want none", n)
	}
}

// countEvents counts [data-mono-events] entries whose text starts with name.
func countEvents(st pageState, name string) int {
	n := 0
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(name) + `\b`)
	for _, e := range st.Events {
		if re.MatchString(e) {
			n++
		}
	}
	return n
}

func (fs *flowState) checkEvents(st pageState, want map[string]int) {
	fs.t.Helper()
	if !fs.app.events {
		return
	}
	for name, n := range want {
		got := countEvents(st, name)
		if name == "onLoad" {
			got += countEvents(st, "LOADED")
		}
		if (n < 0 && got == 0) || (n >= 0 && got != n) {
			exp := fmt.Sprint(n)
			if n < 0 {
				exp = "at least one"
			}
			fs.t.Errorf("[data-mono-events] has %d %s entries, want %s (events: %v)", got, name, exp, st.Events)
		}
	}
}

func (fs *flowState) widgetLoads() int {
	w, _, _ := fs.b.snapshot()
	return len(w) - fs.widgets
}

// succeed has the open widget report success with a fresh code (code_<kind>_<app>) and waits
// until the page shows the account fake Mono exchanges it to.
func (fs *flowState) succeed(kind string) (code, account string, st pageState) {
	fs.t.Helper()
	code = "code_" + kind + "_" + shortName(fs.app.name)
	account = fs.app.mono.accountFor(code)
	return code, account, fs.finishLink(code, account)
}

// openByDoubleClick opens the widget with a real double click, then clicks once more by script
// while it is open (the overlay covers the button; a script click still reaches it).
func (fs *flowState) openByDoubleClick() pageState {
	fs.t.Helper()
	st := fs.open(func() error { return fs.b.mouseClick("[data-mono-connect]", 2) }, 1)
	if err := fs.b.eval(`document.querySelector('[data-mono-connect]').click(), true`, new(bool)); err != nil {
		fs.fatalf("%v", err)
	}
	return st
}

// openAgainAndExit opens a second session on the same page and has the user leave it.
func (fs *flowState) openAgainAndExit() {
	fs.t.Helper()
	fs.widgets = len(func() []string { w, _, _ := fs.b.snapshot(); return w }())
	fs.open(fs.clickButton, 2)
	if err := fs.b.tellWidget(map[string]any{"cmd": "exit"}); err != nil {
		fs.fatalf("%v", err)
	}
}

// flowLink: click, the widget opens with the right query, the widget succeeds with a code, the
// page posts it, the Go server exchanges it with Mono, and the page shows the account.
func flowLink(t *testing.T, b *browser, app *appUnderTest) {
	fs := beginFlow(t, b, app)
	st := fs.open(fs.clickButton, 1)
	fs.checkWidgetQuery(st, "link", "")
	code, account, st := fs.succeed("link")
	fs.checkExchanged(code)
	if st.CloseReason != "success" {
		t.Errorf("[data-mono-close-reason] = %q after a success, want success", st.CloseReason)
	}
	fs.checkEvents(st, map[string]int{"onLoad": -1, "OPENED": 1, "SUCCESS": 1})
	if app.reauth && st.Account != account {
		t.Errorf("[data-mono-account] = %q, want the linked id %q", st.Account, account)
	}
	if n := fs.widgetLoads(); n != 1 {
		t.Errorf("the widget was loaded %d times, want 1", n)
	}
}

// flowExit: the user leaves the widget: EXIT, then closed; nothing is exchanged.
func flowExit(t *testing.T, b *browser, app *appUnderTest) {
	fs := beginFlow(t, b, app)
	fs.open(fs.clickButton, 1)
	if err := b.tellWidget(map[string]any{"cmd": "exit"}); err != nil {
		t.Fatal(err)
	}
	if err := b.waitFor("status cancelled", `document.querySelector('[data-mono-status]').textContent.trim() === 'cancelled'`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	st := fs.state()
	if st.CloseReason != "cancelled" {
		t.Errorf("[data-mono-close-reason] = %q after an exit, want cancelled", st.CloseReason)
	}
	fs.checkEvents(st, map[string]int{"EXIT": 1, "SUCCESS": 0})
	fs.checkNoExchange()
	if err := b.waitFor("the widget to be hidden", `(() => { const f = document.getElementById('mono-connect--frame-id'); return !f || getComputedStyle(f).visibility !== 'visible'; })()`, 5*time.Second); err != nil {
		t.Error(err)
	}
	// A cancelled session must not block the next one.
	fs.openAgainAndExit()
	if err := b.waitFor("status cancelled again", `document.querySelector('[data-mono-status]').textContent.trim() === 'cancelled'`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
}

// flowDoubleClick: a real double click (two clicks), then a third click while the widget is
// open, open one widget and fire onSuccess once.
func flowDoubleClick(t *testing.T, b *browser, app *appUnderTest) {
	fs := beginFlow(t, b, app)
	fs.openByDoubleClick()
	time.Sleep(2500 * time.Millisecond) // long enough for a second open() to show a second widget
	st := fs.state()
	if st.FramesInsert != 1 || len(st.FrameSrcs) != 1 {
		t.Errorf("clicks while a session runs must not open another widget: %d iframes inserted, %d in the page", st.FramesInsert, len(st.FrameSrcs))
	}
	if n := fs.widgetLoads(); n != 1 {
		t.Errorf("the widget was loaded %d times, want 1", n)
	}
	if len(st.Ready) != 1 {
		t.Errorf("the fake widget started %d times, want 1", len(st.Ready))
	}
	if strings.HasPrefix(st.Status, "error") {
		t.Errorf("a second click while open shows %q", st.Status)
	}
	fs.checkEvents(st, map[string]int{"OPENED": 1})
	code, _, st := fs.succeed("double")
	fs.checkExchanged(code)
	fs.checkEvents(st, map[string]int{"SUCCESS": 1, "OPENED": 1})
	if st.CloseReason != "success" {
		t.Errorf("[data-mono-close-reason] = %q, want success", st.CloseReason)
	}
}

// flowReauth: link an account, then re-authorise it: the widget opens with data.account set to
// the linked id, and the page ends linked to the same account.
func flowReauth(t *testing.T, b *browser, app *appUnderTest) {
	fs := beginFlow(t, b, app)
	fs.open(fs.clickButton, 1)
	_, account, st := fs.succeed("reauth_first")
	if st.Account != account {
		t.Fatalf("[data-mono-account] = %q after linking, want %q", st.Account, account)
	}
	before := len(app.mono.exchanges())
	fs.exchanges, fs.posts = before, len(app.front.calls("/api/mono/exchange"))
	st = fs.open(func() error { return b.mouseClick("[data-mono-reauth]", 1) }, 2)
	fs.checkWidgetQuery(st, "reauth", account)
	// Mono hands back a code on re-authorisation too; it exchanges to the same account.
	code2 := "code_reauth_again_" + shortName(app.name)
	app.mono.register(code2, account)
	st = fs.finishLink(code2, account)
	fs.checkExchanged(code2)
	if st.CloseReason != "success" {
		t.Errorf("[data-mono-close-reason] = %q after re-authorising, want success", st.CloseReason)
	}
}

func shortName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, strings.ToLower(s))
}

// flowPay: the pay button asks the Go server to initiate a payment (priced on the server), the
// widget opens for that payment, reports the charge, and the page shows it paid.
func flowPay(t *testing.T, b *browser, app *appUnderTest) {
	fs := beginFlow(t, b, app)
	before := len(app.mono.allCalls())
	st := fs.open(func() error { return b.mouseClick("[data-mono-pay]", 1) }, 1)
	var initiates []monoCall
	for _, c := range app.mono.allCalls()[before:] {
		if c.Path == "/v2/payments/initiate" {
			initiates = append(initiates, c)
		}
	}
	if len(initiates) != 1 {
		t.Fatalf("the Go server should initiate one payment with Mono, did %d", len(initiates))
	}
	var req struct {
		Amount    int64  `json:"amount"`
		Type      string `json:"type"`
		Reference string `json:"reference"`
	}
	if err := json.Unmarshal([]byte(initiates[0].Body), &req); err != nil {
		t.Fatalf("payment initiation body %q: %v", initiates[0].Body, err)
	}
	if req.Amount != 20000 || req.Type != "onetime-debit" || req.Reference == "" {
		t.Errorf("payment initiated with amount=%d type=%q reference=%q, want the starter's price 20000, onetime-debit and a reference", req.Amount, req.Type, req.Reference)
	}
	posts := app.front.calls("/api/mono/payments")
	if len(posts) != 1 || posts[0].Status != 200 {
		t.Errorf("the page should POST /api/mono/payments once (200), got %+v", posts)
	}
	paymentID := initiates[0].Result
	fs.checkWidgetQuery(st, "payment", paymentID)
	if err := b.tellWidget(map[string]any{"cmd": "charge", "id": "txn_e2e", "amount": 20000}); err != nil {
		t.Fatal(err)
	}
	want := "paid " + paymentID
	if err := b.waitFor("status "+want, fmt.Sprintf(`document.querySelector('[data-mono-status]').textContent.trim() === %q`, want), 10*time.Second); err != nil {
		t.Fatal(err)
	}
	fs.art.add("2-paid", b.screenshot())
	time.Sleep(300 * time.Millisecond)
	st = fs.state()
	if st.CloseReason != "success" {
		t.Errorf("[data-mono-close-reason] = %q after paying, want success", st.CloseReason)
	}
	fs.checkNoExchange()
}

// flowBadCode: Mono refuses the code (expired or used): the Go server answers an error without
// Mono's raw body or the secret, the page shows "error: ...", and the next click starts over.
func flowBadCode(t *testing.T, b *browser, app *appUnderTest) {
	fs := beginFlow(t, b, app)
	fs.open(fs.clickButton, 1)
	if err := b.tellWidget(map[string]any{"cmd": "success", "code": "expired_e2e"}); err != nil {
		t.Fatal(err)
	}
	if err := b.waitFor("status error: ...", `document.querySelector('[data-mono-status]').textContent.trim().startsWith('error:')`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	st := fs.state()
	posts := app.front.calls("/api/mono/exchange")[fs.posts:]
	if len(posts) != 1 {
		t.Fatalf("want one exchange request, got %+v", posts)
	}
	if posts[0].Status < 400 || posts[0].Status >= 500 {
		t.Errorf("an expired code should be a 4xx from the Go server (the user can retry), got %d", posts[0].Status)
	}
	if calls := app.mono.exchanges()[fs.exchanges:]; len(calls) != 1 || calls[0].Status != 400 {
		t.Errorf("fake Mono should have refused one exchange, saw %+v", calls)
	}
	if strings.Contains(st.Status, testSecretKey) || strings.Contains(st.Status, `"status"`) {
		t.Errorf("the page shows a secret or Mono's raw answer: %q", st.Status)
	}
	// The failed session is over: the next click opens the widget again.
	fs.openAgainAndExit()
	if err := b.waitFor("status cancelled", `document.querySelector('[data-mono-status]').textContent.trim() === 'cancelled'`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
}

// flowCloseWhileLoading: the app closes the session (controller.close(), as destroy() does when a
// component unmounts) during the 2 s between open() and the widget being shown. The widget must
// stay hidden: a widget that appears afterwards belongs to no session and its success goes nowhere.
func flowCloseWhileLoading(t *testing.T, b *browser, app *appUnderTest) {
	fs := beginFlow(t, b, app)
	if err := fs.clickButton(); err != nil {
		t.Fatal(err)
	}
	if err := b.waitFor("the widget iframe", `window.__e2e.framesInserted > 0`, openTimeout); err != nil {
		t.Fatal(err)
	}
	if err := b.eval(`window.__monoController.close(), true`, new(bool)); err != nil {
		t.Fatal(err)
	}
	if err := b.waitFor("status cancelled", `document.querySelector('[data-mono-status]').textContent.trim() === 'cancelled'`, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2500 * time.Millisecond) // past connect.js's fixed 2 s timer
	var visible bool
	if err := b.eval(`(() => { const f = document.getElementById('mono-connect--frame-id'); const d = document.getElementById('mono-connect--widget-div'); return !!f && (getComputedStyle(f).visibility === 'visible' || getComputedStyle(d).visibility === 'visible'); })()`, &visible); err != nil {
		t.Fatal(err)
	}
	if visible {
		fs.art.add("1-widget-after-close", b.screenshot())
		t.Errorf("the widget is shown 2 s after the session was closed (connect.js's open() timer is still pending); status reads %q", fs.state().Status)
	}
}

// flowRestart: the starter page lists the accounts the Go server stored for the (demo) user; one
// linked before a restart of the server is still listed after it, on a fresh page load (issue 16:
// nothing the server learns is lost on restart).
func flowRestart(t *testing.T, b *browser, app *appUnderTest) {
	fs := beginFlow(t, b, app)
	fs.open(fs.clickButton, 1)
	_, account, _ := fs.succeed("restart")
	listed := fmt.Sprintf(`!!document.querySelector('[data-mono-accounts] [data-mono-linked-account="%s"]')`, account)
	if err := b.waitFor("the linked account in [data-mono-accounts]", listed, 10*time.Second); err != nil {
		fs.fatalf("%v", err)
	}
	app.server.restart(t)
	if err := b.navigate(app.url); err != nil {
		fs.fatalf("reloading the page: %v", err)
	}
	if err := b.waitFor("the account still listed after the server restarted", listed, 20*time.Second); err != nil {
		fs.fatalf("%v", err)
	}
}
