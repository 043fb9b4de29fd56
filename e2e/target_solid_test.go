//go:build e2e

package e2e

// solid: create-vite's solid-ts App with a component on the generated primitive (useMonoConnect,
// whose state is a signal) and the generated button, so the brownfield run drives the Solid
// binding a user would import; its onLinked and onCancelled counts feed the linked-once flow.
var _ = register("solid", viteApp("solid-ts", mountSignal("App.tsx", "import './App.css'\n",
	"import { createSignal, For } from 'solid-js'", "createSignal", "()", "<For each={events()}>{(e) => <li>{e}</li>}</For>",
)).withBinding(samePage, "linked-once"))
