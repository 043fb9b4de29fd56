package doctor

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/apply"
)

// needRecord is the skip every check gives when there is no usable record.
func needRecord(p *project) (Check, bool) {
	if p.rec == nil || p.target == nil {
		return skip("needs a valid %s", generate.RecordName), true
	}
	return Check{}, false
}

// needGoServer skips a check of the generated Go server where there is no record or no server.
func needGoServer(p *project) (Check, bool) {
	if c, no := needRecord(p); no {
		return c, true
	}
	if p.rec.Answers.Backend != "go" {
		return skip("no Go backend (--backend none)"), true
	}
	return Check{}, false
}

func checkRecord(_ context.Context, p *project) Check {
	switch {
	case errors.Is(p.recErr, fs.ErrNotExist):
		return fail("mono-connect init "+shellDir(p.o.Dir), "no %s in %s: mono-connect has not been set up here", generate.RecordName, p.o.Dir)
	case p.recErr != nil:
		msg := p.recErr.Error()
		if strings.Contains(msg, "newer than this") {
			return fail("go install github.com/mono-connect/mono-connect/cmd/mono-connect@latest", "%s", msg)
		}
		return fail("mono-connect init "+shellDir(p.o.Dir)+" (after fixing or deleting "+generate.RecordName+")", "%s", msg)
	case p.target == nil:
		return fail("mono-connect init "+shellDir(p.o.Dir), "%s names framework %q, which this mono-connect does not know", generate.RecordName, p.rec.Answers.Framework)
	}
	return pass("%s is valid: %s, %s, written by mono-connect %s", generate.RecordName, p.target.Title, p.rec.Answers.Lang, p.rec.Version)
}

func shellDir(d string) string {
	if d == "" || d == "." {
		return ""
	}
	return strconv.Quote(d)
}

func checkDrift(_ context.Context, p *project) Check {
	if c, no := needRecord(p); no {
		return c
	}
	if p.o.Plan == nil {
		return skip("no renderer given")
	}
	plan, err := p.o.Plan(p.o.Root, p.rec)
	if err != nil {
		return fail("mono-connect generate --check", "cannot render the generated files: %v", err)
	}
	drift, err := apply.Check(p.o.Root, plan, p.rec)
	if err != nil {
		return fail("", "cannot compare the generated files: %v", err)
	}
	if len(drift) == 0 {
		n := 0
		for _, f := range plan.Files {
			if !f.Unrecorded && f.Kind != generate.KindStarter {
				n++
			}
		}
		return pass("%d generated files match what this mono-connect writes", n)
	}
	var parts []string
	edited := false
	for _, d := range drift {
		parts = append(parts, fmt.Sprintf("%s (%s)", d.Path, d.Status))
		if d.Status == apply.Modified && kindOf(p.rec, d.Path) == generate.KindOwned {
			edited = true
		}
	}
	c := fail("mono-connect generate --check (to see the diff), then mono-connect doctor --fix", "generated files drifted: %s", joinNames(parts))
	c.overwrites = edited
	c.fix = func(f *fixer) ([]string, error) {
		if edited && !f.fo.RestoreEdited {
			return []string{"drift: left alone: restoring edited generated files needs a confirmation (or --yes)"}, nil
		}
		changes, err := apply.Classify(f.o.Root, plan, p.rec)
		if err != nil {
			return nil, err
		}
		if err := apply.Resolve(changes, apply.Policy("overwrite")); err != nil {
			return nil, err
		}
		if err := apply.Write(context.Background(), f.o.Root, changes); err != nil {
			return nil, err
		}
		var out []string
		for _, d := range drift {
			out = append(out, "drift: restored "+d.Path)
		}
		return out, nil
	}
	return c
}

func kindOf(rec *generate.Record, p string) generate.Kind {
	if f, ok := rec.File(p); ok {
		return f.Kind
	}
	return generate.KindOwned
}

const widgetPackage = "@mono.co/connect.js"

