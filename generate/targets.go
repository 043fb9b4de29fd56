package generate

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
)

// Target is one framework mono-connect can wire. A target is its template folder
// (templates/<Name>/) plus one of these values, declared in target_<name>.go.
type Target struct {
	Name  string   // the --framework value
	Title string   // shown by `mono-connect targets` and the prompt
	Langs []string // supported --lang values, default first (empty: ts, then js)

	// ListOrder places the target in every list of targets (help text, `targets`, prompts, the
	// schema's enum), lower first. DetectOrder is the order detection tries targets in, lower
	// first: most specific first, since a Nuxt app also depends on vue and a Next app on react.
	// Both are required and unique (register panics otherwise).
	ListOrder   int
	DetectOrder int

	// Key says where the app reads its public key from: an env variable (PublicKeyEnv, under
	// EnvPrefix, written to EnvFile), files of its own (KeyFiles), or the environment of the
	// server that renders the page (PublicKeyEnv, no prefix, no file).
	Key KeySource

	// EnvPrefix is the prefix the framework requires for variables the browser may read (only
	// with Key KeyFromEnv). Every target names its two variables the same way under it, so
	// register fills PublicKeyEnv and BackendURLEnv from it when they are left empty, and EnvFile
	// with ".env".
	EnvPrefix     string
	PublicKeyEnv  string // default --public-key-env (EnvPrefix + "MONO_PUBLIC_KEY")
	BackendURLEnv string // env var naming the backend origin (EnvPrefix + "MONO_BACKEND_URL")
	EnvFile       string // the gitignored file --public-key is written to (".env", ".env.local")
	// EnvTypes is the types package that declares import.meta.env for the config module of the
	// Vite base (its triple-slash reference): empty for "vite/client". A framework that runs Vite
	// for the app declares its own (Astro's astro/client), since the app need not depend on vite
	// itself, and under pnpm's strict node_modules vite/client then does not resolve.
	EnvTypes string
	// KeyFiles are where a target without public env keeps the key instead (paths may use _src_):
	// files a merge creates once from TemplateData.PublicKey, then leaves to the user.
	KeyFiles []string

	// DetectDeps are package.json dependencies that identify the framework, most specific first;
	// DetectFiles are config file globs (path.Match syntax) at the project root.
	DetectDeps  []string
	DetectFiles []string
	// BundlerOnly: DetectDeps name a bundler (vite), not a UI framework, so a server app whose
	// own asset pipeline brings that bundler (StaticSite's ServerApp.OwnsBundler: Laravel, Rails)
	// is that server's, not this target's.
	BundlerOnly bool

	// SrcDir picks the source root of an existing project (nil: "src"). Greenfield uses
	// GreenfieldSrcDir (or "src").
	SrcDir           func(project fs.FS) string
	GreenfieldSrcDir string

	// CoreDir is where core/ lands; it may start with the _src_ placeholder. Empty: defaultCoreDir.
	CoreDir string

	// Base names a template folder shared by several targets (e.g. "vite" for the config module
	// every Vite app reads its env the same way); its integration/ is rendered like the target's
	// own, so one file serves them all instead of a copy per target.
	Base string
	// MoreBases are further shared integration folders rendered after Base, in order, for a target
	// that is two things at once (React Router: React's hook and button, Vite's env config).
	MoreBases []string
	// StarterBases do the same for the greenfield starter, in order: "style" holds the page
	// stylesheet every starter that has no framework-specific styling shares, "vite" what every
	// Vite starter shares (.gitignore).
	StarterBases []string

	// StandaloneDir is where the standalone Go module goes when --server-dir is not given and the
	// project is in no Go module ("": server/). ReservedDirs are folders the framework itself owns
	// (Nuxt's server/ is Nitro's): the standalone module may not go there (--server-dir naming
	// one or a folder inside one is a usage error), and a record that put it there is moved to
	// StandaloneDir on the next generate or init. Inside the app's Go module the place is the
	// user's choice (its import path is theirs too).
	StandaloneDir string
	ReservedDirs  []string

	// ServerComponents: the framework renders React Server Components, so client modules start
	// with 'use client' (elsewhere the directive is noise that Vite's Rollup warns about).
	ServerComponents bool

	// DevScript is the package.json script that starts the dev server in the starter. Empty: "dev",
	// except for a Static target, whose starter has no Node (the Go server serves the page) and
	// gets no scripts/dev.mjs.
	DevScript string

	// DevProxy tells the owner of an existing app how to make its dev server forward /api/mono/*
	// to the Go server (a starter does it already); %d is the server's port. "" when init wires
	// it itself (Angular's proxy.conf.json).
	DevProxy string

	// Major reads the major version of the framework an existing project is on (package.json),
	// for targets whose integration differs between majors; it returns 0 when the project says
	// nothing readable, and greenfield (no project yet) gets the starter's. nil: one integration
	// for every supported major.
	Major func(project fs.FS) int
	// StarterMajor is the major the greenfield starter pins, used when Major finds none.
	StarterMajor int

	// Variants are other shapes of the same framework, under the same --framework name, chosen by
	// Options.Variant (detection sets it): each is a whole definition used instead of this one,
	// rendering the same template folder, whose templates tell them apart by .Variant. A variant
	// is for existing apps only (greenfield is the target itself).
	Variants map[string]*Target
	// Variant is the key a variant definition is registered under in its parent's Variants.
	Variant string
	// DetectVariant, for a target with Variants, names the variant an existing project is from
	// its package.json dependencies ("" for the target itself), with the evidence for the
	// output line. Detection calls it once DetectDeps matched.
	DetectVariant func(deps map[string]bool) (variant, evidence string)

	// Merges are extra edits to files the user owns (e.g. Angular's angular.json), applied in
	// both modes after the starter is laid down.
	Merges []Merge

	// Dev is what `doctor` needs to know about the framework's dev server.
	Dev DevServer

	// Static is set for a target whose files land in a folder the site's server serves as is
	// (no bundler): --static-dir applies only to such a target, connect.js is vendored beside
	// the element instead of being a package.json dependency, and detection recognises the
	// server app itself. nil for every target whose build places its files.
	Static *StaticSite

	// NextSteps, when set, replaces the generic next steps (env file, Go server, npm install):
	// for a target whose app has no package manager or no env file.
	NextSteps func(p *Plan) []string
}

