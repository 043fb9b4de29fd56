package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mono-connect/mono-connect/internal/testfs"
)

// step is one expected prompt and the answers the mock gives to it, in order: for an Input with
// a validator, every answer but the last must be refused (proving the re-ask).
type step struct {
	msg     string
	answers []any
}

// mockPrompter fails the test on any prompt it does not expect, in order.
type mockPrompter struct {
	t     *testing.T
	steps []step
}

func (m *mockPrompter) next(msg string) step {
	m.t.Helper()
	if len(m.steps) == 0 {
		m.t.Fatalf("unexpected prompt %q", msg)
	}
	s := m.steps[0]
	if s.msg != msg {
		m.t.Fatalf("prompt %q, want %q", msg, s.msg)
	}
	m.steps = m.steps[1:]
	return s
}

func (m *mockPrompter) Select(msg string, options []string, def string) (string, error) {
	s := m.next(msg)
	if err, ok := s.answers[0].(error); ok {
		return "", err
	}
	a := s.answers[0].(string)
	if a == "" {
		a = def
	}
	for _, o := range options {
		if o == a {
			return a, nil
		}
	}
	m.t.Fatalf("%q: answer %q is not among %q", msg, a, options)
	return "", nil
}

func (m *mockPrompter) MultiSelect(msg string, options []string, defs []string) ([]string, error) {
	s := m.next(msg)
	if err, ok := s.answers[0].(error); ok {
		return nil, err
	}
	if s.answers[0] == nil {
		return defs, nil
	}
	return s.answers[0].([]string), nil
}

func (m *mockPrompter) Input(msg, def string, validate func(string) error) (string, error) {
	s := m.next(msg)
	for i, a := range s.answers {
		if err, ok := a.(error); ok {
			return "", err
		}
		v := a.(string)
		if v == "" {
			v = def
		}
		err := error(nil)
		if validate != nil {
			err = validate(v)
		}
		last := i == len(s.answers)-1
		switch {
		case err == nil && last:
			return v, nil
		case err == nil:
			m.t.Fatalf("%q: answer %q was accepted, want it refused", msg, v)
		case last:
			m.t.Fatalf("%q: last answer %q was refused: %v", msg, v, err)
		}
	}
	return "", nil
}

func (m *mockPrompter) Confirm(msg string, def bool) (bool, error) {
	s := m.next(msg)
	if err, ok := s.answers[0].(error); ok {
		return false, err
	}
	return s.answers[0].(bool), nil
}

func (m *mockPrompter) done() {
	m.t.Helper()
	if len(m.steps) > 0 {
		m.t.Errorf("prompts never asked: %v", m.steps)
	}
}

// runInteractive runs the CLI in-process as if on a terminal, answering with p.
// answerAll runs args with p answering, and fails the test unless every step was asked and the
// command exited 0; it returns stdout and stderr.
func answerAll(t *testing.T, p *mockPrompter, args ...string) (string, string) {
	t.Helper()
	code, out, errOut := runInteractive(t, p, args...)
	p.done()
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	return out, errOut
}

func runInteractive(t *testing.T, p Prompter, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &iostreams{In: strings.NewReader(""), Out: &out, Err: &errOut, Interactive: func() bool { return true }, Prompter: p}
	code := execute(newRootCmd(ios), args, &errOut)
	return code, out.String(), errOut.String()
}

func runPlain(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &iostreams{In: strings.NewReader(""), Out: &out, Err: &errOut, Interactive: func() bool { return false }}
	code := execute(newRootCmd(ios), args, &errOut)
	return code, out.String(), errOut.String()
}

func one(a ...any) []any { return a }