// The wrapper calls reauthorise(accountId), which connect.js has taken since 2.1.0 (it took a
// reauth token before), and relies on 2.x internals (callbacks on the prototype).
// Compiled on first use: doctor adds no start-up work to the other commands.
var versionRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[\^~=v]*(\d+)\.(\d+)\.(\d+)`) })

func supportedWidget(v string) bool {
	m := versionRe().FindStringSubmatch(strings.TrimSpace(v))
	if m == nil {
		return false
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	return major == 2 && minor >= 1
}

func installCmd(pm string) string {
	switch pm {
	case "yarn", "pnpm", "bun":
		return pm + " add " + widgetPackage + "@2.2.0"
	}
	return "npm install " + widgetPackage + "@2.2.0"
}

func checkWidget(_ context.Context, p *project) Check {
	if c, no := needRecord(p); no {
		return c
	}
	if p.target.Static != nil {
		return staticWidget(p)
	}
	pm := p.rec.Answers.PackageManager
	b, err := os.ReadFile(filepath.Join(p.o.Root, "package.json"))
	if err != nil {
		return fail("npm init -y && "+installCmd(pm), "no package.json in %s", p.o.Dir)
	}
	var pkg struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		return fail("fix package.json", "package.json is not valid JSON: %v", err)
	}
	declared, ok := pkg.Dependencies[widgetPackage]
	if !ok {
		declared, ok = pkg.DevDependencies[widgetPackage]
	}
	if !ok {
		return fail(installCmd(pm), "%s is not in package.json's dependencies", widgetPackage)
	}
	if !supportedWidget(declared) {
		return fail(installCmd(pm), "package.json asks for %s %s; the generated wrapper supports 2.1.0 to 2.x (2.2.0 is tested)", widgetPackage, declared)
	}
	if _, err := os.Stat(filepath.Join(p.o.Root, "node_modules")); err != nil {
		return skip("%s %s is declared; not installed yet (no node_modules): run %s install", widgetPackage, declared, pmName(pm))
	}
	ib, err := os.ReadFile(filepath.Join(p.o.Root, "node_modules", "@mono.co", "connect.js", "package.json"))
	if err != nil {
		return fail(pmName(pm)+" install", "%s is declared (%s) but not installed in node_modules", widgetPackage, declared)
	}
	var inst struct {
		Version string `json:"version"`
	}
	_ = json.Unmarshal(ib, &inst)
	if !supportedWidget(inst.Version) {
		return fail(installCmd(pm), "node_modules holds %s %q; the generated wrapper supports 2.1.0 to 2.x", widgetPackage, inst.Version)
	}
	return pass("%s %s is declared and %s is installed", widgetPackage, declared, inst.Version)
}

func pmName(pm string) string {
	if pm == "" {
		return "npm"
	}
	return pm
}

func checkPublicKey(_ context.Context, p *project) Check {
	if c, no := needRecord(p); no {
		return c
	}
	switch p.target.Key {
	case generate.KeyInFiles:
		return p.angularPublicKey()
	case generate.KeyFromServer:
		return serverPublicKey(p)
	}
	name := p.rec.Answers.PublicKeyEnv
	k := p.pub
	if !k.Set {
		envFile := p.target.EnvFile
		remedy := fmt.Sprintf("echo '%s=<your test_pk_… key from the Mono dashboard>' >> %s", name, envFile)
		// The usual mistakes, most specific first: the key under a name this framework does
		// not expose, in a file its dev server does not load, or only in .env.example.
		for _, f := range p.rootEnv {
			for _, n := range f.Order {
				if n != name && strings.HasSuffix(n, "MONO_PUBLIC_KEY") && f.Vars[n] != "" {
					return fail(fmt.Sprintf("rename %s to %s in %s", n, name, f.Path), "%s is not set; %s has %s, which this app does not read (%s exposes %s)", name, f.Path, n, p.prof.Tool, name)
				}
			}
		}
		for _, f := range p.rootEnv {
			if f.Vars[name] == "" || contains(p.prof.EnvFiles, f.Path) {
				continue
			}
			if f.Path == ".env.example" {
				return fail(fmt.Sprintf("cp .env.example %s", envFile), "%s is set only in .env.example, which %s never loads", name, p.prof.Tool)
			}
			return fail(fmt.Sprintf("move %s from %s to %s", name, f.Path, envFile), "%s is in %s, which %s does not load in development (it loads %s)", name, f.Path, p.prof.Tool, joinNames(p.prof.EnvFiles))
		}
		return fail(remedy, "%s is not set in the environment or in %s", name, joinNames(p.prof.EnvFiles))
	}
	return judgePublicKey(k, fmt.Sprintf("replace %s in %s with your public key (…_pk_…) from the Mono dashboard", name, k.where()))
}

func judgePublicKey(k found, remedy string) Check {
	kind := classifyKey(k.Value)
	switch {
	case kind.Secret:
		return fail(remedy+", and roll the secret key: it was meant for the browser", "%s in %s holds a secret key (%s): it would ship to every browser", k.Name, k.where(), mask(k.Value))
	case !kind.Public:
		return fail(remedy, "%s in %s (%s) does not look like a Mono public key (test_pk_… or live_pk_…)", k.Name, k.where(), mask(k.Value))
	}
	return pass("%s is a %s public key (%s), from %s", k.Name, kind.Mode, mask(k.Value), k.where())
}

// angularPublicKey reads the key from the environment file ng serve uses.
func (p *project) angularPublicKey() Check {
	k := p.pub
	if k.Source == "" {
		return fail("mono-connect generate", "no src/environments/mono-connect.development.ts is recorded: ng serve has no key")
	}
	if !k.Set {
		if _, err := os.Stat(filepath.Join(p.o.Root, filepath.FromSlash(k.Source))); err != nil {
			return fail("mono-connect init --framework angular --yes (creates it again)", "%s is missing: ng serve has no public key", k.Source)
		}
		return fail(fmt.Sprintf("set publicKey: 'test_pk_…' in %s", k.Source), "publicKey is empty in %s, the file ng serve reads", k.Source)
	}
	return judgePublicKey(k, fmt.Sprintf("set publicKey in %s to your public key (…_pk_…)", k.Source))
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func (p *project) serverRemedy(name, example string) string {
	if dir := p.serverDir(); dir != "" {
		return fmt.Sprintf("export %s=%s (in the shell that runs: cd %s && go run .)", name, example, dir)
	}
	return fmt.Sprintf("export %s=%s in the Go server's environment", name, example)
}

func checkSecretKey(_ context.Context, p *project) Check {
	if c, no := needGoServer(p); no {
		return c
	}
	k := p.secret
	if !k.Set {
		if p.probe.Listening && p.probe.ours() {
			// The generated server refuses to start without a secret key, so one is running
			// with it; doctor just cannot see its value from here.
			return skip("MONO_SECRET_KEY is not in this shell; the server at %s is running, so it has one (run doctor where the server's environment is to check its form)", p.serverURL)
		}
		return fail(p.serverRemedy("MONO_SECRET_KEY", "<your test_sk_… key>"), "MONO_SECRET_KEY is not set in the environment%s: the Go server will not start", p.srvEnvHint())
	}
	kind := classifyKey(k.Value)
	if c, bad := secretKeyProblem(k, kind, "your secret key (…_sk_…) from the Mono dashboard", "Mono answers 401 to every call"); bad {
		return c
	}
	msg := fmt.Sprintf("MONO_SECRET_KEY is a %s secret key (%s), from %s", kind.Mode, mask(k.Value), k.where())
	// The payments app's own key, when the app has one (Mono apps are scoped to one product): the
	// server refuses a public key there at start-up, and Mono a mode that differs from the rest.
	if pk := p.serverSetting("MONO_PAYMENTS_SECRET_KEY"); pk.Set {
		pkind := classifyKey(pk.Value)
		what := "the secret key (…_sk_…) of your Mono payments app, or unset it to use MONO_SECRET_KEY"
		if c, bad := secretKeyProblem(pk, pkind, what, "the Go server will not start"); bad {
			return c
		}
		if pkind.Mode != kind.Mode {
			return fail(fmt.Sprintf("set MONO_PAYMENTS_SECRET_KEY in %s to %s", pk.where(), what), "MONO_PAYMENTS_SECRET_KEY is a %s key (%s) but MONO_SECRET_KEY a %s key: use the keys of one mode", pkind.Mode, mask(pk.Value), kind.Mode)
		}
		msg += fmt.Sprintf("; payments use MONO_PAYMENTS_SECRET_KEY (%s)", mask(pk.Value))
	}
	if k.Source != "the environment" {
		if p.devRunnerLoadsServerEnv() {
			return pass("%s, which npm run dev (scripts/dev.mjs) passes to the server", msg)
		}
		return warn(fmt.Sprintf("cd %s && set -a && . ./.env && set +a && go run .", p.serverDir()), "%s, which go run . does not load by itself", msg)
	}
	return pass("%s", msg)
}

// secretKeyProblem is the failure for a server variable f that should hold a Mono secret key but
// holds a public key (with consequence) or something else; what is the remedy's value.
func secretKeyProblem(f found, kind keyKind, what, consequence string) (Check, bool) {
	remedy := fmt.Sprintf("set %s in %s to %s", f.Name, f.where(), what)
	switch {
	case kind.Public:
		return fail(remedy, "%s in %s holds a public key (%s): %s", f.Name, f.where(), mask(f.Value), consequence), true
	case !kind.Secret:
		return fail(remedy, "%s in %s (%s) does not look like a Mono secret key (test_sk_… or live_sk_…)", f.Name, f.where(), mask(f.Value)), true
	}
	return Check{}, false
}

func (p *project) srvEnvHint() string {
	if dir := p.serverDir(); dir != "" {
		return " or in " + path.Join(dir, ".env")
	}
	return ""
}

func checkKeyMode(_ context.Context, p *project) Check {
	if c, no := needRecord(p); no {
		return c
	}
	pk, sk := classifyKey(p.pub.Value), classifyKey(p.secret.Value)
	if !pk.Public || !sk.Secret {
		return skip("needs both a public and a secret key")
	}
	if pk.Mode != sk.Mode {
		return fail(fmt.Sprintf("use the %s keys of one Mono app for both (or the %s keys for both)", pk.Mode, sk.Mode),
			"the public key is a %s key (%s, %s) but the secret key is a %s key (%s, %s): Mono rejects the exchange", pk.Mode, mask(p.pub.Value), p.pub.where(), sk.Mode, mask(p.secret.Value), p.secret.where())
	}
	return pass("both keys are %s keys", pk.Mode)
}

func checkWebhookSecret(_ context.Context, p *project) Check {
	if c, no := needGoServer(p); no {
		return c
	}
	w := p.webhook
	if !w.Set {
		return warn(p.serverRemedy("MONO_WEBHOOK_SECRET", "<the webhook secret from the Mono dashboard>"), "MONO_WEBHOOK_SECRET is not set: the server cannot verify Mono's webhooks")
	}
	if p.secret.Set && w.Value == p.secret.Value {
		return fail("set MONO_WEBHOOK_SECRET to the webhook secret shown beside your webhook URL in the Mono dashboard", "MONO_WEBHOOK_SECRET in %s is the secret key itself (%s): webhooks carry it in a header", w.where(), mask(w.Value))
	}
	return pass("MONO_WEBHOOK_SECRET is set (%s), from %s, and differs from the secret key", mask(w.Value), w.where())
}

// serverOnlyNames must never appear in frontend code or frontend env files.
var serverOnlyNames = []string{"MONO_SECRET_KEY", "MONO_WEBHOOK_SECRET", "MONO_PAYMENTS_SECRET_KEY"}

var secretKeyRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(test|live)_sk_[A-Za-z0-9]{8,}`) })