// StaticSite is what a target served as static files knows about the server apps it goes into.
type StaticSite struct {
	// ServerApp names the kind of server app a project is (e.g. "laravel"), from the files its
	// own generator writes; the zero ServerApp when none matches.
	ServerApp func(project fs.FS) ServerApp
	// DefaultDir is the folder such a project's server serves as is, used without --static-dir,
	// and the evidence for it (init's "detected" line).
	DefaultDir func(project fs.FS) (dir, evidence string)
}

// ServerApp is a server-rendered app detection found.
type ServerApp struct {
	Name     string // "" when nothing matched
	Evidence string // the files that said so, e.g. "Laravel: artisan"
	// OwnsBundler: the app's own asset pipeline puts a bundler in package.json (Laravel and
	// Rails name vite), so a BundlerOnly target's match is this app's, not a JS app's.
	OwnsBundler bool
}

// DefaultServerDir is where the Go code goes for this target when --server-dir is not given.
func (t *Target) DefaultServerDir(mod *GoModule) string {
	if mod == nil && t.StandaloneDir != "" {
		return t.StandaloneDir
	}
	return DefaultServerDir(mod)
}

// ReservedDir returns the folder of the framework's own that dir is or lies in, or "".
func (t *Target) ReservedDir(dir string) string {
	for _, r := range t.ReservedDirs {
		if dir == r || strings.HasPrefix(dir, r+"/") {
			return r
		}
	}
	return ""
}

// KeySource is where an app reads the Mono public key from.
type KeySource int

