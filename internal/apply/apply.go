// Package apply puts a generate.Plan on disk, or compares it with the disk.
//
// It is the only code in mono-connect that writes project files, and it follows three rules:
// every path is classified before the first byte is written; a conflict with a user's file stops
// everything unless the user chose skip or overwrite; and the writes are all-or-nothing (each file
// goes to a temporary sibling first, then every temporary is renamed into place, and a failure
// midway restores what was there; a new file in a directory the same write created goes straight
// to its place, and is removed with the directory on failure).
package apply

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/samecode"
)

// Action is what happens to one planned path.
type Action string

// Actions, as printed and as in --json output.
const (
	Create    Action = "create"
	Update    Action = "update"
	Unchanged Action = "unchanged"
	Skip      Action = "skip"
	Conflict  Action = "conflict"
	Delete    Action = "delete" // a file we wrote before and no longer produce, still as we wrote it
	// Keep: a file that is the user's now and stays as it is: one they kept at an earlier init
	// (--on-conflict skip), or one we wrote before, no longer produce, and they have edited.
	Keep Action = "keep"
)

// Policy says what to do with a file that exists, differs, and is not ours to change.
type Policy string

// Conflict policies (--on-conflict).
const (
	Fail      Policy = "fail"
	SkipFile  Policy = "skip"
	Overwrite Policy = "overwrite"
)

// Policies lists the accepted --on-conflict values.
var Policies = []string{string(Fail), string(SkipFile), string(Overwrite)}

// Change is one planned path with its classification.
type Change struct {
	generate.File
	Action Action
	Old    []byte // content on disk; nil when the file does not exist
	Exists bool
	// outside marks the plan's workspace file (Plan.WorkspaceFile), the one path outside root
	// that may be read and written. Only Classify sets it, so a Change made anywhere else is held
	// inside root.
	outside bool
}

// ConflictError lists every path that stops the run.
type ConflictError struct{ Paths []string }

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s already exist%s and differ%s from what mono-connect would write: nothing was written; use --on-conflict skip to keep them or --on-conflict overwrite to replace them",
		strings.Join(e.Paths, ", "), plural(len(e.Paths), "s", ""), plural(len(e.Paths), "s", ""))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Classify reads the disk under root for every file of plan and decides its action. prev is
// the record already in the project (nil if none): an owned file that still matches its recorded
// digest is ours to update. Resolve (per policy, or interactively) turns conflicts into actions.
func Classify(root string, plan *generate.Plan, prev *generate.Record) ([]Change, error) {
	var changes []Change
	planned := map[string]bool{}
	for _, f := range plan.Files {
		planned[f.Path] = true
		outside := isWorkspaceFile(plan, f.Path)
		old, exists, err := readSafe(root, f.Path, outside)
		if err != nil {
			return nil, err
		}
		c := Change{File: f, Old: old, Exists: exists, outside: outside}
		switch {
		case !exists:
			c.Action = Create
		case bytes.Equal(old, f.Content):
			c.Action = Unchanged
		case f.Path == generate.RecordName && samecode.SameJSON(old, f.Content):
			c.Action = Unchanged // the same record in the project's JSON formatting (Prettier): leave it
		case f.Kind == generate.KindOwned && samecode.Equal(f.Path, old, f.Content):
			// The same code in the project's own formatting (Prettier, a pre-commit hook): leave it
			// as the formatter wrote it, or the two would rewrite each other forever.
			c.Action = Unchanged
		case keptBy(prev, f.Path):
			c.Action = Keep // the user kept it at an earlier init; only --on-conflict overwrite takes it back
		case f.Kind == generate.KindMerged || f.Path == generate.RecordName:
			c.Action = Update // we only ever add our part to merged files
		case recordedAs(prev, f.Path, old):
			c.Action = Update // we wrote it and nobody changed it since
		default:
			c.Action = Conflict
		}
		changes = append(changes, c)
	}
	if prev != nil {
		for _, rf := range prev.Files {
			if planned[rf.Path] || rf.Kind != generate.KindOwned {
				continue
			}
			old, exists, err := readSafe(root, rf.Path, false)
			if err != nil {
				return nil, err
			}
			if !exists {
				continue
			}
			// Ours, as we wrote it: delete it. Edited (or kept) since: it is the user's, and it
			// stays, with a line saying so.
			action := Delete
			if rf.Kept || digest(old) != rf.SHA256 {
				action = Keep
			}
			changes = append(changes, Change{File: generate.File{Path: rf.Path, Kind: rf.Kind}, Action: action, Old: old, Exists: true})
		}
	}
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].Path < changes[j].Path })
	return changes, nil
}

