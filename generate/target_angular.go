package generate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/mono-connect/mono-connect/internal/jsonedit"
)

// Angular has no public env variables: settings the browser reads live in TypeScript environment
// files that angular.json's fileReplacements swap per build configuration. So the angular target
// owns a pair of its own environment files (src/environments/mono-connect.ts for `ng build`,
// mono-connect.development.ts for `ng serve`), created once and then the user's to fill in, and
// makes three small, idempotent edits to angular.json for the app project:
//
//   - build.options.allowedCommonJsDependencies gains @mono.co/connect.js (it is CommonJS, and
//     Angular's builder warns about every CommonJS import not listed there);
//   - build.configurations.development.fileReplacements swaps in mono-connect.development.ts
//     (only when that configuration exists, as `ng new` makes it);
//   - serve.options.proxyConfig points at src/proxy.conf.json, which forwards /api/mono/* to the
//     Go server under `ng serve` (only when there is a serve target and no proxyConfig yet: a
//     proxy the user set up is theirs, and our entry would replace it).
//
// Every edit inserts text into the user's angular.json and keeps every other byte.
var angularTarget = register(&Target{
	Name:      "angular",
	Title:     "Angular (standalone components)",
	Langs:     []string{"ts"},
	ListOrder: 60, DetectOrder: 30,
	Key: KeyInFiles,
	Dev: DevServer{Tool: "ng serve", Port: 4200, ListenArgs: hostPortArgs, Proxy: ProxyJSONFile, CSPHTML: []string{"src/index.html"}},
	// No EnvPrefix and no PublicKeyEnv: the key is not an env variable but a field of the
	// environment files above, where --public-key is written when they are created.
	KeyFiles:    []string{"_src_/" + angularEnvFile, "_src_/" + angularDevEnvFile},
	DetectDeps:  []string{"@angular/core"},
	DetectFiles: []string{"angular.json"},
	SrcDir:      angularSrcDir,
	DevScript:   "start",
	// The page stylesheet every starter without framework-specific styling shares (src/style.css,
	// which the starter's angular.json lists).
	StarterBases: []string{"style"},
	Merges: []Merge{
		{Path: "angular.json", Apply: mergeAngularJSON, Owned: ownsAngularJSON},
		{Path: "_src_/" + angularEnvFile, Apply: angularEnvironment("mono-connect.ts"), Owned: ownsAngularEnvironment},
		{Path: "_src_/" + angularDevEnvFile, Apply: angularEnvironment("mono-connect.development.ts"), Owned: ownsAngularEnvironment},
	},
})

// Paths relative to the app's source root.
const (
	angularEnvFile    = "environments/mono-connect.ts"
	angularDevEnvFile = "environments/mono-connect.development.ts"
	angularProxyFile  = "proxy.conf.json"
)

// angularSrcRe keeps a sourceRoot read from the user's angular.json to plain relative paths: it
// reaches generated paths, comments and angular.json entries.
var angularSrcRe = regexp.MustCompile(`^[A-Za-z0-9_-][A-Za-z0-9._/-]*$`)

// angularSrcDir is the sourceRoot of the workspace's app project ("src" for `ng new`).
func angularSrcDir(project fs.FS) string {
	src, err := fs.ReadFile(project, "angular.json")
	if err != nil {
		return "src"
	}
	doc, err := jsonedit.ParseJSONC(src)
	if err != nil {
		return "src"
	}
	app, err := findAngularApp(doc, "")
	if err != nil {
		return "src"
	}
	return app.sourceRoot
}

// angularApp is the project of angular.json that mono-connect wires.
type angularApp struct {
	name       string
	targetsKey string // "architect", or "targets" (its alias)
	sourceRoot string
}

