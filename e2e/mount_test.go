//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Brownfield mounts: after `mono-connect init` in a host project, the test puts the integration
// on the host's page the way a user following the README would, with the same data-* attributes
// the starters carry so the same flows drive it.

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

// mountVanilla adds the integration to create-vite's vanilla-ts page.
func mountVanilla(t *testing.T, dir string) string {
	src := filepath.Join(dir, "src")
	writeFile(t, filepath.Join(src, "mono-e2e.ts"), `import { createMonoConnect, statusText } from '`+coreImport(t, dir, src)+`';

const root = document.createElement('section');
root.innerHTML = '<button type="button" data-mono-connect>Link bank account</button>' +
  '<p data-mono-status>idle</p><p data-mono-close-reason></p><ul data-mono-events></ul>';
document.body.append(root);
const q = <T extends Element>(sel: string): T => root.querySelector<T>(sel)!;
const addEvent = (name: string) => {
  const li = document.createElement('li');
  li.textContent = name;
  q('[data-mono-events]').append(li);
};
const mono = createMonoConnect({
  publicKey: import.meta.env.VITE_MONO_PUBLIC_KEY,
  publicKeyEnv: 'VITE_MONO_PUBLIC_KEY',
  onLoad: () => addEvent('onLoad'),
  onEvent: (name) => addEvent(name),
  onClose: ({ reason }) => { q('[data-mono-close-reason]').textContent = reason; },
});
mono.subscribe((state) => { q('[data-mono-status]').textContent = statusText(state); });
q<HTMLButtonElement>('[data-mono-connect]').addEventListener('click', () => { mono.link().catch(() => {}); });
`)
	appendFile(t, filepath.Join(src, "main.ts"), "\nimport './mono-e2e.ts'\n")
	return "/"
}

// mountReact puts a component on create-vite's react-ts App.
func mountReact(t *testing.T, dir string) string {
	src := filepath.Join(dir, "src")
	writeFile(t, filepath.Join(src, "MonoE2E.tsx"), reactComponent(coreImport(t, dir, src), "import.meta.env.VITE_MONO_PUBLIC_KEY", "VITE_MONO_PUBLIC_KEY", false))
	app := filepath.Join(src, "App.tsx")
	b, err := os.ReadFile(app)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "import './App.css'", "import './App.css'\nimport MonoE2E from './MonoE2E'", 1)
	s = strings.Replace(s, "    <>\n", "    <>\n      <MonoE2E />\n", 1)
	if !strings.Contains(s, "<MonoE2E />") {
		t.Fatalf("could not place the component in %s", app)
	}
	writeFile(t, app, s)
	return "/"
}

// mountReactRouter puts a component on the minimal template's home route; the route renders on
// the server and hydrates, so this also proves the core is safe to create during server rendering.
func mountReactRouter(t *testing.T, dir string) string {
	appDir := filepath.Join(dir, "app")
	writeFile(t, filepath.Join(appDir, "MonoE2E.tsx"), reactComponent(coreImport(t, dir, appDir), "import.meta.env.VITE_MONO_PUBLIC_KEY", "VITE_MONO_PUBLIC_KEY", false))
	home := filepath.Join(appDir, "routes", "home.tsx")
	insertAfter(t, home, "import type { Route } from \"./+types/home\";\n", "import MonoE2E from \"../MonoE2E\";\n")
	b, err := os.ReadFile(home)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "return <main>Home</main>;", "return (<main>Home <MonoE2E /></main>);", 1)
	if !strings.Contains(s, "<MonoE2E />") {
		t.Fatalf("could not place the component in %s", home)
	}
	writeFile(t, home, s)
	return "/"
}

// mountAstro puts the generated <MonoConnectButton /> on the minimal template's page, with the
// status elements beside it as plain markup: the component's script wires them all.
func mountAstro(t *testing.T, dir string) string {
	page := filepath.Join(dir, "src", "pages", "index.astro")
	insertAfter(t, page, "---\n", "import MonoConnectButton from '../lib/mono-connect/MonoConnectButton.astro';\n")
	insertAfter(t, page, "<h1>Astro</h1>\n", "\t\t<MonoConnectButton />\n\t\t<p data-mono-status>idle</p>\n\t\t<p data-mono-close-reason></p>\n\t\t<ul data-mono-events></ul>\n")
	return "/"
}

