package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/aymanbagabas/go-udiff"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/appformat"
	"github.com/mono-connect/mono-connect/internal/apply"
)

type applyOptions struct {
	policy      apply.Policy
	policyGiven bool // --on-conflict was on the command line
	dryRun      bool
	json        bool
	install     bool
	prompter    Prompter             // non-nil when the user can be asked (conflicts, the final confirm)
	detected    []generate.Detected  // answers taken from the project, with evidence
	formatter   *appformat.Formatter // the project's formatter to run on the owned files written (nil: none)
}

// planJSON is the --json output of init and generate (see the CLI contract).
type planJSON struct {
	Dir       string              `json:"dir"`
	DryRun    bool                `json:"dry_run"`
	Answers   generate.Answers    `json:"answers"`
	Detected  []generate.Detected `json:"detected"`
	Files     []fileJSON          `json:"files"`
	NextSteps []string            `json:"next_steps"`
}

type fileJSON struct {
	Path   string        `json:"path"`
	Kind   generate.Kind `json:"kind"`
	Action apply.Action  `json:"action"`
	// Formatted: the project's formatter rewrote the file's layout after it was written (init --format).
	Formatted bool `json:"formatted,omitempty"`
}

// applyPlan classifies, resolves conflicts, writes (unless dry run) and reports.
func applyPlan(ios *iostreams, root, shownDir string, plan *generate.Plan, prev *generate.Record, ao applyOptions) error {
	changes, err := apply.Classify(root, plan, prev)
	if err != nil {
		return err
	}
	if ao.prompter != nil && !ao.policyGiven && !ao.dryRun {
		if err := resolveInteractively(ao.prompter, ios, changes); err != nil {
			return err
		}
	} else if err := apply.Resolve(changes, ao.policy); err != nil {
		if !ao.dryRun {
			return err
		}
		// A dry run shows the conflicts instead of stopping at them.
	}
	apply.Settle(plan, changes, prev)
	if ao.prompter != nil && !ao.dryRun {
		printChanges(ios, shownDir, plan, changes, true)
		ok, err := ao.prompter.Confirm(qConfirm, true)
		if err != nil {
			return err
		}
		if !ok {
			return errCancelled
		}
	}
	if !ao.dryRun {
		// Catch SIGINT/SIGTERM only while writing: an interrupt then rolls back (or, once the
		// renames run, lets them finish) instead of killing the process halfway.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		err := apply.Write(ctx, root, changes)
		stop()
		if errors.Is(err, apply.ErrInterrupted) {
			return errCancelled
		}
		if err != nil {
			return fmt.Errorf("%w: nothing was written", err)
		}
	}
	var formatted map[string]bool
	if ao.formatter != nil && !ao.dryRun {
		formatted = formatWritten(ios, ao.formatter, root, plan, changes)
	}
	steps := plan.NextSteps
	if ao.json {
		out := planJSON{Dir: filepath.ToSlash(filepath.Clean(shownDir)), DryRun: ao.dryRun, Answers: plan.Record.Answers, Detected: ao.detected, Files: []fileJSON{}, NextSteps: steps}
		if out.Detected == nil {
			out.Detected = []generate.Detected{}
		}
		for _, c := range changes {
			out.Files = append(out.Files, fileJSON{Path: c.Path, Kind: c.Kind, Action: c.Action, Formatted: formatted[c.Path]})
		}
		if err := printJSON(ios.Out, out); err != nil {
			return err
		}
	} else if ao.prompter == nil || ao.dryRun {
		printChanges(ios, shownDir, plan, changes, ao.dryRun)
	} else {
		fmt.Fprintf(ios.Out, "mono-connect: wrote %d file(s) in %s\n", countWritten(changes), filepath.ToSlash(shownDir))
	}
	if !ao.json && len(formatted) > 0 {
		fmt.Fprintf(ios.Out, "  formatted %d file(s) with the project's %s (%s)\n", len(formatted), ao.formatter.Name, ao.formatter.Config)
	}
	if ao.install && !ao.dryRun {
		if err := runInstall(ios, root, filepath.ToSlash(filepath.Clean(shownDir)), plan.Options.PackageManager, ao.json); err != nil {
			return err
		}
	}
	if !ao.json && len(steps) > 0 {
		fmt.Fprintln(ios.Out, "\nNext steps:")
		for i, s := range steps {
			fmt.Fprintf(ios.Out, "  %d. %s\n", i+1, s)
		}
	}
	return nil
}

func printChanges(ios *iostreams, shownDir string, plan *generate.Plan, changes []apply.Change, dryRun bool) {
	mode := "in"
	if plan.Options.Greenfield {
		mode = "new app in"
	}
	verb := ""
	if dryRun {
		verb = " (nothing written yet)"
	}
	fmt.Fprintf(ios.Out, "mono-connect: %s (%s) %s %s%s\n", plan.Target.Name, plan.Options.Lang, mode, filepath.ToSlash(shownDir), verb)
	for _, c := range changes {
		fmt.Fprintf(ios.Out, "  %-9s %s\n", c.Action, c.Path)
	}
}

// runInstall runs the package manager in root, streaming its output. Our files are already
// written; a failure says so rather than undoing them.
// runInstall runs the package manager in root; shown is root as the user named it, for messages.
func runInstall(ios *iostreams, root, shown, pm string, jsonMode bool) error {
	args := []string{"install"}
	cmd := exec.Command(pm, args...)
	cmd.Dir = root
	cmd.Stdin = nil
	// With --json, stdout carries only the JSON object: the installer's output goes to stderr.
	cmd.Stdout = ios.Out
	if jsonMode {
		cmd.Stdout = ios.Err
	}
	cmd.Stderr = ios.Err
	cmd.Env = os.Environ()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s install failed (%v): the files above were written; run %s install in %s yourself", pm, err, pm, shown)
	}
	return nil
}

// resolveInteractively asks about each conflicting file: overwrite, skip, show its diff, overwrite
// all remaining, or abort (nothing written).
func resolveInteractively(p Prompter, ios *iostreams, changes []apply.Change) error {
	all := false
	for i := range changes {
		c := &changes[i]
		if c.Action != apply.Conflict {
			continue
		}
		if all {
			c.Action = apply.Update
			continue
		}
		for {
			choice, err := p.Select(fmt.Sprintf("%s exists and differs from what mono-connect would write. What now?", c.Path), conflictChoices, conflictChoices[1])
			if err != nil {
				return err
			}
			switch choice {
			case "overwrite":
				c.Action = apply.Update
			case "skip (keep mine)":
				c.Action = apply.Skip
			case "overwrite all":
				c.Action, all = apply.Update, true
			case "abort":
				return errCancelled
			default: // show diff, then ask again
				fmt.Fprint(ios.Out, udiff.Unified("a/"+c.Path, "b/"+c.Path, string(c.Old), string(c.Content)))
				continue
			}
			break
		}
	}
	return nil
}

var conflictChoices = []string{"overwrite", "skip (keep mine)", "show diff", "overwrite all", "abort"}

func countWritten(changes []apply.Change) int {
	n := 0
	for _, c := range changes {
		if c.Action == apply.Create || c.Action == apply.Update || c.Action == apply.Delete {
			n++
		}
	}
	return n
}
