package generate

var reactTarget = register(&Target{
	Name:        "react",
	Title:       "React (Vite)",
	Langs:       []string{"ts", "js"},
	ListOrder:   20,
	DetectOrder: 60,
	Dev: DevServer{Tool: "Vite", EnvFiles: viteDevEnv, Port: 5173, Proxy: ProxyInConfig, ProxyConfig: "vite.config",
		CSPHTML: []string{"index.html"}},
	EnvPrefix:     "VITE_",
	PublicKeyEnv:  "VITE_MONO_PUBLIC_KEY",
	BackendURLEnv: "VITE_MONO_BACKEND_URL",
	EnvFile:       ".env",
	DetectDeps:    []string{"react", "react-dom"},
	DetectFiles:   []string{"vite.config.*"},
	CoreDir:       "_src_/lib/mono-connect",
	DevScript:     "dev",
	DevProxy:      "in development, forward /api/mono to the Go server: server.proxy {'/api/mono': 'http://localhost:%d'} in vite.config",
	Base:          "vite",
	StarterBases:  []string{"style", "vite", "react-demo"},
})
