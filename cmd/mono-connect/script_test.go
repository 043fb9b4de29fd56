package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/mono-connect/mono-connect/templates"
)

// update rewrites the goldens in testdata/script (cmp's second argument) from what the
// scripts produce. Review the diff before committing: a golden is a claim about the output.
var update = flag.Bool("update", false, "update golden files in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"mono-connect": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the CLI contract tests in testdata/script. Scripts are named
// <command>_<target>_<case>.txtar.
func TestScript(t *testing.T) {
	goEnv := goEnvironment(t)
	prefetchServerModules(t, goEnv)
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("..", "..", "testdata", "script"),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			// Scripts that build and test the generated Go code need a working, offline go command.
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			env.Setenv("GOPROXY", "off")
			env.Setenv("GOFLAGS", "-mod=mod")
			env.Setenv("GOTOOLCHAIN", "local")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"tree":     cmdTree,
			"exitcode": cmdExitCode,
			"freeport": cmdFreePort,
			"waitfor":  cmdWaitFor,
		},
	})
}

// cmdTree prints every file below a directory with a digest of its content, sorted, so a
// script can prove a tree unchanged (tree dir; cp stdout before; ...; tree dir; cmp stdout before).
func cmdTree(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: tree DIR")
	}
	root := ts.MkAbs(args[0])
	var lines []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if d.Name() == "node_modules" || d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			lines = append(lines, fmt.Sprintf("%s -> %s", rel, target))
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		lines = append(lines, fmt.Sprintf("%s %s %s", rel, info.Mode().Perm(), hex.EncodeToString(sum[:6])))
		return nil
	})
	ts.Check(err)
	sort.Strings(lines)
	fmt.Fprint(ts.Stdout(), strings.Join(lines, "\n")+"\n")
}

// cmdExitCode runs a command like exec, and passes only when it exits with exactly the code
// given: `exitcode 2 mono-connect init --framework nope`. Its stdout and stderr are kept for cmp.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode CODE COMMAND [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	bin, err := exec.LookPath(args[1])
	if err != nil {
		bin = ts.MkAbs(args[1])
	}
	cmd := exec.Command(bin, args[2:]...)
	cmd.Dir = ts.MkAbs(".")
	for _, kv := range os.Environ() {
		cmd.Env = append(cmd.Env, kv)
	}
	for _, k := range []string{"HOME", "PATH", "TMPDIR", "GOCACHE", "GOMODCACHE", "GOROOT", "GOPROXY", "GOFLAGS", "GOTOOLCHAIN"} {
		cmd.Env = append(cmd.Env, k+"="+ts.Getenv(k))
	}
	cmd.Stdout = ts.Stdout()
	cmd.Stderr = ts.Stderr()
	err = cmd.Run()
	got := 0
	if exitErr, ok := err.(*exec.ExitError); ok {
		got = exitErr.ExitCode()
	} else if err != nil {
		ts.Fatalf("%s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", strings.Join(args[1:], " "), got, want)
	}
}

// prefetchServerModules puts the standalone server's requirements (its two database drivers, at
// the versions and hashes its go.mod and go.sum pin) into the module cache, so that the scripts
// can build and test the generated server with GOPROXY=off. On a machine that has them already
// this reads the cache and fetches nothing.
func prefetchServerModules(t *testing.T, goEnv map[string]string) {
	t.Helper()
	mod, err := fs.ReadFile(templates.FS, "server/standalone/go.mod.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := fs.ReadFile(templates.FS, "server/standalone/go.sum")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mod), "\nrequire") {
		return
	}
	dir := t.TempDir()
	gomod := strings.Replace(string(mod), "{{.Server.ModulePath}}", "prefetch.invalid/server", 1)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	// go mod download fetches what the module's packages need: one importing the drivers, as
	// the generated main.go and the store tests do.
	var imports []string
	for _, line := range strings.Split(gomod, "\n") {
		if f := strings.Fields(line); len(f) == 2 && !strings.HasPrefix(line, "\t\t") && strings.HasPrefix(line, "\t") && !strings.Contains(line, "indirect") {
			imports = append(imports, f[0])
		}
	}
	var src strings.Builder
	src.WriteString("package main\n\nimport (\n")
	for _, path := range imports {
		pkg := path
		if strings.Contains(path, "jackc/pgx") {
			pkg += "/stdlib"
		}
		fmt.Fprintf(&src, "\t_ %q\n", pkg)
	}
	src.WriteString(")\n\nfunc main() {}\n")
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off", "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("fetching the standalone server's modules (go mod download in a copy of its go.mod): %v\n%s", err, out)
	}
}

// goEnvironment passes the caller's Go caches and toolchain to scripts (testscript starts with an
// almost empty environment).
func goEnvironment(t *testing.T) map[string]string {
	out := map[string]string{}
	goBin, err := exec.LookPath("go")
	if err != nil {
		return out
	}
	out["PATH"] = filepath.Dir(goBin) + string(os.PathListSeparator) + os.Getenv("PATH")
	for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOROOT"} {
		b, err := exec.Command(goBin, "env", k).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", k, err)
		}
		out[k] = strings.TrimSpace(string(b))
	}
	out["HOME"] = os.Getenv("HOME")
	return out
}

// cmdFreePort sets VAR to a TCP port free on both loopback addresses, for a server a script
// starts: `freeport PORT`. The generated server listens on every address, so a port taken on
// ::1 alone would make it fail; both are probed while held.
func cmdFreePort(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: freeport VAR")
	}
	for attempt := 0; attempt < 20; attempt++ {
		l4, err := net.Listen("tcp4", "127.0.0.1:0")
		ts.Check(err)
		port := l4.Addr().(*net.TCPAddr).Port
		l6, err := net.Listen("tcp6", net.JoinHostPort("::1", strconv.Itoa(port)))
		if err != nil && !noIPv6(err) {
			l4.Close()
			continue
		}
		if l6 != nil {
			l6.Close()
		}
		l4.Close()
		ts.Setenv(args[0], strconv.Itoa(port))
		return
	}
	ts.Fatalf("freeport: no port free on both 127.0.0.1 and ::1 after 20 tries")
}

// noIPv6 reports whether err says the machine has no IPv6 loopback (then only 127.0.0.1 counts).
func noIPv6(err error) bool {
	s := err.Error()
	return strings.Contains(s, "cannot assign requested address") || strings.Contains(s, "address family not supported")
}

// cmdWaitFor polls URL until it answers any HTTP status, for a server started in the
// background: `waitfor http://127.0.0.1:$PORT/healthz`. It gives up after a minute (a server
// that never comes up), which bounds the wait rather than asserting a speed.
func cmdWaitFor(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitfor URL")
	}
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(time.Minute)
	var last error
	for time.Now().Before(deadline) {
		resp, err := client.Get(args[0])
		if err == nil {
			resp.Body.Close()
			return
		}
		last = err
		time.Sleep(100 * time.Millisecond)
	}
	ts.Fatalf("waitfor %s: no answer within a minute: %v", args[0], last)
}
