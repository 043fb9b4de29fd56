// Package appformat runs the project's own formatter (Prettier or Biome, the binary in its
// node_modules) on files mono-connect has just written, as Sentry's and Clerk's wizards do, so the
// generated files look like the rest of the app from the first commit.
//
// It never formats a user's file: the caller passes the owned files it wrote. The formatter is
// found, not installed: a project config that names the tool and its binary in node_modules/.bin
// of the project or a folder above (a workspace installs there).
package appformat

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/mono-connect/mono-connect/internal/jsonedit"
)

// Formatter is a formatter the project uses.
type Formatter struct {
	Name   string // "prettier" or "biome"
	Config string // the file (relative to the project) that says the project uses it
	Bin    string // absolute path of its binary
}

// Timeout bounds one formatter run: a formatter that hangs (a plugin waiting on the network, a
// prompt) must not hold init forever.
var Timeout = 60 * time.Second

var prettierConfigs = []string{
	".prettierrc", ".prettierrc.json", ".prettierrc.yaml", ".prettierrc.yml", ".prettierrc.json5",
	".prettierrc.js", ".prettierrc.cjs", ".prettierrc.mjs", ".prettierrc.ts", ".prettierrc.cts",
	".prettierrc.mts", ".prettierrc.toml", "prettier.config.js", "prettier.config.cjs",
	"prettier.config.mjs", "prettier.config.ts", "prettier.config.cts", "prettier.config.mts",
}

var biomeConfigs = []string{"biome.json", "biome.jsonc"}

// Find returns the formatter the project at root uses. ok is false when the project has no
// Prettier or Biome config, or has one but not the binary (dependencies not installed yet);
// missing then says which, for an error message.
func Find(root string) (f Formatter, ok bool, missing string) {
	found := []Formatter{}
	if c := firstFile(root, prettierConfigs); c != "" {
		found = append(found, Formatter{Name: "prettier", Config: c})
	} else if packageKey(root, "prettier") {
		found = append(found, Formatter{Name: "prettier", Config: "package.json"})
	}
	if c := firstFile(root, biomeConfigs); c != "" {
		found = append(found, Formatter{Name: "biome", Config: c})
	}
	if len(found) == 0 {
		return Formatter{}, false, "no Prettier or Biome config (.prettierrc, prettier.config.*, a \"prettier\" key in package.json, biome.json)"
	}
	for _, f := range found {
		if bin := findBin(root, f.Name); bin != "" {
			f.Bin = bin
			return f, true, ""
		}
	}
	return Formatter{}, false, fmt.Sprintf("%s is configured (%s) but node_modules/.bin/%s is missing: install the project's dependencies first", found[0].Name, found[0].Config, found[0].Name)
}

// Formats reports whether the formatter is given the file at name: the JavaScript, TypeScript,
// Vue, Svelte and JSON files both tools format (with the project's plugins for the components).
func Formats(name string) bool {
	switch path.Ext(name) {
	case ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".vue", ".svelte", ".json":
		return true
	}
	return false
}

// Args are the formatter's arguments for files (slash paths relative to the project root).
//
// Prettier runs without ignore files (--ignore-path=): mono-connect merges its own folder into
// .prettierignore so that the app's `prettier --write .` leaves the generated files alone, and
// that entry would otherwise make this run a no-op. --ignore-unknown skips a file the project has
// no parser for (a .svelte file without prettier-plugin-svelte) instead of failing the run.
func (f Formatter) Args(files []string) []string {
	native := make([]string, len(files))
	for i, p := range files {
		native[i] = filepath.FromSlash(p)
	}
	if f.Name == "biome" {
		return append([]string{"format", "--write", "--no-errors-on-unmatched"}, native...)
	}
	return append([]string{"--write", "--ignore-unknown", "--ignore-path="}, native...)
}

