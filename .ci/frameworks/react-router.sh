#!/usr/bin/env bash
# React Router (framework mode): the ts and js starters build with `react-router build` (the ts one
# after `react-router typegen && tsc`, strict), and the server build renders the page with the
# button on the server (react-router-serve answers / with it in the HTML), proof that the binding
# touches nothing browser-only there; connect.js stays a lazy client chunk, imported on a click.
# Then init inside a React Router host adds only the integration, and the host builds.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"

# server_renders DIR PORT [status]: start DIR's server build, fetch /, and find the button in the
# HTML (and the idle status line, with "status": the starters have one, the host does not).
server_renders() {
  local dir=$1 port=$2 status=${3:-}
  (cd "$dir" && PORT=$port exec node_modules/.bin/react-router-serve ./build/server/index.js) >"$scratch/serve-$port.log" 2>&1 &
  local pid=$!
  local html=""
  for _ in $(seq 1 100); do
    html=$(curl -fsS --noproxy '*' "http://127.0.0.1:$port/" 2>/dev/null) && break
    sleep 0.2
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$html" ] || { cat "$scratch/serve-$port.log"; fail "react-router-serve in $dir never answered /"; }
  grep -q '<button[^>]*data-mono-connect' <<<"$html" || fail "the server-rendered / of $dir has no data-mono-connect button"
  [ -z "$status" ] || grep -q 'data-mono-status[^>]*>idle<' <<<"$html" || fail "the server-rendered / of $dir has no idle data-mono-status"
  # connect.js is a chunk of its own in the client build, loaded by import() on first use.
  compgen -G "$dir/build/client/assets/connect.js-*.js" >/dev/null || fail "$dir: connect.js is not a lazy client chunk"
  say "server-rendered: / of $dir holds the button; connect.js is a lazy client chunk"
}

greenfield_build react-router ts
server_renders "$scratch/react-router-ts" 3931 status
greenfield_build react-router js
server_renders "$scratch/react-router-js" 3932 status

# create-react-router downloads its template from a code host, which CI cannot reach. So the host
# is made by hand from the files of the official "minimal" template (remix-run/
# react-router-templates, minimal/), kept in e2e/target_react_router_test.go (the browser suite's host
# too): package.json, app/root.tsx, app/routes.ts, app/routes/home.tsx, react-router.config.ts,
# vite.config.ts, tsconfig.json and .gitignore, its Tailwind styling left
# out, versions pinned to React Router 8.4.0.
say "brownfield host: hand-made from React Router's minimal template (pinned 8.4.0)"
host="$scratch/host"
e2e_host react-router "$host"

core=app/lib/mono-connect
brownfield_check "$host" .env.example .gitignore mono-connect.json package.json \
  $core/MonoConnectButton.tsx $core/config.ts $core/useMonoConnect.ts \
  $(core_ts_files "$core")

say "brownfield: the host's home route renders <MonoConnectButton />, on the server too"
mount_button "$host" app/routes/home.tsx \
  's#^import type { Route } from "./+types/home";$#&\nimport { MonoConnectButton } from "../lib/mono-connect/MonoConnectButton";#' \
  's#return <main>Home</main>;#return (<main>Home <MonoConnectButton /></main>);#'
server_renders "$host" 3933