func TestInteractiveFullFlow(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shop")
	p := &mockPrompter{t: t, steps: []step{
		{qFramework, one("react    React (Vite)")},
		{qLang, one("TypeScript")},
		{qFeatures, one([]string{featureLabels["link"], featureLabels["reauth"], featureLabels["events"]})},
		{qDirectBank, one(true)},
		{qInstitution, one("gtbank", "5F2D08BE60B92E2888287702", "5f2d08be60b92e2888287702")},
		{qAuthMethod, one("mobile_banking")},
		{qBackend, one(true)},
		{qServerDir, one("../outside", "")},
		{qPackageMgr, one("pnpm")},
		{qPublicKey, one("test_sk_leak", "test_pk_abc123")},
		{qConfirm, one(true)},
	}}
	out, _ := answerAll(t, p, "init", dir)
	wantCmd := "mono-connect init " + dir + " --framework react --lang ts --features link,reauth,events --institution 5f2d08be60b92e2888287702 --auth-method mobile_banking --backend go --package-manager pnpm --yes"
	if !strings.Contains(out, wantCmd) {
		t.Errorf("one-shot command missing; output:\n%s\nwant %s", out, wantCmd)
	}
	env, err := os.ReadFile(filepath.Join(dir, ".env"))
	if err != nil || !strings.Contains(string(env), "VITE_MONO_PUBLIC_KEY=test_pk_abc123") {
		t.Errorf(".env = %q, %v", env, err)
	}
	// The printed command reproduces the same files without a terminal.
	dir2 := filepath.Join(t.TempDir(), "shop")
	args := strings.Fields(strings.Replace(wantCmd, dir, dir2, 1))[1:]
	if code, _, errOut := runPlain(t, args...); code != 0 {
		t.Fatalf("one-shot run: exit %d: %s", code, errOut)
	}
	a, b := testfs.Read(t, dir), testfs.Read(t, dir2)
	delete(a, ".env") // the key is never in the command line
	for path, content := range a {
		if path == "mono-connect.json" || path == "package.json" {
			continue // name derived from the directory: equal here, but compare the rest strictly
		}
		if b[path] != content {
			t.Errorf("%s differs between the interactive and the one-shot run", path)
		}
	}
	if len(a) != len(b) {
		t.Errorf("file sets differ: %d vs %d files", len(a), len(b))
	}
}

func TestFlagsSkipQuestions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "app")
	p := &mockPrompter{t: t, steps: []step{
		{qDirectBank, one(false)},
		{qPackageMgr, one("npm")},
		{qPublicKey, one("")},
		{qConfirm, one(true)},
	}}
	answerAll(t, p, "init", dir, "--framework", "vanilla", "--lang", "js", "--features", "link", "--backend", "none")
	if _, err := os.Stat(filepath.Join(dir, ".env")); !os.IsNotExist(err) {
		t.Error(".env written although the key was skipped")
	}
}

func TestDetectionSettlesQuestions(t *testing.T) {
	dir := t.TempDir()
	testfs.WriteFile(t, filepath.Join(dir, "package.json"), `{"name":"host","dependencies":{"react":"19.2.0"}}`)
	testfs.WriteFile(t, filepath.Join(dir, "tsconfig.json"), `{}`)
	testfs.WriteFile(t, filepath.Join(dir, "yarn.lock"), ``)
	testfs.WriteFile(t, filepath.Join(dir, "go.mod"), "module example.com/acme/shop\n\ngo 1.22\n")
	p := &mockPrompter{t: t, steps: []step{
		// framework, language and package manager were detected: not asked
		{qFeatures, one(nil)},
		{qDirectBank, one(false)},
		{qBackend, one(true)},
		{qServerDir, one("")}, // default inside a Go module
		{qPublicKey, one("")},
		{qConfirm, one(true)},
	}}
	_, errOut := answerAll(t, p, "init", dir)
	if !strings.Contains(errOut, "detected: framework react (\"react\" in package.json), language ts (tsconfig.json), package manager yarn (yarn.lock), Go module example.com/acme/shop") {
		t.Errorf("detection line missing: %s", errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "internal", "monoconnect")); err != nil {
		t.Errorf("Go code not in internal/monoconnect: %v", err)
	}
}

func TestCancelWritesNothing(t *testing.T) {
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"ctrl-c at a prompt", []step{{qFramework, one(errCancelled)}}},
		{"declined confirm", []step{
			{qFramework, one("")}, {qLang, one("")}, {qFeatures, one(nil)}, {qDirectBank, one(false)},
			{qBackend, one(false)}, {qPackageMgr, one("")}, {qPublicKey, one("")}, {qConfirm, one(false)},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "app")
			p := &mockPrompter{t: t, steps: tc.steps}
			code, _, errOut := runInteractive(t, p, "init", dir)
			p.done()
			if code != exitCancelled {
				t.Errorf("exit %d, want 130 (%s)", code, errOut)
			}
			if strings.TrimSpace(errOut) != "mono-connect: cancelled: nothing was written" {
				t.Errorf("stderr = %q", errOut)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 0 {
				t.Errorf("something was written: %v", entries)
			}
		})
	}
}

