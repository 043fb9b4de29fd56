#!/usr/bin/env bash
# Living inside a strict app (issue 20, acceptance 1). One pnpm workspace, one git repository and
# one `pnpm install` hold a host app per framework, each written here by hand the way its own
# generator lays it out (not a mono-connect starter: the host is the user's app), with a strict
# community lint preset, Prettier, and a real lint-staged pre-commit hook installed by
# simple-git-hooks. Every host takes its dev tools from the workspace's `catalog:`.
#
# Per host: mono-connect init (detected; the project's Prettier formats what it wrote), then
# `git commit` THROUGH the hook (lint-staged: prettier --write, eslint --fix on the staged files),
# then the host's lint, type check and build pass and `generate --check` exits 0. Also: connect.js
# went into package.json as `catalog:` (the workspace's catalog pins it), under the preset's key
# order where the host had no dependencies block, and the package manager is pnpm.
#
#   bash .ci/linthosts.sh /path/to/mono-connect
#
# Hosts: react (Vite), next, vue (Vite), nuxt, svelte (SvelteKit); not yet angular, solid, preact,
# astro, react-router, vanilla. Versions are pinned here and in the
# catalog; the install prefers the shared npm cache and a persistent pnpm store.
set -euo pipefail
mc=$(realpath "$1")
source "$(dirname "$0")/lib.sh"
export npm_config_cache="${npm_config_cache:-$HOME/.npm}" npm_config_prefer_offline=true
export NEXT_TELEMETRY_DISABLED=1 CI=1

