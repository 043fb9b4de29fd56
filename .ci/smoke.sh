#!/usr/bin/env bash
# Smoke: every target's greenfield starter (TypeScript where the target has it, every feature)
# installs and builds with its own toolchain on the other Node lines mono-connect supports: 22
# (the oldest maintained, and the floor Angular 22, SvelteKit 3 and Nuxt 4.5 set) and 26 (current).
# The framework suites and the browser suite run on 24 (.ci/node.sh); this only proves the
# starters are not tied to it. The targets come from `mono-connect targets --json`, so a new one
# is smoked without editing this file.
#
#   bash .ci/smoke.sh [path/to/mono-connect]                      both lines, every target
#   SMOKE_NODE_VERSIONS=26.12.1 SMOKE_TARGETS=react,vue bash .ci/smoke.sh
#
# Lean: one scaffold per target; the first Node line installs it, the second reconciles the same
# node_modules (npm install again, a near no-op from the shared cache) and builds again.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source .ci/node.sh
source .ci/lib.sh # say and fail; it also puts Node 24 first, which reads the target list below

export npm_config_cache="${NPM_CACHE:-${npm_config_cache:-$HOME/.npm}}"
export npm_config_omit_lockfile_registry_resolved=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_prefer_offline=true
export NEXT_TELEMETRY_DISABLED=1 NG_CLI_ANALYTICS=false NUXT_TELEMETRY_DISABLED=1

versions=${SMOKE_NODE_VERSIONS:-22.23.5 26.12.1}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

mc=${1:-}
if [ -z "$mc" ]; then
  mc="$scratch/bin/mono-connect"
  go build -o "$mc" ./cmd/mono-connect
fi

# name lang, one line per target (ts when the target has it, else its first language). A target
# whose starter has no Node at all (e.g. html: go build, checked by its .ci/frameworks script)
# has nothing to smoke on another Node, and .ci/targets.sh --node leaves it out.
registered=$(bash .ci/targets.sh "$mc" --node)
for name in ${SMOKE_TARGETS:+${SMOKE_TARGETS//,/ }}; do
  grep -q "^$name " <<<"$registered" || fail "SMOKE_TARGETS names $name, which has no Node starter in mono-connect targets"
done
targets=$(while read -r name langs; do
  if [ -n "${SMOKE_TARGETS:-}" ] && [[ " ${SMOKE_TARGETS//,/ } " != *" $name "* ]]; then continue; fi
  if [[ ",$langs," == *,ts,* ]]; then echo "$name ts"; else echo "$name ${langs%%,*}"; fi
done <<<"$registered")
[ -n "$targets" ] || fail "no target to smoke"

timings=()
while read -r fw lang; do
  dir="$scratch/$fw-$lang"
  "$mc" init "$dir" --framework "$fw" --lang "$lang" --features link,reauth,payments,events --backend none --yes >/dev/null
  for version in $versions; do
    start=$SECONDS
    (
      use_node "$version" >/dev/null
      say "$fw/$lang on node $(node -p process.version): npm install, npm run build"
      cd "$dir"
      npm install --no-audit --no-fund --loglevel=error >"$scratch/log" 2>&1 && npm run build >>"$scratch/log" 2>&1 ||
        { cat "$scratch/log"; fail "$fw/$lang does not install and build on node $version"; }
    )
    timings+=("$(printf '%5ss  %s/%s on node %s' $((SECONDS - start)) "$fw" "$lang" "$version")")
  done
  ! grep -q '"resolved"' "$dir/package-lock.json" || fail "$dir/package-lock.json records download addresses"
  rm -rf "$dir"
done <<<"$targets"

printf '%s\n' "${timings[@]}"
echo "smoke: every starter built on node $versions"
