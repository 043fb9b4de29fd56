package generate

// solidTarget is SolidJS 1.9 on Vite (vite-plugin-solid), the app create-vite's solid and
// solid-ts templates make. The binding is a primitive on Solid signals (useMonoConnect) and a
// button component; env and the config module are Vite's, shared with React and Vue.
//
// List after svelte. Detect before react: the solid-js dependency is decisive, and a Solid app
// never depends on react, but a vite.config alone (the fallback) would make it a React app.
var solidTarget = register(&Target{
	Name:          "solid",
	Title:         "SolidJS (Vite)",
	Langs:         []string{"ts", "js"},
	EnvPrefix:     "VITE_",
	PublicKeyEnv:  "VITE_MONO_PUBLIC_KEY",
	BackendURLEnv: "VITE_MONO_BACKEND_URL",
	EnvFile:       ".env",
	DetectDeps:    []string{"solid-js", "vite-plugin-solid"},
	CoreDir:       "_src_/lib/mono-connect",
	DevScript:     "dev",
	DevProxy:      "in development, forward /api/mono to the Go server: server.proxy {'/api/mono': 'http://localhost:%d'} in vite.config",
	Base:          "vite",
	StarterBases:  []string{"style", "vite"},
})