// mountSolid puts a component on create-vite's solid-ts App, built on the generated primitive
// (useMonoConnect, whose state is a signal) rather than the bare core, so the brownfield run
// drives the Solid binding a user would import.
func mountSolid(t *testing.T, dir string) string {
	src := filepath.Join(dir, "src")
	bindingDir := filepath.Dir(findFiles(t, dir, "useMonoConnect.ts")[0])
	rel, err := filepath.Rel(src, bindingDir)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(src, "MonoE2E.tsx"), `import { createSignal, For } from 'solid-js'
import { useMonoConnect } from './`+filepath.ToSlash(rel)+`/useMonoConnect'

export default function MonoE2E() {
  const [reason, setReason] = createSignal('')
  const [events, setEvents] = createSignal<string[]>([])
  const mono = useMonoConnect({
    onLoad: () => setEvents((e) => [...e, 'onLoad']),
    onEvent: (name) => setEvents((e) => [...e, name]),
    onClose: ({ reason }) => setReason(reason),
  })
  return (
    <section>
      <button type="button" data-mono-connect onClick={() => { mono.link().catch(() => {}) }}>Link bank account</button>
      <p data-mono-status>{mono.status()}</p>
      <p data-mono-close-reason>{reason()}</p>
      <ul data-mono-events><For each={events()}>{(e) => <li>{e}</li>}</For></ul>
    </section>
  )
}
`)
	app := filepath.Join(src, "App.tsx")
	insertAfter(t, app, "import './App.css'\n", "import MonoE2E from './MonoE2E'\n")
	insertAfter(t, app, "    <>\n", "      <MonoE2E />\n")
	return "/"
}

// mountPreact puts a component on create-vite's preact-ts app, built on the generated hook
// (useMonoConnect from preact/hooks), so the brownfield run drives the Preact binding.
func mountPreact(t *testing.T, dir string) string {
	src := filepath.Join(dir, "src")
	bindingDir := filepath.Dir(findFiles(t, dir, "useMonoConnect.ts")[0])
	rel, err := filepath.Rel(src, bindingDir)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(src, "MonoE2E.tsx"), `import { useState } from 'preact/hooks'
import { useMonoConnect } from './`+filepath.ToSlash(rel)+`/useMonoConnect'

export function MonoE2E() {
  const [reason, setReason] = useState('')
  const [events, setEvents] = useState<string[]>([])
  const mono = useMonoConnect({
    onLoad: () => setEvents((e) => [...e, 'onLoad']),
    onEvent: (name) => setEvents((e) => [...e, name]),
    onClose: ({ reason }) => setReason(reason),
  })
  return (
    <section>
      <button type="button" data-mono-connect onClick={() => { mono.link().catch(() => {}) }}>Link bank account</button>
      <p data-mono-status>{mono.status}</p>
      <p data-mono-close-reason>{reason}</p>
      <ul data-mono-events>{events.map((e, i) => <li key={i}>{e}</li>)}</ul>
    </section>
  )
}
`)
	app := filepath.Join(src, "app.tsx")
	insertAfter(t, app, "import './app.css'\n", "import { MonoE2E } from './MonoE2E'\n")
	insertAfter(t, app, "    <>\n", "      <MonoE2E />\n")
	return "/"
}

