package doctor

import (
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"os"
	"path"
	"path/filepath"

	"github.com/mono-connect/mono-connect/templates"
)

// A Static target (generate.Target.Static) has no package.json and no Node: connect.js is a
// vendored file in the static folder. A KeyFromServer target's public key is an env variable of
// whatever server renders the page, and with Dev.Proxy ProxyNone the page reaches /api/mono/* on
// its own origin (the starter's Go server serves both).

// staticWidget checks the vendored connect.js is the pinned release, byte for byte: the element
// loads it with a classic script tag, and a page that pins its SRI refuses any other file.
func staticWidget(p *project) Check {
	dir := p.rec.Answers.StaticDir
	if dir == "" {
		return fail(fmt.Sprintf("mono-connect init --framework %s --static-dir <your static folder> --yes", p.target.Name), "mono-connect.json names no static_dir: where connect.js lives is unknown")
	}
	rel := path.Join(dir, "mono-connect", "connect.js")
	b, err := os.ReadFile(filepath.Join(p.o.Root, filepath.FromSlash(rel)))
	if err != nil {
		return fail("mono-connect generate (writes it again)", "%s is missing: the button cannot load the widget", rel)
	}
	sum := sha512.Sum384(b)
	if got := "sha384-" + base64.StdEncoding.EncodeToString(sum[:]); got != templates.ConnectJSSRI {
		return fail("mono-connect generate --on-conflict overwrite (restores it)", "%s is not @mono.co/connect.js %s (its digest is %s, want %s)", rel, templates.ConnectJSVersion, got, templates.ConnectJSSRI)
	}
	return pass("%s is @mono.co/connect.js %s (%s), served from your own static folder", rel, templates.ConnectJSVersion, templates.ConnectJSSRI)
}

// serverPublicKey: the page's server reads the key from its environment and renders it into the
// page; no file holds it.
func serverPublicKey(p *project) Check {
	name := p.rec.Answers.PublicKeyEnv
	if !p.pub.Set {
		return fail(fmt.Sprintf("export %s=test_pk_… in the environment of the server that renders the page", name), "%s is not set in the environment: the page's <mono-connect-button public-key> is empty", name)
	}
	return judgePublicKey(p.pub, fmt.Sprintf("set %s to your public key (…_pk_…) from the Mono dashboard", name))
}

// sameOriginProxy: the greenfield server serves the page and /api/mono/* itself; an existing site
// must route /api/mono/ to the Go code (mounted in its own Go server, or reverse-proxied).
func sameOriginProxy(p *project) Check {
	if p.rec.Answers.Greenfield && p.rec.Answers.ServerStandalone {
		return pass("the starter's Go server serves the page and /api/mono/* from one origin (no proxy needed)")
	}
	if p.rec.Answers.ServerStandalone {
		return skip("make your site forward /api/mono/ to the Go server on port %d (reverse proxy), or set backend-url on <mono-connect-button> and MONO_ALLOWED_ORIGINS", p.serverPort())
	}
	return skip("the handler mounts in your own Go server at /api/mono/: same origin as its pages")
}
