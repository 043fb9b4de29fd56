package generate

// TemplateData is everything a template may read. Templates run with missingkey=error, so a typo
// in a field name fails the render (and the golden tests) instead of writing "<no value>".
type TemplateData struct {
	Framework string // the target's name (Target.Name, the --framework value)
	// Variant is the target variant rendered ("" the target itself; "vite": plain Svelte on Vite).
	Variant string
	Lang    string // "ts" or "js"
	TS      bool   // Lang == "ts"

	Features Features

	// Major is the framework's major version the integration is written for, for targets with a
	// Major reader (svelte: SvelteKit 2 or 3); 0 for the others.
	Major int

	// Institution is the bank to open directly; Institution.ID is "" when none was chosen.
	Institution Institution

	PublicKeyEnv string // env var holding the public key, e.g. VITE_MONO_PUBLIC_KEY (validated identifier); "" for targets without public env (Angular)
	// PublicKey is --public-key (validated: a public key's alphabet only), for targets whose key
	// lives in a source file created once (Angular's environment files) rather than in .env. It
	// is never recorded, and owned files never contain it.
	PublicKey     string
	BackendURLEnv string // env var holding the backend origin, e.g. VITE_MONO_BACKEND_URL (validated identifier)
	EnvTypes      string // the types package declaring import.meta.env (Target.EnvTypes, "vite/client" when empty)

	SrcDir  string // source root relative to the project root, slash-separated ("src", "app" or ".")
	CoreDir string // where core/ lands, relative to the project root (e.g. "src/lib/mono-connect")

	// ServerComponents: client modules need 'use client' (Target.ServerComponents).
	ServerComponents bool

	Greenfield bool   // the starter app is being written too
	AppName    string // package.json name of the starter (validated npm name)

	// StaticDir is a Static target's static folder (where the element lands), Host the kind of
	// server app it found (go, laravel, django, rails; "" for greenfield or unknown), ConnectJS the
	// vendored connect.js; ServesPage says the standalone server also serves the starter's page
	// (a Static target's greenfield, one origin). Empty for the other targets.
	StaticDir  string
	Host       string
	ConnectJS  ConnectJS
	ServesPage bool

	Backend string // "go" or "none"
	Server  ServerData
}

// Features are the --features answers.
type Features struct {
	Link     bool
	Reauth   bool
	Payments bool
	Events   bool
}

// Institution is a Mono institution opened directly by setup({selectedInstitution}).
type Institution struct {
	ID         string // 24 hex characters, or ""
	AuthMethod string // internet_banking or mobile_banking
}

// ServerData describes where the Go code goes.
type ServerData struct {
	Dir        string // slash path of the module root (standalone) or package dir, relative to the project root
	PkgDir     string // slash path of package monoconnect, relative to the project root
	Standalone bool   // true: Dir is a module of its own with main.go
	ModulePath string // module path of the Go code (the user's, or "monoconnect-server")
	ImportPath string // import path of package monoconnect
	Port       int    // port the standalone server listens on by default, and the dev proxy targets
}

// ConnectJS is the @mono.co/connect.js release a Static target vendors (templates/connectjs.go).
type ConnectJS struct {
	Version string // e.g. 2.2.0
	SRI     string // sha384-… of its index.js
}
