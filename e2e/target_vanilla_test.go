//go:build e2e

package e2e

import (
	"path/filepath"
	"testing"
)

// vanilla: create-vite's vanilla-ts page, wired with the generated wireMonoConnect as the README
// says; the page's own listeners count the mono-connect:* events it dispatches, which the
// linked-once flow reads on the same page.
var _ = register("vanilla", viteApp("vanilla-ts", mountVanilla).withBinding(samePage, "linked-once"))

func mountVanilla(t *testing.T, dir string) string {
	src, lib := srcAndLib(t, dir)
	writeFile(t, filepath.Join(src, "mono-e2e.ts"), `import { monoConfig } from '`+lib+`/config';
import { wireMonoConnect } from '`+lib+`/mono-connect-dom.js';

const root = document.createElement('section');
root.innerHTML = `+"`"+domButton+domControls+"`"+`;
document.body.append(root);
wireMonoConnect(monoConfig);
`)
	appendFile(t, filepath.Join(src, "main.ts"), "\nimport './mono-e2e.ts'\n")
	// A classic script: the listeners are the page's, not the module's (and need no types).
	insertAfter(t, filepath.Join(dir, "index.html"), "<body>\n", "    <script>"+domEventCounters+"</script>\n")
	return "/"
}
