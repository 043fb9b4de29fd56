package main

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

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
