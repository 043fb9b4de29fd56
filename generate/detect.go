package generate

import (
	"encoding/json"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Detection is what an existing project says about itself. Each field names the evidence, so the
// command can print one line a user can check.
type Detection struct {
	HasPackageJSON bool

	Framework         string // "" when nothing matched
	FrameworkEvidence string // e.g. `"next" in package.json`
	// Variant is the framework's variant the project is (Options.Variant, from the target's
	// DetectVariant): "" for the framework itself. VariantEvidence says why.
	Variant         string
	VariantEvidence string

	Lang         string // "ts" when tsconfig.json exists, "js" for a package.json without one, "" otherwise
	LangEvidence string

	PackageManager         string
	PackageManagerEvidence string

	// StaticDir is the folder the project's server serves as is, for a Static target (the first in
	// detection order), with the evidence; "" for an empty project.
	StaticDir         string
	StaticDirEvidence string

	// Workspaces lists the app directories of a monorepo root (package.json workspaces or
	// pnpm-workspace.yaml), each holding a package.json. Empty outside a monorepo root.
	Workspaces []string
}

// Detect reads project (package.json, lockfiles, config files) and reports what it finds.
func Detect(project fs.FS) (Detection, error) {
	var d Detection
	raw, err := fs.ReadFile(project, "package.json")
	detectStaticDir(project, &d)
	if errors.Is(err, fs.ErrNotExist) {
		detectServerApp(project, &d)
		return d, nil
	}
	if err != nil {
		return d, err
	}
	d.HasPackageJSON = true
	var pkg struct {
		Dependencies    map[string]any  `json:"dependencies"`
		DevDependencies map[string]any  `json:"devDependencies"`
		Workspaces      json.RawMessage `json:"workspaces"`
	}
	if err := json.Unmarshal(raw, &pkg); err != nil {
		return d, usagef("package.json is not valid JSON (%v): fix it and run again", err)
	}
	deps := map[string]bool{}
	for k := range pkg.Dependencies {
		deps[k] = true
	}
	for k := range pkg.DevDependencies {
		deps[k] = true
	}
	for _, t := range detectionOrder() {
		if ev := matchDeps(t, deps); ev != "" {
			d.Framework, d.FrameworkEvidence = t.Name, ev
			if t.DetectVariant != nil {
				d.Variant, d.VariantEvidence = t.DetectVariant(deps)
			}
			break
		}
	}
	if d.Framework == "" {
		// No telling dependency (perhaps not installed yet): fall back to config files.
		for _, t := range detectionOrder() {
			if ev := matchFiles(project, t); ev != "" {
				d.Framework, d.FrameworkEvidence = t.Name, ev
				break
			}
		}
	}
	if !detectServerApp(project, &d) {
		// A server app's target is plain JavaScript, whatever else the project compiles.
	} else if exists(project, "tsconfig.json") {
		d.Lang, d.LangEvidence = "ts", "tsconfig.json"
	} else {
		d.Lang, d.LangEvidence = "js", "no tsconfig.json"
	}
	for _, lf := range []struct{ file, pm string }{
		{"bun.lock", "bun"}, {"bun.lockb", "bun"}, {"pnpm-lock.yaml", "pnpm"}, {"yarn.lock", "yarn"}, {"package-lock.json", "npm"},
	} {
		if exists(project, lf.file) {
			d.PackageManager, d.PackageManagerEvidence = lf.pm, lf.file
			break
		}
	}
	d.Workspaces = workspaces(project, pkg.Workspaces)
	return d, nil
}

// InWorkspace completes d for a project that is a package of ws: without a lockfile of its own,
// the project uses the workspace's package manager.
func (d *Detection) InWorkspace(ws *Workspace) {
	if ws != nil && d.HasPackageJSON && d.PackageManager == "" {
		d.PackageManager, d.PackageManagerEvidence = ws.PackageManager, ws.Evidence
	}
}

// detectStaticDir asks the first Static target which folder the project serves as is.
func detectStaticDir(project fs.FS, d *Detection) {
	if entries, err := fs.ReadDir(project, "."); err != nil || len(entries) == 0 {
		return
	}
	for _, t := range detectionOrder() {
		if t.Static != nil {
			d.StaticDir, d.StaticDirEvidence = t.Static.DefaultDir(project)
			return
		}
	}
}

// detectServerApp gives a server-rendered app (a Static target's ServerApp) that no JS framework
// claimed to that target, and reports whether the detected target still has its language to
// find. Laravel and Rails name vite in package.json for their own asset pipeline, so their
// marker files beat a BundlerOnly match (vanilla's vite); a Vite app inside a Go module keeps it.
func detectServerApp(project fs.FS, d *Detection) (langOpen bool) {
	claimed := LookupTarget(d.Framework)
	for _, t := range detectionOrder() {
		if t.Static == nil {
			continue
		}
		app := t.Static.ServerApp(project)
		if app.Name == "" {
			continue
		}
		if claimed == nil || (claimed.BundlerOnly && app.OwnsBundler) {
			d.Framework, d.FrameworkEvidence = t.Name, app.Evidence
			// check() holds a Static target to js alone: it has no build.
			d.Lang, d.LangEvidence = t.Langs[0], "the "+t.Name+" target is plain JavaScript"
			return false
		}
		break
	}
	return true
}

// matchDeps returns the evidence that a project with deps is a t app, or "".
func matchDeps(t *Target, deps map[string]bool) string {
	for _, dep := range t.DetectDeps {
		if deps[dep] {
			return `"` + dep + `" in package.json`
		}
	}
	return ""
}

// matchFiles returns the config file that marks project as a t app, or "".
func matchFiles(project fs.FS, t *Target) string {
	for _, glob := range t.DetectFiles {
		if m, _ := fs.Glob(project, glob); len(m) > 0 {
			return m[0]
		}
	}
	return ""
}

// workspaces expands workspace globs (one level of *, as npm and pnpm use them) into app dirs.
func workspaces(project fs.FS, field json.RawMessage) []string {
	var globs []string
	if len(field) > 0 {
		var list []string
		var obj struct {
			Packages []string `json:"packages"`
		}
		if json.Unmarshal(field, &list) == nil {
			globs = list
		} else if json.Unmarshal(field, &obj) == nil {
			globs = obj.Packages
		}
	}
	if b, err := fs.ReadFile(project, PnpmWorkspace); err == nil {
		// Only its packages list: the file also holds catalogs, onlyBuiltDependencies and such.
		var ws struct {
			Packages []string `yaml:"packages"`
		}
		if yaml.Unmarshal(b, &ws) == nil {
			globs = append(globs, ws.Packages...)
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, g := range globs {
		g = strings.TrimSuffix(strings.TrimPrefix(g, "./"), "/")
		// "." is the root itself (pnpm 10's single-project workspace, kept for its catalog): an
		// app, not a monorepo of them.
		if g == "." || g == "" || strings.HasPrefix(g, "!") || !fs.ValidPath(strings.ReplaceAll(g, "*", "x")) {
			continue
		}
		matches, _ := fs.Glob(project, g)
		for _, m := range matches {
			if !seen[m] && exists(project, path.Join(m, "package.json")) {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	sort.Strings(out)
	return out
}

func exists(project fs.FS, name string) bool {
	_, err := fs.Stat(project, name)
	return err == nil
}
