//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// Brownfield hosts shared by several targets. A host made by hand (its generator downloads its
// template from a code host) is a txtar string in its target's file, written by txtarHost.

// createVite makes a host with create-vite, the generator Vite's docs start from.
func createVite(template string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		npmExec(t, filepath.Dir(dir), "create-vite@9.3.0", filepath.Base(dir), "--template", template, "--no-interactive")
	}
}

// viteApp is the recipe of a create-vite host, built to dist/ and served as files.
func viteApp(template string, mount func(t *testing.T, dir string) string) recipe {
	return recipe{serve: staticDir("dist"), host: createVite(template), mount: mount}
}

// withBinding is r with a binding page (samePage: the mounted one) checked by the named flow.
func (r recipe) withBinding(page func(t *testing.T, dir string) string, check string) recipe {
	r.binding, r.bindingCheck = page, check
	return r
}

// npmExec runs a package's binary (a project generator) through the shared npm cache.
func npmExec(t *testing.T, dir string, args ...string) {
	t.Helper()
	runCmd(t, 5*time.Minute, dir, nil, append([]string{"npm", "exec", "--yes", "--"}, args...)...)
}

// txtarHosts are the hand-made hosts by target, for .ci/lib.sh's e2e_host (E2E_WRITE_HOST).
var txtarHosts = map[string]string{}

// txtarHost writes the files of a txtar archive into dir.
func txtarHost(archive string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		if err := writeTxtar(archive, dir); err != nil {
			t.Fatal(err)
		}
	}
}

func writeTxtar(archive, dir string) error {
	a := txtar.Parse([]byte(archive))
	if len(a.Files) == 0 {
		return fmt.Errorf("the host archive has no files")
	}
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeHostFromEnv serves the CI scripts: E2E_WRITE_HOST=<target> E2E_HOST_DIR=<dir> writes that
// target's hand-made host and ends the run before anything else starts (no CLI build, no browser).
// It reports whether it ran and the exit code.
func writeHostFromEnv() (bool, int) {
	name := os.Getenv("E2E_WRITE_HOST")
	if name == "" {
		return false, 0
	}
	archive, ok := txtarHosts[name]
	dir := os.Getenv("E2E_HOST_DIR")
	switch {
	case !ok:
		var names []string
		for n := range txtarHosts {
			names = append(names, n)
		}
		fmt.Fprintf(os.Stderr, "e2e: E2E_WRITE_HOST=%s: no hand-made host by that name (have: %s)\n", name, strings.Join(names, ", "))
		return true, 1
	case dir == "":
		fmt.Fprintln(os.Stderr, "e2e: E2E_WRITE_HOST needs E2E_HOST_DIR, the folder to write the host into")
		return true, 1
	}
	if err := writeTxtar(archive, dir); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: writing the host:", err)
		return true, 1
	}
	return true, 0
}
