# Sourced by .ci/linthosts.sh: the react lint host. host_react writes the app under $ws/hosts/react;
# catalog_react prints the workspace catalog entries its package.json references.
catalog_react() {
  cat <<'EOF'
@eslint/js 10.0.1
@types/react 19.3.3
@types/react-dom 19.3.0
@vitejs/plugin-react 6.3.0
eslint 10.16.0
eslint-plugin-import-x 4.18.1
eslint-plugin-react-hooks 7.1.1
eslint-plugin-unicorn 80.0.0
globals 17.15.0
prettier 3.10.1
react 19.3.1
react-dom 19.3.1
typescript 6.0.3
typescript-eslint 8.74.0
vite 8.4.0
EOF
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
