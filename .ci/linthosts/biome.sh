# Sourced by .ci/linthosts.sh: the biome lint host. host_biome writes the app under $ws/hosts/biome;
# catalog_biome prints the workspace catalog entries its package.json references; formatter_biome
# tells the main loop that Biome, not Prettier, formats and lints it.
catalog_biome() {
  cat <<'EOF'
@biomejs/biome 2.6.9
@types/node 24.19.4
@types/react 19.3.3
@types/react-dom 19.3.0
@vitejs/plugin-react 6.3.0
react 19.3.1
react-dom 19.3.1
typescript 6.0.3
vite 8.4.0
EOF
}

formatter_biome() { echo biome; }

# ---- biome: React + TS on Vite (create-vite's react-ts), Biome alone lints and formats -------
# No ESLint, no Prettier: biome.json as `biome init` (2.6.9) writes it (tabs, the recommended
# preset), with the VCS integration on as Biome's docs advise (the app's .gitignore keeps dist/ out
# of `biome ci .` after a build), made strict (naming conventions, file names, unused imports and
# variables as errors, the whole React domain) and with single quotes and no semicolons, so that
# its layout differs from ours. The lint fails on warnings too. The hook is Biome's own `check
# --write` on the staged files.
host_biome() {
  local d=$ws/hosts/biome
  mkdir -p "$d/src" "$d/public"
  cat >"$d/package.json" <<'EOF'
{
	"name": "biome-host",
	"private": true,
	"version": "0.0.0",
	"type": "module",
	"scripts": {
		"dev": "vite",
		"build": "vite build",
		"lint": "biome ci --error-on-warnings .",
		"typecheck": "tsc -b",
		"preview": "vite preview"
	},
	"dependencies": {
		"react": "catalog:",
		"react-dom": "catalog:"
	},
	"devDependencies": {
		"@biomejs/biome": "catalog:",
		"@types/node": "catalog:",
		"@types/react": "catalog:",
		"@types/react-dom": "catalog:",
		"@vitejs/plugin-react": "catalog:",
		"typescript": "catalog:",
		"vite": "catalog:"
	}
}
EOF
  cat >"$d/biome.json" <<'EOF'
{
	"$schema": "https://biomejs.dev/schemas/2.6.9/schema.json",
	"vcs": {
		"enabled": true,
		"clientKind": "git",
		"useIgnoreFile": true
	},
	"files": {
		"ignoreUnknown": false
	},
	"formatter": {
		"enabled": true,
		"indentStyle": "tab"
	},
	"linter": {
		"enabled": true,
		"domains": {
			"react": "all"
		},
		"rules": {
			"preset": "recommended",
			"correctness": {
				"noUnusedImports": "error",
				"noUnusedVariables": "error"
			},
			"style": {
				"noNonNullAssertion": "error",
				"useBlockStatements": "error",
				"useFilenamingConvention": "error",
				"useNamingConvention": "error"
			},
			"suspicious": {
				"noConsole": "error"
			}
		}
	},
	"javascript": {
		"formatter": {
			"quoteStyle": "single",
			"semicolons": "asNeeded"
		}
	},
	"assist": {
		"enabled": true,
		"actions": {
			"source": {
				"organizeImports": "on"
			}
		}
	}
}
EOF
  cat >"$d/.lintstagedrc.json" <<'EOF'
{
	"*.{js,jsx,ts,tsx,json,jsonc,css}": [
		"biome check --write --no-errors-on-unmatched --files-ignore-unknown=true"
	]
}
EOF
  printf 'node_modules\ndist\ndist-ssr\n*.local\n' >"$d/.gitignore"
  cat >"$d/tsconfig.json" <<'EOF'
{
	"files": [],
	"references": [
		{ "path": "./tsconfig.app.json" },
		{ "path": "./tsconfig.node.json" }
	]
}
EOF
  cat >"$d/tsconfig.app.json" <<'EOF'
{
	"compilerOptions": {
		"tsBuildInfoFile": "./node_modules/.tmp/tsconfig.app.tsbuildinfo",
		"target": "es2023",
		"lib": ["ES2023", "DOM"],
		"module": "esnext",
		"types": ["vite/client"],
		"allowArbitraryExtensions": true,
		"skipLibCheck": true,

		/* Bundler mode */
		"moduleResolution": "bundler",
		"allowImportingTsExtensions": true,
		"verbatimModuleSyntax": true,
		"moduleDetection": "force",
		"noEmit": true,
		"jsx": "react-jsx",

		/* Linting */
		"strict": true,
		"noUnusedLocals": true,
		"noUnusedParameters": true,
		"erasableSyntaxOnly": true,
		"noFallthroughCasesInSwitch": true,
		"noUncheckedIndexedAccess": true
	},
	"include": ["src"]
}
EOF
  cat >"$d/tsconfig.node.json" <<'EOF'
{
	"compilerOptions": {
		"tsBuildInfoFile": "./node_modules/.tmp/tsconfig.node.tsbuildinfo",
		"target": "es2023",
		"lib": ["ES2023"],
		"types": ["node"],
		"skipLibCheck": true,

		/* Bundler mode */
		"module": "nodenext",
		"allowImportingTsExtensions": true,
		"verbatimModuleSyntax": true,
		"moduleDetection": "force",
		"noEmit": true,

		/* Linting */
		"strict": true,
		"noUnusedLocals": true,
		"noUnusedParameters": true,
		"erasableSyntaxOnly": true,
		"noFallthroughCasesInSwitch": true
	},
	"include": ["vite.config.ts"]
}
EOF
  cat >"$d/vite.config.ts" <<'EOF'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// https://vite.dev/config/
export default defineConfig({
	plugins: [react()],
})
EOF
  cat >"$d/index.html" <<'EOF'
<!doctype html>
<html lang="en">
	<head>
		<meta charset="UTF-8" />
		<link rel="icon" type="image/svg+xml" href="/favicon.svg" />
		<meta name="viewport" content="width=device-width, initial-scale=1.0" />
		<title>Vite + React + TS</title>
	</head>
	<body>
		<div id="root"></div>
		<script type="module" src="/src/main.tsx"></script>
	</body>
</html>
EOF
  printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><title>Host</title><circle cx="8" cy="8" r="7"/></svg>\n' >"$d/public/favicon.svg"
  cat >"$d/src/index.css" <<'EOF'
:root {
	font:
		18px / 145% system-ui,
		"Segoe UI",
		Roboto,
		sans-serif;
	color-scheme: light dark;
}

body {
	margin: 0;
}
EOF
  cat >"$d/src/App.css" <<'EOF'
.counter {
	padding: 5px 10px;
	border-radius: 5px;
}
EOF
  cat >"$d/src/main.tsx" <<'EOF'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import App from './App.tsx'

const root = document.getElementById('root')
if (root) {
	createRoot(root).render(
		<StrictMode>
			<App />
		</StrictMode>,
	)
}
EOF
  cat >"$d/src/App.tsx" <<'EOF'
import { useCallback, useState } from 'react'
import './App.css'

function App() {
	const [count, setCount] = useState(0)
	const increment = useCallback(() => setCount((count) => count + 1), [])

	return (
		<section className="center">
			<h1>Get started</h1>
			<button type="button" className="counter" onClick={increment}>
				Count is {count}
			</button>
		</section>
	)
}

export default App
EOF
}
