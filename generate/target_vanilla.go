package generate

var vanillaTarget = register(viteApp(&Target{
	Name:      "vanilla",
	Title:     "Vanilla JS/TS (Vite)",
	ListOrder: 10, DetectOrder: 70,
	DetectDeps:  []string{"vite"},
	DetectFiles: []string{"vite.config.*"},
	BundlerOnly: true,
}))