// findAngularApp picks the project to wire: the first application whose sourceRoot is srcDir, or
// else the first application in file order (a workspace made by `ng new` has exactly one).
func findAngularApp(doc *jsonedit.Doc, srcDir string) (angularApp, error) {
	projects, err := doc.Members("projects")
	if err != nil {
		return angularApp{}, usagef("no \"projects\": run init in an Angular CLI workspace")
	}
	var first *angularApp
	for _, m := range projects {
		var p struct {
			ProjectType string          `json:"projectType"`
			Root        string          `json:"root"`
			SourceRoot  *string         `json:"sourceRoot"`
			Architect   json.RawMessage `json:"architect"`
			Targets     json.RawMessage `json:"targets"`
		}
		if json.Unmarshal(m.Value, &p) != nil || p.ProjectType != "application" {
			continue
		}
		app := angularApp{name: m.Key, targetsKey: "architect"}
		if p.Architect == nil && p.Targets != nil {
			app.targetsKey = "targets"
		}
		// sourceRoot is relative to the workspace, like every path in angular.json.
		app.sourceRoot = path.Join(p.Root, "src")
		if p.SourceRoot != nil {
			app.sourceRoot = path.Clean(*p.SourceRoot)
		}
		if !angularSrcRe.MatchString(app.sourceRoot) || app.sourceRoot == ".." || strings.HasPrefix(app.sourceRoot, "../") || strings.Contains(app.sourceRoot, "/../") {
			app.sourceRoot = "src"
		}
		if app.sourceRoot == srcDir {
			return app, nil
		}
		if first == nil {
			first = &app
		}
	}
	if first == nil {
		return angularApp{}, usagef("no application project: mono-connect wires an app, not a library")
	}
	return *first, nil
}

// mergeAngularJSON adds our three entries to angular.json (see the comment on angularTarget). A
// greenfield project has no angular.json yet: it gets the starter's, which holds them already.
func mergeAngularJSON(old []byte, d TemplateData) ([]byte, error) {
	if old == nil {
		if !d.Greenfield {
			return nil, usagef("no such file: run init at the root of the Angular CLI workspace")
		}
		base, err := renderTemplate("angular/workspace/angular.json.tmpl", d)
		if err != nil {
			return nil, err
		}
		old = base
	}
	// Angular's CLI reads angular.json as JSON with comments; so does the edit, keeping them.
	doc, err := jsonedit.ParseJSONC(old)
	if err != nil {
		return nil, usagef("%v: fix it and run again", err)
	}
	app, err := findAngularApp(doc, d.SrcDir)
	if err != nil {
		return nil, err
	}
	build := []string{"projects", app.name, app.targetsKey, "build"}
	if raw, ok, err := doc.Lookup(build...); err != nil || !ok || raw[0] != '{' {
		return nil, usagef("project %q has no build target to add @mono.co/connect.js to", app.name)
	}
	// A new options object goes before the target's configurations, where `ng new` has it.
	beforeConfigurations := jsonedit.Place{Before: []string{"configurations", "defaultConfiguration"}}
	edits := []func() error{
		// build.options.allowedCommonJsDependencies
		func() error {
			_, err := doc.EnsureMember(build, "options", map[string]any{"allowedCommonJsDependencies": []string{ConnectPackage}}, beforeConfigurations)
			return err
		},
		func() error {
			_, err := doc.EnsureMember(sub(build, "options"), "allowedCommonJsDependencies", []string{ConnectPackage}, jsonedit.Place{})
			return err
		},
		func() error {
			_, err := doc.EnsureElement(sub(build, "options", "allowedCommonJsDependencies"), ConnectPackage, func(raw []byte) bool {
				var s string
				return json.Unmarshal(raw, &s) == nil && s == ConnectPackage
			})
			return err
		},
		// build.configurations.development.fileReplacements, when ng new's development
		// configuration is there
		func() error {
			dev := sub(build, "configurations", "development")
			if _, ok, _ := doc.Lookup(dev...); !ok {
				return nil
			}
			repl := angularReplacement(d.SrcDir)
			if _, err := doc.EnsureMember(dev, "fileReplacements", []fileReplacement{repl}, jsonedit.Place{}); err != nil {
				return err
			}
			_, err := doc.EnsureElement(sub(dev, "fileReplacements"), repl, func(raw []byte) bool {
				var r fileReplacement
				return json.Unmarshal(raw, &r) == nil && path.Clean(r.Replace) == repl.Replace
			})
			return err
		},
		// serve.options.proxyConfig, when there is a serve target
		func() error {
			serve := []string{"projects", app.name, app.targetsKey, "serve"}
			if _, ok, _ := doc.Lookup(serve...); !ok {
				return nil
			}
			proxy := path.Join(d.SrcDir, angularProxyFile)
			if _, err := doc.EnsureMember(serve, "options", map[string]any{"proxyConfig": proxy}, beforeConfigurations); err != nil {
				return err
			}
			_, err := doc.EnsureMember(sub(serve, "options"), "proxyConfig", proxy, jsonedit.Place{})
			return err
		},
	}
	for _, edit := range edits {
		if err := edit(); err != nil {
			return nil, usagef("%v: fix it and run again", err)
		}
	}
	return doc.Bytes(), nil
}

