//go:build e2e

package e2e

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// Brownfield mounts (each target's in its e2e/target_<name>_test.go): after `mono-connect init`
// in a host project, the test puts the integration on the host's page the way a user following the
// README would, with the same data-* attributes the starters carry so the same flows drive it:
// [data-mono-connect], [data-mono-status], [data-mono-close-reason], [data-mono-events], and for
// the reauth and pay flows [data-mono-account] (filled with the linked id), [data-mono-reauth]
// and [data-mono-pay] (the demo item, priced by the Go server). This file holds what several
// targets share.

// coreImport is the import specifier of the generated core from fromDir (slash-separated, "./..").
func coreImport(t *testing.T, dir, fromDir string) string {
	t.Helper()
	rel, err := filepath.Rel(fromDir, coreEntry(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	// The .ts source is imported without its extension, as the bindings do: Turbopack (Next)
	// does not resolve a .js specifier to a .ts file.
	rel = strings.TrimSuffix(filepath.ToSlash(rel), ".ts")
	if !strings.HasPrefix(rel, ".") {
		rel = "./" + rel
	}
	return rel
}

// bindingLib is the generated binding's folder (the core's) as an import path from fromDir.
func bindingLib(t *testing.T, dir, fromDir string) string {
	lib := path.Dir(coreImport(t, dir, fromDir)) // path.Dir drops a leading "./"
	if !strings.HasPrefix(lib, ".") {
		lib = "./" + lib
	}
	return lib
}

// srcAndLib is a create-vite host's src/ and the generated binding's folder as an import from it.
func srcAndLib(t *testing.T, dir string) (src, lib string) {
	src = filepath.Join(dir, "src")
	return src, bindingLib(t, dir, src)
}

// demoPayment is what the pay buttons ask for: the starters' demo item (the server prices it).
const demoPayment = `{ item: 'demo', customer: { name: 'Ada Lovelace', email: 'ada@example.com' } }`

// domControls is plain markup for pages wired by wireMonoConnect (vanilla, Astro's component,
// html's element): everything but the connect button, which Astro's component renders itself.
// The counters are filled by domEventCounters.
const domControls = `<p data-mono-status>idle</p><p data-mono-close-reason></p><ul data-mono-events></ul>
<input data-mono-account autocomplete="off">
<button type="button" data-mono-reauth>Re-authorise account</button>
<button type="button" data-mono-pay="demo" data-mono-customer-name="Ada Lovelace" data-mono-customer-email="ada@example.com">Pay</button>
<p data-mono-linked-count>0</p><p data-mono-cancelled-count>0</p>
`

// domButton is the connect button of domControls' pages.
const domButton = `<button type="button" data-mono-connect>Link bank account</button>
`

// domEventCounters is a script that counts the mono-connect:linked and mono-connect:cancelled
// events reaching document into domControls' counters, as a page listening to them would: the
// "linked-once" binding flow reads them. A linked event without the account id is written out
// instead of counted, so the flow fails saying so.
const domEventCounters = `(() => {
  const bump = (sel) => { const el = document.querySelector(sel); el.textContent = String(Number(el.textContent) + 1); };
  document.addEventListener('mono-connect:linked', (e) => {
    if (!e.detail || !e.detail.accountId) { document.querySelector('[data-mono-linked-count]').textContent = 'linked event without accountId: ' + JSON.stringify(e.detail); return; }
    bump('[data-mono-linked-count]');
  });
  document.addEventListener('mono-connect:cancelled', () => bump('[data-mono-cancelled-count]'));
})();
`

// insertAfter puts add after the first occurrence of anchor in the file at path.
func insertAfter(t *testing.T, path, anchor, add string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, anchor)
	if i < 0 {
		t.Fatalf("mount: %s has no %q to put the integration after", path, anchor)
	}
	i += len(anchor)
	writeFile(t, path, s[:i]+add+s[i:])
}

// replaceIn replaces the first old in the file at path with new; a file without old fails the test.
func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("mount: %s has no %q to replace", path, old)
	}
	writeFile(t, path, strings.Replace(string(b), old, new, 1))
}

func appendFile(t *testing.T, path, content string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(content); err != nil {
		t.Fatal(err)
	}
}

// reactComponent is a client component on the generated core, for React hosts (Vite, React
// Router and Next).
func reactComponent(importPath, keyExpr, keyEnv string, useClient bool) string {
	head := ""
	if useClient {
		head = "'use client'\n\n"
	}
	return head + `import { useEffect, useMemo, useState } from 'react'
import { createMonoConnect, statusText, type MonoConnectState } from '` + importPath + `'

export default function MonoE2E() {
  const [state, setState] = useState<MonoConnectState>({ status: 'idle' })
  const [reason, setReason] = useState('')
  const [events, setEvents] = useState<string[]>([])
  const [account, setAccount] = useState('')
  const mono = useMemo(() => createMonoConnect({
    publicKey: ` + keyExpr + `,
    publicKeyEnv: '` + keyEnv + `',
    onLinked: ({ accountId }) => { setAccount(accountId) },
    onLoad: () => setEvents((e) => [...e, 'onLoad']),
    onEvent: (name) => setEvents((e) => [...e, name]),
    onClose: ({ reason }) => setReason(reason),
  }), [])
  useEffect(() => {
    const off = mono.subscribe(setState)
    return () => { off() }
  }, [mono])
  const ignore = () => {}
  return (
    <section>
      <button type="button" data-mono-connect onClick={() => { mono.link().catch(ignore) }}>Link bank account</button>
      <p data-mono-status>{statusText(state)}</p>
      <p data-mono-close-reason>{reason}</p>
      <ul data-mono-events>{events.map((e, i) => <li key={i}>{e}</li>)}</ul>
      <input data-mono-account readOnly value={account} />
      <button type="button" data-mono-reauth onClick={() => { mono.reauthorise(account).catch(ignore) }}>Re-authorise account</button>
      <button type="button" data-mono-pay onClick={() => { mono.pay(` + demoPayment + `).catch(ignore) }}>Pay</button>
    </section>
  )
}
`
}

