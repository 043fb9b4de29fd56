package doctor

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mono-connect/mono-connect/generate"
)

// project is everything the checks share, read once.
type project struct {
	o       Options
	rec     *generate.Record
	recErr  error
	target  *generate.Target
	prof    generate.DevServer // the dev server's facts, from the target
	rootEnv []envFile          // every .env* file at the root, sorted by name
	srvEnv  *envFile           // the standalone server's .env, when there is one

	pub     found // the public key as the dev server sees it
	backend found // the backend URL variable as the dev server sees it
	secret  found // MONO_SECRET_KEY as the Go server would see it
	webhook found // MONO_WEBHOOK_SECRET
	origins found // MONO_ALLOWED_ORIGINS

	proxy     proxyInfo
	appOrigin string // the app's origin in development
	serverURL string // where the Go server should answer
	probe     probe  // what serverURL answered
}

// found is a setting and where it came from.
type found struct {
	Name   string // variable (or Angular property) name
	Value  string
	Source string // "the environment" or a slash path
	Set    bool
}

func (f found) where() string {
	if f.Source == "the environment" {
		return "the environment"
	}
	return f.Source
}

func load(ctx context.Context, o Options) *project {
	p := &project{o: o}
	b, err := os.ReadFile(filepath.Join(o.Root, generate.RecordName))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		p.recErr = fs.ErrNotExist
	case err != nil:
		p.recErr = err
	default:
		p.rec, p.recErr = generate.DecodeRecord(b, o.ToolVersion)
	}
	if p.rec != nil {
		p.target = generate.LookupTarget(p.rec.Answers.Framework)
		if p.target != nil {
			// A recorded variant (e.g. plain Svelte on Vite under svelte) has its own env names
			// and dev server: read the project as that definition.
			if v := p.target.Variants[p.rec.Answers.Variant]; v != nil {
				p.target = v
			}
			p.prof = p.target.Dev
		}
	}
	entries, _ := os.ReadDir(o.Root)
	for _, e := range entries {
		if !e.IsDir() && (e.Name() == ".env" || strings.HasPrefix(e.Name(), ".env.")) {
			if f, ok := readEnvFile(o.Root, e.Name()); ok {
				p.rootEnv = append(p.rootEnv, f)
			}
		}
	}
	if p.rec == nil || p.target == nil {
		return p
	}
	if dir := p.serverDir(); dir != "" {
		if f, ok := readEnvFile(o.Root, path.Join(dir, ".env")); ok {
			p.srvEnv = &f
		}
	}
	switch p.target.Key {
	case generate.KeyInFiles:
		p.pub = p.angularSetting("publicKey", ".development.ts")
		p.backend = p.angularSetting("backendUrl", ".development.ts")
	case generate.KeyFromServer:
		// The page's server reads it from its environment (Dev.EnvFiles is empty: no file).
		p.pub = p.devSetting(p.rec.Answers.PublicKeyEnv)
	default:
		p.pub = p.devSetting(p.rec.Answers.PublicKeyEnv)
		p.backend = p.devSetting(p.target.BackendURLEnv)
	}
	p.secret = p.serverSetting("MONO_SECRET_KEY")
	p.webhook = p.serverSetting("MONO_WEBHOOK_SECRET")
	p.origins = p.serverSetting("MONO_ALLOWED_ORIGINS")
	p.proxy = p.readProxy()
	p.appOrigin = "http://localhost:" + strconv.Itoa(p.prof.Port)
	switch {
	case p.backend.Value != "":
		p.serverURL = originOf(p.backend.Value)
	case p.proxy.Target != "":
		p.serverURL = originOf(p.proxy.Target)
	default:
		p.serverURL = "http://localhost:" + strconv.Itoa(p.serverPort())
	}
	if p.rec.Answers.Backend == "go" {
		p.probe = probeServer(ctx, o.Client, p.serverURL, p.appOrigin, p.crossOrigin())
	}
	return p
}

// crossOrigin reports whether the browser calls the backend on another origin (the backend URL
// variable is set to one) rather than through the dev server.
func (p *project) crossOrigin() bool {
	return p.backend.Value != "" && originOf(p.backend.Value) != p.appOrigin
}

