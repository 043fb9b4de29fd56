package generate

import (
	"io/fs"
	"testing"

	"github.com/mono-connect/mono-connect/templates"
)

// TestCoreDirsExist: renderDir skips a missing folder quietly, so a misspelt core folder would
// turn into missing modules and a build that fails in the user's project instead of here.
func TestCoreDirsExist(t *testing.T) {
	for _, lang := range []string{"ts", "js"} {
		for _, f := range []Features{{}, {Reauth: true}, {Payments: true}, {Reauth: true, Payments: true}} {
			for _, d := range coreDirs(lang, f) {
				if _, err := fs.Stat(templates.FS, d); err != nil {
					t.Errorf("coreDirs(%s, %+v) names %s: %v", lang, f, d, err)
				}
			}
		}
	}
}
