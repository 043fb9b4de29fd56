package generate

// solidTarget is SolidJS 1.9 on Vite (vite-plugin-solid), the app create-vite's solid and
// solid-ts templates make. The binding is a primitive on Solid signals (useMonoConnect) and a
// button component; env and the config module are Vite's, shared with React and Vue.
//
// Listed after svelte. Detected before vue, preact, react and vanilla (DetectOrder 45 < 50): the
// solid-js dependency is decisive, while the vite dependency every Solid app also has would
// make it a vanilla app.
var solidTarget = register(viteApp(&Target{
	Name:      "solid",
	Title:     "SolidJS (Vite)",
	ListOrder: 72, DetectOrder: 45,
	DetectDeps: []string{"solid-js", "vite-plugin-solid"},
}))
