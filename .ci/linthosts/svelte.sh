# Sourced by .ci/linthosts.sh: the svelte lint host. host_svelte writes the app under $ws/hosts/svelte;
# catalog_svelte prints the workspace catalog entries its package.json references.
catalog_svelte() {
  cat <<'EOF'
@eslint/js 10.0.1
@sveltejs/adapter-static 4.0.1
@sveltejs/kit 3.2.0
@sveltejs/vite-plugin-svelte 7.3.1
@types/node 24.19.4
eslint 10.16.0
eslint-plugin-svelte 3.24.1
globals 17.15.0
prettier 3.10.1
prettier-plugin-svelte 4.1.1
svelte 5.57.3
svelte-check 4.7.8
typescript 6.0.3
typescript-eslint 8.74.0
vite 8.4.0
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
