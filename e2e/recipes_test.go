//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// recipes: one per framework. Greenfield apps are the CLI's starters; brownfield hosts come from
// each framework's own generator at a pinned version (Nuxt's needs GitHub, so its host is the
// smallest project `nuxi init` would make, written by hand).
var recipes = map[string]recipe{
	"vanilla": {
		serve: staticDir("dist"),
		host:  createVite("vanilla-ts"),
		mount: mountVanilla,
	},
	"react": {
		serve: staticDir("dist"),
		host:  createVite("react-ts"),
		mount: mountReact,
		// A customer id that arrives after the first render reaches the widget.
		binding: mountReactBinding, bindingCheck: "late-customer",
	},
	"react-router": {
		serve: nodeServer("react-router-serve", func(int) []string {
			return []string{"node", "node_modules/@react-router/serve/bin.cjs", "./build/server/index.js"}
		}, func(_ string, port int) []string { return []string{fmt.Sprintf("PORT=%d", port), "HOST=127.0.0.1"} }),
		host:  copyHost("react-router"),
		mount: mountReactRouter,
	},
	"vue": {
		serve: staticDir("dist"),
		host:  createVite("vue-ts"),
		mount: mountVue,
	},
	"next": {
		serve: nodeServer("next start", func(port int) []string {
			return []string{"node", "node_modules/next/dist/bin/next", "start", "-p", fmt.Sprint(port), "-H", "127.0.0.1"}
		}, nil),
		buildEnv: nextBuildEnv,
		host:     createNextApp,
		mount:    mountNext,
	},
	"nuxt": {
		serve: nodeServer("nuxt (nitro)", func(int) []string { return []string{"node", ".output/server/index.mjs"} },
			func(dir string, port int) []string {
				// A Nuxt server reads public runtime config from NUXT_PUBLIC_* in its environment
				// (it does not read .env in production): deploy it the way its docs say.
				env := []string{fmt.Sprintf("PORT=%d", port), fmt.Sprintf("NITRO_PORT=%d", port), "HOST=127.0.0.1", "NITRO_HOST=127.0.0.1"}
				return append(env, dotenv(dir, "NUXT_")...)
			}),
		host:  createNuxtHost,
		mount: mountNuxt,
	},
	"angular": {
		serve: staticDir("dist/*/browser"),
		host:  createAngularHost,
		mount: mountAngular,
	},
	"astro": {
		serve: staticDir("dist"),
		host:  copyHost("astro"),
		mount: mountAstro,
	},
	"solid": {
		serve: staticDir("dist"),
		host:  createVite("solid-ts"),
		mount: mountSolid,
		// onLinked and onCancelled of the generated hook, through the generated button.
		binding: mountSolidBinding, bindingCheck: "linked-once",
	},
	"preact": {
		serve: staticDir("dist"),
		host:  createVite("preact-ts"),
		mount: mountPreact,
		// onLinked and onCancelled of the generated hook, through the generated button.
		binding: mountPreactBinding, bindingCheck: "linked-once",
	},
	"svelte": {
		serve: serveSvelteKit,
		host:  createSvelteKitHost,
		mount: mountSvelte,
		// A double click reports onlinked once.
		binding: mountSvelteBinding, bindingCheck: "linked-once",
		// Plain Svelte on Vite (no SvelteKit) is svelte's vite variant, detected from the host.
		variants: map[string]recipe{"vite": {
			serve: staticDir("dist"),
			host:  createVite("svelte-ts"),
			mount: mountSvelteVite,
		}},
	},
	// Go has no app generator: the host is a small html/template app written by hand.
	"html": {
		goOnly: true,
		host:   createGoHost,
		mount:  mountGoHost,
	},
}

// createVite makes a host with create-vite, the generator Vite's docs start from.
func createVite(template string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		npmExec(t, filepath.Dir(dir), "create-vite@9.3.0", filepath.Base(dir), "--template", template, "--no-interactive")
	}
}

func createNextApp(t *testing.T, dir string) {
	npmExec(t, filepath.Dir(dir), "create-next-app@16.4.3", filepath.Base(dir),
		"--ts", "--app", "--no-eslint", "--no-tailwind", "--no-src-dir", "--import-alias", "@/*",
		"--use-npm", "--skip-install", "--disable-git", "--yes")
}

