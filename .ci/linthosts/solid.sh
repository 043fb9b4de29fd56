# Sourced by .ci/linthosts.sh: the solid lint host. host_solid writes the app under $ws/hosts/solid;
# catalog_solid prints the workspace catalog entries its package.json references.
# Versions: templates/solid/starter's (solid-js 1.9, vite-plugin-solid 2.11, eslint-plugin-solid
# 0.18); TypeScript is the workspace's 6.0 (create-vite 9.3 pins ~7.0, which typescript-eslint's
# type-aware rules cannot load yet).
catalog_solid() {
  cat <<'EOF'
@eslint/js 10.0.1
@types/node 24.19.4
eslint 10.16.0
eslint-plugin-solid 0.18.0
globals 17.15.0
prettier 3.10.1
solid-js 1.9.20
typescript 6.0.3
typescript-eslint 8.74.0
vite 8.4.0
vite-plugin-solid 2.11.14
EOF
}

# ---- solid: create-vite 9.3's solid-ts, eslint-plugin-solid (typescript) + strictTypeChecked --
host_solid() {
  local d=$ws/hosts/solid
  mkdir -p "$d/src"
  cat >"$d/package.json" <<'EOF'
{
  "name": "solid-host",
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
    "solid-js": "catalog:"
  },
  "devDependencies": {
    "@eslint/js": "catalog:",
    "@types/node": "catalog:",
    "eslint": "catalog:",
    "eslint-plugin-solid": "catalog:",
    "globals": "catalog:",
    "prettier": "catalog:",
    "typescript": "catalog:",
    "typescript-eslint": "catalog:",
    "vite": "catalog:",
    "vite-plugin-solid": "catalog:"
  }
}
EOF
  # create-vite's three tsconfigs (a solution file referencing the app's and vite.config.ts's),
  # with noUncheckedIndexedAccess on top as the other strict hosts have it.
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

    /* Bundler mode */
    "moduleResolution": "bundler",
    "allowImportingTsExtensions": true,
    "verbatimModuleSyntax": true,
    "moduleDetection": "force",
    "noEmit": true,
    "jsx": "preserve",
    "jsxImportSource": "solid-js",

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
  # eslint-plugin-solid's typescript flat config (its README) over typescript-eslint's strictest
  # type-aware presets; the project service finds each file's tsconfig through the solution file.
  cat >"$d/eslint.config.js" <<'EOF'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import solid from 'eslint-plugin-solid/configs/typescript'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig([
  globalIgnores(['dist']),
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked, solid],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    languageOptions: { globals: globals.browser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
])
EOF
  # Prettier's defaults (semicolons, double quotes): the other Vite hosts drop semicolons.
  printf '{}\n' >"$d/.prettierrc.json"
  lint_staged "$d" "*.{js,ts,tsx,json}"
  cat >"$d/vite.config.ts" <<'EOF'
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

export default defineConfig({
  plugins: [solid()],
});
EOF
  vite_index_html "$d" root index.tsx
  cat >"$d/src/index.tsx" <<'EOF'
/* @refresh reload */
import { render } from "solid-js/web";
import App from "./App.tsx";

const root = document.getElementById("root");

if (root) {
  render(() => <App />, root);
}
EOF
  cat >"$d/src/App.tsx" <<'EOF'
import { createSignal } from "solid-js";

function App() {
  const [count, setCount] = createSignal(0);

  return (
    <button type="button" onClick={() => setCount((n) => n + 1)}>
      Count is {count()}
    </button>
  );
}

export default App;
EOF
}
