//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// next: create-next-app's App Router home page with a client component on the generated core,
// served by `next start`.
var _ = register("next", recipe{
	tsOnlyByDefault: true,
	serve: nodeServer("next start", func(port int) []string {
		return []string{"node", "node_modules/next/dist/bin/next", "start", "-p", fmt.Sprint(port), "-H", "127.0.0.1"}
	}, nil),
	buildEnv: nextBuildEnv,
	host:     createNextApp,
	mount:    mountNext,
})

func createNextApp(t *testing.T, dir string) {
	npmExec(t, filepath.Dir(dir), "create-next-app@16.4.3", filepath.Base(dir),
		"--ts", "--app", "--no-eslint", "--no-tailwind", "--no-src-dir", "--import-alias", "@/*",
		"--use-npm", "--skip-install", "--disable-git", "--yes")
}

// mountNext puts a client component on create-next-app's home page.
func mountNext(t *testing.T, dir string) string {
	appDir := filepath.Join(dir, "app")
	if !exists(appDir) {
		appDir = filepath.Join(dir, "src", "app")
	}
	writeFile(t, filepath.Join(appDir, "mono-e2e.tsx"), reactComponent(coreImport(t, dir, appDir), "process.env.NEXT_PUBLIC_MONO_PUBLIC_KEY", "NEXT_PUBLIC_MONO_PUBLIC_KEY", true))
	page := filepath.Join(appDir, "page.tsx")
	insertAfter(t, page, "import styles from \"./page.module.css\";\n", "import MonoE2E from \"./mono-e2e\";\n")
	insertAfter(t, page, "<main className={styles.main}>\n", "        <MonoE2E />\n")
	return "/"
}

// nextBuildEnv lets `next build` load next/font/google fonts without the network, as Next's own
// tests do: NEXT_FONT_GOOGLE_MOCKED_RESPONSES maps each Google CSS URL to a stylesheet whose font
// files are served from loopback (next ships Geist in its devtools). Only needed when the app
// imports next/font/google (create-next-app's layout does; our starter must not, and says so in a
// comment, which is no import: so the match is on the import itself).
func nextBuildEnv(t *testing.T, dir string) []string {
	uses := false
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".next") {
			return filepath.SkipDir
		}
		if !d.IsDir() && regexp.MustCompile(`\.(tsx|jsx|ts|js|mjs)$`).MatchString(p) {
			if b, _ := os.ReadFile(p); nextFontImport.Match(b) {
				uses = true
			}
		}
		return nil
	})
	if !uses {
		return nil
	}
	return nextFontEnv(t, dir)
}

var nextFontImport = regexp.MustCompile(`(?m)^\s*import\s[^;]*from\s+["']next/font/google["']`)

// nextFontEnv starts the loopback font server and returns the env for `next build`.
func nextFontEnv(t *testing.T, dir string) []string {
	fontDir := filepath.Join(dir, "node_modules", "next", "dist", "next-devtools", "server", "font")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(fontDir))}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	base := "http://" + ln.Addr().String()
	face := func(family, file string) string {
		return fmt.Sprintf("/* latin */\n@font-face {\n  font-family: '%s';\n  font-style: normal;\n  font-weight: 100 900;\n  font-display: swap;\n  src: url(%s/%s) format('woff2');\n  unicode-range: U+0000-00FF;\n}\n", family, base, file)
	}
	mock := map[string]string{
		"https://fonts.googleapis.com/css2?family=Geist:wght@100..900&display=swap":      face("Geist", "geist-latin.woff2"),
		"https://fonts.googleapis.com/css2?family=Geist+Mono:wght@100..900&display=swap": face("Geist Mono", "geist-mono-latin.woff2"),
	}
	js, _ := json.Marshal(mock)
	file := filepath.Join(dir, ".e2e-next-fonts.cjs")
	writeFile(t, file, "module.exports = "+string(js)+";\n")
	return []string{"NEXT_FONT_GOOGLE_MOCKED_RESPONSES=" + file}
}