// sub is path extended by keys, in a new slice.
func sub(path []string, keys ...string) []string {
	return append(append([]string(nil), path...), keys...)
}

// fileReplacement is one entry of a build configuration's fileReplacements.
type fileReplacement struct {
	Replace string `json:"replace"`
	With    string `json:"with"`
}

func angularReplacement(srcDir string) fileReplacement {
	return fileReplacement{Replace: path.Join(srcDir, angularEnvFile), With: path.Join(srcDir, angularDevEnvFile)}
}

// ownsAngularJSON reports whether angular.json still holds every entry mergeAngularJSON adds. A
// proxyConfig of the user's own counts: we never replace it.
func ownsAngularJSON(content []byte, d TemplateData) bool {
	doc, err := jsonedit.ParseJSONC(content)
	if err != nil {
		return false
	}
	app, err := findAngularApp(doc, d.SrcDir)
	if err != nil {
		return false
	}
	var targets map[string]struct {
		Options struct {
			AllowedCommonJsDependencies []string `json:"allowedCommonJsDependencies"`
			ProxyConfig                 string   `json:"proxyConfig"`
		} `json:"options"`
		Configurations map[string]struct {
			FileReplacements []fileReplacement `json:"fileReplacements"`
		} `json:"configurations"`
	}
	raw, ok, err := doc.Lookup("projects", app.name, app.targetsKey)
	if err != nil || !ok || json.Unmarshal(raw, &targets) != nil {
		return false
	}
	build, ok := targets["build"]
	if !ok || !containsString(build.Options.AllowedCommonJsDependencies, ConnectPackage) {
		return false
	}
	if dev, ok := build.Configurations["development"]; ok {
		want := angularReplacement(d.SrcDir).Replace
		found := false
		for _, r := range dev.FileReplacements {
			found = found || path.Clean(r.Replace) == want
		}
		if !found {
			return false
		}
	}
	if serve, ok := targets["serve"]; ok && serve.Options.ProxyConfig == "" {
		return false
	}
	return true
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// angularEnvExport is what config.ts imports from the environment files; its presence is our part.
var angularEnvExport = regexp.MustCompile(`(?m)^export const monoEnvironment\b`)

// angularEnvironment creates one of the environment files holding the public key. Once it exists
// the file is the user's (the key goes there), so a later run leaves it exactly as it is.
func angularEnvironment(name string) func(old []byte, d TemplateData) ([]byte, error) {
	return func(old []byte, d TemplateData) ([]byte, error) {
		if old == nil {
			return renderTemplate("angular/workspace/"+name+".tmpl", d)
		}
		if !angularEnvExport.Match(old) {
			// A file of the user's at our path: a conflict, as for any generated file.
			return nil, fmt.Errorf("it exists but does not export monoEnvironment: move it aside and run again")
		}
		return old, nil
	}
}

func ownsAngularEnvironment(content []byte, _ TemplateData) bool {
	return angularEnvExport.Match(content)
}

// renderTemplate renders one embedded template outside the integration and starter trees (files a
// merge starts from).
func renderTemplate(name string, d TemplateData) ([]byte, error) {
	t, err := parsedTemplate(name)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, &d); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return buf.Bytes(), nil
}