// frontendExts are the files a bundler may put in the browser.
var frontendExts = map[string]bool{".js": true, ".mjs": true, ".cjs": true, ".ts": true, ".mts": true, ".jsx": true, ".tsx": true, ".vue": true, ".svelte": true, ".html": true, ".json": true, ".map": true, ".css": true, ".astro": true}

// builtDirs are the frameworks' build outputs, scanned whatever the extension.
var builtDirs = map[string]bool{"dist": true, "build": true, ".next": true, ".output": true, ".svelte-kit": true}

func checkSecretsInFrontend(_ context.Context, p *project) Check {
	if c, no := needRecord(p); no {
		return c
	}
	var values []string
	for _, f := range []found{p.secret, p.webhook, p.serverSetting("MONO_PAYMENTS_SECRET_KEY")} {
		if f.Set && len(f.Value) >= 8 {
			values = append(values, f.Value)
		}
	}
	var findings []string
	var remedies []string
	// Frontend env files: a server-only name or a secret key value there is one import away
	// from the bundle.
	for _, f := range p.rootEnv {
		for _, n := range f.Order {
			v := f.Vars[n]
			switch {
			case contains(serverOnlyNames, n):
				findings = append(findings, fmt.Sprintf("%s is in %s, a frontend env file", n, f.Path))
				remedies = append(remedies, fmt.Sprintf("move %s from %s to the Go server's environment", n, f.Path))
			case classifyKey(v).Secret:
				findings = append(findings, fmt.Sprintf("%s in %s holds a secret key (%s)", n, f.Path, mask(v)))
				remedies = append(remedies, fmt.Sprintf("remove the secret key from %s and roll it in the Mono dashboard", f.Path))
			}
		}
	}
	skipDirs := map[string]bool{}
	if dir := p.serverDir(); dir != "" {
		skipDirs[dir] = true
	} else if p.rec.Answers.ServerDir != "" {
		skipDirs[p.rec.Answers.ServerDir] = true
	}
	_ = filepath.WalkDir(p.o.Root, func(full string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(p.o.Root, full)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (d.Name() == "node_modules" || d.Name() == ".git" || skipDirs[rel] || hasGoMod(full)) {
				return filepath.SkipDir
			}
			return nil
		}
		top, _, _ := strings.Cut(rel, "/")
		if !builtDirs[top] && !frontendExts[path.Ext(rel)] || rel == generate.RecordName || rel == "package-lock.json" {
			return nil
		}
		info, err := d.Info()
		if err != nil || info.Size() > 8<<20 {
			return nil
		}
		b, err := os.ReadFile(full)
		if err != nil {
			return nil
		}
		where := "frontend source"
		if builtDirs[top] {
			where = "built output"
		}
		for _, v := range values {
			if bytes.Contains(b, []byte(v)) {
				findings = append(findings, fmt.Sprintf("the secret key (%s) is in %s (%s)", mask(v), rel, where))
				remedies = append(remedies, fmt.Sprintf("remove it from %s, rebuild, and roll the key in the Mono dashboard", rel))
			}
		}
		if m := secretKeyRe().Find(b); m != nil && !containsValue(values, string(m)) {
			findings = append(findings, fmt.Sprintf("a secret key (%s) is in %s (%s)", mask(string(m)), rel, where))
			remedies = append(remedies, fmt.Sprintf("remove it from %s and roll the key in the Mono dashboard", rel))
		}
		for _, n := range serverOnlyNames {
			if bytes.Contains(b, []byte(n)) {
				findings = append(findings, fmt.Sprintf("%s is named in %s (%s)", n, rel, where))
				remedies = append(remedies, fmt.Sprintf("read %s only in the Go server; delete it from %s", n, rel))
				break
			}
		}
		return nil
	})
	if len(findings) > 0 {
		return fail(strings.Join(dedupe(remedies), "; "), "%s", strings.Join(findings, "; "))
	}
	return pass("no secret key and no server-only variable in frontend sources, frontend env files or built output")
}

