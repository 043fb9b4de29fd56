package generate

import (
	"bytes"
	"crypto/sha512"
	"encoding/base64"
	"io/fs"
	"strings"
	"testing"

	"github.com/mono-connect/mono-connect/templates"
)

// A vendored file reaches the project byte for byte: the generated-file header every other owned
// script gets would change connect.js's digest, and a page pinning its SRI would refuse it.
func TestVendoredFilesReachTheProjectUnchanged(t *testing.T) {
	want, err := fs.ReadFile(templates.FS, templates.ConnectJSPath)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, tg := range Targets() {
		if tg.Static == nil {
			continue
		}
		p, err := Generate(Options{Framework: tg.Name, Greenfield: true, AppName: "app"}, Input{ToolVersion: "1.0.0"})
		if err != nil {
			t.Fatalf("%s: %v", tg.Name, err)
		}
		for _, f := range p.Files {
			if !strings.HasSuffix(f.Path, "/connect.js") {
				continue
			}
			checked++
			sum := sha512.Sum384(f.Content)
			if got := "sha384-" + base64.StdEncoding.EncodeToString(sum[:]); got != templates.ConnectJSSRI || !bytes.Equal(f.Content, want) {
				t.Errorf("%s: %s is not the vendored file (digest %s, want %s)", tg.Name, f.Path, got, templates.ConnectJSSRI)
			}
		}
		// Its neighbour, our own element, does carry the header.
		for _, f := range p.Files {
			if strings.HasSuffix(f.Path, "/mono-connect-button.js") && !bytes.HasPrefix(f.Content, scriptHeader) {
				t.Errorf("%s: %s has no generated-file header", tg.Name, f.Path)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no Static target wrote a connect.js")
	}
}