pnpm_version=10.34.9
# LINTHOSTS="vue svelte" runs some of them (when working on one): two at least, since lint-staged
# runs a lone config from the repository's root, where no host's tools are.
read -ra hosts <<<"${LINTHOSTS:-react next vue nuxt svelte}"

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
# @mono.co/connect.js is in the catalog as a workspace that already uses it elsewhere would have
# it: mono-connect writes only inside the app's folder, so it references the workspace's entry.
cat >"$ws/pnpm-workspace.yaml" <<'EOF'
packages:
  - hosts/*
catalog:
  '@antfu/eslint-config': 10.0.0
  '@eslint/js': 10.0.1
  '@mono.co/connect.js': 2.2.0
  '@sveltejs/adapter-static': 4.0.1
  '@sveltejs/kit': 3.2.0
  '@sveltejs/vite-plugin-svelte': 7.3.1
  '@types/node': 24.19.4
  '@types/react': 19.3.3
  '@types/react-dom': 19.3.0
  '@vitejs/plugin-react': 6.3.0
  '@vitejs/plugin-vue': 6.0.11
  '@vue/tsconfig': 0.9.1
  eslint: 10.16.0
  eslint-config-next: 16.4.6
  eslint-plugin-import-x: 4.18.1
  eslint-plugin-react-hooks: 7.1.1
  eslint-plugin-svelte: 3.24.1
  eslint-plugin-unicorn: 80.0.0
  globals: 17.15.0
  lint-staged: 17.6.3
  next: 16.4.6
  nuxt: 4.5.2
  prettier: 3.10.1
  prettier-plugin-svelte: 4.1.1
  react: 19.3.1
  react-dom: 19.3.1
  simple-git-hooks: 2.14.0
  svelte: 5.57.3
  svelte-check: 4.7.8
  typescript: 6.0.3
  typescript-eslint: 8.74.0
  vite: 8.4.0
  vue: 3.5.45
  vue-router: 5.5.1
  vue-tsc: 3.3.14
EOF
printf 'node_modules\ndist\n.next\n.svelte-kit\nbuild\n' >"$ws/.gitignore"

# lint_staged DIR GLOB: the host's hook config: Prettier, then ESLint's fixes, on staged files.
lint_staged() {
  cat >"$1/.lintstagedrc.json" <<EOF
{
  "$2": ["prettier --write --ignore-unknown", "eslint --fix --max-warnings 0 --no-warn-ignored"]
}
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
  printf '<!doctype html>\n<html lang="en">\n  <head><meta charset="UTF-8" /><title>host</title></head>\n  <body><div id="%s"></div><script type="module" src="/src/%s"></script></body>\n</html>\n' "$([ "$plugin" = vue ] && echo app || echo root)" "$entry" >"$d/index.html"
}

# ---- react: Vite, typescript-eslint strictTypeChecked, import order, kebab-case names ----------
host_react() {
  local d=$ws/hosts/react
  mkdir -p "$d/src"
  cat >"$d/package.json" <<'EOF'
{
  "name": "react-host",
  "private": true,
  "version": "0.0.0",
  "type": "module",
  "scripts": {
    "build": "vite build",
    "lint": "eslint . --max-warnings 0",
    "typecheck": "tsc -p tsconfig.json --noEmit"
  },
  "dependencies": {
    "react": "catalog:",
    "react-dom": "catalog:"
  },
  "devDependencies": {
    "@eslint/js": "catalog:",
    "@types/react": "catalog:",
    "@types/react-dom": "catalog:",
    "@vitejs/plugin-react": "catalog:",
    "eslint": "catalog:",
    "eslint-plugin-import-x": "catalog:",
    "eslint-plugin-react-hooks": "catalog:",
    "eslint-plugin-unicorn": "catalog:",
    "globals": "catalog:",
    "prettier": "catalog:",
    "typescript": "catalog:",
    "typescript-eslint": "catalog:",
    "vite": "catalog:"
  }
}
EOF
  cat >"$d/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2022", "DOM", "DOM.Iterable"],
    "module": "ESNext",
    "moduleResolution": "bundler",
    "jsx": "react-jsx",
    "types": ["vite/client"],
    "strict": true,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "noFallthroughCasesInSwitch": true,
    "noUncheckedIndexedAccess": true,
    "verbatimModuleSyntax": true,
    "skipLibCheck": true,
    "noEmit": true
  },
  "include": ["src"]
}
EOF
  cat >"$d/eslint.config.js" <<'EOF'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import unicorn from 'eslint-plugin-unicorn'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig([
  globalIgnores(['dist']),
  js.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    languageOptions: { globals: globals.browser },
    plugins: { 'import-x': importX, unicorn },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'import-x/order': ['error', { 'newlines-between': 'always', alphabetize: { order: 'asc' } }],
      'import-x/no-duplicates': 'error',
      'unicorn/filename-case': ['error', { case: 'kebabCase' }],
      'unicorn/prefer-node-protocol': 'error',
    },
  },
])
EOF
  vite_spa "$d" react main.tsx
  cat >"$d/src/main.tsx" <<'EOF'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './app'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
EOF
  cat >"$d/src/app.tsx" <<'EOF'
export function App() {
  return <h1>Host</h1>
}
EOF
}

# ---- next: eslint-config-next (core-web-vitals, typescript) + strictTypeChecked, kebab-case --
host_next() {
  local d=$ws/hosts/next
  mkdir -p "$d/app"
  cat >"$d/package.json" <<'EOF'
{
  "name": "next-host",
  "private": true,
  "version": "0.1.0",
  "scripts": {
    "build": "next build",
    "lint": "eslint . --max-warnings 0",
    "typecheck": "next typegen && tsc --noEmit"
  },
  "dependencies": {
    "next": "catalog:",
    "react": "catalog:",
    "react-dom": "catalog:"
  },
  "devDependencies": {
    "@types/node": "catalog:",
    "@types/react": "catalog:",
    "@types/react-dom": "catalog:",
    "eslint": "catalog:",
    "eslint-config-next": "catalog:",
    "eslint-plugin-import-x": "catalog:",
    "eslint-plugin-unicorn": "catalog:",
    "prettier": "catalog:",
    "typescript": "catalog:",
    "typescript-eslint": "catalog:"
  }
}
EOF
  cat >"$d/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["dom", "dom.iterable", "esnext"],
    "allowJs": true,
    "skipLibCheck": true,
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "noEmit": true,
    "esModuleInterop": true,
    "module": "esnext",
    "moduleResolution": "bundler",
    "resolveJsonModule": true,
    "isolatedModules": true,
    "jsx": "react-jsx",
    "incremental": true,
    "plugins": [{ "name": "next" }],
    "paths": { "@/*": ["./*"] }
  },
  "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
  "exclude": ["node_modules"]
}
EOF
  cat >"$d/eslint.config.mjs" <<'EOF'
import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import importX from 'eslint-plugin-import-x'
import unicorn from 'eslint-plugin-unicorn'
import tseslint from 'typescript-eslint'

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // import-x's order: eslint-plugin-import's (which eslint-config-next brings) crashes on ESLint 10.
    plugins: { 'import-x': importX, unicorn },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'import-x/order': ['error', { 'newlines-between': 'always', alphabetize: { order: 'asc' } }],
      'unicorn/filename-case': ['error', { case: 'kebabCase' }],
    },
  },
])
EOF
  cat >"$d/.prettierrc.json" <<'EOF'
{ "semi": false, "singleQuote": true }
EOF
  lint_staged "$d" "*.{js,mjs,jsx,ts,tsx,json}"
  cat >"$d/next.config.ts" <<'EOF'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {}

export default nextConfig
EOF
  cat >"$d/app/layout.tsx" <<'EOF'
import type { ReactNode } from 'react'

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
EOF
  cat >"$d/app/page.tsx" <<'EOF'
export default function Home() {
  return (
    <main>
      <h1>Host</h1>
    </main>
  )
}
EOF
}

# ---- vue: Vite, @antfu/eslint-config (stylistic, import order, package.json key order) ------
# Vue is a devDependency (a static SPA build), so the host has no dependencies block: the one
# init adds must land where the preset's key order wants it (before devDependencies).
host_vue() {
  local d=$ws/hosts/vue
  mkdir -p "$d/src"
  cat >"$d/package.json" <<'EOF'
{
  "name": "vue-host",
  "type": "module",
  "version": "0.0.0",
  "private": true,
  "scripts": {
    "build": "vite build",
    "lint": "eslint . --max-warnings 0",
    "typecheck": "vue-tsc --noEmit -p tsconfig.json"
  },
  "devDependencies": {
    "@antfu/eslint-config": "catalog:",
    "@vitejs/plugin-vue": "catalog:",
    "@vue/tsconfig": "catalog:",
    "eslint": "catalog:",
    "prettier": "catalog:",
    "typescript": "catalog:",
    "vite": "catalog:",
    "vue": "catalog:",
    "vue-tsc": "catalog:"
  },
  "pnpm": {
    "overrides": {}
  }
}
EOF
  cat >"$d/tsconfig.json" <<'EOF'
{
  "extends": "@vue/tsconfig/tsconfig.dom.json",
  "compilerOptions": {
    "types": ["vite/client"],
    "noUncheckedIndexedAccess": true,
    "noEmit": true
  },
  "include": ["src/**/*.ts", "src/**/*.vue"]
}
EOF
  cat >"$d/eslint.config.js" <<'EOF'
