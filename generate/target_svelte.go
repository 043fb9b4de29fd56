package generate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
)

// svelteTarget is SvelteKit with Svelte 5 runes. The integration lives under $lib
// (src/lib/mono-connect), the one directory SvelteKit aliases for every project, so pages import
// it as $lib/mono-connect/... whatever their depth.
//
// SvelteKit 3 changed how an app reads its environment: public variables are the ones src/env.ts
// declares with defineEnvVars, imported from $app/env/public ($env/static/public is deprecated
// and re-exports only those), and $app/environment became $app/env. The integration is written
// for the major the project's package.json names (greenfield: the starter's, 3), so an existing
// SvelteKit 2 app keeps the imports it can resolve.
var svelteTarget = register(&Target{
	Name:        "svelte",
	Title:       "SvelteKit (Svelte 5)",
	Langs:       []string{"ts", "js"},
	ListOrder:   70,
	DetectOrder: 40,
	// SvelteKit's $env/static/public reads the same files as Vite.
	Dev: DevServer{Tool: "SvelteKit (Vite)", EnvFiles: viteDevEnv, Port: 5173, Proxy: ProxyInConfig, ProxyConfig: "vite.config",
		CSPHTML: []string{"src/app.html"}, CSPConfigs: []string{"svelte.config", "vite.config"}},
	EnvPrefix:     "PUBLIC_",
	PublicKeyEnv:  "PUBLIC_MONO_PUBLIC_KEY",
	BackendURLEnv: "PUBLIC_MONO_BACKEND_URL",
	EnvFile:       ".env",
	// @sveltejs/kit first: a plain Svelte + Vite app (no kit) has no $lib, $env or $app and is
	// not a SvelteKit project.
	// A svelte dependency without kit is plain Svelte on Vite: svelteViteVariant, set by Detect.
	DetectDeps: []string{"@sveltejs/kit", "svelte"},
	// Projects made by sv 0.17 keep the kit options in vite.config.*, older ones in
	// svelte.config.*; vite.config.* alone says nothing (every Vite app has one).
	DetectFiles: []string{"svelte.config.*"},
	// $lib is src/lib unless kit.files.lib says otherwise, which a config file evaluated by
	// Node can only tell at run time; src is what every SvelteKit generator writes.
	CoreDir:      "_src_/lib/mono-connect",
	DevScript:    "dev",
	DevProxy:     "in development, forward /api/mono to the Go server: server.proxy {'/api/mono': 'http://localhost:%d'} in vite.config",
	Major:        svelteKitMajor,
	StarterMajor: 3,
	Merges: []Merge{
		svelteEnvMerge("_src_/env.ts", "ts"),
		svelteEnvMerge("_src_/env.js", "js"),
	},
	Variants:      map[string]*Target{"vite": svelteViteVariant},
	DetectVariant: svelteVariant,
})

