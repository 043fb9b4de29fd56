package generate

import (
	"path"
	"regexp"
	"strings"
	"testing"
)

// eslintConfig is a flat ESLint config a starter ships (eslint.config.js/.mjs/.ts).
var eslintConfig = regexp.MustCompile(`^eslint\.config\.(js|mjs|cjs|ts)$`)

// quotedMonoPath is a string literal on one line that names something of mono-connect's.
var quotedMonoPath = regexp.MustCompile(`'([^'\n]*mono-connect[^'\n]*)'|"([^"\n]*mono-connect[^"\n]*)"`)

// TestStarterLintIgnoresNameGeneratedFiles: the starters' ESLint configs spell the generated
// folder's path by hand (the core's folder, Target.CoreDir, and files beside it); when a target's
// CoreDir or a file name changes, an entry that no longer matches anything would go unnoticed,
// since the generated files' eslint-disable header keeps lint passing anyway. So every such entry
// must match at least one file the same greenfield plan writes.
func TestStarterLintIgnoresNameGeneratedFiles(t *testing.T) {
	plans := mustPlans(t)
	checked := 0
	for _, c := range plans {
		if !c.Options.Greenfield {
			continue
		}
		for _, f := range c.Plan.Files {
			if strings.Contains(f.Path, "/") || !eslintConfig.MatchString(f.Path) {
				continue
			}
			for _, line := range strings.Split(string(f.Content), "\n") {
				if i := strings.Index(line, "//"); i >= 0 {
					line = line[:i] // comments name mono-connect too, and are not entries
				}
				for _, m := range quotedMonoPath.FindAllStringSubmatch(line, -1) {
					entry := m[1] + m[2]
					checked++
					if !matchesAny(entry, c.Plan.Files) {
						t.Errorf("%s: %s ignores %q, which matches no file the plan writes", c.Name, f.Path, entry)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no starter ESLint config names a generated path: nothing was checked")
	}
	t.Logf("checked %d entries", checked)
}

// matchesAny reports whether the ESLint ignore glob matches a planned file: a folder ("dir/",
// "dir/**") matches the files below it, anything else is a path.Match pattern.
func matchesAny(glob string, files []File) bool {
	dir := strings.TrimSuffix(strings.TrimSuffix(glob, "**"), "/")
	for _, f := range files {
		if strings.HasSuffix(glob, "/") || strings.HasSuffix(glob, "/**") {
			if strings.HasPrefix(f.Path, dir+"/") {
				return true
			}
		} else if ok, _ := path.Match(glob, f.Path); ok {
			return true
		}
	}
	return false
}
