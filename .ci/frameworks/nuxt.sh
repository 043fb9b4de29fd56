#!/usr/bin/env bash
# Nuxt 4: the ts and js starters build with `nuxt build` (the ts one after `nuxt typecheck`, i.e.
# vue-tsc over the .vue files under Nuxt's strict tsconfig), then the built server renders / with
# the button in it, and connect.js is in neither the server build nor the client's entry chunk:
# proof that nothing of the widget runs during server rendering. Then init inside the project
# `nuxi init` makes adds only the integration (nuxt.config.ts untouched), the project builds, and
# with <MonoConnectButton /> on its page it builds and serves again.
#
# Nuxt installs are the slow part (about 80 s warm): the ts app's node_modules moves on to the js
# app and then to the host, so npm only reconciles the difference.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"
export NUXT_TELEMETRY_DISABLED=1

# greenfield LANG: scaffold nuxt-LANG (lib.sh's greenfield_init, taking node_modules from $reuse,
# if set), install, build (no build line may name a generated file), and lint: what
# greenfield_build does, with the node_modules hand-over.
greenfield() {
  local lang=$1
  local dir="$scratch/nuxt-$lang" log="$scratch/nuxt-$lang.build.log"
  say "nuxt/$lang greenfield: init, npm install, npm run build, npm run lint"
  greenfield_init nuxt "$lang"
  if [ -n "${reuse:-}" ]; then mv "$reuse/node_modules" "$dir/node_modules"; fi
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  ! grep -rq '"resolved"' "$dir/package-lock.json" || fail "$dir/package-lock.json records download addresses"
  (cd "$dir" && npm run build) >"$log" 2>&1 || { cat "$log"; fail "$dir: npm run build failed"; }
  cat "$log"
  no_generated_warnings "$dir" "$log"
  greenfield_lint "$dir"
  reuse=$dir
}

# served DIR WANT...: start DIR's built Nitro server on a loopback port (bounded wait, killed
# after) with a public key in its environment, as Nuxt is deployed, fetch /, and check that the
# HTML holds each WANT and the key reached runtimeConfig.public.
served() {
  local dir=$1; shift
  local port=$((20000 + RANDOM % 20000)) html="$scratch/served.html" pid ok=
  (cd "$dir" && NUXT_PUBLIC_MONO_PUBLIC_KEY=test_pk_ci HOST=127.0.0.1 PORT=$port \
    exec node .output/server/index.mjs >"$scratch/server.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/" -o "$html" 2>/dev/null; then ok=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$ok" ] || { cat "$scratch/server.log"; fail "$dir: the built server did not answer / within 20 s"; }
  for want in "$@" 'monoPublicKey:"test_pk_ci"'; do
    grep -qF -- "$want" "$html" || { head -c 3000 "$html"; fail "$dir: / as served has no $want"; }
  done
  say "served: $(basename "$dir")'s server renders / with $*"
}

# widget_lazy DIR: connect.js (which needs document) is not in the server build at all, and the
# client loads it with import() on first use, not in the entry chunk the page starts with. The
# marker is a message type only connect.js itself names (the core only knows the prefix).
widget_lazy() {
  local dir=$1 entry marker='mono.connect.widget.account_linked'
  ! grep -rq "$marker" "$dir/.output/server" || fail "$dir: the server build contains connect.js"
  entry=$(grep -o '<script type="module" src="/_nuxt/[^"]*\.js"' "$scratch/served.html" | cut -d'"' -f4)
  [ -n "$entry" ] || fail "$dir: / loads no entry chunk"
  ! grep -q "$marker" "$dir/.output/public$entry" || fail "$dir: connect.js is in the entry chunk $entry"
  grep -rlq "$marker" "$dir/.output/public/_nuxt" || fail "$dir: no lazy connect.js chunk in the client build"
  say "lazy: $(basename "$dir") loads connect.js on demand only, never on the server"
}

greenfield ts
served "$scratch/nuxt-ts" 'data-mono-connect' '<dd data-mono-status>idle</dd>' 'data-mono-account' 'data-mono-pay' 'data-mono-events'
widget_lazy "$scratch/nuxt-ts"
greenfield js
served "$scratch/nuxt-js" 'data-mono-connect' '<dd data-mono-status>idle</dd>' 'data-mono-account' 'data-mono-pay' 'data-mono-events'
widget_lazy "$scratch/nuxt-js"

# The project `nuxi init` makes (template minimal; it downloads the template from GitHub, so it is
# written out by hand, in e2e/target_nuxt_test.go, the browser suite's host too).
say "brownfield host: the minimal Nuxt 4.5.2 project nuxi init makes"
host="$scratch/host"
e2e_host nuxt "$host"
mv "$reuse/node_modules" "$host/node_modules" # ignored by the host's .gitignore

src=app core=app/lib/mono-connect
brownfield_check "$host" .env.example .gitignore mono-connect.json package.json \
  modules/mono-connect.ts $src/components/MonoConnectButton.client.vue $src/composables/useMonoConnect.ts \
  $core/MonoConnectButton.vue $core/config.ts $core/useMonoConnect.ts \
  $(core_ts_files "$core")

# The integration builds inside the host's own app too: put the client-only button on its page
# (auto-imported by Nuxt) and build again; the server renders the page around it.
say "brownfield: <MonoConnectButton /> on the host's page, built and served again"
app_vue="$host/app/app.vue"
grep -q '^    <NuxtWelcome />$' "$app_vue" || fail "$app_vue is not the nuxi init page this script knows"
sed -i 's#^    <NuxtWelcome />$#    <MonoConnectButton />\n&#' "$app_vue"
(cd "$host" && npm run build)
served "$host" '<div id="__nuxt">'
grep -rlq 'data-mono-connect' "$host/.output/public/_nuxt" || fail "the host's client build has no data-mono-connect button"
widget_lazy "$host"