// createAngularHost runs `ng new` (Angular CLI 22), as the Angular docs start a project.
func createAngularHost(t *testing.T, dir string) {
	npmExec(t, filepath.Dir(dir), "@angular/cli@22.2.7", "new", filepath.Base(dir),
		"--skip-install", "--skip-git", "--defaults", "--ssr=false")
}

func createSvelteKitHost(t *testing.T, dir string) {
	npmExec(t, filepath.Dir(dir), "sv@0.17.1", "create", filepath.Base(dir),
		"--template", "minimal", "--types", "ts", "--no-add-ons", "--no-install")
}

// copyHost copies a host kept in e2e/hosts/<name>/, for generators that download their template
// from a code host (create-react-router): the official minimal template's files, pinned; the
// framework's CI script (.ci/frameworks/<name>.sh) uses the same copy. _gitignore is .gitignore.
func copyHost(name string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		src := filepath.Join(repoRoot, "e2e", "hosts", name)
		err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(src, p)
			if err != nil {
				return err
			}
			if rel == "_gitignore" {
				rel = ".gitignore"
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			writeFile(t, filepath.Join(dir, rel), string(b))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// createNuxtHost writes the project `nuxi init` makes (it downloads its template from GitHub).
func createNuxtHost(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "package.json"), `{
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
`)
	writeFile(t, filepath.Join(dir, "nuxt.config.ts"), `// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  devtools: { enabled: true },
})
`)
	writeFile(t, filepath.Join(dir, "tsconfig.json"), `{
  "files": [],
  "references": [
    { "path": "./.nuxt/tsconfig.app.json" },
    { "path": "./.nuxt/tsconfig.server.json" },
    { "path": "./.nuxt/tsconfig.shared.json" },
    { "path": "./.nuxt/tsconfig.node.json" }
  ]
}
`)
	writeFile(t, filepath.Join(dir, "app", "app.vue"), `<template>
  <div>
    <NuxtRouteAnnouncer />
    <NuxtWelcome />
  </div>
</template>
`)
	writeFile(t, filepath.Join(dir, ".gitignore"), "node_modules\n.output\n.data\n.nuxt\n.nitro\n.cache\ndist\n.env\n")
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

// nextBuildEnv lets `next build` load next/font/google fonts without the network, as Next's own
// tests do: NEXT_FONT_GOOGLE_MOCKED_RESPONSES maps each Google CSS URL to a stylesheet whose font
// files are served from loopback (next ships Geist in its devtools). Only needed when the app
// imports next/font/google (create-next-app's layout does; our starter must not).
func nextBuildEnv(t *testing.T, dir string) []string {
	uses := false
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".next") {
			return filepath.SkipDir
		}
		if !d.IsDir() && regexp.MustCompile(`\.(tsx|jsx|ts|js|mjs)$`).MatchString(p) {
			if b, _ := os.ReadFile(p); strings.Contains(string(b), "next/font/google") {
				uses = true
			}
		}
		return nil
	})
	if !uses {
		return nil
	}
	return nextFontEnv(t, dir)
}

// nextFontEnv starts the loopback font server and returns the env for `next build`.
func nextFontEnv(t *testing.T, dir string) []string {
	fontDir := filepath.Join(dir, "node_modules", "next", "dist", "next-devtools", "server", "font")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(fontDir))}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	base := "http://" + ln.Addr().String()
	face := func(family, file string) string {
		return fmt.Sprintf("/* latin */\n@font-face {\n  font-family: '%s';\n  font-style: normal;\n  font-weight: 100 900;\n  font-display: swap;\n  src: url(%s/%s) format('woff2');\n  unicode-range: U+0000-00FF;\n}\n", family, base, file)
	}
	mock := map[string]string{
		"https://fonts.googleapis.com/css2?family=Geist:wght@100..900&display=swap":      face("Geist", "geist-latin.woff2"),
		"https://fonts.googleapis.com/css2?family=Geist+Mono:wght@100..900&display=swap": face("Geist Mono", "geist-mono-latin.woff2"),
	}
	js, _ := json.Marshal(mock)
	file := filepath.Join(dir, ".e2e-next-fonts.cjs")
	writeFile(t, file, "module.exports = "+string(js)+";\n")
	return []string{"NEXT_FONT_GOOGLE_MOCKED_RESPONSES=" + file}
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
