#!/usr/bin/env bash
# Plain Svelte on Vite (the svelte target's vite variant, no SvelteKit): init inside fresh
# create-vite svelte-ts and svelte projects is detected as the variant without --framework, adds
# only the integration (no $app/* or $env/* import anywhere in it), and the projects build; the
# ts one also passes its own `npm run check` (svelte-check, then tsc), which type-checks the
# binding. There is no greenfield run: a new svelte app is SvelteKit (.ci/frameworks/svelte.sh).
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"

core=src/lib/mono-connect
for template in svelte-ts svelte; do
  host="$scratch/$template"
  (cd "$scratch" && npm exec --yes -- create-vite@9.3.0 "$template" --template "$template" --no-interactive >/dev/null)
  if [ "$template" = svelte-ts ]; then
    files="$core/config.ts $core/connectjs.d.ts $core/mono-connect.d.ts $core/mono-connect.svelte.ts"
  else
    files="$core/config.js $core/mono-connect.svelte.js"
  fi
  # shellcheck disable=SC2086 # the file list is words on purpose
  brownfield_check "$host" .env.example .gitignore mono-connect.json package.json \
    $core/MonoConnectButton.svelte $core/mono-connect.js $files
  grep -q '"variant": "vite"' "$host/mono-connect.json" || fail "$template: init did not record the vite variant"
  if grep -rnE "from '\\\$(app|env)/" "$host/$core"; then
    fail "$template: the plain Svelte binding imports SvelteKit modules"
  fi
  if [ "$template" = svelte-ts ]; then
    say "svelte-ts: npm run check (svelte-check and tsc) with the binding in it"
    (cd "$host" && npm run check)
  fi
done
