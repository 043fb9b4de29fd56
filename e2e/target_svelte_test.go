//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// svelte: SvelteKit from `sv create` (the core on the home page, and a /binding page on the
// generated MonoConnectButton: a double click reports onlinked once), and plain Svelte on Vite,
// svelte's vite variant, detected from a create-vite svelte-ts host (the generated MonoConnect
// rune class, whose config reads import.meta.env).
var _ = register("svelte", recipe{
	tsOnlyByDefault: true,
	serve:           serveSvelteKit,
	host:            createSvelteKitHost,
	mount:           mountSvelte,
	variants:        map[string]recipe{"vite": viteApp("svelte-ts", mountSvelteVite)},
}.withBinding(mountSvelteBinding, "linked-once"))

func createSvelteKitHost(t *testing.T, dir string) {
	npmExec(t, filepath.Dir(dir), "sv@0.17.1", "create", filepath.Base(dir),
		"--template", "minimal", "--types", "ts", "--no-add-ons", "--no-install")
}

// serveSvelteKit serves a SvelteKit build the way its adapter says: adapter-node's server,
// adapter-static's directory, or `vite preview` (adapter-auto and the rest).
func serveSvelteKit(t *testing.T, dir string) (upstream, *proc) {
	switch {
	case exists(filepath.Join(dir, "build", "index.js")) && exists(filepath.Join(dir, "build", "handler.js")):
		return nodeServer("sveltekit (adapter-node)", func(int) []string { return []string{"node", "build"} },
			func(_ string, port int) []string { return []string{fmt.Sprintf("PORT=%d", port), "HOST=127.0.0.1"} })(t, dir)
	case exists(filepath.Join(dir, "build", "index.html")):
		return upstream{dir: filepath.Join(dir, "build")}, nil
	default:
		return nodeServer("vite preview", func(port int) []string {
			return []string{"node", "node_modules/vite/bin/vite.js", "preview", "--host", "127.0.0.1", "--port", fmt.Sprint(port), "--strictPort"}
		}, nil)(t, dir)
	}
}

// mountSvelte puts the integration on the SvelteKit host's home page (Svelte 5 runes).
func mountSvelte(t *testing.T, dir string) string {
	routes := filepath.Join(dir, "src", "routes")
	page := filepath.Join(routes, "+page.svelte")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, page, `<script lang="ts">
	import { onMount } from 'svelte';
	import { PUBLIC_MONO_PUBLIC_KEY } from '$env/static/public';
	import { createMonoConnect, statusText, type MonoConnectState } from '`+coreImport(t, dir, routes)+`';

	let monoState = $state<MonoConnectState>({ status: 'idle' });
	let reason = $state('');
	let events = $state<string[]>([]);
	let account = $state('');
	const mono = createMonoConnect({
		publicKey: PUBLIC_MONO_PUBLIC_KEY,
		publicKeyEnv: 'PUBLIC_MONO_PUBLIC_KEY',
		onLinked: ({ accountId }) => { account = accountId; },
		onLoad: () => { events.push('onLoad'); },
		onEvent: (name) => { events.push(name); },
		onClose: ({ reason: why }) => { reason = why; },
	});
	onMount(() => {
		const off = mono.subscribe((s) => { monoState = s; });
		return () => { off(); };
	});
`+svelteActions+`
	<p data-mono-status>{statusText(monoState)}</p>
	<p data-mono-close-reason>{reason}</p>
`+svelteControls+`
`+string(b))
	return "/"
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

// mountSvelteVite puts a component on create-vite's svelte-ts App, built on the generated
// MonoConnect rune class, whose config reads import.meta.env (no SvelteKit in this host).
func mountSvelteVite(t *testing.T, dir string) string {
	lib := filepath.Join(dir, "src", "lib")
	writeFile(t, filepath.Join(lib, "MonoE2E.svelte"), `<script lang="ts">
	import { onDestroy } from 'svelte';
	import { MonoConnect } from '`+bindingLib(t, dir, lib)+`/mono-connect.svelte.js';

	let events = $state<string[]>([]);
	let account = $state('');
	const mono = new MonoConnect({
		onLinked: ({ accountId }) => { account = accountId; },
		onLoad: () => { events.push('onLoad'); },
		onEvent: (name) => { events.push(name); },
	});
	onDestroy(() => mono.destroy());
`+svelteActions+`
	<p data-mono-status>{mono.status}</p>
	<p data-mono-close-reason>{mono.closeReason}</p>
`+svelteControls+``)
	app := filepath.Join(dir, "src", "App.svelte")
	insertAfter(t, app, "import Counter from './lib/Counter.svelte'\n", "  import MonoE2E from './lib/MonoE2E.svelte'\n")
	insertAfter(t, app, "<section id=\"center\">\n", "  <MonoE2E />\n")
	return "/"
}

// svelteActions ends a Svelte page's script (whose mono has link, reauthorise and pay, and whose
// account holds the linked id) and opens its section with the connect button.
const svelteActions = `	const ignore = () => {};
	const link = () => { mono.link().catch(ignore); };
	const reauth = () => { mono.reauthorise(account).catch(ignore); };
	const pay = () => { mono.pay(` + demoPayment + `).catch(ignore); };
</script>

<section>
	<button type="button" data-mono-connect onclick={link}>Link bank account</button>`

// svelteControls closes that section: the events list (a page's events rune), reauth and pay.
const svelteControls = `	<ul data-mono-events>
		{#each events as e, i (i)}<li>{e}</li>{/each}
	</ul>
	<input data-mono-account readonly value={account} />
	<button type="button" data-mono-reauth onclick={reauth}>Re-authorise account</button>
	<button type="button" data-mono-pay onclick={pay}>Pay</button>
</section>
`
