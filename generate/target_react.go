package generate

var reactTarget = register(&Target{
	Name:          "react",
	Title:         "React (Vite)",
	Langs:         []string{"ts", "js"},
	EnvPrefix:     "VITE_",
	PublicKeyEnv:  "VITE_MONO_PUBLIC_KEY",
	BackendURLEnv: "VITE_MONO_BACKEND_URL",
	EnvFile:       ".env",
	DetectDeps:    []string{"react", "react-dom"},
	DetectFiles:   []string{"vite.config.*"},
	CoreDir:       "_src_/lib/mono-connect",
	DevScript:     "dev",
	Base:          "vite",
})
