package generate

import (
	"io/fs"
	"sort"
)

// Target is one framework mono-connect can wire. A target is its template folder
// (templates/<Name>/) plus one of these values, declared in target_<name>.go.
type Target struct {
	Name  string   // the --framework value
	Title string   // shown by `mono-connect targets` and the prompt
	Langs []string // supported --lang values, default first

	// EnvPrefix is the prefix the framework requires for variables the browser may read; "" when
	// the framework has no public env (Angular uses an environment file).
	EnvPrefix     string
	PublicKeyEnv  string // default --public-key-env
	BackendURLEnv string // env var naming the backend origin; "" when not env-driven
	EnvFile       string // the gitignored file --public-key is written to (".env", ".env.local")
	// KeyFiles are where a target without public env keeps the key instead (paths may use _src_):
	// files a merge creates once from TemplateData.PublicKey, then leaves to the user.
	KeyFiles []string

	// DetectDeps are package.json dependencies that identify the framework, most specific first;
	// DetectFiles are config file globs (path.Match syntax) at the project root.
	DetectDeps  []string
	DetectFiles []string

	// SrcDir picks the source root of an existing project (nil: "src"). Greenfield uses
	// GreenfieldSrcDir (or "src").
	SrcDir           func(project fs.FS) string
	GreenfieldSrcDir string

	// CoreDir is where core/ lands; it may start with the _src_ placeholder.
	CoreDir string

	// Base names a template folder shared by several targets (e.g. "vite" for the config module
	// every Vite app reads its env the same way); its integration/ is rendered like the target's
	// own, so one file serves them all instead of a copy per target.
	Base string
	// StarterBases do the same for the greenfield starter, in order: "style" holds the page
	// stylesheet every starter that has no framework-specific styling shares, "vite" what every
	// Vite starter shares (.gitignore).
	StarterBases []string

	// ServerComponents: the framework renders React Server Components, so client modules start
	// with 'use client' (elsewhere the directive is noise that Vite's Rollup warns about).
	ServerComponents bool

	// DevScript is the package.json script that starts the dev server in the starter.
	DevScript string

	// DevProxy tells the owner of an existing app how to make its dev server forward /api/mono/*
	// to the Go server (a starter does it already); %d is the server's port. "" when init wires
	// it itself (Angular's proxy.conf.json).
	DevProxy string

	// Major reads the major version of the framework an existing project is on (package.json),
	// for targets whose integration differs between majors; it returns 0 when the project says
	// nothing readable, and greenfield (no project yet) gets the starter's. nil: one integration
	// for every supported major.
	Major func(project fs.FS) int
	// StarterMajor is the major the greenfield starter pins, used when Major finds none.
	StarterMajor int

	// Variants are other shapes of the same framework, under the same --framework name, chosen by
	// Options.Variant (detection sets it): each is a whole definition used instead of this one,
	// rendering the same template folder, whose templates tell them apart by .Variant. A variant
	// is for existing apps only (greenfield is the target itself).
	Variants map[string]*Target
	// Variant is the key a variant definition is registered under in its parent's Variants.
	Variant string

	// Merges are extra edits to files the user owns (e.g. Angular's angular.json), applied in
	// both modes after the starter is laid down.
	Merges []Merge
}

// Merge edits part of a user's file. Apply returns the new content from the old (nil when the
// file does not exist); Owned reports whether content still holds our part, for --check.
type Merge struct {
	Path  string // relative to the project root; may use _src_
	Apply func(old []byte, data TemplateData) ([]byte, error)
	Owned func(content []byte, data TemplateData) bool
	// Optional: when true a missing file is not an error (the merge is skipped).
	Optional bool
	// When, if set, limits the merge to the projects it applies to (e.g. one framework major).
	When func(data TemplateData) bool
}

// SupportsLang reports whether lang is one of the target's languages.
func (t *Target) SupportsLang(lang string) bool {
	for _, l := range t.Langs {
		if l == lang {
			return true
		}
	}
	return false
}

// registry holds every target, keyed by name. Each target_<name>.go adds itself here, so adding
// a framework never edits a shared list.
var registry = map[string]*Target{}

func register(t *Target) *Target {
	if _, dup := registry[t.Name]; dup {
		panic("generate: target registered twice: " + t.Name)
	}
	registry[t.Name] = t
	return t
}

// targetOrder is the order targets are listed in (help text, `targets`, prompts).
var targetOrder = []string{"vanilla", "react", "next", "vue", "nuxt", "angular", "svelte", "solid", "preact"}

// Targets returns every registered target in display order.
func Targets() []*Target {
	out := make([]*Target, 0, len(registry))
	seen := map[string]bool{}
	for _, name := range targetOrder {
		if t, ok := registry[name]; ok {
			out = append(out, t)
			seen[name] = true
		}
	}
	var rest []string
	for name := range registry {
		if !seen[name] {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	for _, name := range rest {
		out = append(out, registry[name])
	}
	return out
}

// LookupTarget returns the target named name, or nil.
func LookupTarget(name string) *Target {
	return registry[name]
}