// svelteKitMajor reads the major of @sveltejs/kit from package.json's range ("^2.63.0",
// "~3.2.0", "3.2.0", ">=2"); 0 when it is missing or not a plain range (a tag, a URL).
func svelteKitMajor(project fs.FS) int {
	raw, err := fs.ReadFile(project, "package.json")
	if err != nil {
		return 0
	}
	var pkg struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	if json.Unmarshal(raw, &pkg) != nil {
		return 0
	}
	spec, ok := pkg.DevDependencies["@sveltejs/kit"]
	if !ok {
		spec = pkg.Dependencies["@sveltejs/kit"]
	}
	m := leadingMajor.FindStringSubmatch(spec)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

var leadingMajor = regexp.MustCompile(`^\s*(?:\^|~|>=|=)?\s*v?(\d+)(?:[.\s]|$)`)

// svelteEnvMerge declares the two public variables in SvelteKit 3's src/env.(ts|js), the file
// its $app/env/public is generated from. A missing file is created with only our variables;
// one that already declares both is left as it is; any other is the user's code, which a text
// edit cannot safely change, so init stops and says what to add.
func svelteEnvMerge(file, lang string) Merge {
	return Merge{
		Path: file,
		When: func(d TemplateData) bool { return d.Major >= 3 && d.Lang == lang },
		Apply: func(old []byte, d TemplateData) ([]byte, error) {
			if old == nil {
				return svelteEnvFile(d), nil
			}
			if declaresEnv(old, d) {
				return old, nil
			}
			return nil, usagef("it exists without %s and %s: add %s to its defineEnvVars({...}) and run again",
				d.PublicKeyEnv, d.BackendURLEnv, svelteEnvEntries(d, ""))
		},
		Owned: declaresEnv,
	}
}

func declaresEnv(content []byte, d TemplateData) bool {
	return regexp.MustCompile(`\b`+regexp.QuoteMeta(d.PublicKeyEnv)+`\s*:`).Match(content) &&
		regexp.MustCompile(`\b`+regexp.QuoteMeta(d.BackendURLEnv)+`\s*:`).Match(content)
}

// svelteEnvEntries are the variables' declarations: public, inlined at build time (a
// prerendered page needs the value in its HTML), and optional (the schema passes undefined on),
// so an app without a key still builds and the button says which variable to set.
// The last has no trailing comma, as Prettier formats it with sv create's config (trailingComma
// "none"), so a new SvelteKit app's `prettier --check .` passes.
func svelteEnvEntries(d TemplateData, indent string) string {
	var b bytes.Buffer
	for i, name := range []string{d.PublicKeyEnv, d.BackendURLEnv} {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "%s%s: { public: true, static: true, schema: (value) => value }", indent, name)
	}
	if indent == "" { // one line, for a message
		return strings.ReplaceAll(b.String(), ",\n", ", ")
	}
	return b.String() + "\n"
}

func svelteEnvFile(d TemplateData) []byte {
	check := ""
	if d.Lang == "js" {
		check = "// @ts-check\n"
	}
	return []byte(check + `// The environment variables this app reads (https://svelte.dev/docs/kit/environment-variables).
// Public ones are imported from $app/env/public; private ones from $app/env/private, on the
// server only. mono-connect declared the Mono ones; add yours beside them.
import { defineEnvVars } from '@sveltejs/kit/env';

export const variables = defineEnvVars({
	// Mono Connect (mono-connect): the public key and the backend origin, inlined at build time.
` + svelteEnvEntries(d, "\t") + `});
`)
}

// svelteViteVariant is plain Svelte 5 on Vite (@sveltejs/vite-plugin-svelte, no @sveltejs/kit),
// the app create-vite's svelte and svelte-ts templates make. It renders the same binding (the
// MonoConnect rune class and MonoConnectButton.svelte, which need only Svelte); config.* differs:
// without SvelteKit there is no $env, $app or $lib, so it reads Vite's import.meta.env.VITE_*
// (Vite exposes no other prefix to the browser) and tells the browser from the DOM.
//
// Chosen by detection (a svelte dependency without @sveltejs/kit), or --variant vite; a new app
// (greenfield) is always SvelteKit.
var svelteViteVariant = &Target{
	Name:    "svelte",
	Variant: "vite",
	Title:   "Svelte 5 (Vite, no SvelteKit)",
	// Vite's own dev server: its env files, and the CSP of the index.html it serves.
	Dev:       viteAppDev,
	EnvPrefix: "VITE_",
	// src/lib (the default CoreDir's folder) is where create-vite's svelte templates keep
	// components (src/lib/Counter.svelte).
	SrcDir:   vueSrcDir,
	DevProxy: viteProxyHint,
}

// svelteVariant tells a plain Svelte app from a SvelteKit one by its package.json: "vite" when
// it depends on svelte and not on @sveltejs/kit, "" otherwise.
func svelteVariant(deps map[string]bool) (variant, evidence string) {
	if deps["svelte"] && !deps["@sveltejs/kit"] {
		return "vite", "no @sveltejs/kit in package.json"
	}
	return "", ""
}
