#!/usr/bin/env bash
# SvelteKit (Svelte 5): the ts and js starters (SvelteKit 3) build (`svelte-kit sync && svelte-check && vite
# build`: svelte-check is strict on the TypeScript and on the JSDoc of // @ts-check files) and
# adapter-static prerenders the page holding the button, proof that nothing of the widget runs
# during server rendering. Then init inside a fresh `sv create` project adds only the integration,
# the project passes its own svelte-check and builds, and its home page, given the button and
# prerendering, renders it on the server too.
# Last, plain Svelte on Vite (the target's vite variant, no SvelteKit): init inside fresh create-vite
# svelte-ts and svelte projects is detected as the variant without --framework, adds only the
# integration (no $app/* or $env/* import anywhere in it), and the projects build; the ts one also
# passes its own `npm run check` (svelte-check, then tsc), which type-checks the binding. The
# variant has no greenfield run: a new svelte app is SvelteKit.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"

# prerendered HTML: the page was rendered at build time and the button is in it.
prerendered() {
  [ -f "$1" ] || fail "$1 is missing: / was not prerendered"
  grep -q 'data-mono-connect' "$1" || fail "$1 has no data-mono-connect button"
  say "prerendered: $1 holds the button"
}

# lazy DIR HTML: connect.js (recognised by its own error message) is bundled in a chunk of its own
# that the page does not load up front; the core import()s it on the first click.
lazy() {
  local chunks
  chunks=$(grep -rl 'Account ID is required for re-authorisation' "$1" --include='*.js' | xargs -r -n1 basename)
  [ -n "$chunks" ] || fail "no chunk under $1 holds @mono.co/connect.js"
  for chunk in $chunks; do
    ! grep -q "$chunk" "$2" || fail "$2 preloads $chunk, the chunk holding @mono.co/connect.js"
  done
  say "lazy: connect.js is in $chunks, which $(basename "$2") does not load up front"
}

greenfield_build svelte ts
prerendered "$scratch/svelte-ts/build/index.html"
lazy "$scratch/svelte-ts/build/_app" "$scratch/svelte-ts/build/index.html"
greenfield_build svelte js
prerendered "$scratch/svelte-js/build/index.html"
lazy "$scratch/svelte-js/build/_app" "$scratch/svelte-js/build/index.html"

# sv 0.17.1, the newest, still makes SvelteKit 2 projects: this host proves the kit 2 flavour of the
# binding ($env/static/public, $app/environment); the starters above prove kit 3's.
say "brownfield host: sv 0.17.1 create (minimal template, TypeScript, no add-ons; adapter-auto; SvelteKit 2)"
(cd "$scratch" && npm exec --yes -- sv@0.17.1 create host --template minimal --types ts --no-add-ons --no-install >/dev/null)
host="$scratch/host"
grep -q '"@sveltejs/kit": "^2\.' "$host/package.json" || fail "sv made a host on another SvelteKit major than 2: update this script's expectations"
core=src/lib/mono-connect
# sv's .gitignore already ignores .env and .env.*, so init leaves it as it is.
brownfield_check "$host" .env.example mono-connect.json package.json \
  $core/MonoConnectButton.svelte $core/config.ts \
  $core/mono-connect.svelte.ts \
  $(core_ts_files "$core")

say "brownfield: the host's home page renders <MonoConnectButton /> and is prerendered; svelte-check, build"
page="$host/src/routes/+page.svelte"
grep -q '^<h1>Welcome to SvelteKit</h1>$' "$page" || fail "$page is not the sv page this script knows"
cat - "$page" >"$page.new" <<'SVELTE'
<script lang="ts">
	import MonoConnectButton from '$lib/mono-connect/MonoConnectButton.svelte';
</script>

<MonoConnectButton />
SVELTE
mv "$page.new" "$page"
[ ! -e "$host/src/routes/+page.ts" ] || fail "$host/src/routes/+page.ts exists: this script would overwrite it"
echo 'export const prerender = true;' >"$host/src/routes/+page.ts"
(cd "$host" && npm run check && npm run build)
prerendered "$host/.svelte-kit/output/prerendered/pages/index.html"

core=src/lib/mono-connect
# The hosts are vite-<template>: $scratch/svelte-ts is the greenfield starter above (lib.sh's
# <target>-<lang>), which .ci/run hands on to the browser suite.
for template in svelte-ts svelte; do
  say "vite variant: plain Svelte, no SvelteKit"
  host="$scratch/vite-$template"
  create_vite_host "$template" "vite-$template"
  if [ "$template" = svelte-ts ]; then
    files="$core/config.ts $core/mono-connect.svelte.ts $(core_ts_files "$core")"
  else
    files="$core/config.js $core/mono-connect.svelte.js $core/mono-connect.svelte.d.ts $(core_js_files "$core")"
  fi
  # shellcheck disable=SC2086 # the file list is words on purpose
  brownfield_check "$host" .env.example .gitignore mono-connect.json package.json \
    $core/MonoConnectButton.svelte $files
  grep -q '"variant": "vite"' "$host/mono-connect.json" || fail "$template: init did not record the vite variant"
  if grep -rnE "from '\\\$(app|env)/" "$host/$core"; then
    fail "$template: the plain Svelte binding imports SvelteKit modules"
  fi
  if [ "$template" = svelte-ts ]; then
    say "svelte-ts: npm run check (svelte-check and tsc) with the binding in it"
    (cd "$host" && npm run check)
  fi
done
