//go:build e2e

package e2e

import (
	"path/filepath"
	"testing"
)

// astro: the generated <MonoConnectButton /> on the minimal template's prerendered page, the
// other controls beside it as plain markup (the component's script wires them all, as
// wireMonoConnect does, so the page's listeners count its mono-connect:* events too).
var _ = register("astro", recipe{
	serve: staticDir("dist"),
	// create-astro downloads its template from a code host: the host is the official minimal
	// template's files, pinned (astro 7.3.5); .ci/frameworks/astro.sh writes the same files.
	hostFiles: astroHost,
	mount:     mountAstro,
	binding:   samePage, bindingCheck: "linked-once",
})

const astroHost = `-- .gitignore --
# build output
dist/

# generated types
.astro/

# dependencies
node_modules/

# logs
npm-debug.log*
yarn-debug.log*
yarn-error.log*
pnpm-debug.log*

# environment variables
.env
.env.production

# macOS-specific files
.DS_Store

# jetbrains setting folder
.idea/
-- astro.config.mjs --
// @ts-check
import { defineConfig } from 'astro/config';

// https://astro.build/config
export default defineConfig({});
-- package.json --
{
  "name": "host",
  "type": "module",
  "version": "0.0.1",
  "engines": {
    "node": ">=22.12.0"
  },
  "scripts": {
    "dev": "astro dev",
    "build": "astro build",
    "preview": "astro preview",
    "astro": "astro"
  },
  "dependencies": {
    "astro": "7.3.5"
  }
}
-- src/pages/index.astro --
---

---

<html lang="en">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width" />
		<meta name="generator" content={Astro.generator} />
		<title>Astro</title>
	</head>
	<body>
		<h1>Astro</h1>
	</body>
</html>
-- tsconfig.json --
{
  "extends": "astro/tsconfigs/strict",
  "include": [".astro/types.d.ts", "**/*"],
  "exclude": ["dist"]
}
`

func mountAstro(t *testing.T, dir string) string {
	page := filepath.Join(dir, "src", "pages", "index.astro")
	insertAfter(t, page, "---\n", "import MonoConnectButton from '../lib/mono-connect/MonoConnectButton.astro';\n")
	insertAfter(t, page, "<h1>Astro</h1>\n", "\t\t<MonoConnectButton />\n"+domControls+"<script is:inline>"+domEventCounters+"</script>\n")
	return "/"
}
