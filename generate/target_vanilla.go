package generate

var vanillaTarget = register(&Target{
	Name:      "vanilla",
	Title:     "Vanilla JS/TS (Vite)",
	ListOrder: 10, DetectOrder: 70,
	Dev:          viteAppDev,
	EnvPrefix:    "VITE_",
	DetectDeps:   []string{"vite"},
	DetectFiles:  []string{"vite.config.*"},
	BundlerOnly:  true,
	DevProxy:     viteProxyHint,
	Base:         "vite",
	StarterBases: []string{"style", "vite"},
})
