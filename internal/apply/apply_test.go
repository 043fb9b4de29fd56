package apply

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/testfs"
)

func plan(files ...generate.File) *generate.Plan {
	return &generate.Plan{Files: files}
}

func owned(path, content string) generate.File {
	return generate.File{Path: path, Kind: generate.KindOwned, Content: []byte(content), Mode: 0o644}
}

func TestWriteIsAllOrNothing(t *testing.T) {
	root := t.TempDir()
	testfs.WriteFile(t, filepath.Join(root, "a", "existing.txt"), "user's\n")
	testfs.WriteFile(t, filepath.Join(root, "z", "locked.txt"), "locked\n")
	if err := os.Chmod(filepath.Join(root, "z", "locked.txt"), 0o444); err != nil {
		t.Fatal(err)
	}
	before := testfs.Hash(t, root)

	p := plan(
		owned("a/existing.txt", "ours\n"),
		owned("b/new/deep.txt", "new\n"),
		owned("m/middle.txt", "new\n"),
		owned("z/locked.txt", "ours\n"), // fails: read-only
	)
	changes, err := Classify(root, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := Resolve(changes, Overwrite); err != nil {
		t.Fatal(err)
	}
	err = Write(context.Background(), root, changes)
	if err == nil || !strings.Contains(err.Error(), "z/locked.txt") {
		t.Fatalf("Write error = %v, want one naming z/locked.txt", err)
	}
	if after := testfs.Hash(t, root); after != before {
		t.Errorf("tree changed after a failed write:\nbefore\n%s\nafter\n%s", before, after)
	}
}

func TestWriteRollsBackRenamedFiles(t *testing.T) {
	root := t.TempDir()
	testfs.WriteFile(t, filepath.Join(root, "a.txt"), "old a\n")
	// sub/ exists, so b.txt is staged and renamed too (a new file in a directory the write makes
	// goes straight to its place).
	if err := os.Mkdir(filepath.Join(root, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := testfs.Hash(t, root)
	p := plan(owned("a.txt", "new a\n"), owned("sub/b.txt", "b\n"))
	changes, err := Classify(root, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = Resolve(changes, Overwrite)
	// Make the second rename fail after the first succeeded: a directory where the file goes.
	tx := &transaction{root: root}
	for _, c := range changes {
		if err := tx.stage(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(root, "sub", "b.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "sub", "b.txt", "keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := tx.commit(); err == nil {
		t.Fatal("commit succeeded over a non-empty directory")
	}
	if err := tx.rollback(); err != nil {
		t.Fatalf("rollback: %v", err)
	}
	os.RemoveAll(filepath.Join(root, "sub", "b.txt"))
	got, _ := os.ReadFile(filepath.Join(root, "a.txt"))
	if string(got) != "old a\n" {
		t.Errorf("a.txt = %q after rollback, want the old content", got)
	}
	if after := testfs.Hash(t, root); after != before {
		t.Errorf("tree changed:\n%s\nvs\n%s", before, after)
	}
}

func TestConflictsAreAllNamedAndNothingWritten(t *testing.T) {
	root := t.TempDir()
	testfs.WriteFile(t, filepath.Join(root, "x.js"), "mine\n")
	testfs.WriteFile(t, filepath.Join(root, "y.js"), "mine too\n")
	before := testfs.Hash(t, root)
	changes, err := Classify(root, plan(owned("x.js", "ours\n"), owned("y.js", "ours\n"), owned("z.js", "ours\n")), nil)
	if err != nil {
		t.Fatal(err)
	}
	err = Resolve(changes, Fail)
	ce, ok := err.(*ConflictError)
	if !ok || strings.Join(ce.Paths, ",") != "x.js,y.js" {
		t.Fatalf("Resolve = %v, want a ConflictError naming x.js and y.js", err)
	}
	if after := testfs.Hash(t, root); after != before {
		t.Error("Classify/Resolve wrote something")
	}
}

func TestRecordedFilesUpdateWithoutConflict(t *testing.T) {
	root := t.TempDir()
	testfs.WriteFile(t, filepath.Join(root, "x.js"), "v1\n")
	sum := sha256.Sum256([]byte("v1\n"))
	prev := &generate.Record{Files: []generate.RecordFile{
		{Path: "x.js", Kind: generate.KindOwned, SHA256: hex.EncodeToString(sum[:])},
		{Path: "gone.js", Kind: generate.KindOwned, SHA256: hex.EncodeToString(sum[:])},
		{Path: "edited-gone.js", Kind: generate.KindOwned, SHA256: hex.EncodeToString(sum[:])},
	}}
	testfs.WriteFile(t, filepath.Join(root, "gone.js"), "v1\n")
	testfs.WriteFile(t, filepath.Join(root, "edited-gone.js"), "v1 with my edit\n")
	changes, err := Classify(root, plan(owned("x.js", "v2\n")), prev)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Action{}
	for _, c := range changes {
		got[c.Path] = c.Action
	}
	if got["x.js"] != Update || got["gone.js"] != Delete {
		t.Errorf("actions = %v, want x.js update, gone.js delete", got)
	}
	if got["edited-gone.js"] != Keep {
		t.Errorf("a stale file the user edited is planned as %q, want keep (it stays, with a line saying so)", got["edited-gone.js"])
	}
	if err := Write(context.Background(), root, changes); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "gone.js")); !os.IsNotExist(err) {
		t.Error("gone.js still exists")
	}
	if _, err := os.Stat(filepath.Join(root, "edited-gone.js")); err != nil {
		t.Error("edited-gone.js was removed")
	}
}

func TestSymlinksAndEscapesAreRefused(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(root, "src")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "target.txt"), filepath.Join(root, "link.txt")); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"src/lib/x.js", "link.txt", "../x.js", "a/../../x.js"} {
		_, err := Classify(root, plan(owned(p, "x\n")), nil)
		if err == nil {
			t.Errorf("Classify accepted %s", p)
			continue
		}
		if !strings.Contains(err.Error(), "symbolic link") && !strings.Contains(err.Error(), "outside the project") {
			t.Errorf("%s: error %q names neither a link nor the project boundary", p, err)
		}
	}
	entries, _ := os.ReadDir(outside)
	if len(entries) != 0 {
		t.Errorf("something was written outside the project: %v", entries)
	}
}

// The plan's workspace file above the project is the one path outside it that is read and written;
// the same path not named by the plan, any other path outside, and a workspace file that is a
// symbolic link are refused, with nothing written anywhere.
func TestOnlyThePlansWorkspaceFileIsWrittenOutside(t *testing.T) {
	ws := t.TempDir()
	root := filepath.Join(ws, "apps", "web")
	testfs.WriteFile(t, filepath.Join(root, "package.json"), "{}\n")
	testfs.WriteFile(t, filepath.Join(ws, "pnpm-workspace.yaml"), "catalog:\n  react: 19.3.1\n")
	testfs.WriteFile(t, filepath.Join(ws, "other.yaml"), "x: 1\n")
	const wsFile = "../../pnpm-workspace.yaml"
	merged := func(p, content string) generate.File {
		return generate.File{Path: p, Kind: generate.KindMerged, Content: []byte(content), Owned: func([]byte) bool { return true }}
	}
	catalog := "catalog:\n  '@mono.co/connect.js': 2.2.0\n  react: 19.3.1\n"
	before := testfs.Hash(t, ws)
	for name, p := range map[string]*generate.Plan{
		"the workspace file the plan does not name":                   plan(merged(wsFile, catalog)),
		"another file above the project":                              {Files: []generate.File{merged("../../other.yaml", "x: 2\n")}, WorkspaceFile: "../../other.yaml"},
		"a workspace file the plan names beside another path outside": {Files: []generate.File{merged(wsFile, catalog), owned("../x.js", "x\n")}, WorkspaceFile: wsFile},
		"a workspace file inside the project":                         {Files: []generate.File{merged("a/../../../pnpm-workspace.yaml", catalog)}, WorkspaceFile: "a/../../../pnpm-workspace.yaml"},
	} {
		if _, err := Classify(root, p, nil); err == nil || !strings.Contains(err.Error(), "outside the project") {
			t.Errorf("%s: Classify = %v, want a refusal naming the project boundary", name, err)
		}
		if _, err := Check(root, p, nil); err == nil {
			t.Errorf("%s: Check read outside the project", name)
		}
	}
	if after := testfs.Hash(t, ws); after != before {
		t.Errorf("the tree changed:\n%s\nvs\n%s", before, after)
	}

	// Named by the plan: classified, written, and rolled back with the rest when a later file fails.
	p := &generate.Plan{Files: []generate.File{merged(wsFile, catalog), owned("sub/b.txt", "b\n")}, WorkspaceFile: wsFile}
	if err := os.Mkdir(filepath.Join(root, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	before = testfs.Hash(t, ws)
	changes, err := Classify(root, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if changes[0].Path != wsFile || changes[0].Action != Update {
		t.Fatalf("changes[0] = %s %s, want update %s", changes[0].Action, changes[0].Path, wsFile)
	}
	tx := &transaction{root: root}
	for _, c := range changes {
		if err := tx.stage(c); err != nil {
			t.Fatal(err)
		}
	}
	testfs.WriteFile(t, filepath.Join(root, "sub", "b.txt", "keep"), "")
	if err := tx.commit(); err == nil {
		t.Fatal("commit succeeded over a non-empty directory")
	}
	if err := tx.rollback(); err != nil {
		t.Fatalf("rollback: %v", err)
	}
	os.RemoveAll(filepath.Join(root, "sub", "b.txt"))
	if after := testfs.Hash(t, ws); after != before {
		t.Errorf("rollback left the tree changed:\n%s\nvs\n%s", before, after)
	}
	// Interrupted (Ctrl-C) once the workspace file is staged: nothing changed, no temporary left.
	ctx, cancel := context.WithCancel(context.Background())
	stageHook = func(i int) {
		if i == 1 {
			cancel()
		}
	}
	err = Write(ctx, root, changes)
	stageHook = nil
	if err != ErrInterrupted {
		t.Fatalf("interrupted Write = %v, want ErrInterrupted", err)
	}
	if after := testfs.Hash(t, ws); after != before {
		t.Errorf("an interrupt left the tree changed:\n%s\nvs\n%s", before, after)
	}
	if err := Write(context.Background(), root, changes); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(ws, "pnpm-workspace.yaml")); string(got) != catalog {
		t.Errorf("workspace file = %q, want %q", got, catalog)
	}
	if drift, err := Check(root, p, nil); err != nil || len(drift) != 0 {
		t.Errorf("Check after the write: %v, %v", drift, err)
	}

	// A workspace file that is a symbolic link is refused.
	if err := os.Rename(filepath.Join(ws, "pnpm-workspace.yaml"), filepath.Join(ws, "real.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.yaml", filepath.Join(ws, "pnpm-workspace.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := Classify(root, p, nil); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("a linked workspace file: Classify = %v, want a refusal naming the link", err)
	}
}

func TestCheckReportsEveryKindOfDrift(t *testing.T) {
	root := t.TempDir()
	testfs.WriteFile(t, filepath.Join(root, "same.js"), "same\n")
	testfs.WriteFile(t, filepath.Join(root, "edited.js"), "edited\n")
	testfs.WriteFile(t, filepath.Join(root, "package.json"), "{\"name\":\"x\",\"dependencies\":{\"@mono.co/connect.js\":\"2.2.0\",\"zod\":\"1\"}}")
	testfs.WriteFile(t, filepath.Join(root, "stale.js"), "old\n")
	testfs.WriteFile(t, filepath.Join(root, "starter.js"), "edited by the user\n")
	merged := generate.File{Path: "package.json", Kind: generate.KindMerged, Content: []byte("{}"), Owned: func(c []byte) bool {
		return strings.Contains(string(c), "@mono.co/connect.js")
	}}
	p := plan(owned("same.js", "same\n"), owned("edited.js", "ours\n"), owned("missing.js", "ours\n"), merged,
		generate.File{Path: "starter.js", Kind: generate.KindStarter, Content: []byte("starter\n")})
	prev := &generate.Record{Files: []generate.RecordFile{{Path: "stale.js", Kind: generate.KindOwned}}}
	drift, err := Check(root, p, prev)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]DriftStatus{}
	for _, d := range drift {
		got[d.Path] = d.Status
		if d.Diff == "" {
			t.Errorf("%s: no diff", d.Path)
		}
	}
	want := map[string]DriftStatus{"edited.js": Modified, "missing.js": Missing, "stale.js": Stale}
	if len(got) != len(want) {
		t.Errorf("drift = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}

// TestInterruptAtEachFile cancels the write before each file in turn (as SIGINT does through the
// command's context): the tree must be exactly as before, every time; and a run that is not
// interrupted writes everything.
func TestInterruptAtEachFile(t *testing.T) {
	files := []generate.File{owned("a.txt", "a\n"), owned("d/b.txt", "b\n"), owned("d/e/c.txt", "c\n"), owned("keep.txt", "new\n")}
	for stop := 0; stop <= len(files); stop++ {
		root := t.TempDir()
		testfs.WriteFile(t, filepath.Join(root, "keep.txt"), "old\n")
		before := testfs.Hash(t, root)
		changes, err := Classify(root, plan(files...), nil)
		if err != nil {
			t.Fatal(err)
		}
		_ = Resolve(changes, Overwrite)
		ctx, cancel := context.WithCancel(context.Background())
		stageHook = func(i int) {
			if i == stop {
				cancel()
			}
		}
		err = Write(ctx, root, changes)
		stageHook = nil
		cancel()
		if stop == len(files) {
			if err != nil {
				t.Fatalf("uninterrupted write: %v", err)
			}
			if got, _ := os.ReadFile(filepath.Join(root, "d", "e", "c.txt")); string(got) != "c\n" {
				t.Error("uninterrupted write is incomplete")
			}
			continue
		}
		if err != ErrInterrupted {
			t.Fatalf("interrupt before file %d: err = %v", stop, err)
		}
		if after := testfs.Hash(t, root); after != before {
			t.Errorf("interrupt before file %d changed the tree:\n%s\nvs\n%s", stop, before, after)
		}
	}
}

// TestFilesInNewDirectoriesAreExact: a new file in a directory the write made goes straight to
// its place (no temporary, no rename), and still gets exactly the planned mode, whatever the
// umask, as a renamed file does (directories are made with the umask applied, as before).
func TestFilesInNewDirectoriesAreExact(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	root := t.TempDir()
	script := generate.File{Path: "new/bin/run.sh", Kind: generate.KindOwned, Content: []byte("#!/bin/sh\n"), Mode: 0o755}
	changes, err := Classify(root, plan(owned("top.txt", "top\n"), owned("new/a.txt", "a\n"), script), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(context.Background(), root, changes); err != nil {
		t.Fatal(err)
	}
	want := "new drwx------\n" +
		"new/a.txt -rw-r--r-- " + digest([]byte("a\n")) + "\n" +
		"new/bin drwx------\n" +
		"new/bin/run.sh -rwxr-xr-x " + digest([]byte("#!/bin/sh\n")) + "\n" +
		"top.txt -rw-r--r-- " + digest([]byte("top\n"))
	if got := strings.TrimPrefix(testfs.Hash(t, root), ". "+mustMode(t, root)+"\n"); got != want {
		t.Errorf("tree:\n%s\nwant\n%s", got, want)
	}
}

func mustMode(t *testing.T, p string) string {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().String()
}

// A file our code in the project's layout keeps the digest prev recorded: the layout init --format
// recorded (a.ts), ours (b.ts), or one a hook has since rewritten again (c.ts), so neither a re-run
// nor a formatter run outside mono-connect rewrites the record.
func TestSettleKeepsARecordedLayout(t *testing.T) {
	root := t.TempDir()
	ours, formatted := "export const a = 'x';\n", "export const a = \"x\"\n"
	testfs.WriteFile(t, filepath.Join(root, "a.ts"), formatted)
	testfs.WriteFile(t, filepath.Join(root, "b.ts"), formatted)
	testfs.WriteFile(t, filepath.Join(root, "c.ts"), formatted)
	digestOf := func(s string) string { sum := sha256.Sum256([]byte(s)); return hex.EncodeToString(sum[:]) }
	prev := &generate.Record{Files: []generate.RecordFile{
		{Path: "a.ts", Kind: generate.KindOwned, SHA256: digestOf(formatted)},
		{Path: "b.ts", Kind: generate.KindOwned, SHA256: digestOf(ours)},
		{Path: "c.ts", Kind: generate.KindOwned, SHA256: digestOf("export const a = 'x'\n")},
	}}
	next := &generate.Record{Files: []generate.RecordFile{
		{Path: "a.ts", Kind: generate.KindOwned, SHA256: digestOf(ours)},
		{Path: "b.ts", Kind: generate.KindOwned, SHA256: digestOf(ours)},
		{Path: "c.ts", Kind: generate.KindOwned, SHA256: digestOf(ours)},
	}}
	p := plan(owned("a.ts", ours), owned("b.ts", ours), owned("c.ts", ours), generate.File{Path: generate.RecordName, Kind: generate.KindOwned, Content: next.Encode(), Mode: 0o644})
	p.Record = next
	changes, err := Classify(root, p, prev)
	if err != nil {
		t.Fatal(err)
	}
	Settle(p, changes, prev)
	if a, _ := p.Record.File("a.ts"); a.SHA256 != digestOf(formatted) {
		t.Errorf("a.ts: the recorded layout was forgotten: %s", a.SHA256)
	}
	if b, _ := p.Record.File("b.ts"); b.SHA256 != digestOf(ours) {
		t.Errorf("b.ts: a layout nobody recorded was recorded: %s", b.SHA256)
	}
	if c, _ := p.Record.File("c.ts"); c.SHA256 != digestOf("export const a = 'x'\n") {
		t.Errorf("c.ts: the record changed for a rewrite it did not make: %s", c.SHA256)
	}
	for _, c := range changes {
		if c.Path == generate.RecordName && string(c.Content) != string(p.Record.Encode()) {
			t.Error("the record file's change does not hold the settled record")
		}
	}
}
