package generate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/mono-connect/mono-connect/internal/jsonedit"
)

// ConnectPackage and ConnectVersion are the dependency every target adds. The version is exact:
// the wrapper relies on details of connect.js (callbacks on the prototype, one listener per
// open) that a minor release could change.
const (
	ConnectPackage = "@mono.co/connect.js"
	ConnectVersion = "2.2.0"
)

// addDependency returns package.json src with name added to "dependencies" (at its sorted place
// when the object is sorted, else last), every other byte kept. A dependency already present (any
// version) is left alone: the user may have upgraded on purpose.
func addDependency(src []byte, name, version string) ([]byte, error) {
	doc, err := jsonedit.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("package.json is %w", err)
	}
	if raw, ok, _ := doc.Lookup("dependencies"); ok && raw[0] != '{' {
		return nil, fmt.Errorf("package.json: \"dependencies\" is not an object")
	}
	// No dependencies yet: the object goes where package.json's conventional key order puts it
	// (before devDependencies, overrides, engines... when the file has them), else last, so a
	// key-order lint rule (sort-package-json, eslint-plugin-package-json) stays quiet.
	if _, err := doc.EnsureMember(nil, "dependencies", map[string]string{name: version}, jsonedit.Place{Before: keysAfterDependencies}); err != nil {
		return nil, fmt.Errorf("package.json: %w", err)
	}
	if _, err := doc.EnsureMember([]string{"dependencies"}, name, version, jsonedit.Place{Sorted: true}); err != nil {
		return nil, fmt.Errorf("package.json: %w", err)
	}
	return doc.Bytes(), nil
}

// keysAfterDependencies are the top-level package.json keys that conventionally follow
// "dependencies" (the order of sort-package-json, which most key-order rules follow).
var keysAfterDependencies = []string{
	"devDependencies", "peerDependencies", "peerDependenciesMeta",
	"optionalDependencies", "bundledDependencies", "bundleDependencies",
	"overrides", "resolutions", "pnpm", "engines", "engineStrict",
	"volta", "packageManager", "os", "cpu", "publishConfig",
	"prettier", "eslintConfig", "lint-staged", "simple-git-hooks",
	"husky", "browserslist", "stylelint", "jest",
}

// dependencyVersion returns the version package.json content gives name in dependencies or
// devDependencies, and whether it lists name at all.
func dependencyVersion(content []byte, name string) (string, bool) {
	var pkg struct {
		Dependencies    map[string]any `json:"dependencies"`
		DevDependencies map[string]any `json:"devDependencies"`
	}
	if json.Unmarshal(content, &pkg) != nil {
		return "", false
	}
	for _, deps := range []map[string]any{pkg.Dependencies, pkg.DevDependencies} {
		if v, ok := deps[name]; ok {
			s, _ := v.(string)
			return s, true
		}
	}
	return "", false
}

// hasDependency reports whether package.json content lists name in dependencies or devDependencies.
func hasDependency(content []byte, name string) bool {
	var pkg struct {
		Dependencies    map[string]any `json:"dependencies"`
		DevDependencies map[string]any `json:"devDependencies"`
	}
	if json.Unmarshal(content, &pkg) != nil {
		return false
	}
	_, a := pkg.Dependencies[name]
	_, b := pkg.DevDependencies[name]
	return a || b
}

// envEntry is one variable we want in an env file.
type envEntry struct {
	Name, Value, Comment string
}

// mergeEnv appends each entry whose variable is not yet assigned in src, under one comment line,
// keeping everything that is there. With overwrite, an existing assignment of the variable gets the
// new value (used when the user passes --public-key again).
func mergeEnv(src []byte, header string, entries []envEntry, overwrite bool) []byte {
	out := append([]byte(nil), src...)
	var missing []envEntry
	for _, e := range entries {
		line, ok := findEnvLine(out, e.Name)
		if !ok {
			missing = append(missing, e)
			continue
		}
		if overwrite {
			out = bytes.Replace(out, line, []byte(e.Name+"="+e.Value), 1)
		}
	}
	if len(missing) == 0 {
		return out
	}
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	if len(out) > 0 {
		out = append(out, '\n')
	}
	out = append(out, "# "+header+"\n"...)
	for _, e := range missing {
		if e.Comment != "" {
			out = append(out, "# "+e.Comment+"\n"...)
		}
		out = append(out, e.Name+"="+e.Value+"\n"...)
	}
	return out
}

