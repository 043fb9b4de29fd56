//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nuxt: a client-only component on the generated core in the host's app.vue, the public key from
// runtimeConfig; served by Nitro's .output/server.
var _ = register("nuxt", recipe{
	tsOnlyByDefault: true,
	serve: nodeServer("nuxt (nitro)", func(int) []string { return []string{"node", ".output/server/index.mjs"} },
		func(dir string, port int) []string {
			// A Nuxt server reads public runtime config from NUXT_PUBLIC_* in its environment
			// (it does not read .env in production): deploy it the way its docs say.
			env := []string{fmt.Sprintf("PORT=%d", port), fmt.Sprintf("NITRO_PORT=%d", port), "HOST=127.0.0.1", "NITRO_HOST=127.0.0.1"}
			return append(env, dotenv(dir, "NUXT_")...)
		}),
	// `nuxi init` downloads its template from GitHub: the host is the project it makes, by hand.
	hostFiles: nuxtHost,
	mount:     mountNuxt,
})

const nuxtHost = `-- package.json --
{
  "name": "nuxt-host",
  "private": true,
  "type": "module",
  "scripts": {
    "build": "nuxt build",
    "dev": "nuxt dev",
    "generate": "nuxt generate",
    "preview": "nuxt preview"
  },
  "dependencies": {
    "nuxt": "4.5.2",
    "vue": "3.5.45",
    "vue-router": "5.5.1"
  }
}
-- nuxt.config.ts --
// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  devtools: { enabled: true },
})
-- tsconfig.json --
{
  "files": [],
  "references": [
    { "path": "./.nuxt/tsconfig.app.json" },
    { "path": "./.nuxt/tsconfig.server.json" },
    { "path": "./.nuxt/tsconfig.shared.json" },
    { "path": "./.nuxt/tsconfig.node.json" }
  ]
}
-- app/app.vue --
<template>
  <div>
    <NuxtRouteAnnouncer />
    <NuxtWelcome />
  </div>
</template>
-- public/robots.txt --
User-Agent: *
Disallow:
-- .gitignore --
node_modules
.output
.data
.nuxt
.nitro
.cache
dist
.env
`

// mountNuxt adds a client-only component to the host's app.vue; the public key comes from
// runtimeConfig (NUXT_PUBLIC_MONO_PUBLIC_KEY), as Nuxt apps read public settings.
func mountNuxt(t *testing.T, dir string) string {
	comp := filepath.Join(dir, "app", "components")
	writeFile(t, filepath.Join(comp, "MonoE2E.client.vue"), vueComponent(coreImport(t, dir, comp),
		"\nconst config = useRuntimeConfig()", "String(config.public.monoPublicKey ?? '')", "NUXT_PUBLIC_MONO_PUBLIC_KEY"))
	cfg := filepath.Join(dir, "nuxt.config.ts")
	if b, _ := os.ReadFile(cfg); !strings.Contains(string(b), "monoPublicKey") {
		insertAfter(t, cfg, "defineNuxtConfig({\n", "  runtimeConfig: { public: { monoPublicKey: '' } },\n")
	}
	insertAfter(t, filepath.Join(dir, "app", "app.vue"), "<div>\n", "    <MonoE2E />\n")
	return "/"
}

// dotenv returns the KEY=value lines of dir/.env whose key starts with prefix.
func dotenv(dir, prefix string) []string {
	b, err := os.ReadFile(filepath.Join(dir, ".env"))
	if err != nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, prefix) && strings.Contains(line, "=") {
			k, v, _ := strings.Cut(line, "=")
			out = append(out, k+"="+strings.Trim(v, `"'`))
		}
	}
	return out
}
