package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/apply"
)

type generateOptions struct {
	IO    *iostreams
	Dir   string
	Check bool
	writeFlags
}

func newGenerateCmd(ios *iostreams, runF func(*generateOptions) error) *cobra.Command {
	opts := &generateOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "generate [DIR]",
		Short: "Re-render the generated files from DIR/mono-connect.json",
		Long: `Re-render every generated file from DIR/mono-connect.json with this binary's templates.

With --check nothing is written: the command exits 3 and shows a diff for each generated file that
is modified, missing or stale (recorded but no longer produced), and exits 0 when all is clean.
Merged files (package.json, .env.example, .gitignore) are checked only for the part mono-connect owns.`,
		Example: `  # after upgrading mono-connect
  mono-connect generate

  # in CI
  mono-connect generate --check
  mono-connect generate --check --json`,
		Args: usageArgs(cobra.MaximumNArgs(1), "at most one DIR"),
		RunE: runDirCommand(opts, &opts.Dir, runF, generateRun),
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Check, "check", false, "write nothing; exit 3 when generated files drifted")
	opts.writeFlags.register(f, "when a generated file was edited: fail, skip or overwrite")
	registerCompletions(cmd)
	return cmd
}

func generateRun(o *generateOptions) error {
	root, err := projectRoot(o.Dir, o.OnConflict)
	if err != nil {
		return err
	}
	prev, err := readRecord(root)
	if err != nil {
		return err
	}
	if prev == nil {
		return usagef("no %s in %s: run mono-connect init first", generate.RecordName, o.Dir)
	}
	if prev, err = serverMove(o.IO.Err, root, o.Dir, prev, o.Check, o.DryRun); err != nil {
		if errors.Is(err, errDryRunStop) {
			return nil
		}
		return err
	}
	opts := prev.Answers.Options()
	if opts.Backend == "go" && !prev.Answers.ServerStandalone {
		mod, err := findGoModule(root)
		if err != nil {
			return err
		}
		if mod == nil {
			return usagef("%s puts the Go code in a Go module, but no go.mod was found in %s or above: restore it, or run init again", generate.RecordName, o.Dir)
		}
		opts.GoModule = mod
	}
	ws, err := findWorkspace(root)
	if err != nil {
		return err
	}
	plan, err := generate.Generate(opts, generate.Input{Project: os.DirFS(root), Previous: prev, ToolVersion: toolVersion(), Workspace: ws})
	if err != nil {
		return err
	}
	if o.Check {
		return checkRun(o, root, plan, prev)
	}
	return applyPlan(o.IO, root, o.Dir, plan, prev, applyOptions{policy: apply.Policy(o.OnConflict), dryRun: o.DryRun, json: o.JSON})
}

func checkRun(o *generateOptions, root string, plan *generate.Plan, prev *generate.Record) error {
	drift, err := apply.Check(root, plan, prev)
	if err != nil {
		return err
	}
	kept, err := apply.Kept(root, plan, prev)
	if err != nil {
		return err
	}
	if o.JSON {
		if drift == nil {
			drift = []apply.Drift{}
		}
		out := map[string]any{"drift": drift}
		if len(kept) > 0 {
			out["kept"] = kept
		}
		if err := printJSON(o.IO.Out, out); err != nil {
			return err
		}
	}
	// Kept files are the user's by their own choice: a line each, on stderr, never a failure.
	for _, path := range kept {
		fmt.Fprintf(o.IO.Err, "mono-connect: %s is yours (kept at init); mono-connect generate --on-conflict overwrite %s takes the generated version back\n", path, shellQuote(filepath.ToSlash(o.Dir)))
	}
	if !o.JSON && len(drift) == 0 {
		fmt.Fprintf(o.IO.Out, "mono-connect: generated files in %s are up to date\n", filepath.ToSlash(o.Dir))
	}
	if len(drift) == 0 {
		return nil
	}
	// The report goes to stderr with --json (stdout holds only the object), else to stdout.
	w := o.IO.Out
	if o.JSON {
		w = o.IO.Err
	}
	for _, d := range drift {
		fmt.Fprintf(w, "%s: %s\n", d.Status, d.Path)
	}
	for _, d := range drift {
		fmt.Fprint(w, d.Diff)
	}
	fmt.Fprintf(o.IO.Err, "mono-connect: %d generated file(s) drifted: %s\n", len(drift), restoreAdvice(drift, o.Dir))
	return errDrift
}

// restoreAdvice names the command that really restores the drifted files: plain generate brings
// back missing files and removes stale ones, but refuses to replace an edited file (a conflict),
// so edits need --on-conflict overwrite. A merged file that lost our part is merged again by plain
// generate, the user's lines kept.
func restoreAdvice(drift []apply.Drift, dir string) string {
	cmd := "mono-connect generate"
	if dir != "." {
		cmd += " " + shellQuote(filepath.ToSlash(dir))
	}
	for _, d := range drift {
		if d.Status == apply.Modified && d.Kind != generate.KindMerged {
			return "run " + cmd + " --on-conflict overwrite to restore them (your edits to them are lost), or keep your edits: " + cmd + " --on-conflict skip records them as yours"
		}
	}
	return "run " + cmd + " to restore them"
}

// serverMove moves a standalone Go server out of a folder its framework owns (generate.ServerMove)
// before anything is planned, and returns the record to plan from. --check and --dry-run move
// nothing: the first reports the move as drift, the second says what generate would do.
func serverMove(errOut io.Writer, root, dir string, prev *generate.Record, check, dryRun bool) (*generate.Record, error) {
	m := generate.PlanServerMove(prev)
	if m == nil {
		return prev, nil
	}
	cmd := "mono-connect generate"
	if dir != "." {
		cmd += " " + shellQuote(filepath.ToSlash(dir))
	}
	switch {
	case check:
		fmt.Fprintf(errOut, "mono-connect: the Go server is in %s/, %s: run %s to move it to %s/ (your edits kept)\n", m.From, reservedWhy(m), cmd, m.To)
		return nil, errDrift
	case dryRun:
		fmt.Fprintf(errOut, "mono-connect: would move the Go server from %s/ (%s) to %s/ first; nothing is planned until it has moved\n", m.From, reservedWhy(m), m.To)
		return nil, errDryRunStop
	}
	moved, err := apply.MoveServer(root, m)
	if err != nil {
		return nil, err
	}
	for _, note := range moved.Notes {
		fmt.Fprintf(errOut, "mono-connect: %s\n", note)
	}
	fmt.Fprintf(errOut, "mono-connect: moved the Go server from %s/ (%s) to %s/: %d file(s), as they were\n", m.From, reservedWhy(m), m.To, moved.Files)
	return moved.Record, nil
}

// reservedWhy says whose the folder is, for the move's messages.
func reservedWhy(m *generate.ServerMove) string {
	t := generate.LookupTarget(m.Record.Answers.Framework)
	return fmt.Sprintf("%s's own folder", t.Title)
}

// errDryRunStop ends a dry run that cannot plan before a move it may not make.
var errDryRunStop = errors.New("dry run stops before the move")
