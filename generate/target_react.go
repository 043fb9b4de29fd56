package generate

var reactTarget = register(viteApp(&Target{
	Name:      "react",
	Title:     "React (Vite)",
	ListOrder: 20, DetectOrder: 60,
	DetectDeps:   []string{"react", "react-dom"},
	DetectFiles:  []string{"vite.config.*"},
	StarterBases: []string{"react-demo"},
}))
