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

# e2e_init_flags LANG: the init flags, one a line, of the browser suite's greenfield LANG app
# besides --framework and --lang (every feature, the institution for ts, its public key), written
# by the e2e package, where they are defined (E2E_INIT_FLAGS_DIR, e2e/README.md). A starter built
# here is then the very app the browser suite drives: .ci/run hands it over (E2E_PREBUILT) instead
# of both suites installing and building it.
e2e_init_flags() {
  # One folder for the whole CI run when .ci/run names it (E2E_INIT_FLAGS_CACHE), else the suite's own.
  local dir="${E2E_INIT_FLAGS_CACHE:-$scratch/e2e-init-flags}"
  if [ ! -f "$dir/$1" ]; then
    mkdir -p "$dir"
    (cd "$lib_dir/.." && E2E_INIT_FLAGS_DIR="$dir" go test -tags e2e -count=1 -run '^$' ./e2e/ >/dev/null) \
      || fail "could not get the browser suite's init flags (E2E_INIT_FLAGS_DIR=$dir go test -tags e2e ./e2e/)"
  fi
  [ -s "$dir/$1" ] || fail "the browser suite wrote no init flags for $1 into $dir"
  cat "$dir/$1"
}

# greenfield_init FRAMEWORK LANG: scaffold $scratch/FRAMEWORK-LANG as the browser suite scaffolds
# its greenfield app (the same flags, the same folder name: the starter's package name is it).
greenfield_init() {
  local fw=$1 lang=$2 flags
  flags=$(e2e_init_flags "$lang")
  # shellcheck disable=SC2086 # one flag or value a line, none with a space
  "$mc" init "$scratch/$fw-$lang" --framework "$fw" --lang "$lang" $flags --yes >/dev/null
}

# greenfield_build FRAMEWORK LANG: scaffold FRAMEWORK-LANG (greenfield_init), install, build (its
# output kept in FRAMEWORK-LANG.build.log, checked by no_generated_warnings), then lint it: every
# npm starter ships its framework generator's lint setup (templates/README.md), and `npm run lint`
# must pass on the app as init left it, generated files included, without changing a file (some
# generators' lint scripts pass --fix, which would otherwise hide a problem by fixing it).
greenfield_build() {
  local fw=$1 lang=$2
  local dir="$scratch/$fw-$lang" log="$scratch/$fw-$lang.build.log"
  say "$fw/$lang greenfield: init, npm install, npm run build, npm run lint"
  greenfield_init "$fw" "$lang"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  ! grep -rq '"resolved"' "$dir/package-lock.json" || fail "$dir/package-lock.json records download addresses"
  (cd "$dir" && npm run build) >"$log" 2>&1 || { cat "$log"; fail "$dir: npm run build failed"; }
  cat "$log"
  no_generated_warnings "$dir" "$log"
  greenfield_lint "$dir"
}

# tree_digest DIR: one digest of every file below DIR but dependencies, build output and caches.
tree_digest() {
  (cd "$1" && find . \( -name node_modules -o -name .git -o -name dist -o -name build -o -name .next \
    -o -name .nuxt -o -name .output -o -name .svelte-kit -o -name .angular -o -name .astro \
    -o -name .react-router -o -name .eslintcache \) -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum | sha256sum)
}

# greenfield_lint DIR: the starter's own `npm run lint` passes and leaves every file as it was.
greenfield_lint() {
  local dir=$1 before out
  node -e 'process.exit(require(process.argv[1]).scripts?.lint ? 0 : 1)' "$dir/package.json" ||
    fail "$dir/package.json has no lint script: every npm starter ships its generator's lint setup"
  before=$(tree_digest "$dir")
  out=$(cd "$dir" && npm run lint 2>&1) || { echo "$out"; fail "$dir: npm run lint failed"; }
  echo "$out"
  [ "$(tree_digest "$dir")" = "$before" ] || fail "$dir: npm run lint changed files (its --fix rewrote them)"
  say "$(basename "$dir"): npm run lint passes and changes nothing"
}

# no_generated_warnings DIR [LOG]: no line of DIR's build output (LOG, else a build run now) names
# a generated file (issue #20: Vite's Rollup warned about the React button's 'use client' line, with
# a sourcemap error, on every build). greenfield_build checks the starters' builds, brownfield_check
# the hosts' first build with the integration in them.
no_generated_warnings() {
  local dir=$1 log=${2:-} out
  if [ -n "$log" ]; then
    out=$(cat "$log")
  else
    out=$(cd "$dir" && npm run build 2>&1) || { echo "$out"; fail "$dir: npm run build failed"; }
  fi
  if grep -E 'mono-connect/|MonoConnect|useMonoConnect|connectjs' <<<"$out"; then
    fail "$dir: the build printed the lines above, naming a generated file"
  fi
  say "$(basename "$dir"): the build names no generated file"
}

# greenfield_both FRAMEWORK: the two starters of a target with both languages, each built by
# greenfield_build with every feature; the ts one also pins an institution (--institution's path
# through the templates), into $scratch/FRAMEWORK-ts and $scratch/FRAMEWORK-js.
greenfield_both() {
  greenfield_build "$1" ts
  greenfield_build "$1" js
}

# create_vite_host TEMPLATE [DIR]: a fresh create-vite project from TEMPLATE (pinned create-vite
# 9.3.0, the version the README's support table names) in $scratch/DIR (default host): the
# brownfield host of a Vite target.
create_vite_host() {
  local template=$1 dir=${2:-host}
  say "brownfield host: create-vite 9.3.0 --template $template"
  (cd "$scratch" && npm exec --yes -- create-vite@9.3.0 "$dir" --template "$template" --no-interactive >/dev/null)
}

# vite_core is where the core lands in a Vite app made by create-vite (Target.CoreDir's default
# under src/).
vite_core=src/lib/mono-connect

# vite_app_suite FRAMEWORK FILE...: the suite of a target for create-vite's apps: both starters
# build (greenfield_both), and init inside a fresh create-vite FRAMEWORK-ts project adds exactly
# the integration, then the host builds (brownfield_check). The integration is what every such
# target writes (env example, .gitignore, record, package.json, $vite_core/config.ts and the core)
# plus FILE..., the target's own (its binding, under $vite_core), written out by the caller.
vite_app_suite() {
  local fw=$1; shift
  greenfield_both "$fw"
  create_vite_host "$fw-ts"
  brownfield_check "$scratch/host" .env.example .gitignore mono-connect.json package.json \
    "$vite_core/config.ts" "$@" $(core_ts_files "$vite_core")
}

# mount_button HOST PAGE SCRIPT...: put <MonoConnectButton /> on the host's PAGE (relative to
# HOST) with the sed SCRIPTs, an edit of the page its generator wrote as a person would make it;
# fail when the page does not hold the button then, else build the host again.
mount_button() {
  local host=$1 page=$1/$2 script; shift 2
  for script in "$@"; do sed -i "$script" "$page"; done
  grep -q '<MonoConnectButton />' "$page" || fail "could not mount the button in $page"
  (cd "$host" && npm run build)
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
  local log="$dir.brownfield-build.log"
  init_only_integration "$dir" none "$@"
  say "brownfield: npm install, npm run build"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  (cd "$dir" && npm run build) >"$log" 2>&1 || { cat "$log"; fail "$dir: npm run build failed"; }
  cat "$log"
  # The user's app must not start printing warnings about our files either.
  no_generated_warnings "$dir" "$log"
}
