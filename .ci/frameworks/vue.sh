#!/usr/bin/env bash
# Vue 3 (Vite): the ts and js starters build (vue-tsc -b is strict and checks the .vue files too),
# and init inside a fresh create-vite vue-ts project adds only the integration, then the project
# builds with its own vue-tsc.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"

vite_app_suite vue $vite_core/MonoConnectButton.vue $vite_core/useMonoConnect.ts

# connect.js must stay out of the initial chunk: the core loads it with import() on first use.
for lang in ts js; do
  entry=$(grep -o 'src="/assets/index-[^"]*\.js"' "$scratch/vue-$lang/dist/index.html" | cut -d'"' -f2)
  [ -n "$entry" ] || fail "vue-$lang/dist/index.html loads no entry chunk"
  ! grep -q 'mono.connect.widget.account_linked' "$scratch/vue-$lang/dist$entry" ||
    fail "vue-$lang bundles @mono.co/connect.js into its entry chunk $entry"
done

# The integration compiles inside the host's own bundle too, not only under its vue-tsc: put the
# button on the host's page and build again (dependencies are installed by now).
say "brownfield: MonoConnectButton on the host's page, built again"
app_vue="$scratch/host/src/App.vue"
grep -q '^import HelloWorld' "$app_vue" && grep -q '^  <HelloWorld />' "$app_vue" ||
  fail "create-vite's App.vue changed shape: update this script's edit"
sed -i -e "s#^import HelloWorld.*#&\nimport MonoConnectButton from './lib/mono-connect/MonoConnectButton.vue'#" \
  -e 's#^  <HelloWorld />#  <MonoConnectButton />\n&#' "$app_vue"
(cd "$scratch/host" && npm run build)
grep -q 'data-mono-connect' "$scratch"/host/dist/assets/index-*.js || fail "the host's bundle has no data-mono-connect button"
compgen -G "$scratch/host/dist/assets/connect.js-*.js" >/dev/null || fail "the host's build has no lazy connect.js chunk"
