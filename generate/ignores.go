package generate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing/fstest"
)

// The app's formatters and linters are told to leave the generated files alone: a formatter that
// rewrote them would make every run of the hook a rewrite, and a linter with the app's rules would
// report code the app does not own. ESLint (flat config or not) and oxlint already skip them for
// the header's `eslint-disable` (header.go), but only an ignore entry keeps Prettier, Biome and
// dprint off, and keeps a linter from spending time on them. Each tool gets our entries in its own
// ignore file, merged like .gitignore: only when the app uses the tool, created only when the tool
// is in use and has no such file yet, every other byte of the user's file kept, and checked by
// generate --check as our part of a merged file.

// ignoreTool is one formatter or linter whose ignore list we merge into.
type ignoreTool struct {
	name string
	// file is the ignore file to merge into, "" when the project does not use the tool (or uses
	// it in a way that needs no file of ours, like a flat-config ESLint).
	file func(project fs.FS, pkg []byte) string
	// merge adds entries (paths relative to the project root; a folder ends in "/") to old, and
	// owns reports whether content still holds them.
	merge func(old []byte, entries []string, version int) ([]byte, error)
	owns  func(content []byte, entries []string, version int) bool
	// version reads the tool's version when its syntax differs between versions (Biome: see
	// biomeVersion), for merge and owns.
	version func(project fs.FS, pkg, config []byte) int
}

var ignoreTools = []ignoreTool{
	{name: "prettier", file: prettierIgnoreFile, merge: mergeIgnoreLines, owns: hasIgnoreLines},
	{name: "eslint", file: eslintIgnoreFile, merge: mergeIgnoreLines, owns: hasIgnoreLines},
	{name: "biome", file: firstFile("biome.json", "biome.jsonc"), merge: mergeBiome, owns: ownsBiome, version: biomeVersion},
	{name: "oxlint", file: firstFile(".oxlintrc.json"), merge: jsonArrayMerge("ignorePatterns", globs), owns: jsonArrayOwns("ignorePatterns", globs)},
	{name: "dprint", file: firstFile("dprint.json", ".dprint.json", "dprint.jsonc", ".dprint.jsonc"), merge: jsonArrayMerge("excludes", globs), owns: jsonArrayOwns("excludes", globs)},
}

// ignoreFiles are the files an ignoreTool may merge into. A starter that ships one (SvelteKit's
// .prettierignore, as sv create writes it) gives that merge its base, like its package.json.
var ignoreFiles = map[string]bool{
	".prettierignore": true, ".eslintignore": true, "biome.json": true, "biome.jsonc": true,
	".oxlintrc.json": true, "dprint.json": true, ".dprint.json": true, "dprint.jsonc": true, ".dprint.jsonc": true,
}

// starterView is the project as ignoreMerges sees it: a new app's starter files over what the
// directory holds, so that the tools a starter configures (its .oxlintrc.json, its flat ESLint
// config) get our entries from the first init, not from the next generate.
func starterView(starter []renderedFile, project fs.FS) fs.FS {
	if len(starter) == 0 {
		return project
	}
	top := fstest.MapFS{}
	for _, r := range starter {
		top[r.Path] = &fstest.MapFile{Data: r.Content, Mode: r.Mode}
	}
	return overlayFS{top: top, under: project}
}

// overlayFS reads a file from top, else from under (which may be nil).
type overlayFS struct{ top, under fs.FS }

func (o overlayFS) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil || o.under == nil {
		return f, err
	}
	return o.under.Open(name)
}

