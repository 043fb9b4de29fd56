#!/usr/bin/env bash
# SolidJS (Vite): the ts and js starters build (tsc --noEmit is strict), and init inside a fresh
# create-vite solid-ts project adds only the integration, then the project builds (tsc -b).
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"

vite_app_suite solid $vite_core/MonoConnectButton.tsx $vite_core/useMonoConnect.ts
