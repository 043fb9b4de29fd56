package doctor

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/templates"
)

// A Static target's widget check reads the vendored connect.js: the pinned file passes, a changed
// or missing one fails with the remedy that writes it again.
func TestStaticWidgetChecksTheVendoredFile(t *testing.T) {
	root := t.TempDir()
	p := &project{o: Options{Root: root}, target: generate.LookupTarget("html"), rec: &generate.Record{Answers: generate.Answers{Framework: "html", StaticDir: "public"}}}
	file := filepath.Join(root, "public", "mono-connect", "connect.js")

	if c := staticWidget(p); c.Status != Fail || !strings.Contains(c.Message, "missing") {
		t.Fatalf("no file: got %v %q", c.Status, c.Message)
	}
	orig, err := fs.ReadFile(templates.FS, templates.ConnectJSPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	if c := staticWidget(p); c.Status != Pass {
		t.Fatalf("pinned file: got %v %q", c.Status, c.Message)
	}
	changed := append([]byte("/* patched */"), orig...)
	if err := os.WriteFile(file, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	if c := staticWidget(p); c.Status != Fail || !strings.Contains(c.Message, "is not @mono.co/connect.js") {
		t.Fatalf("changed file: got %v %q", c.Status, c.Message)
	}
}

// The key comes from the environment of the server rendering the page; a secret there fails.
func TestServerPublicKeyFromTheEnvironment(t *testing.T) {
	rec := &generate.Record{Answers: generate.Answers{Framework: "html", PublicKeyEnv: "MONO_PUBLIC_KEY"}}
	for _, tc := range []struct {
		value string
		want  Status
	}{{"", Fail}, {"test_pk_abcdefgh12345", Pass}, {"test_sk_abcdefgh12345", Fail}} {
		p := &project{rec: rec, o: Options{Getenv: func(n string) string {
			if n == "MONO_PUBLIC_KEY" {
				return tc.value
			}
			return ""
		}}}
		p.pub = p.devSetting("MONO_PUBLIC_KEY")
		if c := serverPublicKey(p); c.Status != tc.want {
			t.Errorf("MONO_PUBLIC_KEY=%q: got %v %q, want %v", tc.value, c.Status, c.Message, tc.want)
		}
	}
}