func containsValue(values []string, s string) bool {
	for _, v := range values {
		if strings.Contains(s, v) || strings.Contains(v, s) {
			return true
		}
	}
	return false
}

func hasGoMod(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "go.mod"))
	return err == nil
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func checkGitignore(_ context.Context, p *project) Check {
	if c, no := needRecord(p); no {
		return c
	}
	// Env files holding a value must stay out of git: the local ones init ignores (.env, .env.local,
	// .env.*.local) whatever they hold, and any other holding a value the browser is not meant to
	// see. A committed per-mode file (.env.production) with only public values is an app's choice:
	// the bundle carries those values anyway.
	var files []string
	for _, f := range p.rootEnv {
		if f.Path == ".env.example" || f.Path == ".env.sample" {
			continue
		}
		local := f.Path == ".env" || f.Path == ".env.local" || (strings.HasPrefix(f.Path, ".env.") && strings.HasSuffix(f.Path, ".local"))
		for name, v := range f.Vars {
			if v != "" && (local || !p.isPublicVar(name)) {
				files = append(files, f.Path)
				break
			}
		}
	}
	if p.srvEnv != nil {
		files = append(files, p.srvEnv.Path)
	}
	if len(files) == 0 {
		return pass("no env file holds a value yet: nothing to keep out of git")
	}
	git := newGitView(p.o.Root)
	var tracked, unignored []string
	for _, f := range files {
		if git.tracked(f) {
			tracked = append(tracked, f)
		} else if !git.ignored(f) {
			unignored = append(unignored, f)
		}
	}
	switch {
	case len(tracked) > 0:
		return fail("git rm --cached "+strings.Join(tracked, " ")+" && git commit -m 'stop tracking env files' (and roll any secret they held)", "%s %s tracked by git: every clone has the keys", joinNames(tracked), isAre(tracked))
	case len(unignored) > 0:
		c := fail("printf '.env\\n.env.local\\n.env.*.local\\n' >> .gitignore (or mono-connect doctor --fix)", "%s %s not ignored by git", joinNames(unignored), isAre(unignored))
		c.fix = func(f *fixer) ([]string, error) { return fixIgnore(f.o.Root, unignored) }
		return c
	}
	return pass("%s %s ignored by git", joinNames(files), isAre(files))
}

