package generate

import (
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mono-connect/mono-connect/templates"
)

// FuzzRender feeds arbitrary strings into every free-text option of every target. Each run must
// either refuse the input with a usage error, or render output in which every file still parses in
// its language and every accepted value appears only as data: inside a string literal that decodes
// back to exactly the input, never as code.
func FuzzRender(f *testing.F) {
	seeds := [][5]string{
		{"5f2d08be60b92e2888287702", "VITE_MONO_PUBLIC_KEY", "server", "shop", "test_pk_abc"},
		{"", "NEXT_PUBLIC_MONO_PUBLIC_KEY", "internal/monoconnect", "my-app", ""},
		{`"};alert(1);//`, "VITE_X;alert(1)", "../../etc", "</script>", "live_sk_secret"},
		{"5f2d08be60b92e2888287702\n", "VITE_${x}", "a\"b", "{{.Greenfield}}", "test_pk_`x`"},
		{"\u2028", "PUBLIC_MONO_KEY", "/abs", "a b", "test_pk_1\nEVIL=1"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2], s[3], s[4], uint8(0))
	}
	targets := Targets()
	f.Fuzz(func(t *testing.T, institution, keyEnv, serverDir, appName, publicKey string, pick uint8) {
		target := targets[int(pick)%len(targets)]
		lang := target.Langs[int(pick/16)%len(target.Langs)]
		o := Options{
			Framework: target.Name, Lang: lang, Features: AllFeatures,
			Institution: institution, PublicKeyEnv: keyEnv, ServerDir: serverDir,
			PublicKey: publicKey, Greenfield: pick%2 == 0, AppName: appName,
		}
		if institution != "" {
			o.AuthMethod = "mobile_banking"
		}
		var project fstest.MapFS
		if !o.Greenfield {
			project = brownfieldProject()
		}
		p, err := Generate(o, Input{Project: project, ToolVersion: "1.0.0"})
		if err != nil {
			if !IsUsage(err) {
				t.Fatalf("Generate failed without a usage error: %v", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("usage error is not one line: %q", err)
			}
			return
		}
		for _, f := range p.Files {
			if err := parseFile(f.Path, f.Content); err != nil {
				t.Fatalf("%s does not parse: %v", f.Path, err)
			}
			if strings.HasPrefix(path.Base(f.Path), ".env") && publicKey != "" && strings.Contains(string(f.Content), "\n"+publicKey+"\n") {
				t.Fatalf("%s holds the key on a line of its own", f.Path)
			}
		}
		if institution != "" {
			lit, _ := json.Marshal(institution)
			found := false
			for _, f := range p.Files {
				c := string(f.Content)
				if !strings.Contains(c, institution) {
					continue
				}
				if !strings.Contains(c, string(lit)) && !strings.Contains(c, "'"+institution+"'") {
					t.Fatalf("%s holds the institution outside a string literal", f.Path)
				}
				found = true
			}
			if !found && len(target.Name) > 0 && hasIntegrationTemplates(target) {
				t.Fatalf("the institution %q reached no generated file", institution)
			}
		}
		// A short key can turn up by chance (in a sha256 digest, say); real keys are long.
		if len(publicKey) >= 12 {
			allowed := keyHolders(target, p.Data)
			for _, f := range p.Files {
				if strings.Contains(string(f.Content), publicKey) && !allowed[f.Path] {
					t.Fatalf("the public key leaked into %s (it belongs only in %v)", f.Path, allowed)
				}
			}
		}
	})
}

// keyHolders are the files a --public-key may be written to: the target's gitignored env file, or
// the files it keeps the key in instead.
func keyHolders(t *Target, d TemplateData) map[string]bool {
	out := map[string]bool{}
	if t.EnvFile != "" {
		out[t.EnvFile] = true
	}
	for _, f := range t.KeyFiles {
		out[path.Clean(strings.ReplaceAll(f, "_src_", d.SrcDir))] = true
	}
	return out
}

// hasIntegrationTemplates reports whether the target has its integration templates yet.
func hasIntegrationTemplates(t *Target) bool {
	_, err := fs.Stat(templates.FS, t.Name+"/integration")
	return err == nil
}