// serverDir is the standalone server's module directory, "" when the Go code lives in the
// user's module (whose server loads its environment however it likes).
// devRunnerLoadsServerEnv reports whether the app's `npm run dev` is the starter's runner
// (scripts/dev.mjs), which starts the Go server with the server's .env file loaded.
func (p *project) devRunnerLoadsServerEnv() bool {
	if _, err := os.Stat(filepath.Join(p.o.Root, "scripts", "dev.mjs")); err != nil {
		return false
	}
	raw, err := os.ReadFile(filepath.Join(p.o.Root, "package.json"))
	if err != nil {
		return false
	}
	var pkg struct {
		Scripts map[string]string `json:"scripts"`
	}
	return json.Unmarshal(raw, &pkg) == nil && strings.Contains(pkg.Scripts["dev"], "scripts/dev.mjs")
}

func (p *project) serverDir() string {
	if p.rec.Answers.Backend != "go" || !p.rec.Answers.ServerStandalone {
		return ""
	}
	return p.rec.Answers.ServerDir
}

// devSetting resolves name the way the framework's dev server does: the environment first,
// then its env files in precedence order.
func (p *project) devSetting(name string) found {
	if name == "" {
		return found{}
	}
	if v, ok := lookupEnv(p.o.Getenv, name); ok {
		return found{Name: name, Value: v, Source: "the environment", Set: v != ""}
	}
	for _, file := range p.prof.EnvFiles {
		if f := p.envFile(file); f != nil {
			if v, ok := f.Vars[name]; ok {
				return found{Name: name, Value: v, Source: file, Set: v != ""}
			}
		}
	}
	return found{Name: name}
}

// serverSetting resolves a server variable: the environment, then the standalone server's
// .env (which `go run .` does not read by itself; the finding says so).
func (p *project) serverSetting(name string) found {
	if v, ok := lookupEnv(p.o.Getenv, name); ok && v != "" {
		return found{Name: name, Value: v, Source: "the environment", Set: true}
	}
	if p.srvEnv != nil {
		if v := p.srvEnv.Vars[name]; v != "" {
			return found{Name: name, Value: v, Source: p.srvEnv.Path, Set: true}
		}
	}
	return found{Name: name}
}

func lookupEnv(getenv func(string) string, name string) (string, bool) {
	v := getenv(name)
	return strings.TrimSpace(v), v != ""
}

func (p *project) envFile(name string) *envFile {
	for i := range p.rootEnv {
		if p.rootEnv[i].Path == name {
			return &p.rootEnv[i]
		}
	}
	return nil
}

// angularFile finds the recorded environment file ending in suffix (mono-connect.ts for
// builds, mono-connect.development.ts for ng serve).
func (p *project) angularFile(suffix string) string {
	for _, f := range p.rec.Files {
		if strings.HasSuffix(f.Path, "environments/mono-connect"+suffix) {
			return f.Path
		}
	}
	return ""
}

func (p *project) angularSetting(prop, suffix string) found {
	file := p.angularFile(suffix)
	out := found{Name: prop, Source: file}
	if file == "" {
		return out
	}
	cfg, err := parseJSConfig(p.o.Root, file)
	if err != nil {
		return out
	}
	for _, pr := range cfg.properties(func(k string) bool { return k == prop }) {
		if v, ok := cfg.str(pr.start); ok {
			out.Value, out.Set = strings.TrimSpace(v), strings.TrimSpace(v) != ""
		}
	}
	return out
}

// proxyInfo is the dev proxy entry for /api/mono.
type proxyInfo struct {
	File   string // the config that holds it (or should)
	Target string // where it forwards; "" when no entry was found
	Err    error  // the config could not be read
	// Missing says the config exists but has no entry (JSON configs can be fixed).
	Missing bool
}

func isMonoRoute(k string) bool {
	k = strings.TrimPrefix(k, "^")
	return k == "/api/mono" || strings.HasPrefix(k, "/api/mono/") || strings.HasPrefix(k, "/api/mono*")
}

// proxyConfig finds and parses the JS config that holds the dev proxy; without one (missing or
// unreadable) cfg is nil and info says why.
func (p *project) proxyConfig() (file string, cfg *jsConfig, info proxyInfo) {
	base := p.prof.ProxyConfig
	file = findConfig(p.o.Root, configNames(base)...)
	if file == "" {
		return "", nil, proxyInfo{File: base + ".ts", Missing: true}
	}
	cfg, err := parseJSConfig(p.o.Root, file)
	if err != nil {
		return file, nil, proxyInfo{File: file, Err: err}
	}
	return file, cfg, proxyInfo{}
}

