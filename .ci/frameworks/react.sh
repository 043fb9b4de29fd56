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
# create-vite 9's react-ts lints with oxlint: init adds our folder and mono-connect.json to .oxlintrc.json's ignorePatterns (ignores.go).
brownfield_check "$scratch/host" .env.example .gitignore .oxlintrc.json mono-connect.json package.json \
  $core/MonoConnectButton.tsx $core/config.ts $core/connectjs.d.ts $core/mono-connect.d.ts \
  $core/mono-connect.js $core/useMonoConnect.ts
