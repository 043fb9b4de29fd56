package generate

import "io/fs"

// nextTarget is Next.js with the App Router. The binding is a 'use client' button component and
// a useMonoConnect hook; the public key is a NEXT_PUBLIC_ variable, which Next inlines into the
// browser bundle at build time (only for literal process.env.NEXT_PUBLIC_* reads, so the config
// module spells each one out). Local values belong in .env.local, the file Next's docs use for
// them and create-next-app's .gitignore already covers.
var nextTarget = register(&Target{
	Name:      "next",
	Title:     "Next.js (App Router)",
	ListOrder: 30, DetectOrder: 10,
	// next dev loads, in development, .env.development.local, .env.local, .env.development, .env
	// (first wins).
	Dev: DevServer{Tool: "next dev", EnvFiles: []string{".env.development.local", ".env.local", ".env.development", ".env"},
		Port: 3000, ListenArgs: []string{"--hostname", "{host}", "--port", "{port}"}, Proxy: ProxyRewrites, ProxyConfig: "next.config", CSPConfigs: []string{"next.config"}},
	EnvPrefix:   "NEXT_PUBLIC_",
	EnvFile:     ".env.local",
	DetectDeps:  []string{"next"},
	DetectFiles: []string{"next.config.*"},
	SrcDir:      nextSrcDir,
	// create-next-app's default (and our starter's) layout keeps app/ at the project root.
	GreenfieldSrcDir: ".",
	DevProxy:         "in development, forward /api/mono to the Go server: rewrites() in next.config from /api/mono/:path* to http://localhost:%d/api/mono/:path*",
	// The hook and button are React's own (templates/react/integration); Next adds its config.
	Base:             "react",
	ServerComponents: true,
})

// nextSrcDir follows the project's own choice: create-next-app --src-dir puts app/ (or pages/)
// under src/, and the "@/*" alias then points at src/, so our code goes beside the routes.
func nextSrcDir(project fs.FS) string {
	for _, dir := range []string{"src/app", "src/pages"} {
		if info, err := fs.Stat(project, dir); err == nil && info.IsDir() {
			return "src"
		}
	}
	return "."
}