func isAre(list []string) string {
	if len(list) == 1 {
		return "is"
	}
	return "are"
}

// fixIgnore appends the ignore lines .gitignore lacks (and a server/.env's, via .env's rule
// only at the root: server/.gitignore gets its own).
func fixIgnore(root string, files []string) ([]string, error) {
	var out []string
	dirs := map[string]bool{}
	for _, f := range files {
		dirs[path.Dir(f)] = true
	}
	keys := make([]string, 0, len(dirs))
	for d := range dirs {
		keys = append(keys, d)
	}
	sort.Strings(keys)
	for _, d := range keys {
		gi := path.Join(d, ".gitignore")
		full := filepath.Join(root, filepath.FromSlash(gi))
		old, err := os.ReadFile(full)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return out, err
		}
		// The same lines, merged the same way, as init writes them.
		merged := generate.EnsureEnvIgnored(old)
		if string(merged) == string(old) {
			continue
		}
		if err := os.WriteFile(full, merged, 0o644); err != nil {
			return out, err
		}
		add := strings.Fields(strings.TrimPrefix(strings.TrimSpace(string(merged[len(old):])), "# env files hold keys (mono-connect)"))
		out = append(out, fmt.Sprintf("gitignore: added %s to %s", strings.Join(add, ", "), gi))
	}
	return out, nil
}

// gitView answers "tracked?" and "ignored?" with git when the project is in a work tree, and
// with the .gitignore files' rules otherwise (a project not yet under git).
type gitView struct {
	root  string
	inGit bool
}

func newGitView(root string) gitView {
	g := gitView{root: root}
	if _, err := exec.LookPath("git"); err == nil {
		out, err := exec.Command("git", "-C", root, "rev-parse", "--is-inside-work-tree").Output()
		g.inGit = err == nil && strings.TrimSpace(string(out)) == "true"
	}
	return g
}

func (g gitView) tracked(rel string) bool {
	if !g.inGit {
		return false
	}
	return exec.Command("git", "-C", g.root, "ls-files", "--error-unmatch", "--", rel).Run() == nil
}

func (g gitView) ignored(rel string) bool {
	if g.inGit {
		return exec.Command("git", "-C", g.root, "check-ignore", "-q", "--", rel).Run() == nil
	}
	// The rules of each .gitignore from the root down to the file's folder; the last match wins.
	ignored := false
	dir := ""
	parts := strings.Split(rel, "/")
	for i := 0; i < len(parts); i++ {
		b, err := os.ReadFile(filepath.Join(g.root, filepath.FromSlash(path.Join(dir, ".gitignore"))))
		if err == nil {
			sub := strings.Join(parts[i:], "/")
			for _, line := range strings.Split(string(b), "\n") {
				line = strings.TrimSpace(line)
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				neg := strings.HasPrefix(line, "!")
				pat := strings.TrimPrefix(line, "!")
				target := path.Base(sub)
				if strings.Contains(strings.TrimSuffix(pat, "/"), "/") {
					pat, target = strings.TrimPrefix(pat, "/"), sub
				}
				if ok, _ := path.Match(pat, target); ok {
					ignored = !neg
				}
			}
		}
		dir = path.Join(dir, parts[i])
	}
	return ignored
}

