package doctor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mono-connect/mono-connect/internal/testfs"
)

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"test_pk_q8Zr4WxK2mT7vLp93f9a": "test_pk_…3f9a",
		"live_sk_Zy8Xw6Vu4Ts2Rq0Po9m1": "live_sk_…o9m1",
		"test_pk_short":                "test_pk_…",
		"whsec_Fp3Lk8Zm1Nq6Vb4Xs9d4":   "…s9d4",
		"abc":                          "…",
		"":                             "(empty)",
	} {
		if got := mask(in); got != want {
			t.Errorf("mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClassifyKey(t *testing.T) {
	for in, want := range map[string]keyKind{
		"test_pk_x": {Public: true, Mode: "test"},
		"live_pk_x": {Public: true, Mode: "live"},
		"test_sk_x": {Secret: true, Mode: "test"},
		"live_sk_x": {Secret: true, Mode: "live"},
		"pk_x":      {},
		"":          {},
	} {
		if got := classifyKey(in); got != want {
			t.Errorf("classifyKey(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func TestParseEnv(t *testing.T) {
	f := parseEnv(".env", []byte("# c\nA=1\nexport B = two \nC=\"q # not a comment\"\nD='s'\nE=v # comment\nnot a line\nA=3\n"))
	want := map[string]string{"A": "3", "B": "two", "C": "q # not a comment", "D": "s", "E": "v"}
	for k, v := range want {
		if f.Vars[k] != v {
			t.Errorf("%s = %q, want %q", k, f.Vars[k], v)
		}
	}
	if strings.Join(f.Order, ",") != "A,B,C,D,E" {
		t.Errorf("order %v", f.Order)
	}
}

// TestJSConfigReadsWhatRuns: comments are not code, quotes and TypeScript do not matter, a
// template literal resolves known constants, and a syntax error is reported with its line.
func TestJSConfigReadsWhatRuns(t *testing.T) {
	dir := t.TempDir()
	testfs.WriteFile(t, filepath.Join(dir, "a.ts"), `import { defineConfig } from 'vite';
const port: number = 9090;
const api = "http://127.0.0.1:9090";
export default defineConfig({
  server: {
    // proxy: { '/api/mono': 'http://localhost:1' },
    /* '/api/mono': 'http://localhost:2', */
    proxy: { "/api/mono": { target: `+"`${api}`"+`, changeOrigin: true } as any },
  },
});
`)
	cfg, err := parseJSConfig(dir, "a.ts")
	if err != nil {
		t.Fatal(err)
	}
	props := cfg.properties(isMonoRoute)
	if len(props) != 1 {
		t.Fatalf("%d /api/mono properties, want 1 (comments must not count)", len(props))
	}
	i, ok := cfg.member(props[0].start, "target")
	if !ok {
		t.Fatal("no target")
	}
	if s, ok := cfg.str(i); !ok || s != "http://127.0.0.1:9090" {
		t.Errorf("target %q %v", s, ok)
	}
	testfs.WriteFile(t, filepath.Join(dir, "b.js"), "export default {\n  server: { proxy: { '/api/mono': } }\n}\n")
	if _, err := parseJSConfig(dir, "b.js"); err == nil || !strings.HasPrefix(err.Error(), "b.js:2:") {
		t.Errorf("syntax error: %v", err)
	}
}

func TestPolicyAllowsMono(t *testing.T) {
	for csp, want := range map[string]bool{
		"default-src 'self'": false,
		"default-src 'self'; frame-src https://connect.mono.co":  true,
		"frame-src 'self'; default-src *":                        false, // frame-src decides
		"child-src https:":                                       true,
		"script-src 'self'":                                      true, // frames unrestricted
		"default-src 'none'; frame-src 'self' https://*.mono.co": true,
		"frame-src 'self' https://connect.mono.co.evil.example":  false,
	} {
		if got, _ := parsePolicy("x", csp).allowsMono(); got != want {
			t.Errorf("%q: allows %v, want %v", csp, got, want)
		}
	}
}

func TestGitignoreRules(t *testing.T) {
	dir := t.TempDir()
	testfs.WriteFile(t, filepath.Join(dir, ".gitignore"), "node_modules\n*.local\n.env.*\n!.env.example\n")
	g := gitView{root: dir}
	for path, want := range map[string]bool{".env.local": true, ".env.production": true, ".env.example": false, ".env": false} {
		if got := g.ignored(path); got != want {
			t.Errorf("%s ignored %v, want %v", path, got, want)
		}
	}
	lines, err := fixIgnore(dir, []string{".env"})
	if err != nil || len(lines) != 1 {
		t.Fatalf("fixIgnore: %v %v", lines, err)
	}
	if !g.ignored(".env") || g.ignored(".env.example") {
		t.Error("after the fix .env must be ignored and .env.example not")
	}
	if lines, _ := fixIgnore(dir, []string{".env"}); len(lines) != 0 {
		t.Errorf("a second fix changed %v", lines)
	}
}

func TestFixAngularProxyKeepsEntries(t *testing.T) {
	dir := t.TempDir()
	testfs.WriteFile(t, filepath.Join(dir, "proxy.conf.json"), "{\n  \"/other\": {\"target\": \"http://localhost:1\"}\n}\n")
	if _, err := fixAngularProxy(dir, "proxy.conf.json", 9000); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "proxy.conf.json"))
	if !strings.Contains(string(b), `"/other"`) || !strings.Contains(string(b), "http://localhost:9000") {
		t.Errorf("proxy.conf.json after the fix:\n%s", b)
	}
	testfs.WriteFile(t, filepath.Join(dir, "bad.json"), "[1]\n")
	if _, err := fixAngularProxy(dir, "bad.json", 9000); err == nil {
		t.Error("a JSON array was edited")
	}
	if _, err := fixAngularProxy(dir, "new.json", 9000); err != nil {
		t.Errorf("a missing proxy file: %v", err)
	}
}
