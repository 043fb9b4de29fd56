//go:build e2e

package e2e

import (
	"os"
	"strings"
	"testing"
)

// mutations break the generated wrapper on purpose (E2E_MUTATE=<name>), to prove the suite notices.
// They edit the copy of mono-connect.js inside a scaffolded app, never the template.
var mutations = map[string][]struct{ from, to string }{
	// The double-open guard: a second link() while a session runs returns the running session.
	// The per-page liveSession check behind it is removed as well, or it would still refuse the
	// second session (with an error) and mask the missing guard.
	"no-guard": {
		{"    if (session) return session.promise;\n", ""},
		{"    if (liveSession) {\n      return Promise.reject(new Error('mono-connect: another Mono Connect session is already open on this page'));\n    }\n", ""},
	},
	// Only the first guard: a second link() now rejects (the per-page guard) instead of joining the
	// open session. The pages ignore that rejection and nothing else changes, so the flows pass with
	// it (measured): no-guard is the mutation that proves the double-click flow.
	"no-session-guard": {
		{"    if (session) return session.promise;\n", ""},
	},
	// The exchange: the wrapper pretends the code is the account instead of asking the server.
	"no-exchange": {
		{"    const body = await postJSON(options, '/api/mono/exchange', { code });\n", "    const body = { account_id: 'acc_' + code };\n"},
	},
	// The success flag: onClose after a success reports "cancelled".
	"no-close-reason": {
		{"    const reason = current.succeeded ? 'success' : 'cancelled';\n", "    const reason = 'cancelled';\n"},
	},
}

// mutateWrapper applies E2E_MUTATE, if set, to the mono-connect.js at path.
func mutateWrapper(t *testing.T, path string) {
	t.Helper()
	name := os.Getenv("E2E_MUTATE")
	if name == "" {
		return
	}
	edits, ok := mutations[name]
	if !ok {
		t.Fatalf("E2E_MUTATE=%s: unknown mutation", name)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for _, e := range edits {
		if !strings.Contains(s, e.from) {
			t.Fatalf("E2E_MUTATE=%s: %s no longer contains %q: update mutate_test.go", name, path, e.from)
		}
		s = strings.Replace(s, e.from, e.to, 1)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("E2E_MUTATE=%s applied to %s", name, path)
}
