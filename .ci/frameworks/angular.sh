#!/usr/bin/env bash
# Angular (standalone components, zoneless, no SSR). Angular is TypeScript only, so there is one
# starter: it builds with `ng build` (strict TypeScript, strictTemplates) without the builder's
# CommonJS warning for connect.js. Then init inside a fresh `ng new` workspace (Angular CLI 22.2.7,
# offline) adds only the integration, its environment files and angular.json's entries; the host
# builds, and builds again with <mono-connect-button> on its page.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"
export NG_CLI_ANALYTICS=false

# built DIR LOG: the browser bundle is where e2e serves it from (dist/<app>/browser), the button's
# compiled template is in it, and the build log has no CommonJS warning (allowedCommonJsDependencies).
built() {
  local dir=$1 log=$2
  local html
  html=$(ls "$dir"/dist/*/browser/index.html 2>/dev/null | head -1)
  [ -n "$html" ] || fail "$dir/dist/*/browser/index.html is missing"
  grep -lq 'data-mono-connect' "$(dirname "$html")"/*.js || fail "no bundle in $(dirname "$html") holds the data-mono-connect button"
  if grep -Eq 'not ESM|CommonJS or AMD' "$log"; then
    fail "ng build warned about a CommonJS dependency in $dir (see above)"
  fi
  say "built: $html, the button in the bundle, no CommonJS warning"
}

greenfield_build angular ts 2>&1 | tee "$scratch/angular-ts.log"
built "$scratch/angular-ts" "$scratch/angular-ts.log"

say "brownfield host: ng new (Angular CLI 22.2.7, --defaults --ssr=false)"
(cd "$scratch" && npm exec --yes -- @angular/cli@22.2.7 new host --skip-install --skip-git --defaults --ssr=false >/dev/null)
host="$scratch/host"
grep -q '"@angular/core": "^22\.' "$host/package.json" || fail "ng new did not make an Angular 22 workspace in $host"

core=src/lib/mono-connect
# ng new writes a .prettierrc and no .prettierignore: init creates one holding our folder and mono-connect.json (ignores.go).
brownfield_check "$host" .gitignore .prettierignore angular.json mono-connect.json package.json \
  src/environments/mono-connect.development.ts src/environments/mono-connect.ts src/proxy.conf.json \
  $core/config.ts $core/mono-connect-button.component.ts \
  $core/mono-connect.service.ts \
  $(core_ts_files "$core")

say "brownfield: the host's root component renders <mono-connect-button />, and builds"
app="$host/src/app/app.ts"
grep -q "^import { RouterOutlet } from '@angular/router';$" "$app" && grep -q '^  imports: \[RouterOutlet\],$' "$app" ||
  fail "$app is not the ng new component this script knows"
sed -i "s#^import { RouterOutlet } from '@angular/router';\$#&\nimport { MonoConnectButtonComponent } from '../lib/mono-connect/mono-connect-button.component';#" "$app"
sed -i 's#^  imports: \[RouterOutlet\],$#  imports: [RouterOutlet, MonoConnectButtonComponent],#' "$app"
sed -i '1i <mono-connect-button />' "$host/src/app/app.html"
(cd "$host" && npm run build) 2>&1 | tee "$scratch/host.log"
built "$host" "$scratch/host.log"
