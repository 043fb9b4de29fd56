package generate

import (
	"io/fs"
	"strings"
)

// Nuxt reads public settings from runtimeConfig.public, filled at run time from NUXT_PUBLIC_*
// variables (NUXT_PUBLIC_MONO_PUBLIC_KEY -> monoPublicKey). A key only takes its env value when it
// is declared, so the integration ships a local module (modules/mono-connect.*, registered by Nuxt
// without any change to nuxt.config) that declares both keys. That leaves the user's nuxt.config
// untouched: a text merge into arbitrary TypeScript (a config built from variables, a runtimeConfig
// that already exists, defineNuxtConfig called through a helper) cannot be made safe in general.
var nuxtTarget = register(&Target{
	Name:      "nuxt",
	Title:     "Nuxt",
	ListOrder: 50, DetectOrder: 20,
	// nuxt dev loads only .env (a production Nuxt server reads NUXT_PUBLIC_* from its own
	// environment, no file at all).
	Dev: DevServer{Tool: "nuxt dev", EnvFiles: []string{".env"}, Port: 3000, ListenArgs: hostPortArgs, Proxy: ProxyInConfig, ProxyConfig: "nuxt.config",
		CSPConfigs: []string{"nuxt.config"}},
	EnvPrefix:   "NUXT_PUBLIC_",
	DetectDeps:  []string{"nuxt"},
	DetectFiles: []string{"nuxt.config.*"},
	SrcDir:      nuxtSrcDir,
	// Nuxt 4's source directory.
	GreenfieldSrcDir: "app",
	// server/ is Nitro's (server/api/, server/routes/, server/middleware/, ... are scanned, and
	// a Nuxt developer expects their own server code there), public/ is served as static files
	// (a server/.env there would be public). mono-server/ is a name no Nuxt convention claims
	// (not app/, shared/, modules/, layers/, content/) and says whose it is.
	StandaloneDir: "mono-server",
	ReservedDirs:  []string{"server", "public"},
	StarterBases:  []string{"style"},
	// useMonoConnect and MonoConnectButton.vue are Vue's own (templates/vue/integration), as Next's
	// hook is React's; Nuxt adds its config (runtimeConfig), the local module that declares it, the
	// auto-imported composables/ entry and the client-only components/ button.
	Base:     "vue",
	DevProxy: "in development, forward /api/mono to the Go server: vite.server.proxy {'/api/mono': 'http://localhost:%d'} in nuxt.config",
})

// nuxtSrcDir follows Nuxt 4's own rule for its default srcDir: app/ when it exists and holds
// more than router.options.* and spa-loading-template.html (files a Nuxt 3 project keeps in
// app/); with only those, a root-level app.vue or pages/, layouts/, ... dir means a Nuxt 3
// layout. A project that sets srcDir in nuxt.config is not read (that would mean evaluating it).
func nuxtSrcDir(project fs.FS) string {
	info, err := fs.Stat(project, "app")
	if err != nil || !info.IsDir() {
		return "."
	}
	entries, _ := fs.ReadDir(project, "app")
	for _, e := range entries {
		if e.Name() != "spa-loading-template.html" && !strings.HasPrefix(e.Name(), "router.options") {
			return "app"
		}
	}
	for _, name := range []string{"app.vue", "App.vue", "assets", "layouts", "middleware", "pages", "plugins"} {
		if _, err := fs.Stat(project, name); err == nil {
			return "."
		}
	}
	return "app"
}
