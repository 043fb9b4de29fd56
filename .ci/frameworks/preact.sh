#!/usr/bin/env bash
# Preact (Vite): the ts and js starters build (tsc --noEmit is strict), and init inside a fresh
# create-vite preact-ts project adds only the integration, then the project builds (tsc -b).
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"

greenfield_build preact ts --features link,reauth,payments,events --institution 5f2d08be60b92e2888287702
greenfield_build preact js --features link,reauth,payments,events

(cd "$scratch" && npm exec --yes -- create-vite@9.3.0 host --template preact-ts --no-interactive >/dev/null)
core=src/lib/mono-connect
brownfield_check "$scratch/host" .env.example .gitignore mono-connect.json package.json \
  $core/MonoConnectButton.tsx $core/config.ts $core/useMonoConnect.ts \
  $(core_ts_files "$core")
