// Package webhookfixture builds realistic Mono webhook bodies for `mono-connect webhook send`:
// one fixture per event Mono documents, each with a fresh event_id and timestamps, aimed at a
// real account or payment reference when the caller names one.
//
// The shapes follow Mono's documented payloads (shared/docs/mono-facts.md). Mono publishes
// examples rather than a schema, so fields beyond the envelope (event, event_id, data) and the
// ids the generated server reads (data.id, data.account._id, data.object) are best effort.
package webhookfixture

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Fixture is one event `webhook send` knows.
type Fixture struct {
	// Name is what the user types: the event name, or for a variant of one event (an
	// account_updated per data status) the event name, a colon and the variant.
	Name string
	// Event is the "event" field of the body.
	Event string
	// Summary says in a few words what the event means.
	Summary string
	data    func(v Values) map[string]any
}

// Values aim a fixture at real rows; empty fields get fresh ids.
type Values struct {
	Account   string    // Mono account id (data.id, data.account._id, …)
	Reference string    // payment or mandate reference (data.object.reference, data.reference)
	Now       time.Time // the event's time; time.Now when zero
}

// All returns every fixture, sorted by name.
func All() []Fixture {
	out := append([]Fixture(nil), fixtures...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Find returns the fixture called name.
func Find(name string) (Fixture, bool) {
	for _, f := range fixtures {
		if f.Name == name {
			return f, true
		}
	}
	return Fixture{}, false
}

// Body renders the fixture as the JSON Mono would POST: the envelope with eventID and the
// fixture's data, with override merged into data (objects merge key by key, anything else
// replaces). The result is indented like Mono's examples.
func (f Fixture) Body(eventID string, v Values, override map[string]any) ([]byte, error) {
	if v.Now.IsZero() {
		v.Now = time.Now()
	}
	v.Now = v.Now.UTC()
	if v.Account == "" {
		v.Account = NewID("")
	}
	if v.Reference == "" {
		v.Reference = "mc_" + NewID("")[:16]
	}
	data := f.data(v)
	merge(data, override)
	return json.MarshalIndent(map[string]any{"event": f.Event, "event_id": eventID, "data": data}, "", "  ")
}

// NewEventID returns a fresh event id. Mono's own ids are opaque strings [unclear: no
// documented format]; the server only needs them unique.
func NewEventID() string { return "evt_" + NewID("") }

// NewID returns prefix and 24 random hex digits, the length of Mono's object ids.
func NewID(prefix string) string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		// crypto/rand does not fail on supported platforms; a fixed id would make every event
		// a duplicate, so refuse to go on.
		panic(fmt.Sprintf("crypto/rand: %v", err))
	}
	return prefix + hex.EncodeToString(b)
}

// merge copies src into dst; nested objects merge, other values replace.
func merge(dst, src map[string]any) {
	for k, sv := range src {
		if sm, ok := sv.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				merge(dm, sm)
				continue
			}
		}
		dst[k] = sv
	}
}

// stamp is Mono's timestamp format (ISO 8601 in UTC with milliseconds).
func stamp(t time.Time) string { return t.Format("2006-01-02T15:04:05.000Z") }

func account(v Values) map[string]any {
	return map[string]any{
		"_id":           v.Account,
		"name":          "SAMUEL OLAMIDE NOMO",
		"accountNumber": "0131883461",
		"currency":      "NGN",
		"balance":       22644,
		"type":          "Tier 3 Savings Account",
		"bvn":           "9422",
		"authMethod":    "internet_banking",
		"institution":   map[string]any{"name": "GTBank", "bankCode": "058", "type": "PERSONAL_BANKING"},
		"created_at":    stamp(v.Now.Add(-time.Hour)),
		"updated_at":    stamp(v.Now),
	}
}

func accountUpdated(status string) func(Values) map[string]any {
	return func(v Values) map[string]any {
		return map[string]any{
			"account": account(v),
			"meta":    map[string]any{"data_status": status, "auth_method": "internet_banking", "ref": v.Reference},
		}
	}
}

// directDebit is the data of the one-time debit events: Mono nests the payment under "object".
func directDebit(status, message string) func(Values) map[string]any {
	return func(v Values) map[string]any {
		return map[string]any{"object": map[string]any{
			"id":          NewID("txd_"),
			"status":      status,
			"message":     message,
			"amount":      20000,
			"currency":    "NGN",
			"description": "Demo item",
			"fee":         100,
			"type":        "onetime-debit",
			"reference":   v.Reference,
			"account":     v.Account,
			"customer":    NewID(""),
			"live_mode":   false,
			"created_at":  stamp(v.Now.Add(-2 * time.Minute)),
			"updated_at":  stamp(v.Now),
		}}
	}
}

