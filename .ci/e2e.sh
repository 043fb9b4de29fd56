#!/usr/bin/env bash
# End to end: every framework's app, greenfield and brownfield, built with its own toolchain and
# driven in headless Chromium against the generated Go server, with the Mono widget and API faked
# on loopback. Installs Chromium itself. Budget: 30 minutes on 2 cores.
#
#   bash .ci/e2e.sh                              everything
#   E2E_FRAMEWORKS=react,vue bash .ci/e2e.sh     some frameworks (see e2e/main_test.go for the rest)
#   E2E_MUTATE=no-guard E2E_FRAMEWORKS=react bash .ci/e2e.sh   prove the suite catches a broken wrapper
set -euo pipefail
cd "$(dirname "$0")/.."

start=$SECONDS
source .ci/node.sh
use_node
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "installing Chromium (Debian package)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
echo "chromium: $(${CHROMIUM:-chromium} --version 2>/dev/null | grep -v 'unexpected operator' | head -1) ($((SECONDS - start))s)"

export npm_config_cache="${NPM_CACHE:-${npm_config_cache:-$HOME/.npm}}"
export npm_config_omit_lockfile_registry_resolved=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_prefer_offline=true
export NEXT_TELEMETRY_DISABLED=1 NG_CLI_ANALYTICS=false NUXT_TELEMETRY_DISABLED=1

# One package; the suite builds apps and runs browsers one at a time (2 cores). The full -v log is
# kept in $E2E_LOG; the console gets it without the RUN/NAME noise.
set +e
go test -tags e2e -count=1 -timeout 40m -v ./e2e/ 2>&1 | tee "${E2E_LOG:-/tmp/e2e.log}" | grep -v '^=== \(RUN\|PAUSE\|CONT\|NAME\)'
status=${PIPESTATUS[0]}
set -e
echo "e2e finished in $((SECONDS - start))s"
exit "$status"