// Run formats files in place under root and returns the formatter's combined output, for a
// warning when it failed.
func (f Formatter) Run(ctx context.Context, root string, files []string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	args := f.Args(files)
	if f.Name == "biome" {
		config, err := biomeConfigFor(root, f.Config, files)
		if err != nil {
			return nil, fmt.Errorf("biome: %s: %w", f.Config, err)
		}
		if config != "" {
			defer os.Remove(config)
			args = append([]string{args[0], "--config-path=" + filepath.Base(config)}, args[1:]...)
		}
	}
	cmd := exec.CommandContext(ctx, f.Bin, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	// A child the formatter started may hold the output pipe open after the kill.
	cmd.WaitDelay = 2 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return out.Bytes(), fmt.Errorf("%s did not finish in %s", f.Name, Timeout)
	}
	if err != nil {
		return out.Bytes(), fmt.Errorf("%s failed: %w", f.Name, err)
	}
	return out.Bytes(), nil
}

// findBin looks for node_modules/.bin/name in root and every folder above it.
func findBin(root, name string) string {
	dir, err := filepath.Abs(root)
	if err != nil {
		return ""
	}
	for {
		bin := filepath.Join(dir, "node_modules", ".bin", name)
		if info, err := os.Stat(bin); err == nil && !info.IsDir() {
			return bin
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func firstFile(root string, names []string) string {
	for _, n := range names {
		if info, err := os.Stat(filepath.Join(root, n)); err == nil && !info.IsDir() {
			return n
		}
	}
	return ""
}

// packageKey reports whether root's package.json has the top-level key (Prettier's config may
// live there).
func packageKey(root, key string) bool {
	b, err := os.ReadFile(filepath.Join(root, "package.json"))
	if err != nil {
		return false
	}
	var pkg map[string]json.RawMessage
	if json.Unmarshal(b, &pkg) != nil {
		return false
	}
	_, ok := pkg[key]
	return ok
}

// biomeConfigFor returns a temporary copy of the project's Biome config (in root, beside it, so
// that its relative paths and extends mean what they mean in it) without the files.includes
// negations that exclude one of files, or "" when none does. Biome 2 leaves a file its includes
// exclude alone even when named on the command line (2.6.9: "the path is ignored", and with
// --no-errors-on-unmatched not a word), and mono-connect merges exactly such negations for its
// own files (so that the app's `biome check .` leaves them alone): without this copy the run would
// format nothing. Only literal paths count (a pattern with a wildcard is the user's), so the copy
// is the user's config as it was before mono-connect's entries. Biome 1's files.ignore is not
// handled: its --config-path takes a directory.
func biomeConfigFor(root, config string, files []string) (string, error) {
	src, err := os.ReadFile(filepath.Join(root, config))
	if err != nil {
		return "", err
	}
	doc, err := jsonedit.ParseJSONC(src)
	if err != nil {
		return "", err
	}
	plain, _, err := doc.Lookup()
	if err != nil {
		return "", err
	}
	var top map[string]json.RawMessage
	var sect map[string]json.RawMessage
	var includes []json.RawMessage
	if json.Unmarshal(plain, &top) != nil || json.Unmarshal(top["files"], &sect) != nil || json.Unmarshal(sect["includes"], &includes) != nil {
		return "", nil
	}
	kept := includes[:0:0]
	for _, raw := range includes {
		var p string
		if json.Unmarshal(raw, &p) == nil && excludesAny(p, files) {
			continue
		}
		kept = append(kept, raw)
	}
	if len(kept) == len(includes) {
		return "", nil
	}
	if sect["includes"], err = json.Marshal(kept); err != nil {
		return "", err
	}
	if top["files"], err = json.Marshal(sect); err != nil {
		return "", err
	}
	out, err := json.MarshalIndent(top, "", "  ")
	if err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(root, ".mono-connect-biome-*.json")
	if err != nil {
		return "", err
	}
	_, werr := tmp.Write(append(out, '\n'))
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return "", werr
	}
	return tmp.Name(), nil
}

// excludesAny reports whether the Biome 2 includes pattern p is a literal negation ("!a/b.ts",
// "!dir", "!dir/**", "!!dir") of one of files or of a folder holding one.
func excludesAny(p string, files []string) bool {
	if !strings.HasPrefix(p, "!") {
		return false
	}
	p = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(p, "!"), "!"), "/**")
	p = strings.TrimPrefix(strings.TrimSuffix(p, "/"), "./")
	if p == "" || strings.ContainsAny(p, "*?[]{}") {
		return false
	}
	for _, f := range files {
		if f == p || strings.HasPrefix(f, p+"/") {
			return true
		}
	}
	return false
}
