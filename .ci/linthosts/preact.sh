# Sourced by .ci/linthosts.sh: the preact lint host. host_preact writes the app under $ws/hosts/preact;
# catalog_preact prints the workspace catalog entries its package.json references.
# Versions: templates/preact/starter's (preact 11.2, @preact/preset-vite 2.10); TypeScript is the
# workspace's 6.0 (create-vite 9.3 pins ~7.0, which typescript-eslint's type-aware rules cannot
# load yet).
catalog_preact() {
  cat <<'EOF'
@eslint/js 10.0.1
@preact/preset-vite 2.10.6
@types/node 24.19.4
eslint 10.16.0
eslint-plugin-import-x 4.18.1
eslint-plugin-react-hooks 7.1.1
eslint-plugin-unicorn 80.0.0
globals 17.15.0
preact 11.2.0
prettier 3.10.1
typescript 6.0.3
typescript-eslint 8.74.0
vite 8.4.0
EOF
}

# ---- preact: create-vite 9.3's preact-ts, strictTypeChecked + react-hooks, import order -------
# Not eslint-config-preact: its 2.0.0 (the latest) accepts ESLint 8 and 9 only and brings
# eslint-plugin-react 7.37.5, whose rules crash on ESLint 10 (context.getFilename() is gone:
# jsx-eslint/eslint-plugin-react#3977), and every host shares the workspace's ESLint 10. So
# typescript-eslint's strictest type-aware presets, and eslint-plugin-react-hooks' recommended
# (rules of hooks, exhaustive deps, the compiler's purity rules): they go by the use* naming
# convention, so they check preact/hooks as they check React's; the tsconfig maps react and
# react-dom to preact/compat as create-vite's does.
host_preact() {
  local d=$ws/hosts/preact
  mkdir -p "$d/src"
  cat >"$d/package.json" <<'EOF'
{
  "name": "preact-host",
  "private": true,
  "version": "0.0.0",
  "type": "module",
  "scripts": {
    "dev": "vite",
    "build": "vite build",
    "lint": "eslint . --max-warnings 0",
    "preview": "vite preview",
    "typecheck": "tsc -b"
  },
  "dependencies": {
    "preact": "catalog:"
  },
  "devDependencies": {
    "@eslint/js": "catalog:",
    "@preact/preset-vite": "catalog:",
    "@types/node": "catalog:",
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
  vite_tsconfigs "$d"
  cat >"$d/tsconfig.app.json" <<'EOF'
{
  "compilerOptions": {
    "tsBuildInfoFile": "./node_modules/.tmp/tsconfig.app.tsbuildinfo",
    "target": "es2023",
    "module": "esnext",
    "lib": ["ES2023", "DOM"],
    "types": ["vite/client"],
    "allowArbitraryExtensions": true,
    "skipLibCheck": true,
    "paths": {
      "react": ["./node_modules/preact/compat/"],
      "react-dom": ["./node_modules/preact/compat/"]
    },

    /* Bundler mode */
    "moduleResolution": "bundler",
    "allowImportingTsExtensions": true,
    "verbatimModuleSyntax": true,
    "moduleDetection": "force",
    "noEmit": true,
    "jsx": "react-jsx",
    "jsxImportSource": "preact",

    /* Linting */
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "erasableSyntaxOnly": true,
    "noFallthroughCasesInSwitch": true
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
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
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
    },
  },
])
EOF
  printf '{ "semi": false, "singleQuote": true }\n' >"$d/.prettierrc.json"
  lint_staged "$d" "*.{js,ts,tsx,json}"
  cat >"$d/vite.config.ts" <<'EOF'
import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [preact()],
})
EOF
  vite_index_html "$d" app main.tsx
  cat >"$d/src/main.tsx" <<'EOF'
import { render } from 'preact'

import { App } from './app.tsx'

const root = document.getElementById('app')
if (root) {
  render(<App />, root)
}
EOF
  cat >"$d/src/app.tsx" <<'EOF'
import { useState } from 'preact/hooks'

export function App() {
  const [count, setCount] = useState(0)

  return (
    <button
      type="button"
      onClick={() => {
        setCount((n) => n + 1)
      }}
    >
      Count is {count}
    </button>
  )
}
EOF
}