// Resolve applies policy to every conflict. With Fail it returns a *ConflictError naming them all.
// Overwrite also takes back the planned files the user kept at an earlier init.
func Resolve(changes []Change, policy Policy) error {
	var conflicts []string
	for i := range changes {
		if changes[i].Action == Keep && policy == Overwrite && changes[i].Content != nil {
			changes[i].Action = Update
			continue
		}
		if changes[i].Action != Conflict {
			continue
		}
		switch policy {
		case SkipFile:
			changes[i].Action = Skip
		case Overwrite:
			changes[i].Action = Update
		default:
			conflicts = append(conflicts, changes[i].Path)
		}
	}
	if len(conflicts) > 0 {
		return &ConflictError{Paths: conflicts}
	}
	return nil
}

// Settle writes the outcome of conflict resolution into the plan's record: every planned file the
// user keeps (skipped now, or kept before) is recorded as theirs, so the next generate --check does
// not report it as drift. An owned file left unchanged because it is our code in the project's
// formatting keeps the digest prev recorded: the layout init --format recorded, so a re-run does
// not forget it, and a formatter's or linter's later rewrite does not make every generate rewrite
// the record. It re-encodes the record and updates the record file's change.
func Settle(plan *generate.Plan, changes []Change, prev *generate.Record) {
	if plan.Record == nil {
		return
	}
	marked := false
	for _, c := range changes {
		if c.Kind != generate.KindOwned || c.Content == nil || c.Path == generate.RecordName {
			continue
		}
		switch {
		case c.Action == Skip || c.Action == Keep:
			plan.Record.MarkKept(c.Path, c.Old)
			marked = true
		case c.Action == Unchanged && !bytes.Equal(c.Old, c.Content):
			if rf, ok := prev.File(c.Path); ok && rf.Kind == generate.KindOwned && !rf.Kept {
				plan.Record.SetDigest(c.Path, rf.SHA256)
				marked = true
			}
		}
	}
	if !marked {
		return
	}
	RecordChanged(plan, changes)
}

// RecordChanged re-encodes plan's record after an edit of it and updates the record file's change
// and planned content to match.
func RecordChanged(plan *generate.Plan, changes []Change) {
	content := plan.Record.Encode()
	for i := range changes {
		c := &changes[i]
		if c.Path != generate.RecordName {
			continue
		}
		c.Content = content
		switch {
		case !c.Exists:
			c.Action = Create
		case bytes.Equal(c.Old, content) || samecode.SameJSON(c.Old, content):
			c.Action = Unchanged
		default:
			c.Action = Update
		}
	}
	for i := range plan.Files {
		if plan.Files[i].Path == generate.RecordName {
			plan.Files[i].Content = content
		}
	}
}

// keptBy reports whether prev records path as kept by the user.
func keptBy(prev *generate.Record, path string) bool {
	rf, ok := prev.File(path)
	return ok && rf.Kept
}

// isWorkspaceFile reports whether p is the workspace file above the project that plan merges into.
func isWorkspaceFile(plan *generate.Plan, p string) bool {
	return plan.WorkspaceFile != "" && p == plan.WorkspaceFile && generate.IsWorkspaceFile(p)
}

func recordedAs(prev *generate.Record, path string, content []byte) bool {
	rf, ok := prev.File(path)
	return ok && rf.Kind != generate.KindMerged && rf.SHA256 == digest(content)
}

func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// ErrInterrupted is returned by Write when ctx was cancelled (SIGINT, SIGTERM) before the files
// were renamed into place; the tree is then exactly as it was.
var ErrInterrupted = errors.New("interrupted")

