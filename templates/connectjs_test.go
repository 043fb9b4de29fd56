package templates

import (
	"crypto/sha512"
	"encoding/base64"
	"io/fs"
	"strings"
	"testing"
)

// The vendored connect.js must be byte for byte the file ConnectJSSRI pins: a browser given the
// SRI refuses anything else, and the CDN option relies on the same digest.
func TestVendoredConnectJS(t *testing.T) {
	b, err := fs.ReadFile(FS, ConnectJSPath)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha512.Sum384(b)
	got := "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
	if got != ConnectJSSRI {
		t.Fatalf("%s has digest %s, ConnectJSSRI says %s: run go generate ./templates", ConnectJSPath, got, ConnectJSSRI)
	}
	// A UMD bundle defines the global the element loads it for.
	if !strings.Contains(string(b), "Connect") || len(b) < 10000 {
		t.Fatalf("%s does not look like connect.js's UMD bundle (%d bytes)", ConnectJSPath, len(b))
	}
}
