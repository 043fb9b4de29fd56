//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// react: create-vite's react-ts App with a component on the generated core, and a second page on
// the generated hook: a customer id that arrives after the first render reaches the widget.
var _ = register("react", viteApp("react-ts", mountReact).withBinding(mountReactBinding, "late-customer"))

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

// lateCustomer is the customer id the React binding page sets after its first render.
const lateCustomer = "cus_e2e_late_customer"

// mountReactBinding adds a page (index.html?binding) whose useMonoConnect gets a customer only
// after mount, as a customer id fetched on load would arrive.
func mountReactBinding(t *testing.T, dir string) string {
	src := filepath.Join(dir, "src")
	writeFile(t, filepath.Join(src, "BindingE2E.tsx"), `import { useEffect, useState } from 'react'
import { useMonoConnect } from '`+bindingLib(t, dir, src)+`/useMonoConnect'

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