// stageHook, when set by a test, runs before each file is staged.
var stageHook func(i int)

// Write applies every create, update and delete in changes under root, all or nothing. While
// files are being staged, a cancelled ctx rolls everything back; once the renames start (a few
// microseconds per file) they run to the end, so an interrupt never leaves half a tree.
func Write(ctx context.Context, root string, changes []Change) (err error) {
	tx := &transaction{root: root}
	defer func() {
		if err != nil {
			if rerr := tx.rollback(); rerr != nil {
				err = fmt.Errorf("%w (and restoring the previous state failed: %v)", err, rerr)
			}
		}
	}()
	for i, c := range changes {
		if stageHook != nil {
			stageHook(i)
		}
		if ctx.Err() != nil {
			return ErrInterrupted
		}
		switch c.Action {
		case Create, Update:
			if err := tx.stage(c); err != nil {
				return err
			}
		case Delete:
			tx.deletes = append(tx.deletes, c)
		}
	}
	if ctx.Err() != nil {
		return ErrInterrupted
	}
	return tx.commit()
}

// transaction tracks what Write did so far, to undo it.
type transaction struct {
	root    string
	staged  []staged
	deletes []Change
	dirs    []string        // directories created, outermost first
	made    map[string]bool // the same, to look up
	seen    map[string]bool // directories known to exist, made here or found
	done    []staged        // in place: renamed, or written directly into a directory made here
	removed []Change        // deleted
}

type staged struct {
	change Change
	target string
	temp   string
}

func (tx *transaction) stage(c Change) error {
	target, err := safeJoin(tx.root, c.Path, c.outside)
	if err != nil {
		return err
	}
	if err := tx.mkdirAll(filepath.Dir(target)); err != nil {
		return err
	}
	if !c.Exists && tx.made[filepath.Dir(target)] {
		return tx.writeNew(c, target)
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), ".mono-connect-*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", c.Path, UnwrapPath(err))
	}
	st := staged{change: c, target: target, temp: tmp.Name()}
	tx.staged = append(tx.staged, st)
	mode := c.Mode
	if mode == 0 {
		mode = 0o644
	}
	if c.Exists {
		if info, err := os.Stat(target); err == nil {
			mode = info.Mode().Perm() // keep the user's permissions on their files
		}
	}
	_, werr := tmp.Write(c.Content)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr, os.Chmod(tmp.Name(), mode)); err != nil {
		return fmt.Errorf("writing %s: %w", c.Path, UnwrapPath(err))
	}
	return nil
}

// writeNew writes a new file straight to its place in a directory this transaction made: no
// user's file can be there, so nothing needs the temporary and the rename (a greenfield init
// writes all but a few of its files this way, and the file system calls are most of its time).
// Rollback removes the file with the directory, as it does a renamed one.
func (tx *transaction) writeNew(c Change, target string) error {
	mode := c.Mode
	if mode == 0 {
		mode = 0o644
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("writing %s: %w", c.Path, UnwrapPath(err))
	}
	tx.done = append(tx.done, staged{change: c, target: target})
	_, werr := f.Write(c.Content)
	// The mode is set exactly, whatever the umask, as for a renamed file.
	merr := f.Chmod(mode)
	if err := errors.Join(werr, merr, f.Close()); err != nil {
		return fmt.Errorf("writing %s: %w", c.Path, UnwrapPath(err))
	}
	return nil
}

func (tx *transaction) commit() error {
	for _, st := range tx.staged {
		if err := checkWritable(st.target, st.change.Exists); err != nil {
			return fmt.Errorf("writing %s: %w", st.change.Path, err)
		}
	}
	for _, st := range tx.staged {
		if err := os.Rename(st.temp, st.target); err != nil {
			return fmt.Errorf("writing %s: %w", st.change.Path, UnwrapPath(err))
		}
		tx.done = append(tx.done, st)
	}
	for _, c := range tx.deletes {
		target, err := safeJoin(tx.root, c.Path, false)
		if err != nil {
			return err
		}
		if err := os.Remove(target); err != nil {
			return fmt.Errorf("removing %s: %w", c.Path, UnwrapPath(err))
		}
		tx.removed = append(tx.removed, c)
	}
	return nil
}

