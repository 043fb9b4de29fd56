//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// react-router: framework mode, server-rendered by react-router-serve; a component on the
// generated core on the home route, which renders on the server and hydrates, so this also proves
// the core is safe to create during server rendering.
var _ = register("react-router", recipe{
	serve: nodeServer("react-router-serve", func(int) []string {
		return []string{"node", "node_modules/@react-router/serve/bin.cjs", "./build/server/index.js"}
	}, func(_ string, port int) []string { return []string{fmt.Sprintf("PORT=%d", port), "HOST=127.0.0.1"} }),
	// create-react-router downloads its template from a code host: the host is the official
	// minimal template's files (react-router-templates, minimal/), pinned to React Router 8.4.0;
	// .ci/frameworks/react-router.sh writes the same files.
	hostFiles: reactRouterHost,
	mount:     mountReactRouter,
})

const reactRouterHost = `-- .gitignore --
.DS_Store
/node_modules/

# React Router
/.react-router/
/build/
-- app/root.tsx --
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration } from "react-router";

import type { Route } from "./+types/root";

export function Layout({ children }: { children: React.ReactNode }) {
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

export default function App({}: Route.ComponentProps) {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let message = "Oops!";
  let details = "An unexpected error occurred.";
  if (isRouteErrorResponse(error)) {
    message = error.status === 404 ? "404" : "Error";
    details = error.status === 404 ? "The requested page could not be found." : error.statusText || details;
  } else if (import.meta.env.DEV && error && error instanceof Error) {
    details = error.message;
  }
  return (
    <main>
      <h1>{message}</h1>
      <p>{details}</p>
    </main>
  );
}
-- app/routes.ts --
import { type RouteConfig, index } from "@react-router/dev/routes";

export default [index("routes/home.tsx")] satisfies RouteConfig;
-- app/routes/home.tsx --
import type { Route } from "./+types/home";

export function meta({}: Route.MetaArgs) {
  return [{ title: "New React Router App" }];
}

export default function Home() {
  return <main>Home</main>;
}
-- package.json --
{
  "name": "host",
  "private": true,
  "type": "module",
  "scripts": {
    "build": "react-router typegen && tsc && react-router build",
    "dev": "react-router dev",
    "start": "react-router-serve ./build/server/index.js",
    "typecheck": "react-router typegen && tsc"
  },
  "dependencies": {
    "@react-router/node": "8.4.0",
    "@react-router/serve": "8.4.0",
    "isbot": "5.2.3",
    "react": "19.3.1",
    "react-dom": "19.3.1",
    "react-router": "8.4.0"
  },
  "devDependencies": {
    "@react-router/dev": "8.4.0",
    "@types/react": "19.3.3",
    "@types/react-dom": "19.3.0",
    "typescript": "7.0.2",
    "vite": "8.4.0"
  }
}
-- react-router.config.ts --
import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
} satisfies Config;
-- tsconfig.json --
{
  "include": ["**/*", "**/.server/**/*", "**/.client/**/*", ".react-router/types/**/*"],
  "compilerOptions": {
    "lib": ["DOM", "DOM.Iterable", "ES2022"],
    "types": ["vite/client"],
    "target": "ES2022",
    "module": "ES2022",
    "moduleResolution": "bundler",
    "jsx": "react-jsx",
    "rootDirs": [".", "./.react-router/types"],
    "paths": { "~/*": ["./app/*"] },
    "esModuleInterop": true,
    "verbatimModuleSyntax": true,
    "noEmit": true,
    "resolveJsonModule": true,
    "skipLibCheck": true,
    "strict": true
  }
}
-- vite.config.ts --
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
});
`

func mountReactRouter(t *testing.T, dir string) string {
	appDir := filepath.Join(dir, "app")
	writeFile(t, filepath.Join(appDir, "MonoE2E.tsx"), reactComponent(coreImport(t, dir, appDir), "import.meta.env.VITE_MONO_PUBLIC_KEY", "VITE_MONO_PUBLIC_KEY", false))
	home := filepath.Join(appDir, "routes", "home.tsx")
	insertAfter(t, home, "import type { Route } from \"./+types/home\";\n", "import MonoE2E from \"../MonoE2E\";\n")
	b, err := os.ReadFile(home)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "return <main>Home</main>;", "return (<main>Home <MonoE2E /></main>);", 1)
	if !strings.Contains(s, "<MonoE2E />") {
		t.Fatalf("could not place the component in %s", home)
	}
	writeFile(t, home, s)
	return "/"
}