func checkDevProxy(_ context.Context, p *project) Check {
	if c, no := needGoServer(p); no {
		return c
	}
	if p.prof.Proxy == generate.ProxyNone {
		return sameOriginProxy(p)
	}
	if p.crossOrigin() {
		return pass("%s in %s points the browser at %s directly (no dev proxy needed)", p.backend.Name, p.backend.where(), originOf(p.backend.Value))
	}
	pr := p.proxy
	hint := fmt.Sprintf(strings.ReplaceAll(p.target.DevProxy, "%d", "%[1]d"), p.serverPort())
	if p.target.DevProxy == "" {
		hint = fmt.Sprintf(`add "/api/mono/**": {"target": "http://localhost:%d", "secure": false} to %s (or mono-connect doctor --fix)`, p.serverPort(), pr.File)
	}
	switch {
	case pr.Err != nil:
		return fail(hint, "cannot read the dev proxy from %s: %v", pr.File, pr.Err)
	case pr.Target == "":
		c := fail(hint, "%s does not forward /api/mono to the Go server: the page's calls to /api/mono/* get %s's 404", pr.File, p.prof.Tool)
		if p.prof.Proxy == generate.ProxyJSONFile {
			port := p.serverPort()
			c.fix = func(f *fixer) ([]string, error) { return fixAngularProxy(f.o.Root, pr.File, port) }
		}
		return c
	case !isLocal(pr.Target) && !strings.HasPrefix(pr.Target, "http"):
		return fail(hint, "%s forwards /api/mono to %q, which is not a URL", pr.File, pr.Target)
	}
	return pass("%s forwards /api/mono to %s", pr.File, originOf(pr.Target))
}

// fixAngularProxy adds the /api/mono entry to the JSON proxy config (created when missing),
// keeping the other entries as they are.
func fixAngularProxy(root, rel string, port int) ([]string, error) {
	full := filepath.Join(root, filepath.FromSlash(rel))
	entry := fmt.Sprintf("\"/api/mono/**\": {\n    \"target\": \"http://localhost:%d\",\n    \"secure\": false\n  }", port)
	old, err := os.ReadFile(full)
	var out []byte
	switch {
	case errors.Is(err, fs.ErrNotExist):
		out = []byte("{\n  " + entry + "\n}\n")
	case err != nil:
		return nil, err
	default:
		var entries map[string]json.RawMessage
		if json.Unmarshal(old, &entries) == nil {
			for k := range entries {
				if isMonoRoute(k) {
					return nil, nil // restored by another fix (drift) already
				}
			}
		}
		i := bytes.IndexByte(old, '{')
		if i < 0 {
			return nil, fmt.Errorf("%s is not a JSON object", rel)
		}
		rest := bytes.TrimSpace(old[i+1:])
		sep := ",\n  "
		if bytes.HasPrefix(rest, []byte("}")) {
			sep = "\n"
		}
		out = append(append(append([]byte{}, old[:i+1]...), "\n  "+entry+sep...), bytes.TrimLeft(old[i+1:], " \t\r\n")...)
	}
	if !json.Valid(out) {
		return nil, fmt.Errorf("adding the /api/mono entry to %s would not leave valid JSON: add it by hand", rel)
	}
	if err := os.WriteFile(full, out, 0o644); err != nil {
		return nil, err
	}
	return []string{fmt.Sprintf("dev-proxy: added \"/api/mono/**\" -> http://localhost:%d to %s", port, rel)}, nil
}

// serverPort is where the standalone server listens: PORT when this shell sets it (main.go
// reads it), else the default.
func (p *project) serverPort() int {
	if n, err := strconv.Atoi(strings.TrimSpace(p.o.Getenv("PORT"))); err == nil && n > 0 && n < 65536 {
		return n
	}
	return generate.DefaultServerPort
}

