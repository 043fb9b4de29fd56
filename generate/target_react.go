package generate

var reactTarget = register(&Target{
	Name:      "react",
	Title:     "React (Vite)",
	ListOrder: 20, DetectOrder: 60,
	Dev:          viteAppDev,
	EnvPrefix:    "VITE_",
	DetectDeps:   []string{"react", "react-dom"},
	DetectFiles:  []string{"vite.config.*"},
	DevProxy:     viteProxyHint,
	Base:         "vite",
	StarterBases: []string{"style", "vite", "react-demo"},
})
