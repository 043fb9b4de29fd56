#!/usr/bin/env bash
# React (Vite): the ts and js starters build (tsc --noEmit is strict), and init inside a fresh
# create-vite react-ts project adds only the integration, then the project builds.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"

# .oxlintrc.json: create-vite's react-ts lints with oxlint, and init tells it to skip the core.
vite_app_suite react .oxlintrc.json $vite_core/MonoConnectButton.tsx $vite_core/useMonoConnect.ts
