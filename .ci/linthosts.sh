#!/usr/bin/env bash
# Living inside a strict app (issue 20, acceptance 1). One pnpm workspace, one git repository and
# one `pnpm install` hold a host app per framework, each written by hand the way its own
# generator lays it out (not a mono-connect starter: the host is the user's app), with a strict
# community lint preset, Prettier (the biome host: Biome alone), and a real lint-staged pre-commit
# hook installed by simple-git-hooks. Every host takes its dev tools from the workspace's `catalog:`.
#
# Per host: mono-connect init (detected; the project's Prettier or Biome formats what it wrote),
# then `git commit` THROUGH the hook (lint-staged: prettier --write, eslint --fix on the staged
# files; the biome host: biome check --write), then the host's lint, type check and build pass
# and `generate --check` exits 0. Also: connect.js went into package.json as `catalog:` and into
# the workspace's catalog (which did not have it: init adds the one line there), under the
# preset's key order where the host had no dependencies block, and the package manager is pnpm.
#
#   bash .ci/linthosts.sh /path/to/mono-connect
#
# A host is .ci/linthosts/<name>.sh, sourced here: host_<name> writes the app under
# $ws/hosts/<name> (its package.json named <name>-host, with lint, typecheck and build scripts),
# catalog_<name> prints the catalog entries it references ("name version" a line; two hosts
# naming one package must agree on its version), an optional init_flags_<name> prints flags
# init needs beyond the common ones, and an optional formatter_<name> prints the formatter init
# must find and the hook runs: prettier (the default: the hook is prettier --write, eslint
# --fix) or biome (the biome host: Biome alone formats and lints, its hook is biome check
# --write). An optional no_npm_dependency_<name> marks a host that vendors connect.js (html: a
# Go app whose package.json is only its front-end tooling) and prints where init must write that
# copy (a path in the host): init gets no --public-key (its server renders the key into the page)
# and must leave package.json as it was, instead of adding connect.js as `catalog:`; the
# catalog's one-line check stays for the run as a whole, so such a host runs beside one that adds
# the line. Versions are pinned there; the install prefers the shared npm cache and a persistent
# pnpm store.
set -euo pipefail
mc=$(realpath "$1")
here=$(dirname "$0")
source "$here/lib.sh"
export npm_config_cache="${npm_config_cache:-$HOME/.npm}" npm_config_prefer_offline=true
export NEXT_TELEMETRY_DISABLED=1 CI=1

pnpm_version=10.34.9
# LINTHOSTS="vue svelte" runs some of them (when working on one): two at least, since lint-staged
# runs a lone config from the repository's root, where no host's tools are.
all_hosts=$(cd "$here/linthosts" && ls -- *.sh | sed 's/\.sh$//' | tr '\n' ' ')
read -ra hosts <<<"${LINTHOSTS:-$all_hosts}"
[ "${#hosts[@]}" -ge 2 ] || fail "LINTHOSTS names ${#hosts[@]} host(s): two at least"
for h in "${hosts[@]}"; do
  [ -f "$here/linthosts/$h.sh" ] || fail "no lint host $h (.ci/linthosts/$h.sh)"
  # shellcheck source=/dev/null
  source "$here/linthosts/$h.sh"
done

work=$(mktemp -d)
# LINTHOSTS_KEEP=1 keeps the workspace, to look at a failure.
trap 'if [ -n "${LINTHOSTS_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi' EXIT
ws=$work/ws
mkdir -p "$ws/hosts"
# pnpm from npm, on PATH: the hook calls it too.
say "pnpm $pnpm_version (npm, shared cache)"
(mkdir -p "$work/tools" && cd "$work/tools" && npm install --no-save --no-audit --no-fund --loglevel=error "pnpm@$pnpm_version" >/dev/null)
export PATH="$work/tools/node_modules/.bin:$PATH"
pnpm() { (cd "$ws" && command pnpm "$@"); }

# ---- the workspace: one catalog for every host's tools -------------------------------------
cat >"$ws/package.json" <<'EOF'
{
  "name": "lint-hosts",
  "private": true,
  "type": "module",
  "devDependencies": {
    "lint-staged": "catalog:",
    "simple-git-hooks": "catalog:"
  },
  "simple-git-hooks": {
    "pre-commit": "pnpm exec lint-staged"
  }
}
EOF
# The catalog: what the selected hosts reference, and the root's hook tools. @mono.co/connect.js
# is not in it: init adds it there (the one edit it makes outside the app's folder) and
# references it from the app as `catalog:`.
catalog=$(
  printf 'lint-staged 17.6.3\nsimple-git-hooks 2.14.0\n'
  for h in "${hosts[@]}"; do "catalog_$h"; done
)
catalog=$(LC_ALL=C sort -u <<<"$catalog")
clash=$(awk '{print $1}' <<<"$catalog" | uniq -d)
[ -z "$clash" ] || fail "lint hosts pin different versions of: $clash"
{
  printf 'packages:\n  - hosts/*\ncatalog:\n'
  awk '{ name = $1; if (name ~ /^@/) name = "\047" name "\047"; print "  " name ": " $2 }' <<<"$catalog"
} >"$ws/pnpm-workspace.yaml"
printf 'node_modules\ndist\n.next\n.svelte-kit\nbuild\n.angular\n.astro\n.react-router\n' >"$ws/.gitignore"

