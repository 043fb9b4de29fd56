package generate

// svelteTarget is SvelteKit 2 with Svelte 5 runes. The integration lives under $lib
// (src/lib/mono-connect), the one directory SvelteKit aliases for every project, so pages import
// it as $lib/mono-connect/... whatever their depth.
var svelteTarget = register(&Target{
	Name:          "svelte",
	Title:         "SvelteKit (Svelte 5)",
	Langs:         []string{"ts", "js"},
	EnvPrefix:     "PUBLIC_",
	PublicKeyEnv:  "PUBLIC_MONO_PUBLIC_KEY",
	BackendURLEnv: "PUBLIC_MONO_BACKEND_URL",
	EnvFile:       ".env",
	// @sveltejs/kit first: a plain Svelte + Vite app (no kit) has no $lib, $env or $app and is
	// not a SvelteKit project.
	DetectDeps: []string{"@sveltejs/kit"},
	// Projects made by sv 0.17 keep the kit options in vite.config.*, older ones in
	// svelte.config.*; vite.config.* alone says nothing (every Vite app has one).
	DetectFiles: []string{"svelte.config.*"},
	// $lib is src/lib unless kit.files.lib says otherwise, which a config file evaluated by
	// Node can only tell at run time; src is what every SvelteKit generator writes.
	CoreDir:   "_src_/lib/mono-connect",
	DevScript: "dev",
	DevProxy:  "in development, forward /api/mono to the Go server: server.proxy {'/api/mono': 'http://localhost:%d'} in vite.config",
})
