package generate

import (
	"testing"
	"testing/fstest"
)

// TestDetectFrameworkAndVariant: package.json files shaped like the ones the generators write
// are taken as the right target, most specific first.
func TestDetectFrameworkAndVariant(t *testing.T) {
	for _, c := range []struct {
		name, pkg         string
		framework         string
		variant, evidence string
	}{
		{"create-vite solid-ts", `{"dependencies":{"solid-js":"^1.9.9"},"devDependencies":{"typescript":"~5.9.3","vite":"^8.0.0","vite-plugin-solid":"^2.11.10"}}`,
			"solid", "", ""},
		{"create-vite preact-ts", `{"dependencies":{"preact":"^10.27.2"},"devDependencies":{"@preact/preset-vite":"^2.10.2","typescript":"~5.9.3","vite":"^8.0.0"}}`,
			"preact", "", ""},
		// preact/compat aliased as react and react-dom, so React libraries resolve to Preact:
		// still a Preact app, not a React one.
		{"preact with compat aliases", `{"dependencies":{"preact":"^10.27.2","react":"npm:@preact/compat@^18.3.1","react-dom":"npm:@preact/compat@^18.3.1"},"devDependencies":{"@preact/preset-vite":"^2.10.2","vite":"^8.0.0"}}`,
			"preact", "", ""},
		{"create-vite react-ts", `{"dependencies":{"react":"^19.2.0","react-dom":"^19.2.0"},"devDependencies":{"@vitejs/plugin-react":"^5.1.0","vite":"^8.0.0"}}`,
			"react", "", ""},
		{"create-vite svelte-ts", `{"devDependencies":{"@sveltejs/vite-plugin-svelte":"^6.2.1","svelte":"^5.43.2","svelte-check":"^4.3.3","vite":"^8.0.0"}}`,
			"svelte", "vite", "no @sveltejs/kit in package.json"},
		{"sv create (SvelteKit)", `{"devDependencies":{"@sveltejs/adapter-auto":"^7.0.0","@sveltejs/kit":"^2.48.0","svelte":"^5.43.2","vite":"^7.2.0"}}`,
			"svelte", "", ""},
		{"create-vite vanilla-ts", `{"devDependencies":{"typescript":"~5.9.3","vite":"^8.0.0"}}`,
			"vanilla", "", ""},
	} {
		d, err := Detect(fstest.MapFS{"package.json": {Data: []byte(c.pkg)}})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if d.Framework != c.framework || d.Variant != c.variant || d.VariantEvidence != c.evidence {
			t.Errorf("%s: detected %q variant %q (%q), want %q variant %q (%q)",
				c.name, d.Framework, d.Variant, d.VariantEvidence, c.framework, c.variant, c.evidence)
		}
	}
}
