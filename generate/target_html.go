package generate

import (
	"fmt"
	"io/fs"
)

// html is for pages a server renders (Go html/template, Laravel Blade, Django, Rails) with no
// JavaScript build: a custom element on the core and the vanilla wiring (its Base), plus a
// vendored connect.js, written into the static folder the server already serves. Greenfield is a
// Go-only starter: the standalone server serves the page, the element and /api/mono/* itself.
//
// Listed after svelte; detected last (DetectOrder), and only when no JS framework matched: a
// Laravel or Rails app's package.json names vite for its asset pipeline, so artisan /
// config/routes.rb win over vanilla's bare vite match (ServerApp.OwnsBundler).
var htmlTarget = register(&Target{
	Name:        "html",
	Title:       "Server-rendered HTML (Go, Laravel, Django, Rails; no JS build)",
	Langs:       []string{"js"},
	ListOrder:   80,
	DetectOrder: 80,
	// No public env a bundler inlines: the page's server reads MONO_PUBLIC_KEY and renders it
	// into the element's public-key attribute.
	Key:          KeyFromServer,
	PublicKeyEnv: "MONO_PUBLIC_KEY",
	// The page's own server is the dev server; the starter's Go server (DefaultServerPort) is
	// also the page's origin, so nothing forwards /api/mono.
	Dev:              DevServer{Tool: "your server", Port: DefaultServerPort, Proxy: ProxyNone},
	GreenfieldSrcDir: "server/static",
	CoreDir:          "_src_/mono-connect",
	// The element uses wireMonoConnect from vanilla's integration (mono-connect-dom.js) as is.
	Base:         "vanilla",
	StarterBases: []string{"style"},
	Static:       &StaticSite{ServerApp: htmlServerApp, DefaultDir: htmlDefaultDir},
	NextSteps:    htmlNextSteps,
})

// htmlServerApp names the server framework of an existing project from the files each one's own
// generator writes.
func htmlServerApp(project fs.FS) ServerApp {
	host := htmlHost(project)
	if host == "" {
		return ServerApp{}
	}
	return ServerApp{Name: host, Evidence: htmlHostEvidence[host], OwnsBundler: host == "laravel" || host == "rails"}
}

// htmlHost names the server framework of an existing project, from the files each one's own
// generator writes: "" when none matches.
func htmlHost(project fs.FS) string {
	switch {
	case exists(project, "artisan"):
		return "laravel"
	case exists(project, "Gemfile") && exists(project, "config/routes.rb"):
		return "rails"
	case exists(project, "manage.py"):
		return "django"
	case exists(project, "go.mod"):
		return "go"
	}
	return ""
}

// htmlHostEvidence is the file that made htmlHost say what it said.
var htmlHostEvidence = map[string]string{
	"laravel": "Laravel: artisan", "rails": "Rails: Gemfile and config/routes.rb",
	"django": "Django: manage.py", "go": "Go: go.mod",
}

// htmlStaticDir is the folder each host serves as is: Laravel and Rails serve public/ at the
// site root, Django collects static/ (STATICFILES_DIRS) under STATIC_URL, a Go server
// conventionally serves static/ at /static/.
func htmlStaticDir(project fs.FS) string {
	switch htmlHost(project) {
	case "laravel", "rails":
		return "public"
	}
	return "static"
}

// htmlDefaultDir is the static folder the html target picks in an existing project without
// --static-dir, and the evidence for it, for init's "detected" line.
func htmlDefaultDir(project fs.FS) (dir, evidence string) {
	dir = htmlStaticDir(project)
	if ev := htmlHostEvidence[htmlHost(project)]; ev != "" {
		return dir, ev
	}
	return dir, "the default"
}

// htmlNextSteps replaces the npm steps: nothing to install, two lines to paste into a template.
func htmlNextSteps(p *Plan) []string {
	d := p.Data
	var steps []string
	if d.Backend == "go" {
		steps = append(steps, "give the Go server your secret key: MONO_SECRET_KEY=test_sk_… (and MONO_WEBHOOK_SECRET for webhooks); never in a page or a static file")
	} else {
		steps = append(steps, "serve POST /api/mono/exchange from your backend: it exchanges the code for an account id with your secret key")
	}
	if p.Options.Greenfield {
		if d.Backend == "go" {
			steps = append(steps, fmt.Sprintf("start the app (no Node needed): cd %s && %s=test_pk_… go run . and open http://localhost:%d", d.Server.Dir, d.PublicKeyEnv, d.Server.Port))
		}
		return steps
	}
	if d.Backend == "go" {
		if d.Server.Standalone {
			steps = append(steps, fmt.Sprintf("start the server: cd %s && go run .; forward /api/mono/ to it from your web server (same origin), or set backend-url on the element and MONO_ALLOWED_ORIGINS to the site's origin", d.Server.Dir))
		} else {
			steps = append(steps, fmt.Sprintf("mount the handler from %q at /api/mono/ in your Go server (see %s/doc.go)", d.Server.ImportPath, d.Server.PkgDir))
		}
	}
	file := "mono-connect/mono-connect-button.js"
	script, key := "", ""
	switch d.Host {
	case "laravel":
		script = fmt.Sprintf(`<script type="module" src="{{ asset('%s') }}"></script>`, file)
		key = fmt.Sprintf(`{{ env('%s') }}`, d.PublicKeyEnv)
	case "rails":
		script = fmt.Sprintf(`<script type="module" src="/%s"></script>`, file)
		key = fmt.Sprintf(`<%%= ENV['%s'] %%>`, d.PublicKeyEnv)
	case "django":
		script = fmt.Sprintf(`{%% load static %%}<script type="module" src="{%% static '%s' %%}"></script>`, file)
		key = "{{ mono_public_key }}"
	default: // Go html/template, serving the static folder at /<folder>/
		script = fmt.Sprintf(`<script type="module" src="/%s/%s"></script>`, d.StaticDir, file)
		key = "{{.MonoPublicKey}}"
	}
	where := "your page template"
	if ev := htmlHostEvidence[d.Host]; ev != "" {
		where = "your page template (" + ev + ")"
	}
	steps = append(steps, fmt.Sprintf("paste two lines into %s, the key rendered from %s=test_pk_… in your server's env:\n    %s\n    <mono-connect-button public-key=\"%s\"></mono-connect-button>", where, d.PublicKeyEnv, script, key))
	if d.Host == "django" {
		steps = append(steps, fmt.Sprintf("pass mono_public_key=os.environ[%q] to the template's context, and keep %s in STATICFILES_DIRS", d.PublicKeyEnv, d.StaticDir))
	}
	if d.Host == "" || d.Host == "go" {
		steps = append(steps, fmt.Sprintf("serve %s at /%s/ (http.FileServer) if your server does not yet, and pass MonoPublicKey: os.Getenv(%q) to the template", d.StaticDir, d.StaticDir, d.PublicKeyEnv))
	}
	return steps
}