func (p *project) readProxy() proxyInfo {
	switch p.prof.Proxy {
	case generate.ProxyNone:
		return proxyInfo{}
	case generate.ProxyJSONFile:
		return p.angularProxy()
	case generate.ProxyRewrites:
		file, cfg, missing := p.proxyConfig()
		if cfg == nil {
			return missing
		}
		// rewrites() returns [{source: "/api/mono/:path*", destination: "http://…/api/mono/:path*"}].
		for _, pr := range cfg.properties(func(k string) bool { return k == "source" }) {
			if s, ok := cfg.str(pr.start); !ok || !isMonoRoute(s) {
				continue
			}
			for _, d := range cfg.properties(func(k string) bool { return k == "destination" }) {
				if d.start > pr.start && d.start < pr.start+8 {
					if dest, ok := cfg.str(d.start); ok {
						return proxyInfo{File: file, Target: dest}
					}
				}
			}
		}
		return proxyInfo{File: file, Missing: true}
	default:
		file, cfg, missing := p.proxyConfig()
		if cfg == nil {
			return missing
		}
		// server.proxy {'/api/mono': 'http://…'} or {'/api/mono': {target: 'http://…'}}; Nuxt
		// also nitro.devProxy {'/api/mono': {target}} and routeRules {'/api/mono/**': {proxy}}.
		for _, pr := range cfg.properties(isMonoRoute) {
			if s, ok := cfg.str(pr.start); ok {
				return proxyInfo{File: file, Target: s}
			}
			for _, key := range []string{"target", "proxy", "to"} {
				if i, ok := cfg.member(pr.start, key); ok {
					if s, ok := cfg.str(i); ok {
						return proxyInfo{File: file, Target: s}
					}
					if j, ok := cfg.member(i, "to"); ok {
						if s, ok := cfg.str(j); ok {
							return proxyInfo{File: file, Target: s}
						}
					}
				}
			}
		}
		return proxyInfo{File: file, Missing: true}
	}
}

// angularProxy reads angular.json's serve options.proxyConfig and that JSON file.
func (p *project) angularProxy() proxyInfo {
	b, err := os.ReadFile(filepath.Join(p.o.Root, "angular.json"))
	if err != nil {
		return proxyInfo{File: "angular.json", Err: errors.New("angular.json is missing")}
	}
	var ws struct {
		Projects map[string]struct {
			Architect map[string]struct {
				Options struct {
					ProxyConfig string `json:"proxyConfig"`
				} `json:"options"`
			} `json:"architect"`
		} `json:"projects"`
	}
	if err := json.Unmarshal(b, &ws); err != nil {
		return proxyInfo{File: "angular.json", Err: err}
	}
	file := ""
	for _, pr := range ws.Projects {
		if pc := pr.Architect["serve"].Options.ProxyConfig; pc != "" {
			file = path.Clean(pc)
		}
	}
	if file == "" {
		return proxyInfo{File: "angular.json", Err: errors.New("angular.json's serve options set no proxyConfig")}
	}
	raw, err := os.ReadFile(filepath.Join(p.o.Root, filepath.FromSlash(file)))
	if errors.Is(err, fs.ErrNotExist) {
		return proxyInfo{File: file, Missing: true}
	}
	if err != nil {
		return proxyInfo{File: file, Err: err}
	}
	var entries map[string]json.RawMessage
	if err := json.Unmarshal(raw, &entries); err != nil {
		return proxyInfo{File: file, Err: err}
	}
	for k, v := range entries {
		if !isMonoRoute(k) {
			continue
		}
		var e struct {
			Target string `json:"target"`
		}
		if json.Unmarshal(v, &e) == nil && e.Target != "" {
			return proxyInfo{File: file, Target: e.Target}
		}
	}
	return proxyInfo{File: file, Missing: true}
}

// originOf returns scheme://host[:port] of u, or u itself when it is not a URL.
func originOf(u string) string {
	pu, err := url.Parse(strings.TrimSpace(u))
	if err != nil || pu.Scheme == "" || pu.Host == "" {
		return strings.TrimRight(u, "/")
	}
	return pu.Scheme + "://" + pu.Host
}

// isLocal reports whether u's host is a loopback name or address: doctor probes only those.
func isLocal(u string) bool {
	pu, err := url.Parse(u)
	if err != nil {
		return false
	}
	h := pu.Hostname()
	return h == "localhost" || h == "::1" || strings.HasPrefix(h, "127.")
}
