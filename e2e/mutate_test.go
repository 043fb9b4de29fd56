//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mutations break the generated core on purpose (E2E_MUTATE=<name>), to prove the suite notices.
// They edit the copy inside a scaffolded app, never the template. Each edit names the core module
// it applies to (without extension): the TypeScript source in a TS project, the JavaScript compiled
// from it in a JS project, where esbuild writes the same lines with double quotes.
var mutations = map[string][]struct{ module, from, to string }{
	// The double-open guard: a second link() while a session runs returns the running session.
	// The per-page liveSession check behind it is removed as well, or it would still refuse the
	// second session (with an error) and mask the missing guard.
	"no-guard": {
		{"mono-connect", "    if (pending) return pending;\n", ""},
		{"mono-connect", "    if (liveSession) {\n      return Promise.reject(new Error('mono-connect: another Mono Connect session is already open on this page'));\n    }\n", ""},
	},
	// Only the first guard: a second link() now rejects (the per-page guard) instead of joining the
	// open session. The pages ignore that rejection and nothing else changes, so the flows pass with
	// it (measured): no-guard is the mutation that proves the double-click flow.
	"no-session-guard": {
		{"mono-connect", "    if (pending) return pending;\n", ""},
	},
	// The exchange: the wrapper pretends the code is the account instead of asking the server.
	// postJSON stays referenced, or tsc's noUnusedLocals would fail the TS build and the flows,
	// the thing this proves, would never run.
	"no-exchange": {
		{"mono-connect-session", "  const body = await postJSON(options, '/api/mono/exchange', { code });\n", "  void postJSON;\n  const body = { account_id: 'acc_' + code };\n"},
	},
	// The success flag: onClose after a success reports "cancelled".
	"no-close-reason": {
		{"mono-connect-session", "  const reason = current.succeeded ? 'success' : 'cancelled';\n", "  const reason = 'cancelled';\n"},
	},
}

// mutateWrapper applies E2E_MUTATE, if set, to the core whose entry module (mono-connect.ts or
// mono-connect.js) is at entry.
func mutateWrapper(t *testing.T, entry string) {
	t.Helper()
	name := os.Getenv("E2E_MUTATE")
	if name == "" {
		return
	}
	edits, ok := mutations[name]
	if !ok {
		t.Fatalf("E2E_MUTATE=%s: unknown mutation", name)
	}
	dir, ext := filepath.Dir(entry), filepath.Ext(entry)
	for _, e := range edits {
		path := filepath.Join(dir, e.module+ext)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s, from := string(src), e.from
		if ext == ".js" {
			from = strings.ReplaceAll(from, "'", `"`)
		}
		if !strings.Contains(s, from) {
			t.Fatalf("E2E_MUTATE=%s: %s no longer contains %q: update mutate_test.go", name, path, from)
		}
		s = strings.Replace(s, from, e.to, 1)
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("E2E_MUTATE=%s applied to %s", name, path)
	}
}
