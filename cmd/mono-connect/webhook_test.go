package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mono-connect/mono-connect/generate"
)

func TestCheckWebhookURL(t *testing.T) {
	for _, tc := range []struct {
		url    string
		remote bool
		ok     bool
	}{
		{"http://localhost:8080/api/mono/webhook", false, true},
		{"http://127.0.0.1:9/x", false, true},
		{"http://[::1]:9/x", false, true},
		{"http://app.localhost:9/x", false, true},
		{"https://hooks.example.com/x", false, false},
		{"https://hooks.example.com/x", true, true},
		{"http://localhost.example.com/x", false, false},
		{"http://10.0.0.1/x", false, false},
		{"ftp://localhost/x", true, false},
		{"localhost:8080", false, false},
		{"http://user:pw@localhost/x", false, false},
	} {
		_, err := checkWebhookURL(tc.url, tc.remote)
		if (err == nil) != tc.ok {
			t.Errorf("checkWebhookURL(%q, allowRemote=%v) = %v, want ok=%v", tc.url, tc.remote, err, tc.ok)
		}
		if err != nil && !generate.IsUsage(err) {
			t.Errorf("checkWebhookURL(%q): %v is not a usage error", tc.url, err)
		}
	}
}

func TestReadEnvValue(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, ".env")
	content := "# comment\nMONO_SECRET_KEY=sk\nexport MONO_WEBHOOK_SECRET='first'\nOTHER=1\nMONO_WEBHOOK_SECRET=last # trailing\n"
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := readEnvValue(p, "MONO_WEBHOOK_SECRET"); err != nil || got != "last" {
		t.Errorf("got %q, %v; want the last assignment without its comment", got, err)
	}
	if got, err := readEnvValue(p, "MISSING"); err != nil || got != "" {
		t.Errorf("missing key: %q, %v", got, err)
	}
	if got, err := readEnvValue(filepath.Join(dir, "nope"), "X"); err != nil || got != "" {
		t.Errorf("missing file: %q, %v", got, err)
	}
	if _, err := readEnvValue(dir, "X"); err == nil {
		t.Error("reading a directory did not fail")
	}
}

func TestServerEnvFileFollowsTheRecord(t *testing.T) {
	dir := t.TempDir()
	if got := serverEnvFile(dir); got != filepath.Join(dir, "server", ".env") {
		t.Errorf("without a record: %s", got)
	}
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(dir, "mono-connect.json"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(`{"answers":{"server_dir":"backend","server_standalone":true}}`)
	if got := serverEnvFile(dir); got != filepath.Join(dir, "backend", ".env") {
		t.Errorf("standalone backend/: %s", got)
	}
	write(`{"answers":{"server_dir":"../outside","server_standalone":true}}`)
	if got := serverEnvFile(dir); got != filepath.Join(dir, "server", ".env") {
		t.Errorf("a dir outside the project was followed: %s", got)
	}
}

// TestWebhookSendDoesNotFollowRedirects: a redirect would carry the secret header elsewhere.
func TestWebhookSendDoesNotFollowRedirects(t *testing.T) {
	var elsewhere bool
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { elsewhere = true }))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL, http.StatusTemporaryRedirect)
	}))
	defer srv.Close()
	var out, errOut strings.Builder
	code := run([]string{"webhook", "send", "mono.events.account_connected", "--to", srv.URL, "--secret", "redirect-5ecret"}, strings.NewReader(""), &out, &errOut)
	if code != exitFailure || elsewhere {
		t.Errorf("exit %d, redirect followed: %v; want exit 1 and no request elsewhere", code, elsewhere)
	}
	if !strings.Contains(out.String(), "307 Temporary Redirect") || strings.Contains(out.String()+errOut.String(), "redirect-5ecret") {
		t.Errorf("stdout %q stderr %q", out.String(), errOut.String())
	}
}