// vueComponent is an SFC on the generated core, for Vue hosts (Vite and Nuxt); setup is what goes
// before the controller (Nuxt: reading runtimeConfig).
func vueComponent(importPath, setup, keyExpr, keyEnv string) string {
	return `<script setup lang="ts">
import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { createMonoConnect, statusText, type MonoConnectState } from '` + importPath + `'
` + setup + `
const state = shallowRef<MonoConnectState>({ status: 'idle' })
const reason = ref('')
const events = ref<string[]>([])
const account = ref('')
const mono = createMonoConnect({
  publicKey: ` + keyExpr + `,
  publicKeyEnv: '` + keyEnv + `',
  onLinked: ({ accountId }) => { account.value = accountId },
  onLoad: () => { events.value.push('onLoad') },
  onEvent: (name) => { events.value.push(name) },
  onClose: ({ reason: why }) => { reason.value = why },
})
let off: (() => void) | undefined
onMounted(() => { off = mono.subscribe((s) => { state.value = s }) })
onBeforeUnmount(() => off?.())
const ignore = () => {}
function link() { mono.link().catch(ignore) }
function reauth() { mono.reauthorise(account.value).catch(ignore) }
function pay() { mono.pay(` + demoPayment + `).catch(ignore) }
</script>

<template>
  <section>
    <button type="button" data-mono-connect @click="link">Link bank account</button>
    <p data-mono-status>{{ statusText(state) }}</p>
    <p data-mono-close-reason>{{ reason }}</p>
    <ul data-mono-events><li v-for="(e, i) in events" :key="i">{{ e }}</li></ul>
    <input data-mono-account readonly :value="account" />
    <button type="button" data-mono-reauth @click="reauth">Re-authorise account</button>
    <button type="button" data-mono-pay @click="pay">Pay</button>
  </section>
</template>
`
}

// mountSignal mounts signalComponent (head, newState, read, list as there) on create-vite's app
// module (app, relative to src/, whose first import is anchor).
func mountSignal(app, anchor, head, newState, read, list string) func(t *testing.T, dir string) string {
	return func(t *testing.T, dir string) string {
		src, lib := srcAndLib(t, dir)
		writeFile(t, filepath.Join(src, "MonoE2E.tsx"), signalComponent(head, newState, read, list, lib))
		insertAfter(t, filepath.Join(src, app), anchor, "import { MonoE2E } from './MonoE2E'\n")
		insertAfter(t, filepath.Join(src, app), "    <>\n", "      <MonoE2E />\n")
		return "/"
	}
}

// signalComponent is a component on a generated hook (useMonoConnect) and button
// (MonoConnectButton) in lib, for Solid and Preact: newState is the state primitive (createSignal,
// useState), read what reading a value takes ("()" for a signal), list the events list's JSX.
// onLinked and onCancelled count their calls for the linked-once flow.
func signalComponent(head, newState, read, list, lib string) string {
	return head + `
import { useMonoConnect } from '` + lib + `/useMonoConnect'
import { MonoConnectButton } from '` + lib + `/MonoConnectButton'

export function MonoE2E() {
  const [reason, setReason] = ` + newState + `('')
  const [events, setEvents] = ` + newState + `<string[]>([])
  const [account, setAccount] = ` + newState + `('')
  const [linked, setLinked] = ` + newState + `(0)
  const [cancelled, setCancelled] = ` + newState + `(0)
  // Braces: a Solid setter returns the new value, and the callbacks return nothing.
  const mono = useMonoConnect({
    onLinked: ({ accountId }) => { setAccount(accountId); setLinked((n) => n + 1) },
    onCancelled: () => { setCancelled((n) => n + 1) },
    onLoad: () => { setEvents((e) => [...e, 'onLoad']) },
    onEvent: (name) => { setEvents((e) => [...e, name]) },
    onClose: ({ reason }) => { setReason(reason) },
  })
  const ignore = () => {}
  return (
    <section>
      <MonoConnectButton mono={mono} />
      <p data-mono-status>{mono.status` + read + `}</p>
      <p data-mono-close-reason>{reason` + read + `}</p>
      <ul data-mono-events>` + list + `</ul>
      <input data-mono-account readOnly value={account` + read + `} />
      <button type="button" data-mono-reauth onClick={() => { mono.reauthorise(account` + read + `).catch(ignore) }}>Re-authorise account</button>
      <button type="button" data-mono-pay onClick={() => { mono.pay(` + demoPayment + `).catch(ignore) }}>Pay</button>
      <p data-mono-linked-count>{linked` + read + `}</p>
      <p data-mono-cancelled-count>{cancelled` + read + `}</p>
    </section>
  )
}
`
}
