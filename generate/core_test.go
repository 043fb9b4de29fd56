package generate

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/mono-connect/mono-connect/templates"
)

// TestCoreDirsExist: renderDir skips a missing folder quietly, so a misspelt core folder would
// turn into missing modules and a build that fails in the user's project instead of here.
func TestCoreDirsExist(t *testing.T) {
	for _, f := range []Features{{}, {Reauth: true}, {Payments: true}, {Reauth: true, Payments: true}} {
		for _, d := range coreDirs(f) {
			if _, err := fs.Stat(templates.FS, d); err != nil {
				t.Errorf("coreDirs(%+v) names %s: %v", f, d, err)
			}
		}
	}
}

// flowMarkers are lines only each optional flow's module holds: the payment request and the
// re-authorisation's input check.
var flowMarkers = map[string][]string{
	"payments": {"'/api/mono/payments'", `"/api/mono/payments"`},
	"reauth":   {"reauthorise needs the account id"},
}

// TestUnchosenFlowsShipNoCode renders every combination and proves the core split: a frontend
// file holds a flow's code only when the feature was chosen, and then the core holds it exactly
// once (in its feature module), so no bundler of a project without it can include it.
func TestUnchosenFlowsShipNoCode(t *testing.T) {
	plans := mustPlans(t)
	checked := map[bool]int{}
	for _, c := range plans {
		chosen := map[string]bool{}
		for _, f := range c.Options.Features {
			chosen[f] = true
		}
		serverDir := c.Plan.Data.Server.Dir + "/"
		for feature, markers := range flowMarkers {
			var holders []string
			for _, f := range c.Plan.Files {
				// The Go server's routes name the flows too; html's greenfield keeps its static
				// frontend inside the server folder, so only the core folder is exempt from the skip.
				if c.Plan.Data.Server.Dir != "" && strings.HasPrefix(f.Path, serverDir) && !strings.HasPrefix(f.Path, c.Plan.Data.CoreDir+"/") {
					continue
				}
				for _, m := range markers {
					if strings.Contains(string(f.Content), m) {
						holders = append(holders, f.Path)
						break
					}
				}
			}
			want := c.Plan.Data.CoreDir + "/mono-connect-" + feature + "." + c.Options.Lang
			switch {
			case chosen[feature] && (len(holders) != 1 || holders[0] != want):
				t.Errorf("%s: %s chosen, its code is in %v, want only %s", c.Name, feature, holders, want)
			case !chosen[feature] && len(holders) != 0:
				t.Errorf("%s: %s not chosen, but its code is in %v", c.Name, feature, holders)
			}
			checked[chosen[feature]]++
		}
	}
	if checked[true] == 0 || checked[false] == 0 {
		t.Fatalf("combinations checked with the feature chosen / not chosen: %v", checked)
	}
}
