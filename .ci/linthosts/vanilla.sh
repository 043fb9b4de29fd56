# Sourced by .ci/linthosts.sh: the vanilla lint host. host_vanilla writes the app under
# $ws/hosts/vanilla; catalog_vanilla prints the workspace catalog entries its package.json references.
catalog_vanilla() {
  cat <<'EOF'
eslint 10.16.0
neostandard 0.14.1
prettier 3.10.1
typescript 6.0.3
vite 8.4.0
EOF
}

# ---- vanilla: create-vite 9.3's vanilla (JavaScript), neostandard, tsc over a checkJs jsconfig --
# neostandard({ noStyle: true }) is standard's rule set without its formatting rules, the way its
# README says to use it beside Prettier. The type check is tsc with checkJs and strict over
# src/, the JavaScript a type-aware editor checks: the generated core ships .d.ts and JSDoc for it.
# maxNodeModuleJsDepth 0 (tsconfig.json's default; a jsconfig.json's is 2): tsc would otherwise
# load the packages' own JavaScript in place of their types and check it, and @mono.co/connect.js
# ships no types (the core's connectjs.d.ts declares them), only a minified UMD bundle.
host_vanilla() {
  local d=$ws/hosts/vanilla
  mkdir -p "$d/src"
  cat >"$d/package.json" <<'EOF'
{
  "name": "vanilla-host",
  "version": "0.0.0",
  "private": true,
  "type": "module",
  "scripts": {
    "dev": "vite",
    "build": "vite build",
    "lint": "eslint . --max-warnings 0",
    "preview": "vite preview",
    "typecheck": "tsc -p jsconfig.json"
  },
  "devDependencies": {
    "eslint": "catalog:",
    "neostandard": "catalog:",
    "prettier": "catalog:",
    "typescript": "catalog:",
    "vite": "catalog:"
  }
}
EOF
  cat >"$d/jsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "target": "es2023",
    "module": "esnext",
    "lib": ["ES2023", "DOM", "DOM.Iterable"],
    "types": ["vite/client"],
    "moduleResolution": "bundler",
    "moduleDetection": "force",
    "allowJs": true,
    "checkJs": true,
    "noEmit": true,
    "skipLibCheck": true,
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "noFallthroughCasesInSwitch": true,
    "maxNodeModuleJsDepth": 0
  },
  "include": ["src"]
}
EOF
  cat >"$d/eslint.config.js" <<'EOF'
import neostandard from 'neostandard'

export default [
  ...neostandard({ noStyle: true, env: ['browser'], ignores: ['dist'] }),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
]
EOF
  printf '{ "semi": false, "singleQuote": true }\n' >"$d/.prettierrc.json"
  lint_staged "$d" "*.{js,json}"
  vite_index_html "$d" app main.js
  cat >"$d/src/main.js" <<'EOF'
import './style.css'
import { setupCounter } from './counter.js'

const app = document.querySelector('#app')
if (app) {
  app.innerHTML = '<button id="counter" type="button"></button>'
  const button = app.querySelector('button')
  if (button) setupCounter(button)
}
EOF
  cat >"$d/src/counter.js" <<'EOF'
/** @param {HTMLButtonElement} element */
export function setupCounter(element) {
  let counter = 0
  /** @param {number} count */
  const setCounter = (count) => {
    counter = count
    element.innerHTML = `Count is ${counter}`
  }
  element.addEventListener('click', () => setCounter(counter + 1))
  setCounter(0)
}
EOF
  printf 'body {\n  margin: 0;\n}\n' >"$d/src/style.css"
}