// mountSvelteVite puts a component on create-vite's svelte-ts App, built on the generated
// MonoConnect rune class, whose config reads import.meta.env (no SvelteKit in this host).
func mountSvelteVite(t *testing.T, dir string) string {
	lib := filepath.Join(dir, "src", "lib")
	bindingDir := filepath.Dir(findFiles(t, dir, "mono-connect.svelte.ts")[0])
	rel, err := filepath.Rel(lib, bindingDir)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(lib, "MonoE2E.svelte"), `<script lang="ts">
	import { onDestroy } from 'svelte';
	import { MonoConnect } from './`+filepath.ToSlash(rel)+`/mono-connect.svelte.js';

	let events = $state<string[]>([]);
	const mono = new MonoConnect({
		onLoad: () => { events.push('onLoad'); },
		onEvent: (name) => { events.push(name); },
	});
	onDestroy(() => mono.destroy());
	function link() {
		mono.link().catch(() => {});
	}
</script>

<section>
	<button type="button" data-mono-connect onclick={link}>Link bank account</button>
	<p data-mono-status>{mono.status}</p>
	<p data-mono-close-reason>{mono.closeReason}</p>
	<ul data-mono-events>
		{#each events as e, i (i)}<li>{e}</li>{/each}
	</ul>
</section>
`)
	app := filepath.Join(dir, "src", "App.svelte")
	insertAfter(t, app, "import Counter from './lib/Counter.svelte'\n", "  import MonoE2E from './lib/MonoE2E.svelte'\n")
	insertAfter(t, app, "<section id=\"center\">\n", "  <MonoE2E />\n")
	return "/"
}

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

// mountVue adds an SFC to create-vite's vue-ts App.
func mountVue(t *testing.T, dir string) string {
	comp := filepath.Join(dir, "src", "components")
	writeFile(t, filepath.Join(comp, "MonoE2E.vue"), `<script setup lang="ts">
import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { createMonoConnect, statusText, type MonoConnectState } from '`+coreImport(t, dir, comp)+`'

const state = shallowRef<MonoConnectState>({ status: 'idle' })
const reason = ref('')
const events = ref<string[]>([])
const mono = createMonoConnect({
  publicKey: import.meta.env.VITE_MONO_PUBLIC_KEY,
  publicKeyEnv: 'VITE_MONO_PUBLIC_KEY',
  onLoad: () => { events.value.push('onLoad') },
  onEvent: (name) => { events.value.push(name) },
  onClose: ({ reason: why }) => { reason.value = why },
})
let off: (() => void) | undefined
onMounted(() => { off = mono.subscribe((s) => { state.value = s }) })
onBeforeUnmount(() => off?.())
function link() { mono.link().catch(() => {}) }
</script>

<template>
  <section>
    <button type="button" data-mono-connect @click="link">Link bank account</button>
    <p data-mono-status>{{ statusText(state) }}</p>
    <p data-mono-close-reason>{{ reason }}</p>
    <ul data-mono-events><li v-for="(e, i) in events" :key="i">{{ e }}</li></ul>
  </section>
</template>
`)
	app := filepath.Join(dir, "src", "App.vue")
	insertAfter(t, app, "<script setup lang=\"ts\">\n", "import MonoE2E from './components/MonoE2E.vue'\n")
	insertAfter(t, app, "<template>\n", "  <MonoE2E />\n")
	return "/"
}

// reactComponent is a client component on the generated core, for React hosts (Vite and Next).
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
  const mono = useMemo(() => createMonoConnect({
    publicKey: ` + keyExpr + `,
    publicKeyEnv: '` + keyEnv + `',
    onLoad: () => setEvents((e) => [...e, 'onLoad']),
    onEvent: (name) => setEvents((e) => [...e, name]),
    onClose: ({ reason }) => setReason(reason),
  }), [])
  useEffect(() => {
    const off = mono.subscribe(setState)
    return () => { off() }
  }, [mono])
  return (
    <section>
      <button type="button" data-mono-connect onClick={() => { mono.link().catch(() => {}) }}>Link bank account</button>
      <p data-mono-status>{statusText(state)}</p>
      <p data-mono-close-reason>{reason}</p>
      <ul data-mono-events>{events.map((e, i) => <li key={i}>{e}</li>)}</ul>
    </section>
  )
}
`
}

// mountNext puts a client component on create-next-app's home page.
func mountNext(t *testing.T, dir string) string {
	appDir := filepath.Join(dir, "app")
	if !exists(appDir) {
		appDir = filepath.Join(dir, "src", "app")
	}
	writeFile(t, filepath.Join(appDir, "mono-e2e.tsx"), reactComponent(coreImport(t, dir, appDir), "process.env.NEXT_PUBLIC_MONO_PUBLIC_KEY", "NEXT_PUBLIC_MONO_PUBLIC_KEY", true))
	page := filepath.Join(appDir, "page.tsx")
	insertAfter(t, page, "import styles from \"./page.module.css\";\n", "import MonoE2E from \"./mono-e2e\";\n")
	insertAfter(t, page, "<main className={styles.main}>\n", "        <MonoE2E />\n")
	return "/"
}

// mountNuxt adds a client-only component to the host's app.vue; the public key comes from
// runtimeConfig (NUXT_PUBLIC_MONO_PUBLIC_KEY), as Nuxt apps read public settings.
func mountNuxt(t *testing.T, dir string) string {
	comp := filepath.Join(dir, "app", "components")
	writeFile(t, filepath.Join(comp, "MonoE2E.client.vue"), `<script setup lang="ts">
