package generate

import (
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"path"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/evanw/esbuild/pkg/api"
)

// combos enumerates the option space worth parsing: every target and language, every subset of
// the optional features, with and without an institution, greenfield and brownfield, and both
// Go layouts.
func combos() []Options {
	var out []Options
	for _, t := range Targets() {
		for _, lang := range t.Langs {
			for mask := 0; mask < 8; mask++ {
				features := []string{"link"}
				for i, f := range []string{"reauth", "payments", "events"} {
					if mask&(1<<i) != 0 {
						features = append(features, f)
					}
				}
				for _, green := range []bool{true, false} {
					o := Options{Framework: t.Name, Lang: lang, Features: features, Greenfield: green}
					if mask%2 == 1 {
						o.Institution, o.AuthMethod = "5f2d08be60b92e2888287702", "mobile_banking"
					}
					if !green && mask >= 4 {
						o.GoModule = &GoModule{Path: "example.com/acme/shop", RelDir: "web"}
					}
					out = append(out, o)
				}
			}
		}
	}
	return out
}

// brownfieldProject is a minimal existing project for a target: a package.json is enough for
// the merges.
func brownfieldProject() fstest.MapFS {
	return fstest.MapFS{
		"package.json": {Data: []byte("{\n  \"name\": \"host\",\n  \"private\": true\n}\n")},
		"angular.json": {Data: []byte(`{"version": 1, "projects": {"host": {"projectType": "application", "architect": {"build": {"options": {}}}}}}`)},
	}
}

// plannedCombo is one rendered combination of combos().
type plannedCombo struct {
	Name    string
	Options Options
	Plan    *Plan
}

// allPlans renders every combination once per test binary; the tests that scan every generated
// file (parse, secrets) share it instead of rendering thousands of files each.
var allPlans = sync.OnceValues(func() ([]plannedCombo, error) {
	var out []plannedCombo
	for _, o := range combos() {
		name := fmt.Sprintf("%s/%s/%s/green=%v/inst=%v/gomod=%v", o.Framework, o.Lang, strings.Join(o.Features, "+"), o.Greenfield, o.Institution != "", o.GoModule != nil)
		var project fstest.MapFS
		if !o.Greenfield {
			project = brownfieldProject()
		}
		p, err := Generate(o, Input{Project: project, ToolVersion: "1.0.0"})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, plannedCombo{Name: name, Options: o, Plan: p})
	}
	return out, nil
})

// mustPlans is allPlans for a test, which stops when rendering failed.
func mustPlans(t *testing.T) []plannedCombo {
	t.Helper()
	plans, err := allPlans()
	if err != nil {
		t.Fatal(err)
	}
	return plans
}

var scriptBlock = regexp.MustCompile(`(?s)<script([^>]*)>(.*?)</script>`)

// TestGeneratedCodeParses renders every combination and parses each generated source with the
// parser of its language: esbuild for JS/TS (and the <script> blocks of .vue and .svelte files),
// go/parser for Go, encoding/json for JSON.
func TestGeneratedCodeParses(t *testing.T) {
	parsed := map[string]int{}
	plans := mustPlans(t)
	for _, c := range plans {
		for _, f := range c.Plan.Files {
			if err := parseFile(f.Path, f.Content); err != nil {
				t.Errorf("%s: %s: %v", c.Name, f.Path, err)
			}
			parsed[path.Ext(f.Path)]++
		}
	}
	t.Logf("parsed by extension: %v", parsed)
	if parsed[".js"] == 0 || parsed[".json"] == 0 {
		t.Errorf("suspiciously little was parsed: %v", parsed)
	}
}

func parseFile(name string, content []byte) error {
	switch ext := path.Ext(name); ext {
	case ".ts", ".mts", ".cts":
		return esbuildParse(string(content), api.LoaderTS)
	case ".tsx":
		return esbuildParse(string(content), api.LoaderTSX)
	case ".js", ".mjs", ".cjs":
		return esbuildParse(string(content), api.LoaderJS)
	case ".jsx":
		return esbuildParse(string(content), api.LoaderJSX)
	case ".vue", ".svelte":
		blocks := scriptBlock.FindAllStringSubmatch(string(content), -1)
		for _, b := range blocks {
			loader := api.LoaderJS
			if strings.Contains(b[1], `lang="ts"`) {
				loader = api.LoaderTS
			}
			if err := esbuildParse(b[2], loader); err != nil {
				return err
			}
		}
		return nil
	case ".go":
		_, err := parser.ParseFile(token.NewFileSet(), name, content, parser.AllErrors)
		return err
	case ".json":
		if strings.HasSuffix(name, "tsconfig.json") || strings.HasSuffix(name, "jsconfig.json") || strings.HasPrefix(path.Base(name), "tsconfig.") {
			return nil // JSON with comments, read by TypeScript's own parser
		}
		if !json.Valid(content) {
			return fmt.Errorf("invalid JSON")
		}
	}
	return nil
}

func esbuildParse(code string, loader api.Loader) error {
	res := api.Transform(code, api.TransformOptions{Loader: loader, Format: api.FormatESModule, Target: api.ESNext})
	if len(res.Errors) == 0 {
		return nil
	}
	var msgs []string
	for _, m := range res.Errors {
		line := 0
		if m.Location != nil {
			line = m.Location.Line
		}
		msgs = append(msgs, fmt.Sprintf("line %d: %s", line, m.Text))
	}
	return fmt.Errorf("%s", strings.Join(msgs, "; "))
}