import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
})
EOF
  vite_spa "$d" vue main.ts
  cat >"$d/src/main.ts" <<'EOF'
import { createApp } from 'vue'
import App from './App.vue'

createApp(App).mount('#app')
EOF
  cat >"$d/src/App.vue" <<'EOF'
<script setup lang="ts">
const title = 'Host'
</script>

<template>
  <h1>{{ title }}</h1>
</template>
EOF
}

# ---- svelte: SvelteKit as `sv create` lays it out with its eslint and prettier add-ons (tabs) -
host_svelte() {
  local d=$ws/hosts/svelte
  mkdir -p "$d/src/routes"
  cat >"$d/package.json" <<'EOF'
{
	"name": "svelte-host",
	"private": true,
	"version": "0.0.1",
	"type": "module",
	"scripts": {
		"build": "vite build",
		"lint": "prettier --check . && eslint . --max-warnings 0",
		"typecheck": "svelte-kit sync && svelte-check --tsconfig ./tsconfig.json --fail-on-warnings"
	},
	"devDependencies": {
		"@eslint/js": "catalog:",
		"@sveltejs/adapter-static": "catalog:",
		"@sveltejs/kit": "catalog:",
		"@sveltejs/vite-plugin-svelte": "catalog:",
		"@types/node": "catalog:",
		"eslint": "catalog:",
		"eslint-plugin-svelte": "catalog:",
		"globals": "catalog:",
		"prettier": "catalog:",
		"prettier-plugin-svelte": "catalog:",
		"svelte": "catalog:",
		"svelte-check": "catalog:",
		"typescript": "catalog:",
		"typescript-eslint": "catalog:",
		"vite": "catalog:"
	}
}
EOF
  cat >"$d/tsconfig.json" <<'EOF'
{
	"extends": "$app/tsconfig",
	"include": ["src", "*"],
	"compilerOptions": {
		"allowJs": true,
		"checkJs": true,
		"esModuleInterop": true,
		"forceConsistentCasingInFileNames": true,
		"resolveJsonModule": true,
		"skipLibCheck": true,
		"sourceMap": true,
		"strict": true,
		"noUncheckedIndexedAccess": true,
		"moduleResolution": "bundler"
	}
}
EOF
  # SvelteKit 3: the kit's options are the Vite plugin's (no svelte.config.js).
  cat >"$d/vite.config.ts" <<'EOF'
import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit({ adapter: adapter({ fallback: 'index.html' }) })]
});
EOF
  printf 'node_modules\n\n# Output\n.output\n.vercel\n.netlify\n.wrangler\n/.svelte-kit\n/build\n\n# OS\n.DS_Store\nThumbs.db\n\n# Env\n.env\n.env.*\n!.env.example\n!.env.test\n\n# Vite\nvite.config.js.timestamp-*\nvite.config.ts.timestamp-*\n' >"$d/.gitignore"
  cat >"$d/eslint.config.js" <<'EOF'
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

