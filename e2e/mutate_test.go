//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mutations break the generated code on purpose (E2E_MUTATE=<name>), to prove the suite notices.
// They edit the copy inside a scaffolded app, never the template. An edit's file is either a core
// module without extension — the TypeScript source in a TS project, the JavaScript compiled from it
// in a JS project, where esbuild writes the same lines with double quotes — or a binding's file.
type edit struct{ file, from, to string }

var mutations = map[string][]edit{
	// The double-open guard: a second link() while a session runs returns the running session.
	// The per-page liveSession check behind it (in the session module) is removed as well, or it
	// would still refuse the second session (with an error) and mask the missing guard.
	"no-guard": {
		{"mono-connect", "    if (pending) return pending;\n", ""},
		{"mono-connect-session", "    if (liveSession) throw new Error('mono-connect: another Mono Connect session is already open on this page');\n", ""},
	},
	// Only the first guard: a second link() then starts a second session, which the per-page guard
	// refuses with an error once the first has registered (or which replaces the first if that one
	// has not loaded yet). Whether a flow sees it depends on the clicks' timing: no-guard is the
	// mutation that proves the double-click flow.
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
	// The two binding bugs of issue 13, as the bindings had them before 8e41394, for the binding
	// pages (e2e/target_react_test.go, target_svelte_test.go): each must fail its flow.
	// React: each session takes the customer of the first render (the closure's options), so a
	// customer set after mount never reaches the widget (flow late-customer, E2E_FRAMEWORKS=react).
	"react-first-render-customer": {
		{"useMonoConnect.ts", "bindingConfig(monoConfig, () => latest.current)", "bindingConfig(monoConfig, () => options)"},
	},
	// Svelte: every click attaches its own .then to the session's one promise, so a double click
	// reports onlinked twice (flow linked-once, E2E_FRAMEWORKS=svelte). The check stays, never true,
	// so pending is still read and the build's type check has nothing new to say.
	"svelte-then-per-click": {
		{"MonoConnectButton.svelte", "if (run === pending) return;", "if (run === pending && !run) return;"},
	},
}

// mutateApp applies E2E_MUTATE, if set, to the generated files below dir (outside node_modules).
// A binding mutation leaves an app without that binding's file as it is, and says so; a core
// mutation must find its module.
func mutateApp(t *testing.T, dir string) {
	t.Helper()
	name := os.Getenv("E2E_MUTATE")
	if name == "" {
		return
	}
	edits, ok := mutations[name]
	if !ok {
		t.Fatalf("E2E_MUTATE=%s: unknown mutation", name)
	}
	for _, e := range edits {
		core := filepath.Ext(e.file) == ""
		var paths []string
		if core {
			paths = findCoreModule(t, dir, e.file)
		} else {
			paths = findFiles(t, dir, e.file)
			if len(paths) == 0 {
				t.Logf("E2E_MUTATE=%s: no %s in %s, which runs unmutated", name, e.file, dir)
				continue
			}
		}
		if len(paths) != 1 {
			t.Fatalf("E2E_MUTATE=%s: want one %s in %s, found %v", name, e.file, dir, paths)
		}
		src, err := os.ReadFile(paths[0])
		if err != nil {
			t.Fatal(err)
		}
		from := e.from
		if core && filepath.Ext(paths[0]) == ".js" {
			from = strings.ReplaceAll(from, "'", `"`)
		}
		if !strings.Contains(string(src), from) {
			t.Fatalf("E2E_MUTATE=%s: %s no longer contains %q: update mutate_test.go", name, paths[0], from)
		}
		if err := os.WriteFile(paths[0], []byte(strings.Replace(string(src), from, e.to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("E2E_MUTATE=%s applied to %s", name, paths[0])
	}
}
