#!/usr/bin/env bash
# A project's formatter over the generated files (issue 20): real Prettier, in its default style and
# in one unlike ours (no semicolons, single quotes, tabs, 60 columns, no trailing commas), rewrites
# every file of a generated React, Vue and Svelte app, mono-connect.json included; then
# `generate --check` must exit 0, and `generate` must leave every file as Prettier wrote it. A
# changed statement afterwards must still be drift (exit 3), so the check is not vacuous.
#
#   bash .ci/prettier.sh /path/to/mono-connect
#
# Prettier runs with --ignore-path= : the .prettierignore mono-connect merges would otherwise keep it
# off our files, and the point is what happens when a formatter does reach them (an editor's
# format-on-save, a hook that passes files explicitly, an app that drops the ignore entry).
set -euo pipefail
mc=$(realpath "$1")
source "$(dirname "$0")/lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say "Prettier 3.10.1 and prettier-plugin-svelte 4.1.1 (npm, shared cache)"
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error prettier@3.10.1 prettier-plugin-svelte@4.1.1 >/dev/null)
prettier="$work/node_modules/.bin/prettier"
svelte_plugin="$work/node_modules/prettier-plugin-svelte/plugin.js"

# tree_sum DIR: one digest of every file's path and content (not node_modules), to tell whether a
# command wrote anything.
tree_sum() { (cd "$1" && find . -path ./node_modules -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum | sha256sum); }

styles=("" "--no-semi --single-quote --use-tabs --print-width 60 --trailing-comma none --arrow-parens avoid")
for fw in react vue svelte; do
  for i in "${!styles[@]}"; do
    style=${styles[$i]}
    dir="$work/$fw-$i"
    say "$fw: init, prettier --write . ${style:-(defaults)}"
    "$mc" init "$dir" --framework "$fw" --lang ts --features link,reauth,payments,events --yes >/dev/null
    before=$(tree_sum "$dir/src/lib/mono-connect")
    record=$(sha256sum <"$dir/mono-connect.json")
    # shellcheck disable=SC2086 # the style is a list of flags
    (cd "$dir" && "$prettier" --ignore-path= --plugin "$svelte_plugin" $style --write . >/dev/null)
    [ "$(tree_sum "$dir/src/lib/mono-connect")" != "$before" ] || fail "Prettier changed no generated file in $dir: the test would prove nothing"
    [ "$(sha256sum <"$dir/mono-connect.json")" != "$record" ] || fail "Prettier left $dir/mono-connect.json as it was: the test would prove nothing"
    "$mc" generate "$dir" --check || fail "generate --check found drift after Prettier in $dir"
    formatted=$(tree_sum "$dir")
    out=$("$mc" generate "$dir")
    if grep -Eq '^  (create|update|delete|conflict) ' <<<"$out"; then echo "$out"; fail "generate rewrote Prettier's formatting in $dir"; fi
    [ "$(tree_sum "$dir")" = "$formatted" ] || fail "generate changed files in $dir after Prettier"
    # The same check still sees a real edit.
    core=$(find "$dir/src/lib/mono-connect" -name 'config.ts')
    echo 'export const edited = 1' >>"$core"
    set +e
    "$mc" generate "$dir" --check >/dev/null 2>&1
    rc=$?
    set -e
    [ "$rc" = 3 ] || fail "an added statement in $core was not drift after Prettier (exit $rc, want 3)"
  done
done
say "Prettier: every formatted app is clean, every edit is drift"