export default defineConfig(
	globalIgnores(['build/', '.svelte-kit/']),
	js.configs.recommended,
	...ts.configs.strict,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: { 'no-undef': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	}
);
EOF
  cat >"$d/.prettierrc" <<'EOF'
{
	"useTabs": true,
	"singleQuote": true,
	"trailingComma": "none",
	"printWidth": 100,
	"plugins": ["prettier-plugin-svelte"],
	"overrides": [{ "files": "*.svelte", "options": { "parser": "svelte" } }]
}
EOF
  cat >"$d/.prettierignore" <<'EOF'
# Package Managers
package-lock.json
pnpm-lock.yaml
yarn.lock
bun.lock
bun.lockb

# Miscellaneous
/static/
EOF
  lint_staged "$d" "*.{js,ts,svelte,json}"
  cat >"$d/src/app.d.ts" <<'EOF'
// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
}

export {};
EOF
  cat >"$d/src/app.html" <<'EOF'
<!doctype html>
<html lang="en">
	<head>%sveltekit.head%</head>
	<body>%sveltekit.body%</body>
</html>
EOF
  cat >"$d/src/routes/+page.svelte" <<'EOF'
<h1>Host</h1>
EOF
}

# ---- nuxt: Nuxt 4 (app/ folder), @antfu/eslint-config, Prettier, the hook ------------------
host_nuxt() {
  local d=$ws/hosts/nuxt
  mkdir -p "$d/app"
  cat >"$d/package.json" <<'EOF'
{
  "name": "nuxt-host",
  "type": "module",
  "private": true,
  "scripts": {
    "build": "nuxt build",
    "lint": "eslint . --max-warnings 0",
    "postinstall": "nuxt prepare",
    "typecheck": "nuxt typecheck"
  },
  "dependencies": {
    "nuxt": "catalog:",
    "vue": "catalog:",
    "vue-router": "catalog:"
  },
  "devDependencies": {
    "@antfu/eslint-config": "catalog:",
    "eslint": "catalog:",
    "prettier": "catalog:",
    "typescript": "catalog:",
    "vue-tsc": "catalog:"
  }
}
EOF
  cat >"$d/nuxt.config.ts" <<'EOF'
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  devtools: { enabled: false },
})
EOF
  cat >"$d/tsconfig.json" <<'EOF'
{
  "references": [
    { "path": "./.nuxt/tsconfig.app.json" },
    { "path": "./.nuxt/tsconfig.server.json" },
    { "path": "./.nuxt/tsconfig.shared.json" },
    { "path": "./.nuxt/tsconfig.node.json" }
  ],
  "files": []
}
EOF
  printf "import antfu from '@antfu/eslint-config'\n\nexport default antfu({ vue: true, typescript: true })\n" >"$d/eslint.config.js"
  printf '{ "semi": false, "singleQuote": true }\n' >"$d/.prettierrc.json"
  printf 'node_modules\n.nuxt\n.output\n.data\n.nitro\n.cache\ndist\n' >"$d/.gitignore"
  lint_staged "$d" "*.{js,ts,vue,json}"
  cat >"$d/app/app.vue" <<'EOF'