const (
	// KeyFromEnv: an env variable (Target.PublicKeyEnv, under Target.EnvPrefix) the framework
	// hands to the browser; --public-key is written to Target.EnvFile.
	KeyFromEnv KeySource = iota
	// KeyInFiles: a field of source files the target creates (Target.KeyFiles); there is no
	// env variable and --public-key-env does not apply.
	KeyInFiles
	// KeyFromServer: the server that renders the page reads Target.PublicKeyEnv (no prefix: no
	// bundler exposes it) from its own environment and renders it into the page. No file holds
	// the key, so --public-key is a usage error: there is nowhere to write it.
	KeyFromServer
)

// KeyInEnv reports whether the target reads its public key from an env variable.
func (t *Target) KeyInEnv() bool { return t.Key == KeyFromEnv }

// DevServer describes a framework's dev server, for doctor's checks and messages.
type DevServer struct {
	Tool string // names the dev server in messages ("Vite", "next dev")
	// EnvFiles are the env files the dev server loads, highest precedence first (the process
	// environment wins over all of them). Empty for a KeyInFiles target.
	EnvFiles []string
	// Port is the dev server's default port; the app's origin in development is
	// http://localhost:<Port>.
	Port int
	// Proxy is how the dev server forwards /api/mono; ProxyConfig the config file's base name
	// (without extension) for ProxyInConfig and ProxyRewrites.
	Proxy       ProxyKind
	ProxyConfig string
	// CSPHTML are pages whose <meta http-equiv="Content-Security-Policy"> applies; CSPConfigs
	// are config bases (without extension) that can set a CSP header or SvelteKit's kit.csp.
	CSPHTML    []string
	CSPConfigs []string
	// ListenArgs are the arguments after `npm run <DevScript> --` that make the dev server listen
	// on one host and port, "{host}" and "{port}" standing for them (a test harness, a container,
	// a second app on the same machine). Empty: Vite's, with --strictPort, so that a taken port is
	// an error rather than another port nobody proxies to.
	ListenArgs []string
}

// viteListenArgs are Vite's dev server flags, the default of DevServer.ListenArgs.
var viteListenArgs = []string{"--host", "{host}", "--port", "{port}", "--strictPort"}

// hostPortArgs are the same flags for a dev server that has no --strictPort (it fails on a taken
// port by itself, or has no such option).
var hostPortArgs = []string{"--host", "{host}", "--port", "{port}"}

// ProxyKind is how a dev server is told to forward /api/mono to the Go server.
type ProxyKind int

const (
	// ProxyInConfig: an entry keyed by the route in the JS config (Vite's server.proxy, Nuxt's
	// vite.server.proxy / nitro.devProxy / routeRules).
	ProxyInConfig ProxyKind = iota
	// ProxyRewrites: rewrites() in the JS config returning {source, destination} pairs (Next).
	ProxyRewrites
	// ProxyJSONFile: a JSON proxy config named by the workspace file (Angular's proxy.conf.json
	// via angular.json), which init writes itself.
	ProxyJSONFile
	// ProxyNone: no dev server stands in front of the page; the server that renders it serves
	// /api/mono itself (the handler mounted, or the standalone server serving the page too).
	ProxyNone
)

// Merge edits part of a user's file. Apply returns the new content from the old (nil when the
// file does not exist); Owned reports whether content still holds our part, for --check.
type Merge struct {
	Path  string // relative to the project root; may use _src_
	Apply func(old []byte, data TemplateData) ([]byte, error)
	Owned func(content []byte, data TemplateData) bool
	// Optional: when true a missing file is not an error (the merge is skipped).
	Optional bool
	// When, if set, limits the merge to the projects it applies to (e.g. one framework major).
	When func(data TemplateData) bool
}