// checkWritable refuses to replace a file the user made read-only: rename would succeed in a
// writable directory, silently defeating the user's protection.
func checkWritable(target string, exists bool) error {
	if !exists {
		return nil
	}
	info, err := os.Stat(target)
	if err != nil {
		return UnwrapPath(err)
	}
	if info.Mode().Perm()&0o200 == 0 {
		return errors.New("the file is read-only")
	}
	return nil
}

func (tx *transaction) rollback() error {
	var errs []error
	for _, c := range tx.removed {
		target, _ := safeJoin(tx.root, c.Path, false)
		errs = append(errs, os.WriteFile(target, c.Old, 0o644))
	}
	for i := len(tx.done) - 1; i >= 0; i-- {
		st := tx.done[i]
		if st.change.Exists {
			errs = append(errs, os.WriteFile(st.target, st.change.Old, 0o644))
		} else {
			errs = append(errs, os.Remove(st.target))
		}
	}
	for _, st := range tx.staged {
		if err := os.Remove(st.temp); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	for i := len(tx.dirs) - 1; i >= 0; i-- {
		errs = append(errs, os.Remove(tx.dirs[i]))
	}
	return errors.Join(errs...)
}

// mkdirAll creates dir and its missing parents, remembering each one for rollback.
func (tx *transaction) mkdirAll(dir string) error {
	if tx.seen[dir] {
		return nil
	}
	if tx.seen == nil {
		tx.seen, tx.made = map[string]bool{}, map[string]bool{}
	}
	var missing []string
	for d := dir; !tx.seen[d]; d = filepath.Dir(d) {
		info, err := os.Lstat(d)
		if err == nil {
			if !info.IsDir() {
				return fmt.Errorf("%s exists and is not a directory", rel(tx.root, d))
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return UnwrapPath(err)
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", rel(tx.root, missing[i]), UnwrapPath(err))
		}
		tx.dirs = append(tx.dirs, missing[i])
		tx.made[missing[i]] = true
	}
	for d := dir; !tx.seen[d]; d = filepath.Dir(d) {
		tx.seen[d] = true
		if filepath.Dir(d) == d {
			break
		}
	}
	return nil
}

// safeJoin joins a planned slash path to root, refusing anything that could end outside root:
// absolute or .. paths, and symbolic links anywhere between root and the file. With outside (the
// plan's workspace file, and nothing else) p may be the pnpm workspace file above root: "../"
// repeated, then pnpm-workspace.yaml, itself not a symbolic link.
func safeJoin(root, p string, outside bool) (string, error) {
	target, _, err := safeJoinFound(root, p, outside)
	return target, err
}

// safeJoinFound is safeJoin that also reports whether every segment of the path exists, so a
// caller need not try to open a file whose directory is missing.
func safeJoinFound(root, p string, outside bool) (string, bool, error) {
	if outside && generate.IsWorkspaceFile(p) {
		// The folders above root are where the user keeps the project, not ours to vet; the
		// file itself must be a plain one.
		target := filepath.Join(root, filepath.FromSlash(p))
		info, err := os.Lstat(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return target, false, nil
		case err != nil:
			return "", false, UnwrapPath(err)
		case info.Mode()&fs.ModeSymlink != 0:
			return "", false, fmt.Errorf("refusing to write %s: it is a symbolic link", p)
		}
		return target, true, nil
	}
	local := filepath.FromSlash(p)
	if !filepath.IsLocal(local) {
		return "", false, fmt.Errorf("refusing to write %s: it is outside the project", p)
	}
	cur := root
	segs := strings.Split(local, string(filepath.Separator))
	for _, seg := range segs {
		cur = filepath.Join(cur, seg)
		info, err := os.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			return filepath.Join(root, local), false, nil
		}
		if err != nil {
			return "", false, UnwrapPath(err)
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return "", false, fmt.Errorf("refusing to write %s: %s is a symbolic link", p, rel(root, cur))
		}
	}
	return filepath.Join(root, local), true, nil
}

// readSafe reads a planned path under root (or the workspace file, with outside), reporting
// whether it exists.
func readSafe(root, p string, outside bool) ([]byte, bool, error) {
	target, found, err := safeJoinFound(root, p, outside)
	if err != nil || !found {
		return nil, false, err
	}
	b, err := os.ReadFile(target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("reading %s: %w", p, UnwrapPath(err))
	}
	return b, true, nil
}

func rel(root, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(r)
}

// UnwrapPath drops the absolute path *PathError carries: messages name project-relative paths.
func UnwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Moved is what MoveServer did, for the command to report.
type Moved struct {
	Record *generate.Record // the rewritten record, to plan from
	Files  int              // how many files moved
	// Notes are what the user must do by hand (a dev script of theirs still names the old folder).
	Notes []string
}

// MoveServer carries out m in the project at root: the recorded files under m.From, the module's
// go.sum and .env (the secret key, gitignored) and any other Go file there move to m.To as they
// are on disk, edits kept; the files of the framework's own in m.From (Nitro's server/api/, ...)
// stay. An unedited scripts/dev.mjs is pointed at the new folder. The rewritten record is written
// at once, so an interrupted or refused generate after this leaves a project that is consistent.
func MoveServer(root string, m *generate.ServerMove) (*Moved, error) {
	from := filepath.Join(root, filepath.FromSlash(m.From))
	var moves []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			moves = append(moves, p)
		}
	}
	for _, f := range m.Record.Files {
		if rest, ok := strings.CutPrefix(f.Path, m.To+"/"); ok {
			if _, err := os.Lstat(filepath.Join(from, filepath.FromSlash(rest))); err == nil {
				add(rest)
			}
		}
	}
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "node_modules" {
			return filepath.SkipDir
		}
		name := d.Name()
		if d.Type().IsRegular() && (strings.HasSuffix(name, ".go") || name == "go.mod" || name == "go.sum" || (name == ".env" && filepath.Dir(p) == from)) {
			rel, _ := filepath.Rel(from, p)
			add(filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading %s: %w", m.From, UnwrapPath(err))
	}
	sort.Strings(moves)
	for _, rel := range moves {
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(m.To), filepath.FromSlash(rel))); err == nil {
			return nil, fmt.Errorf("cannot move the Go server from %s/ to %s/: %s/%s exists; move it away and run again", m.From, m.To, m.To, rel)
		}
	}
	for _, rel := range moves {
		src := filepath.Join(from, filepath.FromSlash(rel))
		dst := filepath.Join(root, filepath.FromSlash(m.To), filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, err
		}
		if err := os.Rename(src, dst); err != nil {
			return nil, fmt.Errorf("moving %s/%s: %w", m.From, rel, UnwrapPath(err))
		}
		// Folders the move emptied go too (never m.From's own files or the framework's folders).
		for dir := filepath.Dir(src); dir != filepath.Dir(from); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break
			}
		}
	}

	rec := m.Record
	var notes []string
	if f, ok := rec.File(generate.DevScript); ok && f.Kind == generate.KindStarter {
		p := filepath.Join(root, filepath.FromSlash(generate.DevScript))
		b, err := os.ReadFile(p)
		oldLine, newLine := generate.DevScriptLine(m.From), generate.DevScriptLine(m.To)
		switch {
		case err == nil && generate.SHA256(b) == f.SHA256 && bytes.Count(b, []byte(oldLine)) == 1:
			b = bytes.Replace(b, []byte(oldLine), []byte(newLine), 1)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				return nil, err
			}
			for i := range rec.Files {
				if rec.Files[i].Path == generate.DevScript {
					rec.Files[i].SHA256 = generate.SHA256(b)
				}
			}
		case err == nil && bytes.Contains(b, []byte(oldLine)):
			notes = append(notes, fmt.Sprintf("%s is yours (edited): change its line %s to %s", generate.DevScript, oldLine, newLine))
		}
	}
	if err := os.WriteFile(filepath.Join(root, generate.RecordName), rec.Encode(), 0o644); err != nil {
		return nil, err
	}
	return &Moved{Record: rec, Files: len(moves), Notes: notes}, nil
}
