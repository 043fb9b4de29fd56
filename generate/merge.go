package generate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strings"
)

// ConnectPackage and ConnectVersion are the dependency every target adds. The version is exact:
// the wrapper relies on details of connect.js (callbacks on the prototype, one listener per
// open) that a minor release could change.
const (
	ConnectPackage = "@mono.co/connect.js"
	ConnectVersion = "2.2.0"
)

// addDependency returns package.json src with name added to "dependencies" at its sorted place,
// every other byte kept. A dependency already present (any version) is left alone: the user may
// have upgraded on purpose.
func addDependency(src []byte, name, version string) ([]byte, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(src, &top); err != nil {
		return nil, fmt.Errorf("package.json is not valid JSON: %w", err)
	}
	if raw, ok := top["dependencies"]; ok {
		var deps map[string]json.RawMessage
		if err := json.Unmarshal(raw, &deps); err != nil {
			return nil, fmt.Errorf("package.json: \"dependencies\" is not an object")
		}
		if _, ok := deps[name]; ok {
			return src, nil
		}
	}
	obj, err := scanObject(src, 0)
	if err != nil {
		return nil, fmt.Errorf("package.json: %w", err)
	}
	entry := quoteJSON(name) + ": " + quoteJSON(version)
	for _, m := range obj.members {
		if m.key == "dependencies" {
			depObj, err := scanObject(src, m.valueStart)
			if err != nil {
				return nil, fmt.Errorf("package.json dependencies: %w", err)
			}
			return insertMember(src, depObj, name, entry, indentOf(src, obj)), nil
		}
	}
	// No dependencies yet: add the object where package.json's conventional key order puts it
	// (before devDependencies, overrides, engines... when the file has them), else last, so a
	// key-order lint rule (sort-package-json, eslint-plugin-package-json) stays quiet.
	unit := indentOf(src, obj)
	value := "{\n" + unit + unit + entry + "\n" + unit + "}"
	return insertMemberAt(src, obj, dependenciesPosition(obj), quoteJSON("dependencies")+": "+value, ""), nil
}

// keysAfterDependencies are the top-level package.json keys that conventionally follow
// "dependencies" (the order of sort-package-json, which most key-order rules follow).
var keysAfterDependencies = map[string]bool{
	"devDependencies": true, "peerDependencies": true, "peerDependenciesMeta": true,
	"optionalDependencies": true, "bundledDependencies": true, "bundleDependencies": true,
	"overrides": true, "resolutions": true, "pnpm": true, "engines": true, "engineStrict": true,
	"volta": true, "packageManager": true, "os": true, "cpu": true, "publishConfig": true,
	"prettier": true, "eslintConfig": true, "lint-staged": true, "simple-git-hooks": true,
	"husky": true, "browserslist": true, "stylelint": true, "jest": true,
}

