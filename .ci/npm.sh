#!/usr/bin/env bash
# The npm packages (README: Install, Releases): the wrapper's unit tests, every package built from
# goreleaser's dist/ and packed into dist/npm/ (npm/stage.js), then a rehearsal OFFLINE from those
# tarballs: in fresh projects npm, pnpm 10 (dependency scripts off, its default), yarn 4 (PnP and
# node-modules) and bun install the wrapper, each picks the linux-x64 package by itself among the
# eight platform packages, and `npx mono-connect` reports the release's version, writes an app and
# passes exit codes 2, 3 and 130 through. Nothing is published.
#
#   bash .ci/npm.sh      # reuses dist/ from .ci/release.sh; runs that snapshot build when absent
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
[ -f .ci/node.sh ] && source .ci/node.sh && use_node 24.22.3
node --version

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_omit_lockfile_registry_resolved=true

echo "== wrapper and staging unit tests"
# The files by name: node 20 searches a directory argument for tests, node 22 and later read the
# arguments as globs, and a shell glob means the same to both.
node --test npm/test/*.test.js npm/*/test/*.test.js

if [ ! -f dist/artifacts.json ] || [ ! -f dist/metadata.json ]; then
  echo "== no goreleaser dist/: the snapshot build first"
  bash .ci/release.sh
fi
echo "== staging the packages from dist/"
node npm/stage.js
packages=$root/dist/npm/packages.json
version=$(node -p "require('$packages').version")
full_version=$(node -p "require('$packages').full_version")
tarball() { node -p "require('path').resolve(require('$packages').tarballs['$1'])"; }
ls -l dist/npm/*.tgz
tar -tzvf "$(tarball @mono-connect/linux-x64)"
tar -xzOf "$(tarball @mono-connect/linux-x64)" package/package.json

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "npm.sh: $*" >&2; exit 1; }

# The package managers themselves come from the registry, through the shared cache, in one npm
# run (a second `npm install --no-save` would prune what the first installed).
echo "== package managers"
tools=$tmp/tools
mkdir -p "$tools"
(cd "$tools" && npm install --no-save --prefer-offline pnpm@10.34.9 @yarnpkg/cli-dist@4.18.1 bun@1.4.5 >/dev/null)
pnpm=("$tools/node_modules/.bin/pnpm")
yarn=(node "$tools/node_modules/@yarnpkg/cli-dist/bin/yarn.js")
echo "pnpm $("${pnpm[@]}" --version), yarn $("${yarn[@]}" --version)"
# bun only where its npm package runs here (its binary comes in a platform package too).
bun=""
if "$tools/node_modules/.bin/bun" --version >/dev/null 2>"$tmp/bun.log"; then
  bun="$tools/node_modules/.bin/bun"
  echo "bun $("$bun" --version)"
else
  echo "bun: skipped, its npm package does not run here: $(head -3 "$tmp/bun.log")"
fi

# From here on no registry can be reached: every client's registry is a closed loopback port, so a
# download attempt fails loudly instead of quietly succeeding.
export npm_config_registry=http://127.0.0.1:9/
export YARN_NPM_REGISTRY_SERVER=http://127.0.0.1:9 BUN_CONFIG_REGISTRY=http://127.0.0.1:9/
# yarn's cache is a throwaway global one: with a project-local cache (enableGlobalCache: false)
# yarn 4 fails with ENOENT on the .yarn/cache zip of a platform package it rightly did not fetch.
export YARN_ENABLE_TELEMETRY=0 YARN_ENABLE_IMMUTABLE_INSTALLS=0 YARN_GLOBAL_FOLDER=$tmp/yarn-global

# new_project DIR HOW [EXTRA]: a package.json depending on the wrapper's tarball (and EXTRA's).
# HOW is the field that stands in for a registry offering all eight platform packages, each
# pointed at its tarball: npm's "overrides", yarn's "resolutions"; the package manager then
# picks the one for this machine by the os/cpu/libc fields in the tarballs, as it would from
# the registry. pnpm and bun skip that check for local tarballs (they take os/cpu from registry
# metadata, so an override installs all eight): for them HOW is "direct", the wrapper and the
# linux-x64 tarball as dependencies, and the other optional dependencies, unreachable offline,
# are skipped as optional ones are.
new_project() {
  mkdir -p "$1"
  node - "$1" "$packages" "$2" "${3:-}" <<'JS'
const fs = require('fs'), path = require('path');
const [dir, packages, how, extra] = process.argv.slice(2);
const { tarballs } = require(packages);
const file = (name) => 'file:' + path.resolve(tarballs[name]);
const platforms = Object.fromEntries(Object.keys(tarballs).filter((n) => n.startsWith('@mono-connect/')).map((n) => [n, file(n)]));
const pkg = { name: 'rehearsal', version: '1.0.0', private: true, dependencies: { 'mono-connect': file('mono-connect') } };
if (extra) pkg.dependencies[extra] = file(extra);
if (how === 'direct') pkg.dependencies['@mono-connect/linux-x64'] = file('@mono-connect/linux-x64');
else pkg[how] = platforms;
fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
JS
}

# installed DIR NODE...: the platform packages the wrapper can resolve from where it is installed.
installed() {
  local dir=$1; shift
  (cd "$dir" && "$@" -e '
const path = require("path");
const from = { paths: [path.dirname(require.resolve("mono-connect/bin/mono-connect.js"))] };
const found = require("mono-connect/bin/mono-connect.js").packages().map((p) => p.name).filter((n) => {
  try { require.resolve(n + "/package.json", from); return true; } catch { return false; }
});
console.log(found.join(" "));')
}

expect_exit() {
  local want=$1 dir=$2 code=0; shift 2
  (cd "$dir" && "$@") >"$tmp/out" 2>&1 || code=$?
  cat "$tmp/out"
  [ "$code" -eq "$want" ] || fail "$* in $dir: exit $code, want $want"
  echo "exit $code, as wanted"
}

qFramework="Which framework does the app use?"

# rehearse NAME DIR NODE... -- RUN...: the checks, with RUN the command that runs the package's bin
# (npx, or yarn under Plug'n'Play) and NODE how to start node in the project.
rehearse() {
  local name=$1 dir=$2; shift 2
  local node_cmd=()
  while [ "$1" != "--" ]; do node_cmd+=("$1"); shift; done
  shift
  echo "-- $name: platform packages installed"
  local got
  got=$(installed "$dir" "${node_cmd[@]}")
  echo "$got"
  [ "$got" = "@mono-connect/linux-x64" ] || fail "$name installed '$got', want only @mono-connect/linux-x64"
  echo "-- $name: $* mono-connect version"
  local out
  out=$(cd "$dir" && "$@" mono-connect version)
  echo "$out"
  [[ $out == "mono-connect $full_version ("* ]] || fail "$name: version is not the release's ($full_version)"
  echo "-- $name: init app --framework react --yes"
  (cd "$dir" && "$@" mono-connect init app --framework react --yes)
  [ -f "$dir/app/mono-connect.json" ] && [ -f "$dir/app/package.json" ] || fail "$name: init wrote no app"
  echo "-- $name: exit codes"
  expect_exit 2 "$dir" "$@" mono-connect init other --framework nope --yes
  local owned
  owned=$(node -p 'require(process.argv[1]).files.find((f) => f.kind === "owned").path' "$dir/app/mono-connect.json")
  echo "// edited" >>"$dir/app/$owned"
  expect_exit 3 "$dir" "$@" mono-connect generate app --check
  expect_exit 130 "$dir" python3 "$root/.ci/interrupt.py" ctrl-c "$qFramework" "$@" mono-connect init typed
  expect_exit 130 "$dir" python3 "$root/.ci/interrupt.py" sigint "$qFramework" "$@" mono-connect init signalled
  [ ! -e "$dir/typed" ] && [ ! -e "$dir/signalled" ] || fail "$name: an interrupted init left files"
}

command -v python3 >/dev/null || fail "python3 is needed to drive a terminal (.ci/interrupt.py)"

echo "== npm"
new_project "$tmp/npm" overrides create-mono-connect
(cd "$tmp/npm" && npm install --offline --cache "$tmp/npm-cache")
rehearse npm "$tmp/npm" node -- npx
echo "-- npm: npm init mono-connect (create-mono-connect)"
(cd "$tmp/npm" && npm init mono-connect -- created --framework vue --yes)
[ -f "$tmp/npm/created/mono-connect.json" ] || fail "npm init mono-connect wrote no app"

echo "== npm --omit=optional: the platform package is missing"
new_project "$tmp/npm-omit" overrides
(cd "$tmp/npm-omit" && npm install --offline --cache "$tmp/npm-cache" --omit=optional)
expect_exit 1 "$tmp/npm-omit" npx mono-connect version
grep -qx 'mono-connect: the platform package @mono-connect/linux-x64 is not installed .*--omit=optional.*' "$tmp/out" || fail "no one-line remedy"
[ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "the remedy is not one line"

echo "== pnpm $("${pnpm[@]}" --version) (dependency scripts off, its default)"
new_project "$tmp/pnpm" direct
(cd "$tmp/pnpm" && "${pnpm[@]}" install --offline --no-frozen-lockfile --store-dir "$tmp/pnpm-store")
rehearse pnpm "$tmp/pnpm" node -- npx
(cd "$tmp/pnpm" && "${pnpm[@]}" exec mono-connect version)

for linker in pnp node-modules; do
  echo "== yarn $("${yarn[@]}" --version), nodeLinker: $linker"
  dir=$tmp/yarn-$linker
  new_project "$dir" resolutions
  printf 'nodeLinker: %s\n' "$linker" >"$dir/.yarnrc.yml"
  touch "$dir/yarn.lock"
  (cd "$dir" && "${yarn[@]}" install)
  if [ "$linker" = pnp ]; then
    rehearse "yarn ($linker)" "$dir" "${yarn[@]}" node -- "${yarn[@]}"
  else
    rehearse "yarn ($linker)" "$dir" node -- npx
    (cd "$dir" && "${yarn[@]}" mono-connect version)
  fi
done

if [ -n "$bun" ]; then
  echo "== bun $("$bun" --version)"
  new_project "$tmp/bun" direct
  (cd "$tmp/bun" && "$bun" install --cache-dir "$tmp/bun-cache")
  rehearse bun "$tmp/bun" node -- npx
  (cd "$tmp/bun" && "$bun" x mono-connect version)
fi

echo "npm packages $version rehearsed: npm, pnpm, yarn (pnp, node-modules)${bun:+, bun}"