import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { createMonoConnect, statusText, type MonoConnectState } from '`+coreImport(t, dir, comp)+`'

const config = useRuntimeConfig()
const state = shallowRef<MonoConnectState>({ status: 'idle' })
const reason = ref('')
const events = ref<string[]>([])
const mono = createMonoConnect({
  publicKey: String(config.public.monoPublicKey ?? ''),
  publicKeyEnv: 'NUXT_PUBLIC_MONO_PUBLIC_KEY',
  onLoad: () => { events.value.push('onLoad') },
  onEvent: (name) => { events.value.push(name) },
  onClose: ({ reason: why }) => { reason.value = why },
})
let off: (() => void) | undefined
onMounted(() => { off = mono.subscribe((s) => { state.value = s }) })
onBeforeUnmount(() => off?.())
function link() { mono.link().catch(() => {}) }
</script>

<template>
  <section>
    <button type="button" data-mono-connect @click="link">Link bank account</button>
    <p data-mono-status>{{ statusText(state) }}</p>
    <p data-mono-close-reason>{{ reason }}</p>
    <ul data-mono-events><li v-for="(e, i) in events" :key="i">{{ e }}</li></ul>
  </section>
</template>
`)
	cfg := filepath.Join(dir, "nuxt.config.ts")
	if b, _ := os.ReadFile(cfg); !strings.Contains(string(b), "monoPublicKey") {
		insertAfter(t, cfg, "defineNuxtConfig({\n", "  runtimeConfig: { public: { monoPublicKey: '' } },\n")
	}
	insertAfter(t, filepath.Join(dir, "app", "app.vue"), "<div>\n", "    <MonoE2E />\n")
	return "/"
}

// mountAngular adds a standalone component to `ng new`'s root component.
func mountAngular(t *testing.T, dir string) string {
	appDir := filepath.Join(dir, "src", "app")
	writeFile(t, filepath.Join(appDir, "mono-e2e.ts"), `import { Component, OnDestroy, signal } from '@angular/core';
import { createMonoConnect, statusText } from '`+strings.TrimSuffix(coreImport(t, dir, appDir), ".js")+`.js';

@Component({
  selector: 'app-mono-e2e',
  template: `+"`"+`
    <section>
      <button type="button" data-mono-connect (click)="link()">Link bank account</button>
      <p data-mono-status>{{ status() }}</p>
      <p data-mono-close-reason>{{ reason() }}</p>
      <ul data-mono-events>
        @for (e of events(); track $index) {
          <li>{{ e }}</li>
        }
      </ul>
    </section>
  `+"`"+`,
})
export class MonoE2E implements OnDestroy {
  protected readonly status = signal('idle');
  protected readonly reason = signal('');
  protected readonly events = signal<string[]>([]);
  private readonly mono = createMonoConnect({
    publicKey: '`+testPublicKey+`',
    onLoad: () => this.add('onLoad'),
    onEvent: (name) => this.add(name),
    onClose: ({ reason }) => this.reason.set(reason),
  });
  private readonly off = this.mono.subscribe((s) => this.status.set(statusText(s)));

  private add(name: string) {
    this.events.update((e) => [...e, name]);
  }