func TestInteractiveConflicts(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := runPlain(t, "init", dir, "--framework", "vanilla", "--lang", "js", "--backend", "none", "--yes"); code != 0 {
		t.Fatal(errOut)
	}
	core := filepath.Join(dir, "src", "lib", "mono-connect", "mono-connect.js")
	testfs.WriteFile(t, core, "// mine\n")
	os.Remove(filepath.Join(dir, "mono-connect.json"))
	p := &mockPrompter{t: t, steps: []step{
		// without the record, the config module (which --institution changes) is a conflict too
		{"src/lib/mono-connect/config.js exists and differs from what mono-connect would write. What now?", one("overwrite")},
		{"src/lib/mono-connect/mono-connect.js exists and differs from what mono-connect would write. What now?", one("show diff")},
		{"src/lib/mono-connect/mono-connect.js exists and differs from what mono-connect would write. What now?", one("skip (keep mine)")},
		{qConfirm, one(true)},
	}}
	out, _ := answerAll(t, p, "init", dir, "--framework", "vanilla", "--lang", "js", "--backend", "none", "--features", "link,events", "--institution", "5f2d08be60b92e2888287702", "--package-manager", "npm", "--public-key", "test_pk_x")
	if !strings.Contains(out, "-// mine") {
		t.Errorf("the diff was not shown:\n%s", out)
	}
	if b, _ := os.ReadFile(core); string(b) != "// mine\n" {
		t.Error("a skipped file was overwritten")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "src", "lib", "mono-connect", "config.js")); !strings.Contains(string(b), "5f2d08be60b92e2888287702") {
		t.Error("an overwritten file does not hold the new answer")
	}
	// "skip (keep mine)" records the file as the user's, like --on-conflict skip: the check right
	// after passes and names it.
	if b, _ := os.ReadFile(filepath.Join(dir, "mono-connect.json")); !strings.Contains(string(b), `"kept": true`) {
		t.Errorf("the kept file is not recorded as kept:\n%s", b)
	}
	if code, out, errOut := runPlain(t, "generate", dir, "--check"); code != 0 || !strings.Contains(errOut, "src/lib/mono-connect/mono-connect.js is yours") {
		t.Errorf("generate --check after keeping a file: exit %d\n%s%s", code, out, errOut)
	}
}

func TestNoTerminalNeverPrompts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "app")
	p := &mockPrompter{t: t} // any prompt fails the test
	var out, errOut bytes.Buffer
	ios := &iostreams{In: strings.NewReader(""), Out: &out, Err: &errOut, Interactive: func() bool { return false }, Prompter: p}
	if code := execute(newRootCmd(ios), []string{"init", dir}, &errOut); code != exitUsage {
		t.Errorf("exit %d, want 2", code)
	}
	if got := errOut.String(); !strings.HasPrefix(got, "mono-connect: --framework is required when not running interactively") {
		t.Errorf("stderr = %q", got)
	}
}

// A bad flag stops init before the first question, not after the last.
func TestBadFlagBeforeAnyQuestion(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "app")
	p := &mockPrompter{t: t} // any prompt fails the test
	code, _, errOut := runInteractive(t, p, "init", dir, "--framework", "react", "--package-manager", "deno")
	if code != exitUsage || !strings.Contains(errOut, `unknown --package-manager "deno"`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// The record of an earlier init outranks the prompt: re-running init at a terminal asks only what
// the record does not settle (the server directory, recorded as the default for the situation,
// and the public key, which is never recorded).
func TestRecordSettlesQuestions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "app")
	if code, _, errOut := runPlain(t, "init", dir, "--framework", "vue", "--lang", "js", "--features", "link,payments", "--institution", "5f2d08be60b92e2888287702", "--auth-method", "mobile_banking", "--package-manager", "pnpm", "--yes"); code != 0 {
		t.Fatal(errOut)
	}
	before, err := os.ReadFile(filepath.Join(dir, "mono-connect.json"))
	if err != nil {
		t.Fatal(err)
	}
	p := &mockPrompter{t: t, steps: []step{
		{qServerDir, one("")},
		{qPublicKey, one("")},
		{qConfirm, one(true)},
	}}
	answerAll(t, p, "init", dir)
	if after, _ := os.ReadFile(filepath.Join(dir, "mono-connect.json")); string(after) != string(before) {
		t.Errorf("the record changed:\n%s\nwant\n%s", after, before)
	}
}
