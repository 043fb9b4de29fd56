package main

import (
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra/doc"

	"github.com/mono-connect/mono-connect/generate"
)

// TestCompletionListsFrameworks asks cobra's hidden __complete command, the one every shell's
// completion script calls, for --framework values.
func TestCompletionListsFrameworks(t *testing.T) {
	code, out, errOut := runPlain(t, "__complete", "init", "--framework", "")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, target := range generate.Targets() {
		if !strings.Contains(out, target.Name+"\t"+target.Title) {
			t.Errorf("completion lacks %s:\n%s", target.Name, out)
		}
	}
	if !strings.Contains(out, ":4") { // ShellCompDirectiveNoFileComp
		t.Errorf("completion offers file names too:\n%s", out)
	}
	code, out, _ = runPlain(t, "__complete", "init", "--features", "")
	if code != 0 || !strings.Contains(out, "payments") {
		t.Errorf("--features completion: %q", out)
	}
}

// TestBashCompletionSources loads the bash script into a real bash and completes --framework.
func TestBashCompletionSources(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not installed")
	}
	bin, err := buildCLI()
	if err != nil {
		t.Fatal(err)
	}
	// cobra's bash script needs the bash-completion package (.ci/run installs it).
	const helpers = "/usr/share/bash-completion/bash_completion"
	if _, err := os.Stat(helpers); err != nil {
		t.Skip("bash-completion is not installed")
	}
	script := `
source ` + helpers + `
set -e
source <("$BIN" completion bash)
compopt() { :; } # only valid inside a real completion; the options do not matter here
type __start_mono-connect >/dev/null
COMP_WORDS=(mono-connect init --framework "")
COMP_CWORD=3
COMP_LINE="mono-connect init --framework "
COMP_POINT=${#COMP_LINE}
__start_mono-connect mono-connect "" init
printf '%s\n' "${COMPREPLY[@]}"
`
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script)
	cmd.Env = append(os.Environ(), "BIN="+bin, "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	for _, target := range generate.Targets() {
		if !strings.Contains(string(out), target.Name) {
			t.Errorf("bash completion lacks %s:\n%s", target.Name, out)
		}
	}
}

// manDir, when set, makes TestManPages write the pages there: the release build runs
// `go test ./cmd/mono-connect -run '^TestManPages$' -args -man-dir DIR`. Man pages are made by a test,
// not a hidden command, so their renderer (cobra/doc, blackfriday) is not linked into the binary,
// where its package init would cost every start.
var manDir = flag.String("man-dir", "", "write the man pages into this directory")

func TestManPages(t *testing.T) {
	dir := *manDir
	if dir == "" {
		dir = t.TempDir()
	}
	if err := writeManPages(dir); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"mono-connect.1", "mono-connect-init.1", "mono-connect-generate.1", "mono-connect-targets.1", "mono-connect-version.1"} {
		b, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		if !strings.Contains(string(b), ".TH \"MONO-CONNECT\"") {
			t.Errorf("%s is not a man page", page)
		}
	}
	init, _ := os.ReadFile(filepath.Join(dir, "mono-connect-init.1"))
	if !strings.Contains(string(init), "--on-conflict") {
		t.Error("init's man page does not document --on-conflict")
	}
}

func writeManPages(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root := newRootCmd(&iostreams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Interactive: func() bool { return false }})
	root.DisableAutoGenTag = true // reproducible pages: no generation date
	header := &doc.GenManHeader{Title: "MONO-CONNECT", Section: "1", Source: "mono-connect " + currentBuild().Version, Manual: "mono-connect manual"}
	return doc.GenManTree(root, header, dir)
}