// dependenciesPosition is the member index a new "dependencies" object goes to.
func dependenciesPosition(obj jsonObject) int {
	for i, m := range obj.members {
		if keysAfterDependencies[m.key] {
			return i
		}
	}
	return len(obj.members)
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

// jsonObject is the layout of an object in a JSON text: where it starts and ends and where
// each member's key begins.
type jsonObject struct {
	open, close int // offsets of { and }
	members     []jsonMember
}

type jsonMember struct {
	key        string
	keyStart   int // offset of the key's opening quote
	valueStart int
	valueEnd   int // offset just past the value
}

// scanObject reads the object starting at or after offset start (whitespace skipped). src must
// already be known to be valid JSON.
func scanObject(src []byte, start int) (jsonObject, error) {
	i := skipSpace(src, start)
	if i >= len(src) || src[i] != '{' {
		return jsonObject{}, fmt.Errorf("expected an object")
	}
	obj := jsonObject{open: i}
	i++
	for {
		i = skipSpace(src, i)
		if i < len(src) && src[i] == '}' {
			obj.close = i
			return obj, nil
		}
		if i >= len(src) || src[i] != '"' {
			return obj, fmt.Errorf("expected a key at offset %d", i)
		}
		keyEnd := skipValue(src, i)
		var key string
		if err := json.Unmarshal(src[i:keyEnd], &key); err != nil {
			return obj, err
		}
		j := skipSpace(src, keyEnd)
		if j >= len(src) || src[j] != ':' {
			return obj, fmt.Errorf("expected ':' at offset %d", j)
		}
		vs := skipSpace(src, j+1)
		ve := skipValue(src, vs)
		obj.members = append(obj.members, jsonMember{key: key, keyStart: i, valueStart: vs, valueEnd: ve})
		i = skipSpace(src, ve)
		if i < len(src) && src[i] == ',' {
			i++
		}
	}
}

// skipSpace skips whitespace and, for the JSONC configs of Biome, oxlint and dprint, comments.
func skipSpace(src []byte, i int) int {
	for i < len(src) {
		switch {
		case src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r':
			i++
		case src[i] == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case src[i] == '/' && i+1 < len(src) && src[i+1] == '*':
			j := bytes.Index(src[i+2:], []byte("*/"))
			if j < 0 {
				return len(src)
			}
			i += 2 + j + 2
		default:
			return i
		}
	}
	return i
}

// skipValue returns the offset just past the JSON value starting at i.
func skipValue(src []byte, i int) int {
	if i >= len(src) {
		return i
	}
	switch src[i] {
	case '"':
		for j := i + 1; j < len(src); j++ {
			switch src[j] {
			case '\\':
				j++
			case '"':
				return j + 1
			}
		}
		return len(src)
	case '{', '[':
		depth := 0
		for j := i; j < len(src); j++ {
			switch src[j] {
			case '"':
				j = skipValue(src, j) - 1
			case '/':
				j = skipSpace(src, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(src)
	default:
		j := i
		for j < len(src) && !strings.ContainsRune(",}] \t\r\n", rune(src[j])) {
			j++
		}
		return j
	}
}

// insertMember inserts the text entry (`"key": value`) into obj before the first member whose key
// sorts after key, matching the indentation and line style of the existing members. unit is the
// indentation one level in, used when obj is empty.
func insertMember(src []byte, obj jsonObject, key, entry, unit string) []byte {
	if len(obj.members) == 0 {
		outer := leadingSpace(src, obj.open)
		var b bytes.Buffer
		b.Write(src[:obj.open+1])
		b.WriteString("\n" + outer + unit + entry + "\n" + outer)
		b.Write(src[obj.close:])
		return b.Bytes()
	}
	pos := len(obj.members)
	for i, m := range obj.members {
		if m.key > key {
			pos = i
			break
		}
	}
	return insertMemberAt(src, obj, pos, entry, unit)
}

// insertMemberAt inserts entry into obj before its member pos (len(obj.members): after the last),
// matching the indentation and line style of the existing members.
func insertMemberAt(src []byte, obj jsonObject, pos int, entry, unit string) []byte {
	if len(obj.members) == 0 {
		return insertMember(src, obj, "", entry, unit)
	}
	indent := lineIndent(src, obj.members[0].keyStart)
	multiline := bytes.ContainsRune(src[obj.open:obj.members[0].keyStart], '\n')
	sep := " "
	if multiline {
		sep = "\n" + indent
	}
	var b bytes.Buffer
	if pos < len(obj.members) {
		at := obj.members[pos].keyStart
		b.Write(src[:at])
		b.WriteString(entry + "," + sep)
		b.Write(src[at:])
		return b.Bytes()
	}
	last := obj.members[len(obj.members)-1]
	b.Write(src[:last.valueEnd])
	b.WriteString("," + sep + entry)
	b.Write(src[last.valueEnd:])
	return b.Bytes()
}

// indentOf guesses one indentation unit from the first member of obj (two spaces if unknown).
func indentOf(src []byte, obj jsonObject) string {
	if len(obj.members) > 0 {
		if ind := lineIndent(src, obj.members[0].keyStart); ind != "" {
			return ind
		}
	}
	return "  "
}

// lineIndent returns the whitespace between the start of the line holding offset i and i, or ""
// when something else stands before i on that line.
func lineIndent(src []byte, i int) string {
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	prefix := src[start:i]
	if len(bytes.TrimLeft(prefix, " \t")) != 0 {
		return ""
	}
	return string(prefix)
}

// leadingSpace returns the whitespace that starts the line holding offset i.
func leadingSpace(src []byte, i int) string {
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

func quoteJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
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
	out := append([]byte(nil), src...)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	if len(out) > 0 {
		out = append(out, '\n')
	}
	out = append(out, "# env files hold keys (mono-connect)\n"...)
	for _, l := range missing {
		out = append(out, l+"\n"...)
	}
	return out
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