func checkAllowedOrigins(_ context.Context, p *project) Check {
	if c, no := needGoServer(p); no {
		return c
	}
	app := p.appOrigin
	remedy := p.serverRemedy("MONO_ALLOWED_ORIGINS", app)
	var list []string
	for _, o := range strings.Split(p.origins.Value, ",") {
		if o = strings.TrimSpace(o); o != "" {
			list = append(list, strings.ToLower(strings.TrimRight(o, "/")))
		}
	}
	listed := contains(list, app)
	switch {
	case p.probe.Listening && p.probe.Origin == http.StatusForbidden:
		return fail(remedy+", then restart the server", "the server at %s refuses requests from %s (403): its MONO_ALLOWED_ORIGINS does not list the app's origin", p.serverURL, app)
	case p.crossOrigin() && !p.origins.Set:
		return fail(remedy, "the browser calls %s from %s (another origin) but MONO_ALLOWED_ORIGINS is not set: the server refuses cross-origin calls", originOf(p.backend.Value), app)
	case p.origins.Set && !listed:
		return fail(fmt.Sprintf("add %s to MONO_ALLOWED_ORIGINS in %s", app, p.origins.where()), "MONO_ALLOWED_ORIGINS in %s is %q and does not list the app's origin %s (scheme, host and port must match)", p.origins.where(), p.origins.Value, app)
	case p.crossOrigin():
		return pass("MONO_ALLOWED_ORIGINS lists %s", app)
	case p.origins.Set:
		return pass("the dev proxy keeps one origin, and MONO_ALLOWED_ORIGINS lists %s", app)
	}
	return pass("the app reaches the server through its own origin (%s, dev proxy); no MONO_ALLOWED_ORIGINS needed", app)
}

// A page's CSP meta tag; HTML, not JS, so a pattern is enough here.
var (
	metaCSPRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?is)<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>`)
	})
	contentRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?is)\bcontent\s*=\s*("([^"]*)"|'([^']*)')`) })
)

// policy is one Content-Security-Policy the app sets.
type policy struct {
	Where      string
	Directives map[string][]string
}

func parsePolicy(where, s string) policy {
	pol := policy{Where: where, Directives: map[string][]string{}}
	for _, d := range strings.Split(s, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			pol.Directives[strings.ToLower(f[0])] = f[1:]
		}
	}
	return pol
}

// allowsMono reports whether the policy lets connect.mono.co load in an iframe, and which
// directive decided (frame-src, else child-src, else default-src).
func (pol policy) allowsMono() (bool, string) {
	for _, d := range []string{"frame-src", "child-src", "default-src"} {
		srcs, ok := pol.Directives[d]
		if !ok {
			continue
		}
		for _, s := range srcs {
			switch strings.Trim(strings.ToLower(s), "'") {
			case "*", "https:", "https://connect.mono.co", "connect.mono.co", "https://*.mono.co", "*.mono.co":
				return true, d
			}
		}
		return false, d
	}
	return true, ""
}

func (p *project) policies() ([]policy, []string) {
	var out []policy
	var problems []string
	for _, page := range p.prof.CSPHTML {
		b, err := os.ReadFile(filepath.Join(p.o.Root, filepath.FromSlash(page)))
		if err != nil {
			continue
		}
		for _, tag := range metaCSPRe().FindAll(b, -1) {
			if m := contentRe().FindSubmatch(tag); m != nil {
				out = append(out, parsePolicy(page+" (meta tag)", string(m[2])+string(m[3])))
			}
		}
	}
	for _, base := range p.prof.CSPConfigs {
		file := findConfig(p.o.Root, configNames(base)...)
		if file == "" {
			continue
		}
		cfg, err := parseJSConfig(p.o.Root, file)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		// A header value (next.config headers(), Nuxt routeRules headers, app.head meta).
		for _, s := range cfg.allStrings() {
			if strings.Contains(s, "-src ") || strings.HasPrefix(strings.TrimSpace(s), "default-src") {
				out = append(out, parsePolicy(file, s))
			}
		}
		// SvelteKit's kit.csp.directives {'frame-src': [...]}.
		if props := cfg.properties(func(k string) bool { return k == "directives" }); len(props) > 0 {
			pol := policy{Where: file + " (kit.csp)", Directives: map[string][]string{}}
			for _, pr := range props {
				for _, d := range []string{"frame-src", "child-src", "default-src"} {
					if i, ok := cfg.member(pr.start, d); ok {
						pol.Directives[d] = cfg.stringsOf(i)
					}
				}
			}
			out = append(out, pol)
		}
	}
	return out, problems
}

func checkCSP(_ context.Context, p *project) Check {
	if c, no := needRecord(p); no {
		return c
	}
	pols, problems := p.policies()
	for _, pol := range pols {
		if ok, d := pol.allowsMono(); !ok {
			return fail(fmt.Sprintf("add https://connect.mono.co to %s in %s", d, pol.Where), "the Content-Security-Policy in %s has %s without https://connect.mono.co: the widget's iframe is blocked (a blank widget)", pol.Where, d)
		}
	}
	if len(problems) > 0 {
		return warn("fix the syntax error, then run mono-connect doctor again", "cannot read %s", strings.Join(problems, "; "))
	}
	if len(pols) == 0 {
		return pass("the app sets no Content-Security-Policy (if a server in front sets one, it needs frame-src https://connect.mono.co)")
	}
	var where []string
	for _, pol := range pols {
		where = append(where, pol.Where)
	}
	return pass("the Content-Security-Policy in %s allows frames from https://connect.mono.co", joinNames(where))
}