// ignoreEntries are what the tools must skip: the record, the core folder and every other owned
// file a formatter would touch (Nuxt's component, composable and module; Angular's proxy file).
func ignoreEntries(owned []string, coreDir string) []string {
	set := map[string]bool{RecordName: true, coreDir + "/": true}
	for _, p := range owned {
		if strings.HasPrefix(p, coreDir+"/") {
			continue
		}
		switch path.Ext(p) {
		case ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".vue", ".svelte", ".json":
			set[p] = true
		}
	}
	out := make([]string, 0, len(set))
	for e := range set {
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

// ignoreMerges plans the merge into every ignore file the project's tools read.
func ignoreMerges(project fs.FS, pkg []byte, read func(string) ([]byte, bool, error), entries []string) ([]File, error) {
	var out []File
	for _, t := range ignoreTools {
		name := t.file(project, pkg)
		if name == "" {
			continue
		}
		old, _, err := read(name)
		if err != nil {
			return nil, err
		}
		version := 0
		if t.version != nil {
			version = t.version(project, pkg, old)
		}
		content, err := t.merge(old, entries, version)
		if err != nil {
			return nil, &UsageError{Msg: fmt.Sprintf("%s: %s: fix it and run again", name, err)}
		}
		t, version := t, version
		out = append(out, File{
			Path: name, Kind: KindMerged, Content: content,
			Part:  []byte(t.name + " ignores " + strings.Join(entries, " ")),
			Owned: func(c []byte) bool { return t.owns(c, entries, version) },
		})
	}
	return out, nil
}

func fileIn(project fs.FS, name string) bool { return project != nil && exists(project, name) }

func firstFile(names ...string) func(fs.FS, []byte) string {
	return func(project fs.FS, _ []byte) string {
		for _, n := range names {
			if fileIn(project, n) {
				return n
			}
		}
		return ""
	}
}

// packageKey reports whether package.json pkg has the top-level key.
func packageKey(pkg []byte, key string) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(pkg, &top) != nil {
		return false
	}
	_, ok := top[key]
	return ok
}

var prettierConfigs = []string{
	".prettierrc", ".prettierrc.json", ".prettierrc.json5", ".prettierrc.yaml", ".prettierrc.yml",
	".prettierrc.toml", ".prettierrc.js", ".prettierrc.cjs", ".prettierrc.mjs", ".prettierrc.ts",
	".prettierrc.cts", ".prettierrc.mts", "prettier.config.js", "prettier.config.cjs",
	"prettier.config.mjs", "prettier.config.ts", "prettier.config.cts", "prettier.config.mts",
}

// prettierIgnoreFile: .prettierignore when Prettier is a dependency, has a config file or a
// "prettier" key in package.json, or the project already has a .prettierignore.
func prettierIgnoreFile(project fs.FS, pkg []byte) string {
	if hasDependency(pkg, "prettier") || packageKey(pkg, "prettier") || fileIn(project, ".prettierignore") || PrettierConfig(project) != "" {
		return ".prettierignore"
	}
	return ""
}

// PrettierConfig returns the project's Prettier config file, or "".
func PrettierConfig(project fs.FS) string { return firstFile(prettierConfigs...)(project, nil) }

var eslintrcFiles = []string{".eslintrc", ".eslintrc.js", ".eslintrc.cjs", ".eslintrc.json", ".eslintrc.yaml", ".eslintrc.yml"}

var eslintFlatFiles = []string{"eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts", "eslint.config.mts", "eslint.config.cts"}

// eslintIgnoreFile: .eslintignore for an ESLint 8 style (eslintrc) configuration. A flat config
// ignores .eslintignore and needs no edit of its JavaScript: the header's directive suffices.
func eslintIgnoreFile(project fs.FS, pkg []byte) string {
	if firstFile(eslintFlatFiles...)(project, nil) != "" {
		return ""
	}
	if firstFile(eslintrcFiles...)(project, nil) != "" || packageKey(pkg, "eslintConfig") {
		return ".eslintignore"
	}
	return ""
}

// mergeIgnoreLines appends the entries src lacks (gitignore syntax, anchored at the root with a
// leading slash) under one comment line.
func mergeIgnoreLines(src []byte, entries []string, _ int) ([]byte, error) {
	var missing []string
	for _, e := range ignoreLines(entries) {
		if !hasLine(src, e) {
			missing = append(missing, e)
		}
	}
	if len(missing) == 0 {
		return src, nil
	}
	return appendLineBlock(src, "# generated by mono-connect (mono-connect generate --check guards them)", missing), nil
}

func hasIgnoreLines(content []byte, entries []string, _ int) bool {
	for _, e := range ignoreLines(entries) {
		if !hasLine(content, e) {
			return false
		}
	}
	return true
}

func ignoreLines(entries []string) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = "/" + e
	}
	return out
}

func hasLine(src []byte, line string) bool {
	for _, raw := range bytes.Split(src, []byte("\n")) {
		if string(bytes.TrimSpace(raw)) == line {
			return true
		}
	}
	return false
}

// globs turns entries into the glob patterns of oxlint, dprint and Biome 1: a folder becomes
// folder/**.
func globs(entries []string) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		if strings.HasSuffix(e, "/") {
			e += "**"
		}
		out[i] = e
	}
	return out
}

// jsonArrayMerge adds patterns(entries) to the string array at key of a JSON config (created
// when missing).
func jsonArrayMerge(key string, patterns func([]string) []string) func([]byte, []string, int) ([]byte, error) {
	return func(src []byte, entries []string, _ int) ([]byte, error) {
		if len(bytes.TrimSpace(src)) == 0 {
			src = []byte("{}\n")
		}
		return addToJSONArray(src, []string{key}, patterns(entries), nil)
	}
}

