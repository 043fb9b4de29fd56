# Sourced by .ci/linthosts.sh: the next lint host. host_next writes the app under $ws/hosts/next;
# catalog_next prints the workspace catalog entries its package.json references.
catalog_next() {
  cat <<'EOF'
@types/node 24.19.4
@types/react 19.3.3
@types/react-dom 19.3.0
eslint 10.16.0
eslint-config-next 16.4.6
eslint-plugin-import-x 4.18.1
eslint-plugin-unicorn 80.0.0
next 16.4.6
prettier 3.10.1
react 19.3.1
react-dom 19.3.1
typescript 6.0.3
typescript-eslint 8.74.0
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
