#!/usr/bin/env bash
# React (Vite): the ts and js starters build (tsc --noEmit is strict), and init inside a fresh
# create-vite react-ts project adds only the integration, then the project builds.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"

# .oxlintrc.json: create-vite's react-ts lints with oxlint, and init tells it to skip the core.
vite_app_suite react .oxlintrc.json $vite_core/MonoConnectButton.tsx $vite_core/useMonoConnect.ts

# No build warning may name a generated file (issue #20: Vite's Rollup warned about the button's
# 'use client' line, with a sourcemap error, on every build; the directive is now written for
# Server Components targets only). The greenfield starters and the host are built again with
# their output kept, and any line naming the core folder or a generated module fails CI.
no_generated_warnings() {
  local dir=$1 out
  out=$(cd "$dir" && npm run build 2>&1) || { echo "$out"; fail "$dir: npm run build failed"; }
  if grep -E 'mono-connect/|MonoConnect|useMonoConnect|connectjs' <<<"$out"; then
    fail "$dir: the build printed the lines above, naming a generated file"
  fi
  say "$(basename "$dir"): the build names no generated file"
}
no_generated_warnings "$scratch/app-ts"
no_generated_warnings "$scratch/app-js"
no_generated_warnings "$scratch/host"
