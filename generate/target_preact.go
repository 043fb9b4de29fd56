package generate

// preactTarget is Preact on Vite (@preact/preset-vite), the app create-vite's preact and
// preact-ts templates make. The binding uses hooks from preact/hooks, not preact/compat, so it
// works in an app that never aliases react; env and the config module are Vite's.
//
// Listed after solid. Detected before react and vanilla (DetectOrder 55 < 60): an app on
// preact/compat may also name react and react-dom (aliases such as "react": "npm:@preact/compat"),
// and is still a Preact app, whose hooks come from preact/hooks.
var preactTarget = register(viteApp(&Target{
	Name:      "preact",
	Title:     "Preact (Vite)",
	ListOrder: 74, DetectOrder: 55,
	DetectDeps: []string{"preact", "@preact/preset-vite"},
}))
