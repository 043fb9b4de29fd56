package generate

// preactTarget is Preact on Vite (@preact/preset-vite), the app create-vite's preact and
// preact-ts templates make. The binding uses hooks from preact/hooks, not preact/compat, so it
// works in an app that never aliases react; env and the config module are Vite's.
//
// Listed after solid. Detected before react and vanilla (DetectOrder 55 < 60): an app on
// preact/compat may also name react and react-dom (aliases such as "react": "npm:@preact/compat"),
// and is still a Preact app, whose hooks come from preact/hooks.
var preactTarget = register(&Target{
	Name:        "preact",
	Title:       "Preact (Vite)",
	Langs:       []string{"ts", "js"},
	ListOrder:   74,
	DetectOrder: 55,
	Key:         KeyFromEnv,
	Dev: DevServer{Tool: "Vite", EnvFiles: viteDevEnv, Port: 5173, Proxy: ProxyInConfig, ProxyConfig: "vite.config",
		CSPHTML: []string{"index.html"}},
	EnvPrefix:     "VITE_",
	PublicKeyEnv:  "VITE_MONO_PUBLIC_KEY",
	BackendURLEnv: "VITE_MONO_BACKEND_URL",
	EnvFile:       ".env",
	DetectDeps:    []string{"preact", "@preact/preset-vite"},
	CoreDir:       "_src_/lib/mono-connect",
	DevScript:     "dev",
	DevProxy:      "in development, forward /api/mono to the Go server: server.proxy {'/api/mono': 'http://localhost:%d'} in vite.config",
	Base:          "vite",
	StarterBases:  []string{"style", "vite"},
})
