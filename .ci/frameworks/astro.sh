#!/usr/bin/env bash
# Astro (no UI framework): the ts starter builds with `astro check && astro build` (the js one with
# `astro build`); the page is prerendered with the button in its HTML, and connect.js is only in
# the browser bundle (dist/_astro/), never in what the server-side prerender step emits. Then init
# inside an Astro host adds only the integration, and the host, with <MonoConnectButton /> on its
# page, builds and prerenders too.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"
export ASTRO_TELEMETRY_DISABLED=1

# prerendered DIR: dist/index.html holds the button, and connect.js's code is in a client chunk
# under dist/_astro/ and nowhere else in dist/ (no server output carries it, the HTML inlines none).
prerendered() {
  local dir=$1 html="$1/dist/index.html"
  [ -f "$html" ] || fail "$html is missing: / was not prerendered"
  grep -q '<button[^>]*data-mono-connect' "$html" || fail "$html has no data-mono-connect button"
  # A string of connect.js's own bundle (Mono's API origin) that our core and wiring never spell out
  # (the core names only the widget's origin, connect.mono.co).
  local mark="api.withmono.com"
  grep -rqF "$mark" "$dir/node_modules/@mono.co/connect.js/" || fail "connect.js no longer says $mark: pick another marker"
  local where
  where=$(grep -rlF "$mark" "$dir/dist" | sed "s#^$dir/##" | sort)
  [ -n "$where" ] || fail "$dir/dist has no connect.js at all"
  if grep -v '^dist/_astro/[^/]*\.js$' <<<"$where"; then
    fail "connect.js's code is in $dir/dist outside the client chunks (above)"
  fi
  say "prerendered: $html holds the button; connect.js only in $(tr '\n' ' ' <<<"$where")"
}

greenfield_build astro ts
prerendered "$scratch/astro-ts"
greenfield_build astro js
prerendered "$scratch/astro-js"

# create-astro downloads its template from a code host, which CI cannot reach. So the host is made
# by hand from the files of Astro's official "minimal" template (withastro/astro, examples/minimal:
# package.json, astro.config.mjs, tsconfig.json, src/pages/index.astro, .gitignore;
# its public/ favicons left out), kept in e2e/target_astro_test.go (the browser suite's host
# too), with astro pinned to 7.3.5.
say "brownfield host: hand-made from Astro's minimal template (pinned astro 7.3.5)"
host="$scratch/host"
e2e_host astro "$host"

core=src/lib/mono-connect
brownfield_check "$host" .env.example .gitignore mono-connect.json package.json \
  $core/MonoConnectButton.astro $core/config.ts $core/mono-connect-dom.d.ts $core/mono-connect-dom.js \
  $(core_ts_files "$core")

say "brownfield: the host's page renders <MonoConnectButton />, prerendered"
mount_button "$host" src/pages/index.astro \
  '0,/^---$/s##---\nimport MonoConnectButton from "../lib/mono-connect/MonoConnectButton.astro";#' \
  's#^\(\t*\)<h1>Astro</h1>$#&\n\1<MonoConnectButton />\n\1<p data-mono-status>idle</p>#'
prerendered "$host"
