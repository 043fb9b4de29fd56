package generate

import (
	"bytes"
	"go/format"
	"io/fs"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/mono-connect/mono-connect/templates"
)

// TestGeneratedGoIsGofmtClean renders every combination of target, language, features,
// institution, greenfield or brownfield and Go layout, and fails if go/format would change a
// byte of any generated Go file. Generation does not format at run time (it was most of the work
// of init and generate --check), so the templates themselves must render formatted code.
func TestGeneratedGoIsGofmtClean(t *testing.T) {
	plans := mustPlans(t)
	checked := 0
	reported := map[string]bool{}
	for _, c := range plans {
		for _, f := range c.Plan.Files {
			if !strings.HasSuffix(f.Path, ".go") {
				continue
			}
			checked++
			formatted, err := format.Source(f.Content)
			if err != nil {
				t.Errorf("%s: %s: %v", c.Name, f.Path, err)
				continue
			}
			if bytes.Equal(formatted, f.Content) {
				continue
			}
			diff := udiff.Unified("rendered/"+f.Path, "gofmt/"+f.Path, string(f.Content), string(formatted))
			if reported[diff] {
				t.Errorf("%s: %s is not gofmt-clean (same diff as above)", c.Name, f.Path)
				continue
			}
			reported[diff] = true
			t.Errorf("%s: %s is not gofmt-clean:\n%s", c.Name, f.Path, diff)
		}
	}
	if checked == 0 {
		t.Fatal("no Go file was rendered")
	}
}

// TestEveryTemplateParses parses every embedded template: templates are parsed lazily, on first
// use, so one that no combination renders would otherwise fail only in a user's run.
func TestEveryTemplateParses(t *testing.T) {
	n := 0
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".tmpl") {
			return err
		}
		n++
		_, err = parsedTemplate(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no template found")
	}
	if _, err := parsedTemplate("no/such.tmpl"); err == nil || !strings.Contains(err.Error(), "is missing") {
		t.Errorf("a missing template: got %v, want an error saying it is missing", err)
	}
}
