package generate

import (
	"strings"
	"testing"
)

func TestNormalizeRefusesBadInput(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string // substring of the error
	}{
		{"no framework", Options{}, "--framework is required"},
		{"unknown framework", Options{Framework: "ember"}, `unknown framework "ember"`},
		{"lang typo", Options{Framework: "react", Lang: "typescript"}, `unknown language "typescript"`},
		{"short institution", Options{Framework: "react", Institution: "abc"}, "24 lowercase hex"},
		{"upper-case institution", Options{Framework: "react", Institution: "5F2D08BE60B92E2888287702"}, "24 lowercase hex"},
		{"injected institution", Options{Framework: "react", Institution: `"};alert(1);//aaaaaaaaaa`}, "24 lowercase hex"},
		{"auth method alone", Options{Framework: "react", AuthMethod: "mobile_banking"}, "--auth-method needs --institution"},
		{"bad auth method", Options{Framework: "react", Institution: "5f2d08be60b92e2888287702", AuthMethod: "ussd"}, `unknown --auth-method "ussd"`},
		{"bad feature", Options{Framework: "react", Features: []string{"link", "transfers"}}, `unknown feature "transfers"`},
		{"bad backend", Options{Framework: "react", Backend: "node"}, `unknown --backend "node"`},
		{"server dir escapes", Options{Framework: "react", ServerDir: "../x"}, "inside the project"},
		{"server dir absolute", Options{Framework: "react", ServerDir: "/etc"}, "relative"},
		{"server dir hidden", Options{Framework: "react", ServerDir: ".git/hooks"}, "not a place"},
		{"server dir quotes", Options{Framework: "react", ServerDir: `a"b`}, "use letters"},
		{"server dir with backend none", Options{Framework: "react", Backend: "none", ServerDir: "api"}, "no effect"},
		{"env name lower", Options{Framework: "react", PublicKeyEnv: "vite_key"}, "upper-case"},
		{"env name injection", Options{Framework: "react", PublicKeyEnv: "VITE_X;alert(1)"}, "upper-case"},
		{"env without prefix", Options{Framework: "react", PublicKeyEnv: "MONO_KEY"}, "must start with VITE_"},
		{"secret key", Options{Framework: "react", PublicKey: "test_sk_123"}, "secret key"},
		{"live secret key", Options{Framework: "react", PublicKey: "live_sk_abc"}, "secret key"},
		{"key with newline", Options{Framework: "react", PublicKey: "test_pk_1\nEVIL=1"}, "invalid --public-key"},
		{"package manager", Options{Framework: "react", PackageManager: "deno"}, `unknown --package-manager "deno"`},
		{"app name", Options{Framework: "react", Greenfield: true, AppName: "My App"}, "invalid app name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.opts.Normalize()
			if err == nil {
				t.Fatalf("Normalize accepted %+v", tt.opts)
			}
			if !IsUsage(err) {
				t.Errorf("error %v is not a usage error", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestNormalizeDefaults(t *testing.T) {
	o := Options{Framework: "react", Features: []string{"events", "reauth"}, Institution: "5f2d08be60b92e2888287702"}
	if _, err := o.Normalize(); err != nil {
		t.Fatal(err)
	}
	if o.Lang != "ts" || o.Backend != "go" || o.PackageManager != "npm" || o.AuthMethod != "internet_banking" || o.PublicKeyEnv != "VITE_MONO_PUBLIC_KEY" {
		t.Errorf("defaults not filled: %+v", o)
	}
	if got := strings.Join(o.Features, ","); got != "link,reauth,events" {
		t.Errorf("features = %s, want link added and canonical order", got)
	}
}

func TestAppNameFrom(t *testing.T) {
	for in, want := range map[string]string{"/tmp/My Shop": "my-shop", "app": "app", "/x/.hidden": "hidden", "/x/Ünï": "n", "/x/@@@": ""} {
		if got := AppNameFrom(in); got != want {
			t.Errorf("AppNameFrom(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMissingBaseIsATemplateError: a target naming a base folder that is not embedded must fail
// loudly, not render without the base's files.
func TestMissingBaseIsATemplateError(t *testing.T) {
	registry["bogus"] = &Target{Name: "bogus", Langs: []string{"ts"}, Key: KeyInFiles, KeyFiles: []string{"src/key.ts"}, CoreDir: "src/lib", StarterBases: []string{"no-such-base"}}
	defer delete(registry, "bogus")
	_, err := Generate(Options{Framework: "bogus", Lang: "ts", Backend: "none", Greenfield: true, AppName: "app"}, Input{ToolVersion: "1.0.0"})
	if err == nil || !strings.Contains(err.Error(), `names base "no-such-base"`) {
		t.Fatalf("err = %v, want a template error naming the base", err)
	}
}