func jsonArrayOwns(key string, patterns func([]string) []string) func([]byte, []string, int) bool {
	return func(content []byte, entries []string, _ int) bool {
		return jsonArrayHas(content, []string{key}, patterns(entries))
	}
}

// Biome: version 1 reads files.ignore (globs); version 2 dropped it for files.includes, where a
// negated pattern excludes. An includes list of negations only would include nothing, so a new
// one starts with "**". A folder is "!folder/**" before Biome 2.2 and "!folder" from 2.2 on: 2.0
// and 2.1 do not exclude a folder's files for "!folder" (checked with the real 2.0.0), and 2.2 and
// later warn about "/**" (lint/suspicious/useBiomeIgnoreFolder, in the recommended rules) and
// their `biome check --write` rewrites it into "!folder" (2.6.9). Either spelling of our entry, and
// the force-ignore "!!", is ours: the user's Biome rewriting one into the other is no drift, and
// no reason for generate to add the other one back.
func mergeBiome(src []byte, entries []string, version int) ([]byte, error) {
	if version < biome2 {
		return addToJSONArray(src, []string{"files", "ignore"}, globs(entries), nil)
	}
	return addToJSONArrayAs(src, []string{"files", "includes"}, biome2Patterns(entries, version), []string{"**"}, sameBiomeIgnore)
}

func ownsBiome(content []byte, entries []string, version int) bool {
	if version < biome2 {
		return jsonArrayHas(content, []string{"files", "ignore"}, globs(entries))
	}
	return jsonArrayHasAs(content, []string{"files", "includes"}, biome2Patterns(entries, version), sameBiomeIgnore)
}

// Biome versions as biomeVersion reads them: major*1000 + minor.
const (
	biome2       = 2000
	biome2Folder = 2002 // "!folder" excludes the folder's files
)

func biome2Patterns(entries []string, version int) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		if strings.HasSuffix(e, "/") {
			if version >= biome2Folder {
				e = strings.TrimSuffix(e, "/")
			} else {
				e += "**"
			}
		}
		out[i] = "!" + e
	}
	return out
}

// sameBiomeIgnore reports whether the files.includes pattern have excludes what want (one of
// biome2Patterns) does: "!x", "!x/**" and "!!x" alike.
func sameBiomeIgnore(have, want string) bool {
	norm := func(p string) (string, bool) {
		if !strings.HasPrefix(p, "!") {
			return "", false
		}
		p = strings.TrimPrefix(strings.TrimPrefix(p, "!"), "!")
		return strings.TrimSuffix(p, "/**"), true
	}
	h, ok := norm(have)
	w, _ := norm(want)
	return ok && h == w
}

// biomeVersion reads Biome's version (major*1000 + minor) from the @biomejs/biome dependency,
// else from the config's $schema (https://biomejs.dev/schemas/<version>/schema.json), which
// `biome init` and `biome migrate` write; when both name the same major, the later minor (a range
// such as "^2.0.0" says little, a schema of 2.6.9 says that Biome wrote the config). The
// current Biome when neither says.
func biomeVersion(_ fs.FS, pkg, config []byte) int {
	depMajor, depMinor := 0, 0
	if v, ok := dependencyVersion(pkg, "@biomejs/biome"); ok {
		depMajor, depMinor = versionMajorMinor(v)
	}
	schemaMajor, schemaMinor := 0, 0
	var c struct {
		Schema string `json:"$schema"`
	}
	if plain, ok := jsoncTopLevel(config); ok && json.Unmarshal(plain, &c) == nil {
		if i := strings.Index(c.Schema, "/schemas/"); i >= 0 {
			schemaMajor, schemaMinor = versionMajorMinor(c.Schema[i+len("/schemas/"):])
		}
	}
	switch {
	case depMajor > 0 && depMajor == schemaMajor:
		return depMajor*1000 + max(depMinor, schemaMinor)
	case depMajor > 0:
		return depMajor*1000 + depMinor
	case schemaMajor > 0:
		return schemaMajor*1000 + schemaMinor
	}
	return biome2Folder
}

var leadingMinor = regexp.MustCompile(`^\s*(?:\^|~|>=|=)?\s*v?\d+\.(\d+)`)

// versionMajorMinor reads the major and minor of a version or range ("^1.9.4" is 1, 9; "2" is 2,
// 0); 0, 0 if none.
func versionMajorMinor(v string) (major, minor int) {
	major = versionMajor(v)
	if m := leadingMinor.FindStringSubmatch(v); major > 0 && m != nil {
		minor, _ = strconv.Atoi(m[1])
	}
	return major, minor
}

// versionMajor reads the major of a version or range ("^1.9.4", "~2.0.0"); 0 if none.
func versionMajor(v string) int {
	m := leadingMajor.FindStringSubmatch(v)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
