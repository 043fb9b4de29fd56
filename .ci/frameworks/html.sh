#!/usr/bin/env bash
# html (server-rendered pages, no JS build): the greenfield starter is Go only: no package.json
# and no node_modules anywhere, `go vet` and `go build` pass, and the built binary serves the
# page (the public key escaped into the element), the element and connect.js byte for byte the
# pinned release (its sha384 is the SRI mono-connect records), and /api/mono/* from one origin.
# Brownfield into hand-made hosts (the generators need PHP, Python and Ruby toolchains and their
# package downloads, which CI does not have): a Go html/template app (built and vetted with the
# handler inside its module), and the marker files plus static folder of a Laravel 12 app
# (artisan, public/, its vite package.json), a Django 5 project (manage.py, static/) and a Rails 8
# app (Gemfile, config/routes.rb, public/). Each: detection without --framework, git status lists
# exactly the integration, a second init changes nothing, generate --check is clean.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"
export GOFLAGS=-mod=mod

sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | base64 -w0)"; }
want_sri=$(grep -o 'sha384-[A-Za-z0-9+/=]*' "$(dirname "$0")/../../templates/connectjs.go")

say "html greenfield: init, go vet, go build; no Node anywhere"
app="$scratch/app"
"$mc" init "$app" --framework html --features link,reauth,payments,events --yes >/dev/null
[ ! -e "$app/package.json" ] || fail "the html starter has a package.json"
[ -z "$(find "$app" -name node_modules -o -name '*.mjs' -o -name package.json)" ] || fail "the html starter holds Node files"
(cd "$app/server" && go vet ./... && go build -o "$scratch/server" .)
[ "$(sri "$app/server/static/mono-connect/connect.js")" = "$want_sri" ] || fail "the starter's connect.js is not the pinned file"
for f in "$app"/server/static/mono-connect/*.js; do node --check "$f" || fail "$f does not parse"; done

say "html greenfield: the binary serves the page, the element, connect.js and /api/mono/ from one origin"
port=18473
(cd "$scratch" && MONO_SECRET_KEY=test_sk_ci_not_a_key_0000 MONO_PUBLIC_KEY='test_pk_ci"<b>' PORT=$port \
  DATABASE_URL="sqlite:$scratch/db" exec "$scratch/server" >"$scratch/server.log" 2>&1) &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://localhost:$port/healthz" >/dev/null && break; sleep 0.1; done
page=$(curl -fs "http://localhost:$port/") || { cat "$scratch/server.log"; fail "no page at /"; }
grep -q '<mono-connect-button public-key="test_pk_ci&#34;&lt;b&gt;"' <<<"$page" || fail "the page does not carry the escaped public key"
grep -q 'data-mono-connect' <<<"$page" && grep -q 'data-mono-status' <<<"$page" || fail "the page lacks the contract's button and status"
curl -fs "http://localhost:$port/static/mono-connect/connect.js" -o "$scratch/served.js"
[ "$(sri "$scratch/served.js")" = "$want_sri" ] || fail "/static/mono-connect/connect.js is not the pinned file"
curl -fs "http://localhost:$port/static/mono-connect/mono-connect-button.js" | grep -q "customElements.define('mono-connect-button'" || fail "the element is not served"
curl -fs "http://localhost:$port/api/mono/accounts" | grep -q accounts || fail "/api/mono/accounts does not answer"
kill $server_pid; wait $server_pid 2>/dev/null || true

# html_brownfield DIR BACKEND EXPECTED...: like brownfield_check of lib.sh, without npm.
html_brownfield() {
  local dir=$1 backend=$2; shift 2
  init_only_integration "$dir" "$backend" "$@"
  grep -q '^mono-connect: html (js)' "$scratch/init.txt" || fail "$dir was not detected as html"
}
element() { for f in connect.js connect.js.LICENSE.txt mono-connect-button.js mono-connect-dom.js; do echo "$1/mono-connect/$f"; done; core_js_files "$1/mono-connect"; }

# A Go html/template app serving static/ at /static/, by hand (Go has no app generator).
go_host="$scratch/gohost"
mkdir -p "$go_host/templates" "$go_host/static"
cat >"$go_host/go.mod" <<'GO'
module example.com/shop

go 1.22
GO
cat >"$go_host/main.go" <<'GO'
package main

import (
	"html/template"
	"net/http"
	"os"
)

var page = template.Must(template.ParseFiles("templates/index.html"))

func main() {
	http.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("static"))))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_ = page.Execute(w, map[string]string{"MonoPublicKey": os.Getenv("MONO_PUBLIC_KEY")})
	})
	_ = http.ListenAndServe(":3000", nil)
}
GO
printf '<!doctype html>\n<title>Shop</title>\n<h1>Shop</h1>\n' >"$go_host/templates/index.html"
echo 'body { font-family: sans-serif; }' >"$go_host/static/app.css"
pkg="client.go client_test.go config.go config_test.go doc.go drivers_test.go fakemono_test.go fuzz_test.go handler.go handler_test.go hooks.go monoconnecttest/monoconnecttest.go monoconnecttest/monoconnecttest_test.go server.go server_test.go store.go store_test.go testdb_test.go users.go webhook.go webhook_test.go"
html_brownfield "$go_host" go .gitignore mono-connect.json $(element static) $(for f in $pkg; do echo "internal/monoconnect/$f"; done)
say "html brownfield: the Go host builds and vets with package monoconnect inside it"
(cd "$go_host" && go vet ./... && go build ./...)

laravel="$scratch/laravel"
mkdir -p "$laravel/public" "$laravel/resources/views"
printf '#!/usr/bin/env php\n<?php\n' >"$laravel/artisan"
echo '{"private": true, "type": "module", "scripts": {"build": "vite build", "dev": "vite"}, "devDependencies": {"laravel-vite-plugin": "^2.0.0", "vite": "^7.0.4"}}' >"$laravel/package.json"
echo '<?php' >"$laravel/public/index.php"
echo '<h1>Welcome</h1>' >"$laravel/resources/views/welcome.blade.php"
html_brownfield "$laravel" none .gitignore mono-connect.json $(element public)

django="$scratch/django"
mkdir -p "$django/shop" "$django/static"
printf '#!/usr/bin/env python\n' >"$django/manage.py"
echo 'STATIC_URL = "static/"' >"$django/shop/settings.py"
html_brownfield "$django" none .gitignore mono-connect.json $(element static)

rails="$scratch/rails"
mkdir -p "$rails/config" "$rails/public"
printf 'source "https://rubygems.org"\ngem "rails", "~> 8.1.0"\n' >"$rails/Gemfile"
printf 'Rails.application.routes.draw do\nend\n' >"$rails/config/routes.rb"
echo '<h1>Not found</h1>' >"$rails/public/404.html"
html_brownfield "$rails" none .gitignore mono-connect.json $(element public)
echo "html: greenfield Go starter and four brownfield hosts pass"