<template>
  <main>
    <h1>Host</h1>
  </main>
</template>
EOF
}

for h in "${hosts[@]}"; do "host_$h"; done

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
  say "$h: init (detected: pnpm from the workspace, the app's Prettier formats what it writes)"
  out=$("$mc" init "$d" --features link,reauth,payments,events --public-key test_pk_lint0hosts0ci --yes 2>&1) || { echo "$out"; fail "$h: init failed"; }
  grep -q "formatted [0-9]* file(s) with the project's prettier" <<<"$out" || { echo "$out"; fail "$h: init did not run the project's Prettier"; }
  grep -q 'package manager pnpm (../../pnpm-workspace.yaml)' <<<"$out" || { echo "$out"; fail "$h: init did not take pnpm from the workspace"; }
  # connect.js references the workspace's catalog like every other dependency of the host, and a
  # dependencies block init had to add (vue) sits where the key order wants it.
  node -e '
    const p = require(process.argv[1]);
    const v = p.dependencies && p.dependencies["@mono.co/connect.js"];
    if (v !== "catalog:") { console.error("@mono.co/connect.js is", v, "not catalog:"); process.exit(1) }
    const keys = Object.keys(p), dep = keys.indexOf("dependencies"), dev = keys.indexOf("devDependencies");
    if (dev >= 0 && dep > dev) { console.error("dependencies after devDependencies:", keys.join(", ")); process.exit(1) }
  ' "$d/package.json" || fail "$h: package.json"
  "$mc" generate "$d" --check >/dev/null || fail "$h: generate --check right after init --format"
done
say "pnpm install: connect.js from the catalog"
install

for h in "${hosts[@]}"; do
  d=$ws/hosts/$h
  say "$h: commit through the hook (lint-staged: prettier --write, eslint --fix), lint, type check, build, generate --check"
  (cd "$ws" && git add -A "hosts/$h" && git commit -qm "mono-connect in $h") >"$work/$h-commit.log" 2>&1 || {
    cat "$work/$h-commit.log"
    fail "$h: the pre-commit hook refused the integration"
  }
  grep -q 'eslint --fix' "$work/$h-commit.log" || { cat "$work/$h-commit.log"; fail "$h: the commit did not run the lint-staged hook"; }
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
