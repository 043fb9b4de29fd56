package generate

// solidTarget is SolidJS 1.9 on Vite (vite-plugin-solid), the app create-vite's solid and
// solid-ts templates make. The binding is a primitive on Solid signals (useMonoConnect) and a
// button component; env and the config module are Vite's, shared with React and Vue.
//
// Listed after svelte. Detected before vue, preact, react and vanilla (DetectOrder 45 < 50): the
// solid-js dependency is decisive, while the vite dependency every Solid app also has would
// make it a vanilla app.
var solidTarget = register(&Target{
	Name:        "solid",
	Title:       "SolidJS (Vite)",
	Langs:       []string{"ts", "js"},
	ListOrder:   72,
	DetectOrder: 45,
	Key:         KeyFromEnv,
	Dev: DevServer{Tool: "Vite", EnvFiles: viteDevEnv, Port: 5173, Proxy: ProxyInConfig, ProxyConfig: "vite.config",
		CSPHTML: []string{"index.html"}},
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
