package generate

var vanillaTarget = register(&Target{
	Name:        "vanilla",
	Title:       "Vanilla JS/TS (Vite)",
	Langs:       []string{"ts", "js"},
	ListOrder:   10,
	DetectOrder: 70,
	Dev: DevServer{Tool: "Vite", EnvFiles: viteDevEnv, Port: 5173, Proxy: ProxyInConfig, ProxyConfig: "vite.config",
		CSPHTML: []string{"index.html"}},
	EnvPrefix:     "VITE_",
	PublicKeyEnv:  "VITE_MONO_PUBLIC_KEY",
	BackendURLEnv: "VITE_MONO_BACKEND_URL",
	EnvFile:       ".env",
	DetectDeps:    []string{"vite"},
	DetectFiles:   []string{"vite.config.*"},
	BundlerOnly:   true,
	CoreDir:       "_src_/lib/mono-connect",
	DevScript:     "dev",
	DevProxy:      "in development, forward /api/mono to the Go server: server.proxy {'/api/mono': 'http://localhost:%d'} in vite.config",
	Base:          "vite",
	StarterBases:  []string{"style", "vite"},
})
