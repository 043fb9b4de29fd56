//go:build e2e

package e2e

// preact: create-vite's preact-ts app with a component on the generated hook (from preact/hooks,
// not preact/compat) and the generated button; its onLinked and onCancelled counts feed the
// linked-once flow.
var _ = register("preact", viteApp("preact-ts", mountSignal("app.tsx", "import './app.css'\n",
	"import { useState } from 'preact/hooks'", "useState", "", "{events.map((e, i) => <li key={i}>{e}</li>)}",
)).withBinding(samePage, "linked-once"))