// VariantKeys returns the keys of the target's Variants, sorted.
func (t *Target) VariantKeys() []string {
	keys := make([]string, 0, len(t.Variants))
	for key := range t.Variants {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}

// SupportsLang reports whether lang is one of the target's languages.
func (t *Target) SupportsLang(lang string) bool {
	for _, l := range t.Langs {
		if l == lang {
			return true
		}
	}
	return false
}

// registry holds every target, keyed by name. Each target_<name>.go adds itself here, so adding
// a framework never edits a shared list.
var registry = map[string]*Target{}

// register adds t to the registry, with the defaults filled in. It panics on a definition that is
// inconsistent, so a new target that forgets a field fails every test at start-up instead of
// misbehaving later.
func register(t *Target) *Target {
	t.fillDefaults()
	if err := t.check(); err != nil {
		panic("generate: target " + t.Name + ": " + err.Error())
	}
	for key, v := range t.Variants {
		v.fillDefaults()
		if err := t.checkVariant(key, v); err != nil {
			panic("generate: target " + t.Name + " variant " + key + ": " + err.Error())
		}
	}
	registry[t.Name] = t
	return t
}

// defaultCoreDir is where every target's core/ lands unless it says otherwise: under the source
// root, beside the app's own lib code.
const defaultCoreDir = "_src_/lib/mono-connect"

// fillDefaults sets the fields a definition may leave empty to what nearly every target uses, so
// a definition spells out only what makes the target different.
func (t *Target) fillDefaults() {
	if len(t.Langs) == 0 {
		t.Langs = []string{"ts", "js"}
	}
	if t.CoreDir == "" {
		t.CoreDir = defaultCoreDir
	}
	if t.DevScript == "" && t.Static == nil {
		t.DevScript = "dev"
	}
	if t.DevScript != "" && len(t.Dev.ListenArgs) == 0 {
		t.Dev.ListenArgs = viteListenArgs
	}
	if t.Key != KeyFromEnv || t.EnvPrefix == "" {
		return
	}
	if t.PublicKeyEnv == "" {
		t.PublicKeyEnv = t.EnvPrefix + "MONO_PUBLIC_KEY"
	}
	if t.BackendURLEnv == "" {
		t.BackendURLEnv = t.EnvPrefix + "MONO_BACKEND_URL"
	}
	if t.EnvFile == "" {
		t.EnvFile = ".env"
	}
}

// check reports what is wrong with a target's definition against the registry so far.
func (t *Target) check() error {
	switch {
	case t.Name == "" || t.Title == "":
		return errors.New("Name and Title are required")
	case registry[t.Name] != nil:
		return errors.New("registered twice")
	case t.ListOrder <= 0 || t.DetectOrder <= 0:
		return errors.New("ListOrder and DetectOrder must be set (positive)")
	case t.Variant != "":
		return errors.New("Variant is for a definition in a target's Variants")
	case len(t.Variants) > 0 && t.DetectVariant == nil:
		return errors.New("a target with Variants needs DetectVariant")
	}
	for _, o := range registry {
		if o.ListOrder == t.ListOrder {
			return fmt.Errorf("ListOrder %d is %s's too", t.ListOrder, o.Name)
		}
		if o.DetectOrder == t.DetectOrder {
			return fmt.Errorf("DetectOrder %d is %s's too", t.DetectOrder, o.Name)
		}
	}
	return t.checkFields()
}

// checkVariant reports what is wrong with v as t's variant key: the same framework name, the
// key it is filed under, no orders or variants of its own (it lives under t in every list),
// and the same consistency as any definition.
func (t *Target) checkVariant(key string, v *Target) error {
	switch {
	case key == "" || v.Variant != key:
		return fmt.Errorf("its Variant must be its key %q", key)
	case v.Name != t.Name || v.Title == "" || len(v.Langs) == 0:
		return errors.New("Name must be the target's; Title and Langs are required")
	case v.ListOrder != 0 || v.DetectOrder != 0 || len(v.Variants) > 0 || v.DetectVariant != nil:
		return errors.New("a variant has no ListOrder, DetectOrder or variants of its own")
	}
	return v.checkFields()
}

// checkFields reports what is wrong inside one definition (dev server, key source, proxy).
func (t *Target) checkFields() error {
	if t.Dev.Tool == "" || t.Dev.Port <= 0 {
		return errors.New("Dev.Tool and Dev.Port are required")
	}
	if t.DevScript != "" && !slices.Contains(t.Dev.ListenArgs, "{port}") {
		return errors.New(`Dev.ListenArgs must place "{port}"`)
	}
	switch t.Key {
	case KeyFromEnv:
		if t.EnvPrefix == "" || t.PublicKeyEnv == "" || t.EnvFile == "" || len(t.Dev.EnvFiles) == 0 {
			return errors.New("a KeyFromEnv target needs EnvPrefix, PublicKeyEnv, EnvFile and Dev.EnvFiles")
		}
		if !strings.HasPrefix(t.PublicKeyEnv, t.EnvPrefix) || (t.BackendURLEnv != "" && !strings.HasPrefix(t.BackendURLEnv, t.EnvPrefix)) {
			return errors.New("PublicKeyEnv and BackendURLEnv must start with EnvPrefix")
		}
		if len(t.KeyFiles) > 0 {
			return errors.New("KeyFiles are for a KeyInFiles target")
		}
	case KeyInFiles:
		if len(t.KeyFiles) == 0 || t.EnvPrefix != "" || t.PublicKeyEnv != "" || t.BackendURLEnv != "" {
			return errors.New("a KeyInFiles target needs KeyFiles and no EnvPrefix, PublicKeyEnv or BackendURLEnv")
		}
	case KeyFromServer:
		if t.PublicKeyEnv == "" || t.EnvPrefix != "" || t.EnvFile != "" || len(t.KeyFiles) > 0 || len(t.Dev.EnvFiles) > 0 {
			return errors.New("a KeyFromServer target needs PublicKeyEnv and no EnvPrefix, EnvFile, KeyFiles or Dev.EnvFiles")
		}
	default:
		return fmt.Errorf("unknown Key %d", t.Key)
	}
	if t.StandaloneDir != "" {
		if _, err := ValidateServerDir(t.StandaloneDir); err != nil || t.ReservedDir(t.StandaloneDir) != "" {
			return errors.New("StandaloneDir must be a valid --server-dir outside ReservedDirs")
		}
	}
	if (t.Dev.Proxy == ProxyInConfig || t.Dev.Proxy == ProxyRewrites) && (t.Dev.ProxyConfig == "" || t.DevProxy == "") {
		return errors.New("a dev proxy in the JS config needs Dev.ProxyConfig and the DevProxy hint")
	}
	if t.Static != nil {
		// No build: nothing compiles TypeScript, and the browser reads the files as written.
		if t.Static.ServerApp == nil || t.Static.DefaultDir == nil {
			return errors.New("a Static target needs Static.ServerApp and Static.DefaultDir")
		}
		if len(t.Langs) != 1 || t.Langs[0] != "js" {
			return errors.New("a Static target has no build: Langs must be js alone")
		}
		if t.DevScript != "" || t.Dev.Proxy != ProxyNone || len(t.Dev.ListenArgs) > 0 {
			return errors.New("a Static target has no dev server: no DevScript, Dev.ListenArgs, Dev.Proxy ProxyNone")
		}
	}
	return nil
}

// Targets returns every registered target in display order (ListOrder).
func Targets() []*Target {
	return sortedTargets(func(t *Target) int { return t.ListOrder })
}

// detectionOrder returns every registered target in the order detection tries them.
func detectionOrder() []*Target {
	return sortedTargets(func(t *Target) int { return t.DetectOrder })
}

func sortedTargets(order func(*Target) int) []*Target {
	out := make([]*Target, 0, len(registry))
	for _, t := range registry {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return order(out[i]) < order(out[j]) })
	return out
}

// LookupTarget returns the target named name, or nil.
func LookupTarget(name string) *Target {
	return registry[name]
}
