//go:build linux || darwin

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/mono-connect/mono-connect/internal/testfs"
)

// ptyScreen is the far side of a pseudo-terminal running the CLI: it records the screen output,
// answers the cursor-position queries survey sends, and types keys.
type ptyScreen struct {
	t    *testing.T
	pty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	seen int // offset up to which expect has consumed output
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

func (term *ptyScreen) read() {
	buf := make([]byte, 4096)
	for {
		n, err := term.pty.Read(buf)
		if n > 0 {
			chunk := buf[:n]
			// survey asks where the cursor is (ESC[6n) and waits for the answer.
			for i := bytes.Count(chunk, []byte("\x1b[6n")); i > 0; i-- {
				term.pty.WriteString("\x1b[1;1R")
			}
			term.mu.Lock()
			term.out.Write(chunk)
			term.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// expect waits for text to appear (ANSI sequences ignored) after what earlier calls consumed.
func (term *ptyScreen) expect(text string) {
	term.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		screen := ansi.ReplaceAllString(term.out.String()[term.seen:], "")
		raw := term.out.Len()
		term.mu.Unlock()
		if strings.Contains(screen, text) {
			term.seen = raw
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	term.t.Fatalf("waited 15s for %q; screen so far:\n%s", text, ansi.ReplaceAllString(term.out.String(), ""))
}

func (term *ptyScreen) send(keys string) {
	term.t.Helper()
	time.Sleep(50 * time.Millisecond) // let survey finish drawing before keys arrive
	if _, err := term.pty.WriteString(keys); err != nil {
		term.t.Fatal(err)
	}
}

const (
	keyDown  = "\x1b[B"
	keySpace = " "
	keyEnter = "\r"
)

// initInTerminal starts `mono-connect init app` in a fresh folder (work) on a pseudo-terminal of
// the given size (nil: pty's default), with the screen read from in the background.
func initInTerminal(t *testing.T, size *pty.Winsize) (cmd *exec.Cmd, term *ptyScreen, work string) {
	t.Helper()
	bin, err := buildCLI()
	if err != nil {
		t.Fatal(err)
	}
	work = t.TempDir()
	cmd = exec.Command(bin, "init", "app")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "TERM=xterm")
	ptmx, err := pty.StartWithSize(cmd, size)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ptmx.Close() })
	term = &ptyScreen{t: t, pty: ptmx}
	go term.read()
	return cmd, term, work
}

func TestInitInRealTerminal(t *testing.T) {
	cmd, term, work := initInTerminal(t, &pty.Winsize{Rows: 50, Cols: 160})

	term.expect(qFramework)
	term.send(keyDown + keyEnter) // vanilla -> react
	term.expect(qLang)
	term.send(keyDown + keyEnter) // TypeScript -> JavaScript
	term.expect(qFeatures)
	term.send(keyDown + keySpace + keyEnter) // link, events preselected; add reauth
	term.expect(qDirectBank)
	term.send("y" + keyEnter)
	term.expect(qInstitution)
	term.send("nope" + keyEnter) // refused, asked again
	term.expect("24 lowercase hex characters")
	term.send(strings.Repeat("\x7f", 4) + "5f2d08be60b92e2888287702" + keyEnter)
	term.expect(qAuthMethod)
	term.send(keyDown + keyEnter) // mobile_banking
	term.expect(qBackend)
	term.send(keyEnter) // yes
	term.expect(qServerDir)
	term.send(keyEnter) // server
	term.expect(qPackageMgr)
	term.send(keyEnter) // npm
	term.expect(qPublicKey)
	term.send("test_pk_pty" + keyEnter)
	term.expect(qConfirm)
	term.send(keyEnter)
	term.expect("To do the same without questions:")

	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("init exited with %v", err)
		}
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		t.Fatal("init did not exit")
	}
	time.Sleep(100 * time.Millisecond)
	term.mu.Lock()
	screen := ansi.ReplaceAllString(term.out.String(), "")
	term.mu.Unlock()
	m := regexp.MustCompile(`mono-connect init [^\r\n]*--yes`).FindString(screen)
	want := "mono-connect init app --framework react --lang js --features link,reauth,events --institution 5f2d08be60b92e2888287702 --auth-method mobile_banking --backend go --package-manager npm --yes"
	if m != want {
		t.Fatalf("one-shot command = %q, want %q", m, want)
	}

	// The same command without a terminal writes the same files (the key aside).
	second := t.TempDir()
	replay := exec.Command(cmd.Path, strings.Fields(want)[1:]...)
	replay.Dir = second
	if out, err := replay.CombinedOutput(); err != nil {
		t.Fatalf("replay: %v\n%s", err, out)
	}
	a, b := testfs.Read(t, filepath.Join(work, "app")), testfs.Read(t, filepath.Join(second, "app"))
	if !strings.Contains(a[".env"], "VITE_MONO_PUBLIC_KEY=test_pk_pty") {
		t.Errorf(".env = %q", a[".env"])
	}
	delete(a, ".env")
	if len(a) != len(b) {
		t.Errorf("interactive run wrote %d files, replay %d", len(a), len(b))
	}
	for p, content := range a {
		if b[p] != content {
			t.Errorf("%s differs between the interactive run and its replay", p)
		}
	}
}

func TestCtrlCInRealTerminal(t *testing.T) {
	cmd, term, work := initInTerminal(t, nil)
	term.expect(qFramework)
	term.send("\x03")
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Fatalf("exit = %v, want 130", err)
	}
	if entries, _ := os.ReadDir(work); len(entries) != 0 {
		t.Errorf("Ctrl-C left files behind: %v", entries)
	}
}

// TestNoTerminalNeverWaits proves that without a terminal nothing reads stdin: a missing value
// is exit 2 at once, with stdin closed and with a pipe nobody writes to.
func TestNoTerminalNeverWaits(t *testing.T) {
	bin, err := buildCLI()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"closed stdin", "silent pipe"} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "init", "app")
			cmd.Dir = t.TempDir()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if name == "silent pipe" {
				w, err := cmd.StdinPipe()
				if err != nil {
					t.Fatal(err)
				}
				defer w.Close()
			} else {
				cmd.Stdin = io.LimitReader(strings.NewReader(""), 0)
			}
			err := cmd.Run()
			if ctx.Err() != nil {
				t.Fatal("init waited for input without a terminal")
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 2 {
				t.Fatalf("exit = %v, want 2", err)
			}
			if !strings.Contains(stderr.String(), "--framework is required when not running interactively") {
				t.Errorf("stderr = %q", stderr.String())
			}
		})
	}
}
