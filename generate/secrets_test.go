package generate

import (
	"regexp"
	"strings"
	"testing"
)

// keyLooking matches a real-looking Mono key: a prefix and a body long enough to be one. The
// placeholders the templates show ("test_sk_…") are too short to match.
var keyLooking = regexp.MustCompile(`\b(test|live)_(sk|pk)_[A-Za-z0-9]{8,}`)

// serverOnly are the names only server code may mention: the secret key and the webhook secret,
// their env variables and the header that carries the secret to Mono.
var serverOnly = []string{"MONO_SECRET_KEY", "MONO_WEBHOOK_SECRET", "mono-sec-key", "mono-webhook-secret"}

// TestNoSecretOutsideServerCode renders every target and option combination and proves that
// frontend output never refers to the secret key (so no bundler can be asked to inline it), that no
// generated file carries a key, and that every plan keeps .env files out of git.
func TestNoSecretOutsideServerCode(t *testing.T) {
	plans := mustPlans(t)
	scanned := 0
	for _, c := range plans {
		o, p := c.Options, c.Plan
		serverDir := p.Data.Server.Dir + "/"
		ignored := false
		for _, f := range p.Files {
			scanned++
			content := string(f.Content)
			if m := keyLooking.FindString(content); m != "" {
				t.Errorf("%s/%s: %s holds a key-looking value %q", o.Framework, o.Lang, f.Path, m)
			}
			inServer := p.Data.Server.Dir != "" && strings.HasPrefix(f.Path, serverDir)
			if !inServer && f.Path != RecordName {
				for _, name := range serverOnly {
					if strings.Contains(content, name) {
						t.Errorf("%s/%s: %s (frontend) mentions %s", o.Framework, o.Lang, f.Path, name)
					}
				}
			}
			if f.Path == ".gitignore" {
				ignored = gitignoreHasAll(f.Content, []string{".env", ".env.local", ".env.*.local"})
			}
		}
		if !ignored {
			t.Errorf("%s/%s: the plan does not ensure .env, .env.local and .env.*.local are gitignored", o.Framework, o.Lang)
		}
	}
	if scanned == 0 {
		t.Fatal("no file was scanned")
	}
	t.Logf("scanned %d files", scanned)
}

// TestGivenKeyGoesOnlyToTheEnvFile gives a public key and checks it lands in the target's
// gitignored env file (or, for Angular, its environment files) and nowhere else: not
// .env.example, not the record, not code.
func TestGivenKeyGoesOnlyToTheEnvFile(t *testing.T) {
	const key = "test_pk_q8v3kz1m0n2b4x7c"
	for _, target := range Targets() {
		o := Options{Framework: target.Name, Lang: target.Langs[0], Greenfield: true, PublicKey: key, AppName: "app"}
		p, err := Generate(o, Input{ToolVersion: "1.0.0"})
		if target.Name == "html" {
			// No file of an html app holds the key (its server renders it from env): init must
			// refuse the flag rather than drop the key silently.
			if !IsUsage(err) {
				t.Errorf("html: --public-key gave %v, want a usage error", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", target.Name, err)
		}
		want := keyHolders(target, p.Data)
		got := map[string]bool{}
		for _, f := range p.Files {
			if strings.Contains(string(f.Content), key) {
				got[f.Path] = true
			}
		}
		if len(want) == 0 || len(got) != len(want) {
			t.Errorf("%s: the key is in %v, want exactly %v", target.Name, got, want)
		}
		for f := range got {
			if !want[f] {
				t.Errorf("%s: the key leaked into %s", target.Name, f)
			}
		}
	}
}
