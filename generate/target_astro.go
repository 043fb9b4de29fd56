package generate

// astroTarget is Astro with no UI framework: the button is an Astro component whose small client
// <script> runs the vanilla target's wiring (wireMonoConnect on [data-mono-connect] and the other
// data-* elements), so it works in any Astro page, with or without React, Vue or Svelte islands.
// Astro bundles a component's <script> for the browser only, so connect.js never enters the
// server (prerender) build, and the page holding the button is prerendered as static HTML. Astro
// builds with Vite and exposes PUBLIC_ variables on import.meta.env, so the Vite config module
// serves it too; dev forwarding is Vite's server.proxy under `vite` in astro.config.
//
// Listed after svelte; detected right after next, react-router and nuxt, before every UI
// framework (an Astro site with framework integrations also depends on react, vue or svelte).
var astroTarget = register(&Target{
	Name:      "astro",
	Title:     "Astro (no UI framework needed)",
	ListOrder: 76, DetectOrder: 15,
	// astro dev runs Vite: Vite's env files (loadEnv), port 4321, and Vite's server.proxy under
	// `vite` in astro.config, which can also set a CSP header (server.headers).
	Dev:         viteFrameworkDev("astro dev (Vite)", 4321, "astro.config", hostPortArgs...),
	Key:         KeyFromEnv,
	EnvPrefix:   "PUBLIC_",
	EnvTypes:    "astro/client",
	DetectDeps:  []string{"astro"},
	DetectFiles: []string{"astro.config.*"},
	DevProxy:    "in development, forward /api/mono to the Go server: vite: { server: { proxy: {'/api/mono': 'http://localhost:%d'} } } in astro.config",
	// config.(ts|js) from the Vite base, wireMonoConnect from the vanilla target.
	Base:         "vite",
	MoreBases:    []string{"vanilla"},
	StarterBases: []string{"style"},
})
