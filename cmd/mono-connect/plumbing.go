package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mono-connect/mono-connect/internal/apply"
)

// dirArg is the project directory a command's one optional DIR argument names ("." without one).
func dirArg(args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	return "."
}

// runDirCommand is the RunE of a command whose only argument is an optional DIR: it sets *dir,
// then runs run, or runF when a test stands in for it.
func runDirCommand[O any](opts O, dir *string, runF, run func(O) error) func(*cobra.Command, []string) error {
	return func(_ *cobra.Command, args []string) error {
		*dir = dirArg(args)
		if runF != nil {
			return runF(opts)
		}
		return run(opts)
	}
}

// writeFlags are the flags of the commands that write a plan (init, generate), which mean the
// same in both; conflict is --on-conflict's help, which says what a conflict is for the command.
type writeFlags struct {
	OnConflict string
	DryRun     bool
	JSON       bool
}

func (w *writeFlags) register(f *pflag.FlagSet, conflict string) {
	f.StringVar(&w.OnConflict, "on-conflict", "fail", conflict)
	f.BoolVar(&w.DryRun, "dry-run", false, "print the plan; write nothing")
	f.BoolVar(&w.JSON, "json", false, "machine-readable output on stdout")
}

// projectRoot checks --on-conflict and makes dir absolute: the start of init and generate.
func projectRoot(dir, onConflict string) (string, error) {
	if !contains(apply.Policies, onConflict) {
		return "", usagef("unknown --on-conflict %q: use fail, skip or overwrite", onConflict)
	}
	return filepath.Abs(dir)
}

// printJSON writes v as indented JSON, the form of every --json output.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// listCmd is a command without arguments that prints something either as text or, with --json,
// as JSON (targets, version, webhook list): print gets which.
func listCmd(use, short, example string, print func(asJSON bool) error) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     use,
		Short:   short,
		Args:    usageArgs(cobra.NoArgs, "no arguments"),
		Example: example,
		RunE:    func(*cobra.Command, []string) error { return print(asJSON) },
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// table is what a listing command shows: with --json the document {key: items}, else one row
// of cells a line under header's columns, then note when there is one.
type table[T any] struct {
	key    string
	header []string
	items  []T
	row    func(T) []string
	note   string
}

// tableCmd is a listCmd that prints the table list returns (targets, webhook list).
func tableCmd[T any](ios *iostreams, use, short, example string, list func() table[T]) *cobra.Command {
	return listCmd(use, short, example, func(asJSON bool) error {
		t := list()
		if asJSON {
			return printJSON(ios.Out, map[string]any{t.key: t.items})
		}
		w := tabwriter.NewWriter(ios.Out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, strings.Join(t.header, "\t"))
		for _, item := range t.items {
			fmt.Fprintln(w, strings.Join(t.row(item), "\t"))
		}
		fmt.Fprint(w, t.note)
		return w.Flush()
	})
}
