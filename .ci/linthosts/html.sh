# Sourced by .ci/linthosts.sh: the html lint host. host_html writes the app under $ws/hosts/html;
# catalog_html prints the workspace catalog entries its package.json references.
catalog_html() {
  cat <<'EOF'
@eslint/js 10.0.1
eslint 10.16.0
eslint-plugin-unicorn 80.0.0
globals 17.15.0
prettier 3.10.1
typescript 6.0.3
EOF
}

# ---- html: a Go web app (html/template pages, static/ served as is) with front-end tooling only --
# Its package.json holds ESLint (@eslint/js and unicorn's recommended), Prettier and tsc for the
# page scripts in static/ (with a lint-staged config), as many server-rendered apps keep one; no
# bundler. The type check is tsc with strict checkJs over static/: the element init writes has
# JSDoc types, its core a .d.ts beside each module. The build is the Go app's, with the package
# init adds (go build and go vet of internal/monoconnect too). init
# detects html from go.mod (no JS framework in package.json), writes the element, its core and a
# vendored connect.js into static/mono-connect/ and the Go handler into internal/monoconnect/, and
# leaves package.json alone: connect.js is served from static/, not installed.
no_npm_dependency_html() { echo static/mono-connect/connect.js; }

host_html() {
  local d=$ws/hosts/html
  mkdir -p "$d/templates" "$d/static"
  cat >"$d/package.json" <<'EOF'
{
  "name": "html-host",
  "private": true,
  "type": "module",
  "scripts": {
    "build": "go build ./... && go vet ./...",
    "lint": "eslint . --max-warnings 0",
    "typecheck": "tsc -p jsconfig.json"
  },
  "devDependencies": {
    "@eslint/js": "catalog:",
    "eslint": "catalog:",
    "eslint-plugin-unicorn": "catalog:",
    "globals": "catalog:",
    "prettier": "catalog:",
    "typescript": "catalog:"
  }
}
EOF
  cat >"$d/go.mod" <<'EOF'
module example.com/shop

go 1.24
EOF
  cat >"$d/main.go" <<'EOF'
// The shop: pages rendered from templates/, the files in static/ served at /static/.
package main

import (
	"html/template"
	"log"
	"net/http"
	"os"
)

var page = template.Must(template.ParseFiles("templates/index.html"))

func main() {
	mux := http.NewServeMux()
	mux.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("static"))))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if err := page.Execute(w, map[string]string{"MonoPublicKey": os.Getenv("MONO_PUBLIC_KEY")}); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	log.Fatal(http.ListenAndServe(":3000", mux))
}
EOF
  cat >"$d/templates/index.html" <<'EOF'
<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Shop</title>
    <script type="module" src="/static/app.js"></script>
  </head>
  <body>
    <h1>Shop</h1>
    <footer>&copy; <span data-year></span></footer>
  </body>
</html>
EOF
  cat >"$d/static/app.js" <<'EOF'
const year = document.querySelector('[data-year]')
if (year) {
  year.textContent = String(new Date().getFullYear())
}
EOF
  # The one file left out of ESLint and tsc is the vendored connect.js: the published minified
  # bundle byte for byte (no generated-file header: its Subresource Integrity digest pins it), a
  # third-party library as an app's static/vendor/ would hold. The element and its core, which
  # mono-connect writes, are linted and type-checked like the app's own scripts.
  cat >"$d/eslint.config.js" <<'EOF'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import unicorn from 'eslint-plugin-unicorn'
import globals from 'globals'

export default defineConfig([
  globalIgnores(['static/mono-connect/connect.js']),
  js.configs.recommended,
  unicorn.configs.recommended,
  {
    files: ['static/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
])
EOF
  # The page scripts, type-checked as an editor with checkJs checks them.
  cat >"$d/jsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "target": "es2023",
    "module": "esnext",
    "lib": ["ES2023", "DOM", "DOM.Iterable"],
    "moduleResolution": "bundler",
    "moduleDetection": "force",
    "allowJs": true,
    "checkJs": true,
    "noEmit": true,
    "skipLibCheck": true,
    "strict": true,
    "noUncheckedIndexedAccess": true
  },
  "include": ["static"],
  "exclude": ["static/mono-connect/connect.js"]
}
EOF
  printf '{ "semi": false, "singleQuote": true }\n' >"$d/.prettierrc.json"
  lint_staged "$d" "*.{js,json}"
}
