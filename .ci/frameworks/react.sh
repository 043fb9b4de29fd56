#!/usr/bin/env bash
# React (Vite): the ts and js starters build (tsc --noEmit is strict), and init inside a fresh
# create-vite react-ts project adds only the integration, then the project builds.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"

greenfield_build react ts --features link,reauth,payments,events --institution 5f2d08be60b92e2888287702
greenfield_build react js --features link,reauth,payments,events

(cd "$scratch" && npm exec --yes -- create-vite@9.3.0 host --template react-ts --no-interactive >/dev/null)
core=src/lib/mono-connect
brownfield_check "$scratch/host" .env.example .gitignore .oxlintrc.json mono-connect.json package.json \
  $core/MonoConnectButton.tsx $core/config.ts \
  $core/useMonoConnect.ts \
  $(core_ts_files "$core")

# No build warning may name a generated file: greenfield_build checked the starters' builds; the
# host is built again with its output kept (lib.sh).
no_generated_warnings "$scratch/host"