# lint_staged DIR GLOB: the host's hook config: Prettier, then ESLint's fixes, on staged files.
lint_staged() {
  cat >"$1/.lintstagedrc.json" <<EOF
{
  "$2": ["prettier --write --ignore-unknown", "eslint --fix --max-warnings 0 --no-warn-ignored"]
}
EOF
}

# vite_index_html DIR ROOT ENTRY: create-vite's index.html: an element with id ROOT, and the
# module script /src/ENTRY.
vite_index_html() {
  cat >"$1/index.html" <<EOF
<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>host</title>
  </head>
  <body>
    <div id="$2"></div>
    <script type="module" src="/src/$3"></script>
  </body>
</html>
EOF
}

# vite_spa DIR PLUGIN ENTRY: what a Vite single-page app shares (React's and Vue's): Prettier
# without semicolons, the hook, vite.config.ts with the framework's PLUGIN, index.html loading
# src/ENTRY.
vite_spa() {
  local d=$1 plugin=$2 entry=$3
  printf '{ "semi": false, "singleQuote": true }\n' >"$d/.prettierrc.json"
  lint_staged "$d" "*.{js,jsx,ts,tsx,vue,json}"
  # One plugin per line: antfu's reasonable-newline wants it so (Vue's preset lints this file).
  printf "import %s from '@vitejs/plugin-%s'\nimport { defineConfig } from 'vite'\n\nexport default defineConfig({\n  plugins: [\n    %s(),\n  ],\n})\n" "$plugin" "$plugin" "$plugin" >"$d/vite.config.ts"
  vite_index_html "$d" "$([ "$plugin" = vue ] && echo app || echo root)" "$entry"
}

# vite_tsconfigs DIR: create-vite's solution tsconfig.json and its tsconfig.node.json (for
# vite.config.ts), as its solid-ts and preact-ts templates write them; the host writes its own
# tsconfig.app.json beside them.
vite_tsconfigs() {
  local d=$1
  cat >"$d/tsconfig.json" <<'EOF'
{
  "files": [],
  "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" }]
}
EOF
  cat >"$d/tsconfig.node.json" <<'EOF'
{
  "compilerOptions": {
    "tsBuildInfoFile": "./node_modules/.tmp/tsconfig.node.tsbuildinfo",
    "target": "es2023",
    "lib": ["ES2023"],
    "types": ["node"],
    "skipLibCheck": true,

    /* Bundler mode */
    "module": "nodenext",
    "allowImportingTsExtensions": true,
    "verbatimModuleSyntax": true,
    "moduleDetection": "force",
    "noEmit": true,

    /* Linting */
    "strict": true,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "erasableSyntaxOnly": true,
    "noFallthroughCasesInSwitch": true
  },
  "include": ["vite.config.ts"]
}
EOF
}

for h in "${hosts[@]}"; do "host_$h"; done

# formatter HOST: the host's formatter (formatter_<name>, else prettier).
formatter() { if declare -F "formatter_$1" >/dev/null; then "formatter_$1"; else echo prettier; fi; }
# hook_task FORMATTER: the lint-staged task the commit's log must show.
hook_task() { if [ "$1" = biome ]; then echo 'biome check --write'; else echo 'eslint --fix'; fi; }

say "one pnpm install for ${#hosts[@]} hosts (pnpm $pnpm_version, catalog in pnpm-workspace.yaml)"
install() {
  pnpm install --no-frozen-lockfile --prefer-offline --store-dir "$HOME/.cache/pnpm-store" --reporter=append-only >"$work/install.log" 2>&1 || {
    tail -40 "$work/install.log"
    fail "pnpm install failed"
  }
}
install
# The SvelteKit host checks its formatting in its lint, as `sv create` with Prettier sets it up: its
# files start formatted, as that generator leaves them.
if [ -d "$ws/hosts/svelte" ]; then pnpm --filter svelte-host exec prettier --write . >/dev/null; fi

# The hosts are the user's apps, committed before mono-connect comes (without the hook: their
# own files are linted with ours after init, by the hook's files and by each app's lint).
(
  cd "$ws"
  git init -q -b main
  git config user.email ci@example.com
  git config user.name ci
  git add -A
  git commit -qm "the hosts" --no-verify
)
pnpm exec simple-git-hooks >/dev/null
[ -x "$ws/.git/hooks/pre-commit" ] || fail "simple-git-hooks installed no pre-commit hook"