// mandate is the data of the mandate lifecycle events [likely: the events.mandates.* family is
// documented by name; the field set follows Mono's mandate object].
func mandate(status string, approved, ready bool) func(Values) map[string]any {
	return func(v Values) map[string]any {
		return map[string]any{
			"id":             NewID("mmc_"),
			"status":         status,
			"mandate_type":   "emandate",
			"debit_type":     "variable",
			"ready_to_debit": ready,
			"approved":       approved,
			"reference":      v.Reference,
			"account":        v.Account,
			"account_name":   "SAMUEL OLAMIDE NOMO",
			"account_number": "0131883461",
			"bank":           "GTBank",
			"bank_code":      "058",
			"amount":         500000,
			"currency":       "NGN",
			"customer":       NewID(""),
			"start_date":     v.Now.Format("2006-01-02"),
			"end_date":       v.Now.AddDate(1, 0, 0).Format("2006-01-02"),
			"live_mode":      false,
			"created_at":     stamp(v.Now.Add(-time.Minute)),
			"updated_at":     stamp(v.Now),
		}
	}
}

// mandateDebit is the data of events.mandates.debit.* [likely, as for mandate].
func mandateDebit(status string) func(Values) map[string]any {
	return func(v Values) map[string]any {
		return map[string]any{
			"id":               NewID("txd_"),
			"status":           status,
			"mandate":          NewID("mmc_"),
			"reference_number": v.Reference,
			"account":          v.Account,
			"amount":           20000,
			"fee":              50,
			"currency":         "NGN",
			"narration":        "Demo subscription",
			"live_mode":        false,
			"created_at":       stamp(v.Now.Add(-time.Minute)),
			"updated_at":       stamp(v.Now),
		}
	}
}

var fixtures = []Fixture{
	{Name: "mono.events.account_connected", Event: "mono.events.account_connected", Summary: "an account was linked (data.id is the account id)",
		data: func(v Values) map[string]any {
			return map[string]any{"id": v.Account, "customer": NewID(""), "meta": map[string]any{"ref": v.Reference}}
		}},
	{Name: "mono.events.account_updated", Event: "mono.events.account_updated", Summary: "account data refreshed: data_status AVAILABLE", data: accountUpdated("AVAILABLE")},
	{Name: "mono.events.account_updated:processing", Event: "mono.events.account_updated", Summary: "account data still being fetched: data_status PROCESSING", data: accountUpdated("PROCESSING")},
	{Name: "mono.events.account_updated:failed", Event: "mono.events.account_updated", Summary: "account data could not be fetched: data_status FAILED", data: accountUpdated("FAILED")},
	{Name: "mono.events.reauthorisation_required", Event: "mono.events.reauthorisation_required", Summary: "the customer must re-authorise the account",
		data: func(v Values) map[string]any { return map[string]any{"account": map[string]any{"_id": v.Account}} }},
	{Name: "mono.events.account_reauthorized", Event: "mono.events.account_reauthorized", Summary: "the customer re-authorised the account",
		data: func(v Values) map[string]any {
			return map[string]any{"account": map[string]any{"_id": v.Account}, "meta": map[string]any{"ref": v.Reference}}
		}},
	{Name: "mono.events.account_unlinked", Event: "mono.events.account_unlinked", Summary: "the account was unlinked",
		data: func(v Values) map[string]any { return map[string]any{"account": map[string]any{"_id": v.Account}} }},
	{Name: "direct_debit.payment_successful", Event: "direct_debit.payment_successful", Summary: "a one-time debit went through (data.object.reference)", data: directDebit("successful", "Payment was successful")},
	{Name: "direct_debit.payment_failed", Event: "direct_debit.payment_failed", Summary: "a one-time debit failed", data: directDebit("failed", "Insufficient funds")},
	// cancelled and abandoned: named by Mono's newer docs [likely].
	{Name: "direct_debit.payment_cancelled", Event: "direct_debit.payment_cancelled", Summary: "the customer cancelled a one-time debit", data: directDebit("cancelled", "Payment was cancelled")},
	{Name: "direct_debit.payment_abandoned", Event: "direct_debit.payment_abandoned", Summary: "a one-time debit was started and never finished", data: directDebit("abandoned", "Payment was abandoned")},
	{Name: "events.mandates.created", Event: "events.mandates.created", Summary: "a mandate was created", data: mandate("initiated", false, false)},
	{Name: "events.mandates.rejected", Event: "events.mandates.rejected", Summary: "the bank rejected a mandate", data: mandate("rejected", false, false)},
	{Name: "events.mandates.approved", Event: "events.mandates.approved", Summary: "the bank approved a mandate", data: mandate("approved", true, false)},
	{Name: "events.mandates.ready", Event: "events.mandates.ready", Summary: "a mandate can be debited", data: mandate("approved", true, true)},
	{Name: "events.mandates.debit.processing", Event: "events.mandates.debit.processing", Summary: "a mandate debit is in progress", data: mandateDebit("processing")},
	{Name: "events.mandates.debit.successful", Event: "events.mandates.debit.successful", Summary: "a mandate debit went through", data: mandateDebit("successful")},
	{Name: "events.mandates.debit.failed", Event: "events.mandates.debit.failed", Summary: "a mandate debit failed", data: mandateDebit("failed")},
}

// Suggest returns the fixture names containing s, for an error message about an unknown one.
func Suggest(s string) []string {
	var out []string
	s = strings.ToLower(s)
	for _, f := range All() {
		if s != "" && strings.Contains(f.Name, s) {
			out = append(out, f.Name)
		}
	}
	return out
}
