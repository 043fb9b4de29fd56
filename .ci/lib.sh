# Helpers for .ci/frameworks/*.sh, sourced, not run. Each framework script is called as
#   bash .ci/frameworks/<name>.sh /path/to/mono-connect /path/to/scratch
# with the npm settings of .ci/run already exported. Every suite runs on the Node of .ci/node.sh
# (installed on first use), also when a script is run by hand.

source "$(dirname "${BASH_SOURCE[0]}")/node.sh"
use_node
# lib_dir is .ci/, absolute, for helpers that find repository files whatever the caller's cwd.
lib_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

say() { printf -- '--- %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# greenfield_build FRAMEWORK LANG [init flags...]: scaffold app-LANG, install, build.
greenfield_build() {
  local fw=$1 lang=$2; shift 2
  local dir="$scratch/app-$lang"
  say "$fw/$lang greenfield: init, npm install, npm run build"
  "$mc" init "$dir" --framework "$fw" --lang "$lang" "$@" --yes >/dev/null
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error && npm run build)
  ! grep -rq '"resolved"' "$dir/package-lock.json" || fail "$dir/package-lock.json records download addresses"
}

# e2e_host NAME DIR: write the hand-made host project of target NAME (the browser suite's host
# too: a txtar string in e2e/target_NAME_test.go) into DIR, through the e2e package's own writer.
e2e_host() {
  local name=$1 dir=$2
  case $dir in /*) ;; *) dir=$PWD/$dir ;; esac # go test runs in e2e/
  say "brownfield host: e2e/target_${name//-/_}_test.go"
  (cd "$lib_dir/.." && E2E_WRITE_HOST="$name" E2E_HOST_DIR="$dir" go test -tags e2e -count=1 -run '^$' ./e2e/ >/dev/null) \
    || fail "could not write the $name host (E2E_WRITE_HOST=$name go test -tags e2e ./e2e/)"
  [ -f "$dir/package.json" ] || fail "the $name host has no package.json in $dir"
}

# brownfield_check DIR EXPECTED...: run init (detection only; the Go side is checked by
# .ci/server.sh) in a committed host project, check that git sees exactly the EXPECTED paths
# changed or added, that a second run changes nothing, then install and build the host with the
# integration in it. The expected list is written out by hand: it is the claim being tested.
# core_ts_files lists the core's files in a TypeScript project below its core directory $1: the
# templates of core/all and core/ts, and the one module per optional flow (written in full or as a
# stub, under the same name: see generate/core.go).
core_ts_files() {
  local f
  for f in connectjs.d.ts mono-connect.ts mono-connect-http.ts mono-connect-session.ts \
    mono-connect-types.ts mono-connect-payments.ts mono-connect-reauth.ts; do
    echo "$1/$f"
  done
}

# core_js_files does the same for a JavaScript project: the JS esbuild derives from the TS, each
# module with its .d.ts beside it (editor types), and the types-only module as .d.ts alone.
core_js_files() {
  local m
  echo "$1/connectjs.d.ts"
  echo "$1/mono-connect-types.d.ts"
  for m in mono-connect mono-connect-http mono-connect-session mono-connect-payments mono-connect-reauth; do
    echo "$1/$m.js"
    echo "$1/$m.d.ts"
  done
}

# init_only_integration DIR BACKEND EXPECTED...: commit DIR as the host, run init with
# detection, check that git sees exactly the EXPECTED paths changed or added, that a second run
# writes nothing and that generate --check is clean. init's output is left in $scratch/init.txt.
init_only_integration() {
  local dir=$1 backend=$2; shift 2
  (cd "$dir" && git init -q && git add -A && git -c user.name=ci -c user.email=ci@localhost commit -qm host)
  say "brownfield: init in $(basename "$dir") with detection"
  "$mc" init "$dir" --backend "$backend" --yes | tee "$scratch/init.txt"
  local got want
  got=$(cd "$dir" && git status --porcelain --untracked-files=all | sed 's/^...//' | sort)
  want=$(printf '%s\n' "$@" | sort)
  if [ "$got" != "$want" ]; then
    diff <(echo "$want") <(echo "$got") || true
    fail "init in $dir changed other files than the integration (< expected, > got)"
  fi
  say "brownfield: a second init changes nothing"
  local again
  again=$("$mc" init "$dir" --backend "$backend" --yes)
  if grep -Eq '^  (create|update|delete) ' <<<"$again"; then
    echo "$again"; fail "a second init in $dir wrote files"
  fi
  "$mc" generate "$dir" --check >/dev/null || fail "generate --check is not clean right after init in $dir"
}

brownfield_check() {
  local dir=$1; shift
  init_only_integration "$dir" none "$@"
  say "brownfield: npm install, npm run build"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error && npm run build)
}