// findEnvLine returns the line assigning name (NAME=..., optionally after "export "), if any.
func findEnvLine(src []byte, name string) ([]byte, bool) {
	for _, line := range bytes.Split(src, []byte("\n")) {
		t := bytes.TrimSpace(line)
		t = bytes.TrimPrefix(t, []byte("export "))
		if bytes.HasPrefix(t, []byte(name+"=")) || bytes.Equal(t, []byte(name)) {
			return bytes.TrimRight(line, "\r"), true
		}
	}
	return nil, false
}

func envHasAll(content []byte, names []string) bool {
	for _, n := range names {
		if _, ok := findEnvLine(content, n); !ok {
			return false
		}
	}
	return true
}

// gitignoreLines keep the env files that can hold keys out of git: .env and .env.local (where init
// writes --public-key), and the per-mode local files every env loader reads (Vite, Next, Nuxt,
// SvelteKit: .env.development.local and so on). No broader pattern: apps track .env.example,
// .env.production or .env.example-e2e, and a line like .env.* would catch them.
var gitignoreLines = []string{".env", ".env.local", ".env.*.local"}

// EnsureEnvIgnored returns .gitignore content src with the env lines init merges into it (the
// same merge, for doctor --fix); src itself when it already keeps them out.
func EnsureEnvIgnored(src []byte) []byte { return mergeGitignore(src, gitignoreLines) }

// trackedEnvFile is the env file that must stay tracked: it lists the variables, never a value.
// An app pattern that catches it (create-next-app's `.env*`) gets a `!.env.example` line after it.
const trackedEnvFile = ".env.example"

// mergeGitignore appends each of lines that src does not already hold, under one comment.
func mergeGitignore(src []byte, lines []string) []byte {
	var missing []string
	for _, l := range lines {
		if !ignoresName(src, l) {
			missing = append(missing, l)
		}
	}
	if ignoresName(src, trackedEnvFile) || ignoresName([]byte(strings.Join(missing, "\n")), trackedEnvFile) {
		missing = append(missing, "!"+trackedEnvFile)
	}
	if len(missing) == 0 {
		return src
	}
	return appendLineBlock(src, "# env files hold keys (mono-connect)", missing)
}

// ignoresName reports whether the ignore file src already covers name (one of our lines, read as a
// file name): the same line, or a broader pattern of the app's own (`.env*`, `.env.*`, `*.local`)
// that matches it, with no later negation (`!.env.local`) taking it back. Only patterns without a
// slash are read, the kind that match a name at any depth, as ours do; so an app whose .gitignore
// already keeps env files out gets no redundant lines.
func ignoresName(src []byte, name string) bool {
	ignored := false
	for _, raw := range bytes.Split(src, []byte("\n")) {
		l := string(bytes.TrimSpace(raw))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		negated := strings.HasPrefix(l, "!")
		pattern := strings.TrimPrefix(l, "!")
		if strings.Contains(strings.TrimSuffix(pattern, "/"), "/") {
			continue
		}
		if pattern == name {
			ignored = !negated
			continue
		}
		if ok, err := path.Match(pattern, name); err == nil && ok {
			ignored = !negated
		}
	}
	return ignored
}

func gitignoreHasAll(content []byte, lines []string) bool {
	for _, l := range lines {
		if !ignoresName(content, l) {
			return false
		}
	}
	return !ignoresName(content, trackedEnvFile)
}

// appendLineBlock returns src with lines added at its end under a comment line, set off from what
// is there by a blank line: how our entries go into a user's line-based file (.gitignore,
// .prettierignore). src itself is not modified.
func appendLineBlock(src []byte, comment string, lines []string) []byte {
	out := append([]byte(nil), src...)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	if len(out) > 0 {
		out = append(out, '\n')
	}
	out = append(out, comment+"\n"...)
	for _, l := range lines {
		out = append(out, l+"\n"...)
	}
	return out
}
