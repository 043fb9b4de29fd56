package webhookfixture

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// documented is every event shared/docs/mono-facts.md names; each needs a fixture.
var documented = []string{
	"mono.events.account_connected",
	"mono.events.account_updated",
	"mono.events.reauthorisation_required",
	"mono.events.account_reauthorized",
	"mono.events.account_unlinked",
	"direct_debit.payment_successful",
	"direct_debit.payment_failed",
	"direct_debit.payment_cancelled",
	"direct_debit.payment_abandoned",
	"events.mandates.created",
	"events.mandates.rejected",
	"events.mandates.approved",
	"events.mandates.ready",
	"events.mandates.debit.processing",
	"events.mandates.debit.successful",
	"events.mandates.debit.failed",
}

func TestEveryDocumentedEventHasAFixture(t *testing.T) {
	for _, ev := range documented {
		f, ok := Find(ev)
		if !ok {
			t.Errorf("no fixture for %s", ev)
			continue
		}
		if f.Event != ev {
			t.Errorf("fixture %s sends event %q", ev, f.Event)
		}
	}
	statuses := map[string]bool{}
	for _, f := range All() {
		if f.Event == "mono.events.account_updated" {
			body := decode(t, f, Values{})
			statuses[body.path("data", "meta", "data_status").(string)] = true
		}
	}
	for _, s := range []string{"AVAILABLE", "PROCESSING", "FAILED"} {
		if !statuses[s] {
			t.Errorf("no account_updated fixture with data_status %s (have %v)", s, statuses)
		}
	}
}

func TestNamesAreUniqueAndSorted(t *testing.T) {
	seen := map[string]bool{}
	all := All()
	for i, f := range all {
		if seen[f.Name] {
			t.Errorf("fixture %s twice", f.Name)
		}
		seen[f.Name] = true
		if i > 0 && all[i-1].Name >= f.Name {
			t.Errorf("All() not sorted at %s", f.Name)
		}
		if f.Summary == "" {
			t.Errorf("fixture %s has no summary", f.Name)
		}
		if !strings.HasPrefix(f.Name, f.Event) {
			t.Errorf("fixture %s is not named after its event %s", f.Name, f.Event)
		}
	}
	if _, ok := Find("mono.events.nope"); ok {
		t.Error("Find found an unknown event")
	}
}

// TestAccountAndReferenceLandWhereTheServerReads aims every fixture at an account and a
// reference and finds them where the generated server (Event.AccountID) and a payment
// recorder look.
func TestAccountAndReferenceLandWhereTheServerReads(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 30, 0, 0, time.FixedZone("WAT", 3600))
	v := Values{Account: "acc_given", Reference: "ref_given", Now: now}
	for _, f := range All() {
		body := decode(t, f, v)
		if body.path("event") != f.Event {
			t.Errorf("%s: event %v", f.Name, body.path("event"))
		}
		if body.path("event_id") != "evt_test" {
			t.Errorf("%s: event_id %v", f.Name, body.path("event_id"))
		}
		var account, reference any
		switch {
		case f.Event == "mono.events.account_connected":
			account, reference = body.path("data", "id"), body.path("data", "meta", "ref")
		case strings.HasPrefix(f.Event, "mono.events."):
			account = body.path("data", "account", "_id")
			reference = "ref_given" // not every account event carries one
		case strings.HasPrefix(f.Event, "direct_debit."):
			account, reference = body.path("data", "object", "account"), body.path("data", "object", "reference")
		case strings.HasPrefix(f.Event, "events.mandates.debit."):
			account, reference = body.path("data", "account"), body.path("data", "reference_number")
		case strings.HasPrefix(f.Event, "events.mandates."):
			account, reference = body.path("data", "account"), body.path("data", "reference")
		default:
			t.Fatalf("%s: no rule for this event family", f.Name)
		}
		if account != "acc_given" || reference != "ref_given" {
			t.Errorf("%s: account %v, reference %v; want acc_given, ref_given\n%s", f.Name, account, reference, body.raw)
		}
		// Timestamps are the event's time, in UTC like Mono's.
		if strings.Contains(f.Event, "account_updated") || strings.HasPrefix(f.Event, "direct_debit.") || strings.HasPrefix(f.Event, "events.mandates.") {
			if !strings.Contains(body.raw, `"2026-12-02T09:30:00.000Z"`) {
				t.Errorf("%s: no timestamp at the event's time in UTC:\n%s", f.Name, body.raw)
			}
		}
	}
}

func TestFreshIDsWhenNoneGiven(t *testing.T) {
	f, _ := Find("direct_debit.payment_successful")
	a, b := decode(t, f, Values{}), decode(t, f, Values{})
	for _, p := range [][]string{{"data", "object", "id"}, {"data", "object", "account"}, {"data", "object", "reference"}} {
		if a.path(p...) == b.path(p...) || a.path(p...) == "" {
			t.Errorf("%v: %v twice, want fresh values", p, a.path(p...))
		}
	}
	if NewEventID() == NewEventID() || !strings.HasPrefix(NewEventID(), "evt_") {
		t.Error("NewEventID is not fresh")
	}
}

func TestOverrideMergesIntoData(t *testing.T) {
	f, _ := Find("mono.events.account_updated")
	var override map[string]any
	if err := json.Unmarshal([]byte(`{"meta":{"data_status":"PARTIAL"},"account":{"balance":5},"extra":[1]}`), &override); err != nil {
		t.Fatal(err)
	}
	raw, err := f.Body("evt_test", Values{Account: "acc_1"}, override)
	if err != nil {
		t.Fatal(err)
	}
	body := parsed{raw: string(raw)}
	if err := json.Unmarshal(raw, &body.v); err != nil {
		t.Fatal(err)
	}
	if body.path("data", "meta", "data_status") != "PARTIAL" || body.path("data", "meta", "auth_method") != "internet_banking" {
		t.Errorf("meta not merged: %s", raw)
	}
	if body.path("data", "account", "balance") != float64(5) || body.path("data", "account", "_id") != "acc_1" {
		t.Errorf("account not merged: %s", raw)
	}
	if _, ok := body.path("data", "extra").([]any); !ok {
		t.Errorf("a new key was not added: %s", raw)
	}
}

func TestSuggest(t *testing.T) {
	got := Suggest("mandates.debit")
	if len(got) != 3 {
		t.Errorf("Suggest(mandates.debit) = %v, want the three debit events", got)
	}
	if got := Suggest(""); got != nil {
		t.Errorf("Suggest(\"\") = %v, want nothing", got)
	}
}

type parsed struct {
	raw string
	v   map[string]any
}

func (p parsed) path(keys ...string) any {
	var cur any = p.v
	for _, k := range keys {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[k]
	}
	return cur
}

func decode(t *testing.T, f Fixture, v Values) parsed {
	t.Helper()
	raw, err := f.Body("evt_test", v, nil)
	if err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	p := parsed{raw: string(raw)}
	if err := json.Unmarshal(raw, &p.v); err != nil {
		t.Fatalf("%s: not JSON: %v", f.Name, err)
	}
	return p
}
