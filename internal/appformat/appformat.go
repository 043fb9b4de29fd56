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
	"time"
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
	cmd := exec.CommandContext(ctx, f.Bin, f.Args(files)...)
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
