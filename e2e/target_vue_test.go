//go:build e2e

package e2e

import (
	"path/filepath"
	"testing"
)

// vue: create-vite's vue-ts App with an SFC on the generated core.
var _ = register("vue", viteApp("vue-ts", mountVue))

func mountVue(t *testing.T, dir string) string {
	comp := filepath.Join(dir, "src", "components")
	writeFile(t, filepath.Join(comp, "MonoE2E.vue"), vueComponent(coreImport(t, dir, comp), "", "import.meta.env.VITE_MONO_PUBLIC_KEY", "VITE_MONO_PUBLIC_KEY"))
	app := filepath.Join(dir, "src", "App.vue")
	insertAfter(t, app, "<script setup lang=\"ts\">\n", "import MonoE2E from './components/MonoE2E.vue'\n")
	insertAfter(t, app, "<template>\n", "  <MonoE2E />\n")
	return "/"
}
