package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/doctor"
)

// exitDoctorFailed is doctor's exit code when a check fails (cli-contract.md).
const exitDoctorFailed = 4

// errDoctorFailed marks a failing check; the report is already printed.
var errDoctorFailed = errors.New("doctor found a failing check")

type doctorOptions struct {
	IO     *iostreams
	Dir    string
	JSON   bool
	Fix    bool
	Yes    bool
	Online bool
}

func newDoctorCmd(ios *iostreams, runF func(*doctorOptions) error) *cobra.Command {
	opts := &doctorOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "doctor [DIR]",
		Short: "Diagnose the integration in DIR: keys, env, proxy, origins, CSP, server, drift",
		Long: `Diagnose the Mono Connect integration in DIR (default "."): the record, drift, the widget
package, the public and secret keys where this framework reads them, secrets in frontend files,
ignore rules, the dev proxy, MONO_ALLOWED_ORIGINS, a Content-Security-Policy, the running Go server
(local addresses only) and whether the generated Go package builds.

One line per check (pass, warn, fail or skip) with the remedy to copy. Keys are never printed:
findings name the variable and the file, with the key masked (test_pk_…3f9a).
Exit 0 when no check fails, 4 when one does, 1 when doctor itself could not run.

--fix applies the safe remedies (ignore lines, a missing proxy entry in a JSON config, restoring
generated files: edited ones only after a confirmation or with --yes), prints what it changed and
checks again; it never writes a key's value. --online also asks MONO_API_BASE_URL whether it
accepts the secret key.

Agents: run "mono-connect doctor --json" first in a project; it never waits for input.`,
		Example: `  mono-connect doctor
  mono-connect doctor my-app --json
  mono-connect doctor --fix --yes`,
		Args: usageArgs(cobra.MaximumNArgs(1), "at most one DIR"),
		RunE: runDirCommand(opts, &opts.Dir, runF, doctorRun),
	}
	f := cmd.Flags()
	f.BoolVar(&opts.JSON, "json", false, "machine-readable output on stdout")
	f.BoolVar(&opts.Fix, "fix", false, "apply the safe remedies, then check again")
	f.BoolVarP(&opts.Yes, "yes", "y", false, "with --fix: restore edited generated files without asking")
	f.BoolVar(&opts.Online, "online", false, "also ask MONO_API_BASE_URL whether it accepts the secret key")
	return cmd
}

func doctorRun(o *doctorOptions) error {
	root, err := filepath.Abs(o.Dir)
	if err != nil {
		return err
	}
	goCmd, _ := exec.LookPath("go")
	dopts := doctor.Options{
		Dir: o.Dir, Root: root, ToolVersion: toolVersion(), Online: o.Online, GoCommand: goCmd,
		Plan: doctorPlan,
	}
	ctx := context.Background()
	rep, err := doctor.Run(ctx, dopts)
	if err != nil {
		return err
	}
	if o.Fix {
		fo := doctor.FixOptions{RestoreEdited: o.Yes}
		if !o.Yes && !o.JSON && o.IO.Prompter != nil && o.IO.Interactive() && editedDrift(rep) {
			ok, err := o.IO.Prompter.Confirm(qRestoreEdited, false)
			if err != nil {
				return err
			}
			fo.RestoreEdited = ok
		}
		changed, err := doctor.Fix(ctx, dopts, rep, fo)
		w := o.IO.Out
		if o.JSON {
			w = o.IO.Err // stdout holds only the report
		}
		for _, c := range changed {
			fmt.Fprintf(w, "fixed %s\n", c)
		}
		if err != nil {
			return err
		}
		if len(changed) == 0 {
			fmt.Fprintln(w, "nothing to fix automatically")
		}
		if rep, err = doctor.Run(ctx, dopts); err != nil {
			return err
		}
	}
	if o.JSON {
		enc := json.NewEncoder(o.IO.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		printReport(o.IO.Out, rep, useColor(o.IO.Out))
	}
	if rep.Failed() {
		return errDoctorFailed
	}
	return nil
}

// qRestoreEdited is --fix's one question; --yes answers it.
const qRestoreEdited = "Restore the edited generated files (your edits to them are lost)?"

// editedDrift reports whether --fix would overwrite someone's edits (and so asks first).
func editedDrift(rep *doctor.Report) bool {
	for _, c := range rep.Checks {
		if c.NeedsConfirmation() {
			return true
		}
	}
	return false
}

// doctorPlan renders what generate would write, the way `generate` finds the Go module.
func doctorPlan(root string, rec *generate.Record) (*generate.Plan, error) {
	opts := rec.Answers.Options()
	if opts.Backend == "go" && !rec.Answers.ServerStandalone {
		mod, err := findGoModule(root)
		if err != nil {
			return nil, err
		}
		if mod == nil {
			return nil, usagef("%s puts the Go code in a Go module, but no go.mod was found: restore it, or run init again", generate.RecordName)
		}
		opts.GoModule = mod
	}
	ws, err := findWorkspace(root)
	if err != nil {
		return nil, err
	}
	return generate.Generate(opts, generate.Input{Project: os.DirFS(root), Previous: rec, ToolVersion: toolVersion(), Workspace: ws})
}

// useColor: colour only on a terminal, and never when NO_COLOR is set (no-color.org).
func useColor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return isTerminal(w)
}

var statusColor = map[doctor.Status]string{doctor.Pass: "32", doctor.Warn: "33", doctor.Fail: "31", doctor.Skip: "2"}

// printReport writes one line per check, its remedy on the next line, then a summary.
func printReport(w io.Writer, rep *doctor.Report, color bool) {
	for _, c := range rep.Checks {
		status := fmt.Sprintf("%-4s", c.Status)
		if color {
			status = "\x1b[" + statusColor[c.Status] + "m" + status + "\x1b[0m"
		}
		fmt.Fprintf(w, "%s  %-19s %s\n", status, c.ID, c.Message)
		if c.Remedy != "" && (c.Status == doctor.Fail || c.Status == doctor.Warn) {
			fmt.Fprintf(w, "      %-19s → %s\n", "", c.Remedy)
		}
	}
	s := rep.Summary
	fmt.Fprintf(w, "\n%d passed, %d warned, %d failed, %d skipped\n", s.Pass, s.Warn, s.Fail, s.Skip)
	fixable := 0
	for _, c := range rep.Checks {
		if c.Fixable {
			fixable++
		}
	}
	if fixable > 0 {
		fmt.Fprintf(w, "mono-connect doctor --fix can fix %d of them\n", fixable)
	}
}
