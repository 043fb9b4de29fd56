package generate

import "io/fs"

// reactRouterTarget is React Router in framework mode (the successor of Remix): routes render on
// the server, then hydrate. The binding is the React target's hook and button (Base "react"),
// which create nothing browser-only until a click, so a route holding the button renders on the
// server as is and connect.js is imported only in the browser, on first use. React Router runs on
// Vite, so the key is a VITE_ variable read through Vite's import.meta.env (MoreBases "vite", the
// config module every Vite target shares), and dev forwarding is Vite's server.proxy.
//
// Listed after react; detected before react (a React Router app also depends on react and
// react-dom, and its vite.config would match the React target's file fallback).
var reactRouterTarget = register(&Target{
	Name:      "react-router",
	Title:     "React Router (framework mode)",
	ListOrder: 25, DetectOrder: 12,
	// react-router dev is Vite in middleware mode: Vite's env files and port, server.proxy in
	// vite.config. There is no index.html; the document is app/root.tsx, so a CSP header comes
	// from vite.config's server.headers.
	Dev:         viteFrameworkDev("react-router dev (Vite)", 5173, "vite.config"),
	Key:         KeyFromEnv,
	EnvPrefix:   "VITE_",
	DetectDeps:  []string{"@react-router/dev"},
	DetectFiles: []string{"react-router.config.*"},
	SrcDir:      reactRouterSrcDir,
	// create-react-router's templates keep routes and root.tsx in app/.
	GreenfieldSrcDir: "app",
	DevProxy:         viteProxyHint,
	Base:             "react",
	MoreBases:        []string{"vite"},
	StarterBases:     []string{"style", "react-demo"},
})

// reactRouterSrcDir is the app directory: "app" (React Router's default appDirectory), or "src"
// for a project that moved its routes there and has no app/.
func reactRouterSrcDir(project fs.FS) string {
	if info, err := fs.Stat(project, "app"); err == nil && info.IsDir() {
		return "app"
	}
	if info, err := fs.Stat(project, "src"); err == nil && info.IsDir() {
		return "src"
	}
	return "app"
}
