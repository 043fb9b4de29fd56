//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"testing"
	"time"
)

// Binding flows: on a page of a brownfield host that drives the framework's generated component
// or hook (or, for wireMonoConnect and the html element, the events they dispatch), for the cases
// a starter page cannot express. The pages are in their target's e2e/target_<name>_test.go; each
// has the contract's [data-mono-connect] and [data-mono-status], so the flow helpers drive it,
// plus what its flow checks.

// flowBinding runs the binding page's own check.
func flowBinding(t *testing.T, b *browser, app *appUnderTest) {
	page := *app
	page.url = app.bindingURL
	page.events, page.institution = false, ""
	switch app.bindingCheck {
	case "late-customer":
		flowLateCustomer(t, b, &page)
	case "linked-once":
		flowLinkedOnce(t, b, &page)
	default:
		t.Fatalf("unknown binding check %q", app.bindingCheck)
	}
}

// flowLateCustomer: the customer set after mount is the one the widget receives.
func flowLateCustomer(t *testing.T, b *browser, app *appUnderTest) {
	fs := beginFlow(t, b, app)
	if err := b.waitFor("the late customer on the page", fmt.Sprintf(`document.querySelector('[data-mono-customer]').textContent.trim() === %q`, lateCustomer), 10*time.Second); err != nil {
		t.Fatal(err)
	}
	st := fs.open(fs.clickButton, 1)
	q := fs.checkWidgetQuery(st, "link", "")
	var data struct {
		Customer struct {
			ID string `json:"id"`
		} `json:"customer"`
	}
	if raw := q.Get("data"); raw == "" {
		t.Errorf("the widget got no data (no customer) although the page set customer %s after mount: %s", lateCustomer, url.Values(q).Encode())
	} else if err := json.Unmarshal([]byte(raw), &data); err != nil {
		t.Errorf("iframe data %q is not JSON: %v", raw, err)
	} else if data.Customer.ID != lateCustomer {
		t.Errorf("the widget got customer %q, want the one set after mount, %q", data.Customer.ID, lateCustomer)
	}
	code, _, _ := fs.succeed("late_customer")
	fs.checkExchanged(code)
}

// flowLinkedOnce: a double click, then success: the button's onlinked runs once; then an exit:
// oncancelled runs once.
func flowLinkedOnce(t *testing.T, b *browser, app *appUnderTest) {
	fs := beginFlow(t, b, app)
	fs.openByDoubleClick()
	code, _, _ := fs.succeed("linked_once")
	fs.checkExchanged(code)
	var count string
	if err := b.eval(`document.querySelector('[data-mono-linked-count]').textContent.trim()`, &count); err != nil {
		t.Fatal(err)
	}
	if count != "1" {
		t.Errorf("onlinked ran %s times after a double click, a third click and one success, want 1", count)
	}
	// The next session is closed without linking: the button reports cancelled (the vocabulary of
	// templates/README.md), once, and linked no more.
	fs.openAgainAndExit()
	if err := b.waitFor("oncancelled to run", `document.querySelector('[data-mono-cancelled-count]').textContent.trim() !== '0'`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	var counts []string
	if err := b.eval(`['linked', 'cancelled'].map((n) => document.querySelector('[data-mono-' + n + '-count]').textContent.trim())`, &counts); err != nil {
		t.Fatal(err)
	}
	if len(counts) != 2 || counts[0] != "1" || counts[1] != "1" {
		t.Errorf("after one success and one exit, onlinked/oncancelled ran %v times, want [1 1]", counts)
	}
}
