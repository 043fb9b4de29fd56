#!/usr/bin/env bash
# Vanilla (Vite): the ts and js starters build (tsc --noEmit is strict), and init inside a fresh
# create-vite vanilla-ts project adds only the integration, then the project builds.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"

vite_app_suite vanilla $vite_core/mono-connect-dom.d.ts $vite_core/mono-connect-dom.js
