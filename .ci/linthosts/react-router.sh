# Sourced by .ci/linthosts.sh: the react-router lint host. host_react-router writes the app under
# $ws/hosts/react-router; catalog_react-router prints the workspace catalog entries its
# package.json references. React Router's versions are templates/react-router/starter's;
# TypeScript is the workspace's 6.0 (not the starter's 7: typescript-eslint 8 supports
# TypeScript below 6.1 for its type information, and one catalog holds one version).
catalog_react-router() {
  cat <<'EOF'
@eslint/js 10.0.1
@react-router/dev 8.4.0
@react-router/node 8.4.0
@react-router/serve 8.4.0
@types/node 24.19.4
@types/react 19.3.3
@types/react-dom 19.3.0
eslint 10.16.0
eslint-plugin-import-x 4.18.1
eslint-plugin-react-hooks 7.1.1
globals 17.15.0
isbot 5.2.3
prettier 3.10.1
react 19.3.1
react-dom 19.3.1
react-router 8.4.0
typescript 6.0.3
typescript-eslint 8.74.0
vite 8.4.0
EOF
}

# ---- react-router: framework mode as create-react-router's default template lays it out (SSR),
# typescript-eslint strictTypeChecked, react-hooks, import-x order; Prettier's defaults ---------
host_react-router() {
  local d=$ws/hosts/react-router
  mkdir -p "$d/app/routes" "$d/public"
  # The lint generates the routes' types first: typed linting reads ./+types/<route> like tsc.
  cat >"$d/package.json" <<'EOF'
{
  "name": "react-router-host",
  "private": true,
  "type": "module",
  "scripts": {
    "build": "react-router build",
    "dev": "react-router dev",
    "lint": "react-router typegen && eslint . --max-warnings 0",
    "start": "react-router-serve ./build/server/index.js",
    "typecheck": "react-router typegen && tsc"
  },
  "dependencies": {
    "@react-router/node": "catalog:",
    "@react-router/serve": "catalog:",
    "isbot": "catalog:",
    "react": "catalog:",
    "react-dom": "catalog:",
    "react-router": "catalog:"
  },
  "devDependencies": {
    "@eslint/js": "catalog:",
    "@react-router/dev": "catalog:",
    "@types/node": "catalog:",
    "@types/react": "catalog:",
    "@types/react-dom": "catalog:",
    "eslint": "catalog:",
    "eslint-plugin-import-x": "catalog:",
    "eslint-plugin-react-hooks": "catalog:",
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
  "include": [
    "**/*",
    "**/.server/**/*",
    "**/.client/**/*",
    ".react-router/types/**/*"
  ],
  "compilerOptions": {
    "lib": ["DOM", "DOM.Iterable", "ES2022"],
    "types": ["node", "vite/client"],
    "target": "ES2022",
    "module": "ES2022",
    "moduleResolution": "bundler",
    "jsx": "react-jsx",
    "rootDirs": [".", "./.react-router/types"],
    "esModuleInterop": true,
    "verbatimModuleSyntax": true,
    "noEmit": true,
    "resolveJsonModule": true,
    "skipLibCheck": true,
    "strict": true,
    "noUncheckedIndexedAccess": true
  }
}
EOF
  cat >"$d/eslint.config.js" <<'EOF'
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["build", ".react-router"]),
  js.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    extends: [
      tseslint.configs.strictTypeChecked,
      tseslint.configs.stylisticTypeChecked,
    ],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "import-x": importX },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "import-x/order": [
        "error",
        { "newlines-between": "always", alphabetize: { order: "asc" } },
      ],
      "import-x/no-duplicates": "error",
    },
  },
]);
EOF
  printf '{}\n' >"$d/.prettierrc.json"
  printf '.DS_Store\n.env\n/node_modules/\n\n# React Router\n/.react-router/\n/build/\n' >"$d/.gitignore"
  lint_staged "$d" "*.{js,ts,tsx,json}"
  cat >"$d/react-router.config.ts" <<'EOF'
import type { Config } from "@react-router/dev/config";

export default {
  // Config options...
  // Server-side render by default, to enable SPA mode set this to `false`
  ssr: true,
} satisfies Config;
EOF
  cat >"$d/vite.config.ts" <<'EOF'
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
});
EOF
  cat >"$d/app/routes.ts" <<'EOF'
import { type RouteConfig, index } from "@react-router/dev/routes";

export default [index("routes/home.tsx")] satisfies RouteConfig;
EOF
  cat >"$d/app/app.css" <<'EOF'
html,
body {
  margin: 0;
  font-family: system-ui, sans-serif;
}
EOF
  cat >"$d/app/root.tsx" <<'EOF'
import type { ReactNode } from "react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
} from "react-router";

import type { Route } from "./+types/root";
import "./app.css";

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let message = "Oops!";
  let details = "An unexpected error occurred.";
  let stack: string | undefined;

  if (isRouteErrorResponse(error)) {
    message = error.status === 404 ? "404" : "Error";
    details =
      error.status === 404
        ? "The requested page could not be found."
        : error.statusText || details;
  } else if (import.meta.env.DEV && error instanceof Error) {
    details = error.message;
    stack = error.stack;
  }

  return (
    <main>
      <h1>{message}</h1>
      <p>{details}</p>
      {stack && (
        <pre>
          <code>{stack}</code>
        </pre>
      )}
    </main>
  );
}
EOF
  cat >"$d/app/routes/home.tsx" <<'EOF'
import type { Route } from "./+types/home";

export const meta: Route.MetaFunction = () => [
  { title: "New React Router App" },
  { name: "description", content: "Welcome to React Router!" },
];

export default function Home() {
  return (
    <main>
      <h1>Welcome to React Router!</h1>
    </main>
  );
}
EOF
}