for h in "${hosts[@]}"; do
  d=$ws/hosts/$h
  fmt=$(formatter "$h")
  say "$h: init (detected: pnpm from the workspace, the app's $fmt formats what it writes)"
  extra=()
  if declare -F "init_flags_$h" >/dev/null; then mapfile -t extra < <("init_flags_$h"); fi
  # A host that vendors connect.js (html: its server renders the key into the page, so init
  # refuses --public-key) gets no key; its check is the vendored copy, not package.json.
  vendored=
  if declare -F "no_npm_dependency_$h" >/dev/null; then vendored=$("no_npm_dependency_$h"); else extra+=(--public-key test_pk_lint0hosts0ci); fi
  out=$("$mc" init "$d" --features link,reauth,payments,events "${extra[@]}" --yes 2>&1) || { echo "$out"; fail "$h: init failed"; }
  grep -q "formatted [0-9]* file(s) with the project's $fmt" <<<"$out" || { echo "$out"; fail "$h: init did not run the project's $fmt"; }
  grep -q 'package manager pnpm (../../pnpm-workspace.yaml)' <<<"$out" || { echo "$out"; fail "$h: init did not take pnpm from the workspace"; }
  # connect.js references the workspace's catalog like every other dependency of the host, and a
  # dependencies block init had to add (vue) sits where the key order wants it; a host that
  # vendors it keeps its package.json as it was.
  if [ -n "$vendored" ]; then
    [ -s "$d/$vendored" ] || fail "$h: init vendored no connect.js at $vendored"
    [ -z "$(cd "$ws" && git status --porcelain "hosts/$h/package.json")" ] || fail "$h: init changed package.json, though it vendors connect.js"
  else node -e '
    const p = require(process.argv[1]);
    const v = p.dependencies && p.dependencies["@mono.co/connect.js"];
    if (v !== "catalog:") { console.error("@mono.co/connect.js is", v, "not catalog:"); process.exit(1) }
    const keys = Object.keys(p), dep = keys.indexOf("dependencies"), dev = keys.indexOf("devDependencies");
    if (dev >= 0 && dep > dev) { console.error("dependencies after devDependencies:", keys.join(", ")); process.exit(1) }
  ' "$d/package.json" || fail "$h: package.json"
  fi
  "$mc" generate "$d" --check >/dev/null || fail "$h: generate --check right after init --format"
done
# The workspace's catalog gained exactly connect.js, pinned (the first init added it, the others
# found it there), and nothing else of the file changed.
added=$(cd "$ws" && git diff --no-color -U0 -- pnpm-workspace.yaml | grep -E '^[-+]' | grep -vE '^(\+\+\+|---) ')
[ "$added" = "+  '@mono.co/connect.js': 2.2.0" ] || { printf '%s\n' "$added"; fail "init's edit of the workspace's catalog is not the one line for @mono.co/connect.js"; }
say "pnpm install: connect.js from the catalog"
install

for h in "${hosts[@]}"; do
  d=$ws/hosts/$h
  task=$(hook_task "$(formatter "$h")")
  say "$h: commit through the hook (lint-staged: $task), lint, type check, build, generate --check"
  # The workspace's catalog entry goes in with the first host's integration.
  (cd "$ws" && git add -A "hosts/$h" pnpm-workspace.yaml && git commit -qm "mono-connect in $h") >"$work/$h-commit.log" 2>&1 || {
    cat "$work/$h-commit.log"
    fail "$h: the pre-commit hook refused the integration"
  }
  grep -qF -- "$task" "$work/$h-commit.log" || { cat "$work/$h-commit.log"; fail "$h: the commit did not run the lint-staged hook"; }
  [ -z "$(cd "$ws" && git status --porcelain "hosts/$h")" ] || { (cd "$ws" && git status --short "hosts/$h"); fail "$h: the hook left changes behind"; }
  [ "$(cd "$d" && git show --stat --format= HEAD -- . | wc -l)" -gt 10 ] || fail "$h: the commit holds too few files"
  pnpm --filter "$h-host" run lint >"$work/$h-lint.log" 2>&1 || { cat "$work/$h-lint.log"; fail "$h: lint"; }
  pnpm --filter "$h-host" run typecheck >"$work/$h-typecheck.log" 2>&1 || { cat "$work/$h-typecheck.log"; fail "$h: type check"; }
  pnpm --filter "$h-host" run build >"$work/$h-build.log" 2>&1 || { tail -40 "$work/$h-build.log"; fail "$h: build"; }
  "$mc" generate "$d" --check || fail "$h: generate --check after the hook"
  out=$("$mc" generate "$d")
  if grep -Eq '^  (create|update|delete|conflict) ' <<<"$out"; then echo "$out"; fail "$h: generate rewrote files after the hook"; fi
done
say "lint hosts: ${hosts[*]}: committed through the hook; lint, type check, build and generate --check clean"
