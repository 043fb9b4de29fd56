//go:build e2e

package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// E2E_PREBUILT names a folder of greenfield apps the framework suites already installed, built and
// checked (.ci/run's CI_APPS, one folder per app named as this suite names it, <target>-<lang>).
// A copy is served where it lies instead of being scaffolded, installed and built a second time,
// but only when it is the app this suite would have built: a fresh init with this suite's flags
// into an empty folder writes exactly the files the copy holds (its mono-connect.json, so every
// answer, the starter, the generated code and the env file with the public key), `generate
// --check` is clean in it, and the recipe needs no build env for it. Anything else, and the suite
// builds the app itself, saying why in one line, so a drift between the two suites can never
// quietly make this one test something else. The flows, the Go server build and every assertion
// are the same either way.

// prebuiltApp returns the verified prebuilt copy of the greenfield app name (init flags args,
// besides the key), or false when the suite must build the app itself.
func prebuiltApp(t *testing.T, r recipe, name string, args []string) (string, bool) {
	t.Helper()
	root := os.Getenv("E2E_PREBUILT")
	if root == "" || r.goOnly {
		return "", false // a Go-only starter has no npm install or build to share
	}
	if !filepath.IsAbs(root) {
		t.Fatalf("E2E_PREBUILT=%s: give an absolute path (go test runs in e2e/)", root)
	}
	dir := filepath.Join(root, name)
	if os.Getenv("E2E_MUTATE") != "" {
		t.Logf("prebuilt %s not used: E2E_MUTATE edits the generated source before the build", dir)
		return "", false
	}
	start := time.Now()
	if why := verifyPrebuilt(t, r, dir, name, args); why != "" {
		t.Logf("prebuilt %s not used, building the app here: %s", dir, why)
		return "", false
	}
	timings.add(t.Name()+": verify the prebuilt app (instead of init, npm install, npm run build)", time.Since(start))
	t.Logf("prebuilt %s used: it is what init writes with this suite's flags, generate --check is clean", dir)
	return dir, true
}

// verifyPrebuilt says why dir is not the app this suite would build, or "" when it is.
func verifyPrebuilt(t *testing.T, r recipe, dir, name string, args []string) string {
	t.Helper()
	if !exists(filepath.Join(dir, "mono-connect.json")) {
		return "no such app (" + filepath.Join(dir, "mono-connect.json") + " is missing)"
	}
	fresh := filepath.Join(t.TempDir(), name) // the same folder name: the starter's package name is it
	runInit(t, r, fresh, args...)
	if why := sameRecord(filepath.Join(dir, "mono-connect.json"), filepath.Join(fresh, "mono-connect.json")); why != "" {
		return why
	}
	if why := sameFiles(fresh, dir); why != "" {
		return why
	}
	if out, err := runOut(dir, cliPath, "generate", dir, "--check"); err != nil {
		return "mono-connect generate --check: " + firstLine(out)
	}
	// What the recipe adds to `npm run build` (next's font mocks for a host that loads
	// next/font/google) was not in the framework suite's build.
	if r.buildEnv != nil {
		if env := r.buildEnv(t, dir); len(env) > 0 {
			return fmt.Sprintf("this suite builds it with %s, the framework suite did not", strings.Join(env, " "))
		}
	}
	return ""
}

// sameRecord compares two mono-connect.json files, naming the first answer that differs.
func sameRecord(got, want string) string {
	g, err1 := os.ReadFile(got)
	w, err2 := os.ReadFile(want)
	if err1 != nil || err2 != nil {
		return fmt.Sprintf("reading the records: %v %v", err1, err2)
	}
	if bytes.Equal(g, w) {
		return ""
	}
	var gr, wr struct {
		Version string                     `json:"version"`
		Answers map[string]json.RawMessage `json:"answers"`
	}
	if err := json.Unmarshal(g, &gr); err != nil {
		return "its mono-connect.json does not parse: " + err.Error()
	}
	json.Unmarshal(w, &wr)
	keys := map[string]bool{}
	for k := range gr.Answers {
		keys[k] = true
	}
	for k := range wr.Answers {
		keys[k] = true
	}
	var names []string
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if !reflect.DeepEqual(compactJSON(gr.Answers[k]), compactJSON(wr.Answers[k])) {
			return fmt.Sprintf("mono-connect.json records %s %s, this suite passes %s", k, orNone(gr.Answers[k]), orNone(wr.Answers[k]))
		}
	}
	if gr.Version != wr.Version {
		return fmt.Sprintf("mono-connect.json was written by mono-connect %q, this suite's is %q", gr.Version, wr.Version)
	}
	return "mono-connect.json differs from the one init writes now (its files' list or hashes)"
}

func compactJSON(m json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, m) != nil {
		return string(m)
	}
	return b.String()
}

func orNone(m json.RawMessage) string {
	if len(m) == 0 {
		return "nothing"
	}
	return compactJSON(m)
}

// sameFiles compares every file init wrote below fresh with its copy below dir (the built app,
// which also holds dependencies and build output, not compared).
func sameFiles(fresh, dir string) string {
	var why string
	filepath.Walk(fresh, func(p string, info os.FileInfo, err error) error {
		if err != nil || why != "" {
			return err
		}
		if info.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(fresh, p)
		want, err := os.ReadFile(p)
		if err != nil {
			why = err.Error()
			return nil
		}
		got, err := os.ReadFile(filepath.Join(dir, rel))
		switch {
		case err != nil:
			why = rel + " is missing"
		case !bytes.Equal(got, want):
			why = rel + " differs from what init writes"
		}
		return nil
	})
	return why
}

// runOut runs a command that may fail, returning its combined output.
func runOut(dir string, argv ...string) (string, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// writeInitFlagsFromEnv serves .ci/lib.sh: E2E_INIT_FLAGS_DIR=<dir> writes <dir>/ts and <dir>/js,
// the init flags (one a line) of this suite's greenfield app of a target with both languages,
// besides --framework and --lang, key included, and ends the run before anything else starts. So
// the framework suites scaffold their starters as this suite does, from the one definition here,
// and can hand them over (E2E_PREBUILT). It reports whether it ran and the exit code.
func writeInitFlagsFromEnv() (bool, int) {
	dir := os.Getenv("E2E_INIT_FLAGS_DIR")
	if dir == "" {
		return false, 0
	}
	for _, lang := range []string{"ts", "js"} {
		flags, _ := greenfieldFlags(lang, false)
		flags = append(flags, keyFlags(recipe{})...)
		if err := os.WriteFile(filepath.Join(dir, lang), []byte(strings.Join(flags, "\n")+"\n"), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "e2e: E2E_INIT_FLAGS_DIR:", err)
			return true, 1
		}
	}
	return true, 0
}