func checkServer(_ context.Context, p *project) Check {
	if c, no := needGoServer(p); no {
		return c
	}
	pr := p.probe
	start := p.serverRemedy("MONO_SECRET_KEY", "<your test_sk_… key>")
	if dir := p.serverDir(); dir != "" {
		start = fmt.Sprintf("cd %s && MONO_SECRET_KEY=<your test_sk_… key> go run .", dir)
	}
	switch {
	case !pr.Tried:
		return skip("the backend %s is not a local address; doctor probes only local servers", p.serverURL)
	case !pr.Listening:
		return warn(start, "nothing answers at %s: start the Go server before linking", p.serverURL)
	case !pr.ours():
		return fail("stop whatever listens there, or point the dev proxy at the Go server's port; then: "+start, "%s answers, but not as the Go server: POST /api/mono/exchange gave %d (415 expected), GET /healthz %d", p.serverURL, pr.Signature, pr.Health)
	}
	health := "GET /healthz " + strconv.Itoa(pr.Health)
	if pr.Health == http.StatusOK {
		health = "/healthz ok"
	}
	return pass("the Go server answers at %s (%s, /api/mono/exchange is ours)", p.serverURL, health)
}

func checkGoBuild(ctx context.Context, p *project) Check {
	if c, no := needGoServer(p); no {
		return c
	}
	if p.o.GoCommand == "" {
		return skip("no Go toolchain on PATH")
	}
	dir, pkg := filepath.Join(p.o.Root, filepath.FromSlash(p.rec.Answers.ServerDir)), "./..."
	if !p.rec.Answers.ServerStandalone {
		dir, pkg = p.o.Root, "./"+p.rec.Answers.ServerDir
	}
	cmd := exec.CommandContext(ctx, p.o.GoCommand, "build", pkg)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		first, _, _ := strings.Cut(strings.TrimSpace(out.String()), "\n")
		if first == "" {
			first = err.Error()
		}
		return fail(fmt.Sprintf("cd %s && go build %s (then mono-connect generate to restore the package)", filepath.ToSlash(rel(p.o.Root, dir)), pkg), "the generated Go package does not build: %s", first)
	}
	return pass("go build %s succeeds in %s", pkg, filepath.ToSlash(rel(p.o.Root, dir)))
}

func rel(root, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil {
		return p
	}
	return r
}

func checkMonoAPI(ctx context.Context, p *project) Check {
	if c, no := needRecord(p); no {
		return c
	}
	if !p.o.Online {
		return skip("offline: run mono-connect doctor --online to ask Mono whether it accepts the secret key")
	}
	if !classifyKey(p.secret.Value).Secret {
		return skip("needs MONO_SECRET_KEY in this shell")
	}
	base := strings.TrimRight(strings.TrimSpace(p.o.Getenv("MONO_API_BASE_URL")), "/")
	if base == "" {
		base = "https://api.withmono.com"
	}
	// GET /v2/accounts lists the app's linked accounts: authenticated, read-only, harmless.
	// [likely] Mono answers 401 for an unknown key and 403 for a key of an app scoped to another
	// product (mono-facts.md: apps are scoped to one product).
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v2/accounts", nil)
	if err != nil {
		return fail("set MONO_API_BASE_URL to https://api.withmono.com (or unset it)", "MONO_API_BASE_URL %q is not a URL", base)
	}
	req.Header.Set("mono-sec-key", p.secret.Value)
	req.Header.Set("Accept", "application/json")
	resp, err := p.o.Client.Do(req)
	if err != nil {
		return warn("check the network, then run mono-connect doctor --online again", "cannot reach %s: %v", base, redactErr(err, p.secret.Value))
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return pass("%s accepts MONO_SECRET_KEY (%s)", base, mask(p.secret.Value))
	case resp.StatusCode == http.StatusUnauthorized:
		return fail("copy the secret key again from the Mono dashboard (Apps → your app → Keys)", "%s refuses MONO_SECRET_KEY (%s): 401, the key is wrong or was rolled", base, mask(p.secret.Value))
	case resp.StatusCode == http.StatusForbidden:
		return fail("use the secret key of an app created for the Connect product", "%s answers 403 to MONO_SECRET_KEY (%s): the key's app lacks access (is it a Payments-only app?)", base, mask(p.secret.Value))
	}
	return warn("run mono-connect doctor --online again later", "%s answered %d; the key could not be judged", base, resp.StatusCode)
}

// redactErr keeps a secret out of an error message (a URL error quotes the URL, never the
// header, but a key pasted into MONO_API_BASE_URL would show).
func redactErr(err error, secret string) string {
	s := err.Error()
	if secret != "" {
		s = strings.ReplaceAll(s, secret, mask(secret))
	}
	return s
}

// isPublicVar reports whether name is a variable the framework hands to the browser (its public
// prefix, e.g. VITE_, NEXT_PUBLIC_), whose value is in the bundle anyway.
func (p *project) isPublicVar(name string) bool {
	return p.target != nil && p.target.KeyInEnv() && strings.HasPrefix(name, p.target.EnvPrefix)
}
