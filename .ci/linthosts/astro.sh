# Sourced by .ci/linthosts.sh: the astro lint host. host_astro writes the app under $ws/hosts/astro;
# catalog_astro prints the workspace catalog entries its package.json references. astro and
# @astrojs/check are templates/astro/starter's versions.
catalog_astro() {
  cat <<'EOF'
@astrojs/check 0.9.10
@eslint/js 10.0.1
astro 7.3.5
eslint 10.16.0
eslint-plugin-astro 3.2.1
eslint-plugin-jsx-a11y 6.10.2
globals 17.15.0
prettier 3.10.1
prettier-plugin-astro 1.1.1
typescript 6.0.3
typescript-eslint 8.74.0
EOF
}

# ---- astro: create-astro's minimal template (strictest tsconfig), eslint-plugin-astro's
# recommended and jsx-a11y-strict over typescript-eslint's strict, Prettier with its Astro plugin --
host_astro() {
  local d=$ws/hosts/astro
  mkdir -p "$d/src/pages" "$d/public"
  cat >"$d/package.json" <<'EOF'
{
  "name": "astro-host",
  "type": "module",
  "version": "0.0.1",
  "scripts": {
    "dev": "astro dev",
    "build": "astro build",
    "preview": "astro preview",
    "astro": "astro",
    "lint": "eslint . --max-warnings 0",
    "typecheck": "astro check"
  },
  "dependencies": {
    "astro": "catalog:"
  },
  "devDependencies": {
    "@astrojs/check": "catalog:",
    "@eslint/js": "catalog:",
    "eslint": "catalog:",
    "eslint-plugin-astro": "catalog:",
    "eslint-plugin-jsx-a11y": "catalog:",
    "globals": "catalog:",
    "prettier": "catalog:",
    "prettier-plugin-astro": "catalog:",
    "typescript": "catalog:",
    "typescript-eslint": "catalog:"
  }
}
EOF
  cat >"$d/astro.config.mjs" <<'EOF'
// @ts-check
import { defineConfig } from 'astro/config';

// https://astro.build/config
export default defineConfig({});
EOF
  cat >"$d/tsconfig.json" <<'EOF'
{
  "extends": "astro/tsconfigs/strictest",
  "include": [".astro/types.d.ts", "**/*"],
  "exclude": ["dist"]
}
EOF
  printf '# build output\ndist/\n\n# generated types\n.astro/\n\n# dependencies\nnode_modules/\n\n# logs\nnpm-debug.log*\nyarn-debug.log*\nyarn-error.log*\npnpm-debug.log*\n\n# environment variables\n.env\n.env.production\n\n# macOS-specific files\n.DS_Store\n\n# jetbrains setting folder\n.idea/\n' >"$d/.gitignore"
  # eslint-plugin-astro's README flat config, over typescript-eslint's strict.
  cat >"$d/eslint.config.js" <<'EOF'
import js from '@eslint/js';
import eslintPluginAstro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['dist/', '.astro/']),
  js.configs.recommended,
  tseslint.configs.strict,
  eslintPluginAstro.configs.recommended,
  eslintPluginAstro.configs['jsx-a11y-strict'],
  { languageOptions: { globals: { ...globals.browser } } },
  { files: ['*.config.mjs'], languageOptions: { globals: { ...globals.node } } },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
]);
EOF
  # Prettier with the plugin, as prettier-plugin-astro's README configures it.
  cat >"$d/.prettierrc.mjs" <<'EOF'
/** @type {import("prettier").Config} */
export default {
  singleQuote: true,
  plugins: ['prettier-plugin-astro'],
  overrides: [{ files: '*.astro', options: { parser: 'astro' } }],
};
EOF
  lint_staged "$d" "*.{js,mjs,ts,astro,json}"
  printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128"><circle cx="64" cy="64" r="48"/></svg>\n' >"$d/public/favicon.svg"
  cat >"$d/src/pages/index.astro" <<'EOF'
---

---

<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
    <meta name="viewport" content="width=device-width" />
    <meta name="generator" content={Astro.generator} />
    <title>Astro</title>
  </head>
  <body>
    <h1>Astro</h1>
  </body>
</html>
EOF
}
