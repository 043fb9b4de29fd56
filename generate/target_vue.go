package generate

import (
	"io/fs"
	"path"
	"regexp"
	"strings"
)

var vueTarget = register(viteApp(&Target{
	Name:      "vue",
	Title:     "Vue 3 (Vite)",
	ListOrder: 40, DetectOrder: 50,
	DetectDeps: []string{"vue"},
	// Without a vue dependency (not added yet), single-file components are the telling sign; a
	// vite.config alone is just as likely a React or vanilla Vite app, which come later in the
	// detection order and would never be reached.
	DetectFiles: []string{"src/*.vue"},
	SrcDir:      vueSrcDir,
}))

// viteEntry finds the module script index.html loads, e.g. <script type="module" src="/src/main.ts">.
var viteEntry = regexp.MustCompile(`<script[^>]*\bsrc="/?([^"]+\.(?:ts|js|mts|mjs))"`)

// vueSrcDir is the folder holding the app's entry module: src/ in every layout create-vite makes;
// otherwise whatever folder index.html loads its entry from, so the integration lands beside the
// code a tsconfig "include" already covers.
func vueSrcDir(project fs.FS) string {
	if info, err := fs.Stat(project, "src"); err == nil && info.IsDir() {
		return "src"
	}
	html, err := fs.ReadFile(project, "index.html")
	if err != nil {
		return "src"
	}
	m := viteEntry.FindSubmatch(html)
	if m == nil {
		return "src"
	}
	dir := path.Dir(string(m[1]))
	if dir == "." || !fs.ValidPath(dir) || strings.HasPrefix(dir, "node_modules") {
		return "."
	}
	return dir
}
