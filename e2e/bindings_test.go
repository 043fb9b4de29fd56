//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Binding pages: a second page in a brownfield host that drives the framework's generated
// component or hook (not the core directly, as the mounted page does), for the cases a starter
// page cannot express. Each has the contract's [data-mono-connect] and [data-mono-status], so the
// flow helpers drive it, plus what its flow checks.

// lateCustomer is the customer id the React binding page sets after its first render.
const lateCustomer = "cus_e2e_late_customer"

// mountReactBinding adds a page (index.html?binding) whose useMonoConnect gets a customer only
// after mount, as a customer id fetched on load would arrive.
func mountReactBinding(t *testing.T, dir string) string {
	src := filepath.Join(dir, "src")
	lib := path.Dir(coreImport(t, dir, src)) // path.Dir drops a leading "./"
	if !strings.HasPrefix(lib, ".") {
		lib = "./" + lib
	}
	writeFile(t, filepath.Join(src, "BindingE2E.tsx"), `import { useEffect, useState } from 'react'
import { useMonoConnect } from '`+lib+`/useMonoConnect'

export default function BindingE2E() {
  const [customer, setCustomer] = useState<{ id: string } | undefined>(undefined)
  // After the first render: the hook has been called once without a customer.
  useEffect(() => { setCustomer({ id: '`+lateCustomer+`' }) }, [])
  const mono = useMonoConnect({ customer })
  return (
    <section>
      <button type="button" data-mono-connect onClick={() => { mono.link().catch(() => {}) }}>Link bank account</button>
      <p data-mono-status>{mono.status}</p>
      <p data-mono-customer>{customer?.id ?? ''}</p>
    </section>
  )
}
`)
	insertAfter(t, filepath.Join(src, "main.tsx"), "import App from './App.tsx'\n", "import BindingE2E from './BindingE2E.tsx'\n")
	replaceIn(t, filepath.Join(src, "main.tsx"), "<App />", "{location.search === '?binding' ? <BindingE2E /> : <App />}")
	return "/?binding"
}

// mountSvelteBinding adds /binding: the generated MonoConnectButton with onlinked and oncancelled
// callbacks that count their calls into [data-mono-linked-count] and [data-mono-cancelled-count].
func mountSvelteBinding(t *testing.T, dir string) string {
	writeFile(t, filepath.Join(dir, "src", "routes", "binding", "+page.svelte"), `<script lang="ts">
	import MonoConnectButton from '$lib/mono-connect/MonoConnectButton.svelte';
	import { MonoConnect } from '$lib/mono-connect/mono-connect.svelte.js';

	const mono = new MonoConnect();
	let linked = $state(0);
	let cancelled = $state(0);
</script>

<MonoConnectButton {mono} onlinked={() => { linked += 1; }} oncancelled={() => { cancelled += 1; }} />
<p data-mono-status>{mono.status}</p>
<p data-mono-linked-count>{linked}</p>
<p data-mono-cancelled-count>{cancelled}</p>
`)
	return "/binding"
}

// bindingLib is the generated binding's folder as an import path from dir/src.
func bindingLib(t *testing.T, dir string) string {
	lib := path.Dir(coreImport(t, dir, filepath.Join(dir, "src"))) // path.Dir drops a leading "./"
	if !strings.HasPrefix(lib, ".") {
		lib = "./" + lib
	}
	return lib
}

// mountSolidBinding adds a page (index.html?binding): the generated MonoConnectButton driving a
// useMonoConnect whose onLinked and onCancelled count their calls, as flowLinkedOnce reads them.
func mountSolidBinding(t *testing.T, dir string) string {
	src := filepath.Join(dir, "src")
	lib := bindingLib(t, dir)
	writeFile(t, filepath.Join(src, "BindingE2E.tsx"), `import { createSignal } from 'solid-js'
import { useMonoConnect } from '`+lib+`/useMonoConnect'
import { MonoConnectButton } from '`+lib+`/MonoConnectButton'

export default function BindingE2E() {
  const [linked, setLinked] = createSignal(0)
  const [cancelled, setCancelled] = createSignal(0)
  const mono = useMonoConnect({
    // Braces: a Solid setter returns the new value, and the callbacks return nothing.
    onLinked: () => { setLinked((n) => n + 1) },
    onCancelled: () => { setCancelled((n) => n + 1) },
  })
  return (
    <section>
      <MonoConnectButton mono={mono} />
      <p data-mono-status>{mono.status()}</p>
      <p data-mono-linked-count>{linked()}</p>
      <p data-mono-cancelled-count>{cancelled()}</p>
    </section>
  )
}
`)
	index := filepath.Join(src, "index.tsx")
	insertAfter(t, index, "import App from './App.tsx'\n", "import BindingE2E from './BindingE2E.tsx'\n")
	replaceIn(t, index, "render(() => <App />", "render(() => (location.search === '?binding' ? <BindingE2E /> : <App />)")
	return "/?binding"
}

// mountPreactBinding adds the same page on Preact: its hook from preact/hooks, its button.
func mountPreactBinding(t *testing.T, dir string) string {
	src := filepath.Join(dir, "src")
	lib := bindingLib(t, dir)
	writeFile(t, filepath.Join(src, "BindingE2E.tsx"), `import { useState } from 'preact/hooks'
import { useMonoConnect } from '`+lib+`/useMonoConnect'
import { MonoConnectButton } from '`+lib+`/MonoConnectButton'

export function BindingE2E() {
  const [linked, setLinked] = useState(0)
  const [cancelled, setCancelled] = useState(0)
  const mono = useMonoConnect({
    onLinked: () => setLinked((n) => n + 1),
    onCancelled: () => setCancelled((n) => n + 1),
  })
  return (
    <section>
      <MonoConnectButton mono={mono} />
      <p data-mono-status>{mono.status}</p>
      <p data-mono-linked-count>{linked}</p>
      <p data-mono-cancelled-count>{cancelled}</p>
    </section>
  )
}
`)
	main := filepath.Join(src, "main.tsx")
	insertAfter(t, main, "import { App } from './app.tsx'\n", "import { BindingE2E } from './BindingE2E.tsx'\n")
	replaceIn(t, main, "render(<App />", "render(location.search === '?binding' ? <BindingE2E /> : <App />")
	return "/?binding"
}

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
	code := "code_late_customer_" + shortName(app.name)
	fs.finishLink(code, app.mono.accountFor(code))
	fs.checkExchanged(code)
}

// flowLinkedOnce: a double click, then success: the button's onlinked runs once; then an exit:
// oncancelled runs once.
func flowLinkedOnce(t *testing.T, b *browser, app *appUnderTest) {
	fs := beginFlow(t, b, app)
	fs.open(func() error { return b.mouseClick("[data-mono-connect]", 2) }, 1)
	// The overlay covers the button now; a script click still reaches it.
	if err := b.eval(`document.querySelector('[data-mono-connect]').click(), true`, new(bool)); err != nil {
		t.Fatal(err)
	}
	code := "code_linked_once_" + shortName(app.name)
	fs.finishLink(code, app.mono.accountFor(code))
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
	fs.widgets = len(func() []string { w, _, _ := b.snapshot(); return w }())
	fs.open(fs.clickButton, 2)
	if err := b.tellWidget(map[string]any{"cmd": "exit"}); err != nil {
		t.Fatal(err)
	}
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