  link() {
    this.mono.link().catch(() => {});
  }

  ngOnDestroy() {
    this.off();
  }
}
`)
	app := filepath.Join(appDir, "app.ts")
	insertAfter(t, app, "import { RouterOutlet } from '@angular/router';\n", "import { MonoE2E } from './mono-e2e';\n")
	insertAfter(t, app, "imports: [RouterOutlet", ", MonoE2E")
	b, err := os.ReadFile(filepath.Join(appDir, "app.html"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(appDir, "app.html"), "<app-mono-e2e />\n"+string(b))
	return "/"
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
	const mono = createMonoConnect({
		publicKey: PUBLIC_MONO_PUBLIC_KEY,
		publicKeyEnv: 'PUBLIC_MONO_PUBLIC_KEY',
		onLoad: () => { events.push('onLoad'); },
		onEvent: (name) => { events.push(name); },
		onClose: ({ reason: why }) => { reason = why; },
	});
	onMount(() => {
		const off = mono.subscribe((s) => { monoState = s; });
		return () => { off(); };
	});
	function link() {
		mono.link().catch(() => {});
	}
</script>

<section>
	<button type="button" data-mono-connect onclick={link}>Link bank account</button>
	<p data-mono-status>{statusText(monoState)}</p>
	<p data-mono-close-reason>{reason}</p>
	<ul data-mono-events>
		{#each events as e, i (i)}<li>{e}</li>{/each}
	</ul>
</section>

`+string(b))
	return "/"
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

// createGoHost writes a server-rendered Go app the way its docs would: html/template pages and a
// static/ folder served at /static/. Go has no project generator, so it is written by hand.
func createGoHost(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/shop\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "main.go"), goHostMain(""))
	writeFile(t, filepath.Join(dir, "templates", "index.html"), "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Shop</title>\n<link rel=\"stylesheet\" href=\"/static/app.css\">\n</head>\n<body>\n<h1>Shop</h1>\n</body>\n</html>\n")
	writeFile(t, filepath.Join(dir, "static", "app.css"), "body { font-family: sans-serif; }\n")
}

// goHostMain is the host's main.go; mount is what the owner adds when wiring Mono in.
func goHostMain(mount string) string {
	imports := ""
	if mount != "" {
		imports = "\n\t\"example.com/shop/internal/monoconnect\"\n"
	}
	return `package main

import (
	"html/template"
	"log"
	"net/http"
	"os"
` + imports + `)

var page = template.Must(template.ParseFiles("templates/index.html"))

func main() {
	mux := http.NewServeMux()
	mux.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("static"))))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if err := page.Execute(w, map[string]string{"MonoPublicKey": os.Getenv("MONO_PUBLIC_KEY")}); err != nil {
			log.Print(err)
		}
	})
` + mount + `	port := os.Getenv("PORT")
	if port == "" {
		port = "3000"
	}
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, mux))
}
`
}

// mountGoHost does what init's next steps say for a Go host: mount the handler at /api/mono/ and
// paste the two lines into the template (the element given the markup the flows read).
func mountGoHost(t *testing.T, dir string) string {
	writeFile(t, filepath.Join(dir, "main.go"), goHostMain(`	cfg, err := monoconnect.ConfigFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	h, err := monoconnect.New(cfg, monoconnect.Options{})
	if err != nil {
		log.Fatal(err)
	}
	mux.Handle("/api/mono/", h)
`))
	tmpl := filepath.Join(dir, "templates", "index.html")
	b, err := os.ReadFile(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	pasted := strings.Replace(string(b), "</head>", `<script type="module" src="/static/mono-connect/mono-connect-button.js"></script>
</head>`, 1)
	pasted = strings.Replace(pasted, "</body>", `<mono-connect-button public-key="{{.MonoPublicKey}}">
  <button type="button" data-mono-connect>Link bank account</button>
  <p data-mono-status>idle</p><p data-mono-close-reason></p><ul data-mono-events></ul>
</mono-connect-button>
</body>`, 1)
	writeFile(t, tmpl, pasted)
	return "/"
}
