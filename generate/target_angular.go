package generate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
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
	Name:  "angular",
	Title: "Angular (standalone components)",
	Langs: []string{"ts"},
	// No EnvPrefix and no PublicKeyEnv: the key is not an env variable but a field of the
	// environment files above, where --public-key is written when they are created.
	KeyFiles:    []string{"_src_/" + angularEnvFile, "_src_/" + angularDevEnvFile},
	DetectDeps:  []string{"@angular/core"},
	DetectFiles: []string{"angular.json"},
	SrcDir:      angularSrcDir,
	CoreDir:     "_src_/lib/mono-connect",
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
	if err != nil || !json.Valid(src) {
		return "src"
	}
	app, err := findAngularApp(src, "")
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
func findAngularApp(src []byte, srcDir string) (angularApp, error) {
	projects, ok, err := jsonLookup(src, "projects")
	if err != nil || !ok {
		return angularApp{}, usagef("no \"projects\": run init in an Angular CLI workspace")
	}
	var first *angularApp
	for _, m := range projects.members {
		var p struct {
			ProjectType string          `json:"projectType"`
			Root        string          `json:"root"`
			SourceRoot  *string         `json:"sourceRoot"`
			Architect   json.RawMessage `json:"architect"`
			Targets     json.RawMessage `json:"targets"`
		}
		if json.Unmarshal(src[m.valueStart:m.valueEnd], &p) != nil || p.ProjectType != "application" {
			continue
		}
		app := angularApp{name: m.key, targetsKey: "architect"}
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
	if !json.Valid(old) {
		return nil, usagef("not plain JSON (comments or a syntax error): fix it and run again")
	}
	app, err := findAngularApp(old, d.SrcDir)
	if err != nil {
		return nil, err
	}
	targets := []string{"projects", app.name, app.targetsKey}
	build := append(targets[:3:3], "build")
	if _, ok, err := jsonLookup(old, build...); err != nil || !ok {
		return nil, usagef("project %q has no build target to add @mono.co/connect.js to", app.name)
	}
	e := jsonEditor{src: old}

	// build.options.allowedCommonJsDependencies
	e.ensureMember(build, "options", map[string]any{"allowedCommonJsDependencies": []string{ConnectPackage}}, "configurations", "defaultConfiguration")
	e.ensureMember(append(build[:4:4], "options"), "allowedCommonJsDependencies", []string{ConnectPackage})
	e.ensureElement(append(build[:4:4], "options", "allowedCommonJsDependencies"), ConnectPackage, func(raw []byte) bool {
		var s string
		return json.Unmarshal(raw, &s) == nil && s == ConnectPackage
	})

	// build.configurations.development.fileReplacements
	dev := append(build[:4:4], "configurations", "development")
	if _, ok, _ := jsonLookup(e.src, dev...); ok {
		repl := angularReplacement(d.SrcDir)
		e.ensureMember(dev, "fileReplacements", []fileReplacement{repl})
		e.ensureElement(append(dev[:6:6], "fileReplacements"), repl, func(raw []byte) bool {
			var r fileReplacement
			return json.Unmarshal(raw, &r) == nil && path.Clean(r.Replace) == repl.Replace
		})
	}

	// serve.options.proxyConfig
	serve := append(targets[:3:3], "serve")
	if _, ok, _ := jsonLookup(e.src, serve...); ok {
		proxy := path.Join(d.SrcDir, angularProxyFile)
		e.ensureMember(serve, "options", map[string]any{"proxyConfig": proxy}, "configurations", "defaultConfiguration")
		e.ensureMember(append(serve[:4:4], "options"), "proxyConfig", proxy)
	}
	if e.err != nil {
		return nil, usagef("%v: fix it and run again", e.err)
	}
	return e.src, nil
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
	if !json.Valid(content) {
		return false
	}
	app, err := findAngularApp(content, d.SrcDir)
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
	m, ok, err := jsonLookup(content, "projects", app.name, app.targetsKey)
	if err != nil || !ok || json.Unmarshal(content[m.open:m.close+1], &targets) != nil {
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

// jsonLookup finds the object at keys (each a member of the one before) in the JSON text src, which
// must be valid JSON. ok is false when a key is missing; a value on the way that is not an object
// is an error.
func jsonLookup(src []byte, keys ...string) (obj jsonObject, ok bool, err error) {
	obj, err = scanObject(src, 0)
	if err != nil {
		return obj, false, err
	}
	for i, k := range keys {
		m, found := memberOf(obj, k)
		if !found {
			return obj, false, nil
		}
		if obj, err = scanObject(src, m.valueStart); err != nil {
			return obj, false, fmt.Errorf("%q is not an object", strings.Join(keys[:i+1], "."))
		}
	}
	return obj, true, nil
}

func memberOf(obj jsonObject, key string) (jsonMember, bool) {
	for _, m := range obj.members {
		if m.key == key {
			return m, true
		}
	}
	return jsonMember{}, false
}

// jsonEditor inserts members and array elements into a JSON text, laid out like the text around
// them (one member per line at the sibling's indentation, or inline in one-line JSON), and never
// touches another byte. The first error stops every later edit.
type jsonEditor struct {
	src []byte
	err error
}

// ensureMember adds "key": value to the object at parent unless it has a member named key. The
// member goes before the first of before that exists, else last.
func (e *jsonEditor) ensureMember(parent []string, key string, value any, before ...string) {
	if e.err != nil {
		return
	}
	obj, ok, err := jsonLookup(e.src, parent...)
	if err != nil || !ok {
		e.err = err
		return
	}
	if _, exists := memberOf(obj, key); exists {
		return
	}
	layout := e.layoutOf(obj)
	text, err := layout.format(value)
	if err != nil {
		e.err = err
		return
	}
	entry := quoteJSON(key) + ": " + text
	at := -1
	for _, b := range before {
		if m, ok := memberOf(obj, b); ok {
			at = m.keyStart
			break
		}
	}
	switch {
	case len(obj.members) == 0:
		e.splice(obj.open+1, obj.close, layout.open(entry))
	case at >= 0:
		e.splice(at, at, entry+","+layout.sep)
	default:
		last := obj.members[len(obj.members)-1].valueEnd
		e.splice(last, last, ","+layout.sep+entry)
	}
}

// ensureElement appends value to the array that is member last(at) of the object at at[:len-1],
// unless an element already matches (has reports it).
func (e *jsonEditor) ensureElement(at []string, value any, has func(raw []byte) bool) {
	if e.err != nil {
		return
	}
	parent, ok, err := jsonLookup(e.src, at[:len(at)-1]...)
	if err != nil || !ok {
		e.err = err
		return
	}
	m, ok := memberOf(parent, at[len(at)-1])
	if !ok {
		return
	}
	if e.src[m.valueStart] != '[' {
		e.err = fmt.Errorf("%q is not an array", strings.Join(at, "."))
		return
	}
	elems := scanArray(e.src, m.valueStart)
	for _, el := range elems {
		if has(e.src[el[0]:el[1]]) {
			return
		}
	}
	closeAt := m.valueEnd - 1
	layout := e.layoutOf(jsonObject{open: m.valueStart, close: closeAt, members: membersAt(elems)})
	text, err := layout.format(value)
	if err != nil {
		e.err = err
		return
	}
	if len(elems) == 0 {
		e.splice(m.valueStart+1, closeAt, layout.open(text))
		return
	}
	last := elems[len(elems)-1][1]
	e.splice(last, last, ","+layout.sep+text)
}

func (e *jsonEditor) splice(from, to int, text string) {
	var b bytes.Buffer
	b.Grow(len(e.src) + len(text))
	b.Write(e.src[:from])
	b.WriteString(text)
	b.Write(e.src[to:])
	e.src = b.Bytes()
}

// jsonLayout is how the members (or elements) of one container are laid out.
type jsonLayout struct {
	multiline bool
	indent    string // of the container's members
	outer     string // of the container's closing bracket
	sep       string // between members: "\n"+indent, or " "
}

// layoutOf reads the layout of container c. An empty container takes its parent's layout: one level
// deeper than the line it opens on, when the file is laid out one member per line.
func (e *jsonEditor) layoutOf(c jsonObject) jsonLayout {
	unit := indentOf(e.src, mustScan(e.src))
	if unit == "" {
		unit = "  "
	}
	outer := leadingSpace(e.src, c.open)
	if len(c.members) == 0 {
		if bytes.IndexByte(bytes.TrimSpace(e.src), '\n') < 0 {
			return jsonLayout{sep: " "}
		}
		return jsonLayout{multiline: true, indent: outer + unit, outer: outer, sep: "\n" + outer + unit}
	}
	first := c.members[0].keyStart
	if !bytes.ContainsRune(e.src[c.open:first], '\n') {
		return jsonLayout{sep: " "}
	}
	indent := lineIndent(e.src, first)
	return jsonLayout{multiline: true, indent: indent, outer: outer, sep: "\n" + indent}
}

// format renders value as JSON for a member of this layout: indented like its siblings, with the
// file's indentation unit for nesting, or compact (with a space after : and ,) in one-line JSON.
func (l jsonLayout) format(value any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if l.multiline {
		unit := strings.TrimPrefix(l.indent, l.outer)
		if unit == "" {
			unit = "  "
		}
		enc.SetIndent(l.indent, unit)
	}
	if err := enc.Encode(value); err != nil {
		return "", err
	}
	text := strings.TrimSuffix(buf.String(), "\n")
	if !l.multiline {
		// Compact, but spaced like a hand-written one-line JSON.
		var spaced bytes.Buffer
		inString := false
		for i := 0; i < len(text); i++ {
			c := text[i]
			spaced.WriteByte(c)
			switch {
			case c == '\\' && inString:
				i++
				spaced.WriteByte(text[i])
			case c == '"':
				inString = !inString
			case (c == ':' || c == ',') && !inString:
				spaced.WriteByte(' ')
			}
		}
		text = spaced.String()
	}
	return text, nil
}

// open is the content of an empty container given its first entry.
func (l jsonLayout) open(entry string) string {
	if !l.multiline {
		return entry
	}
	return "\n" + l.indent + entry + "\n" + l.outer
}

func mustScan(src []byte) jsonObject {
	obj, _ := scanObject(src, 0)
	return obj
}

// scanArray returns the [start, end) offsets of each element of the array opening at start.
func scanArray(src []byte, start int) [][2]int {
	var out [][2]int
	i := skipSpace(src, start+1)
	for i < len(src) && src[i] != ']' {
		end := skipValue(src, i)
		out = append(out, [2]int{i, end})
		i = skipSpace(src, end)
		if i < len(src) && src[i] == ',' {
			i = skipSpace(src, i+1)
		}
	}
	return out
}

// membersAt lets layoutOf read an array's elements as if they were members.
func membersAt(elems [][2]int) []jsonMember {
	out := make([]jsonMember, len(elems))
	for i, el := range elems {
		out[i] = jsonMember{keyStart: el[0], valueStart: el[0], valueEnd: el[1]}
	}
	return out
}
