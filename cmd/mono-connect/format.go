package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/appformat"
	"github.com/mono-connect/mono-connect/internal/apply"
	"github.com/mono-connect/mono-connect/internal/samecode"
)

// formatMode is init's --format / --no-format choice.
type formatMode int

const (
	formatAuto formatMode = iota // when the project has a formatter config and its binary
	formatOn                     // --format: a missing formatter is an error
	formatOff                    // --no-format
)

// chooseFormatter settles the mode into a formatter to run (nil: none), before anything is
// written, so that a forced --format without a formatter stops the run with nothing written.
func chooseFormatter(mode formatMode, root string, dryRun bool) (*appformat.Formatter, error) {
	if mode == formatOff {
		return nil, nil
	}
	f, ok, missing := appformat.Find(root)
	if !ok {
		if mode == formatOn {
			return nil, usagef("--format: %s; drop --format, or use --no-format", missing)
		}
		return nil, nil
	}
	if dryRun {
		return nil, nil
	}
	return &f, nil
}

// formatWritten runs the project's formatter on the owned files this run created or updated and
// records the layout it gave them, so generate --check stays clean and a later version of
// mono-connect updates them instead of calling the formatter's work a user's edit. A file the
// formatter changed as code, not only as layout (an import-sorting plugin), goes back to what we
// wrote: the check would report it as drift. A formatter that fails or times out is a warning: the
// files stay as mono-connect wrote them, which is a complete, working tree. It returns the paths
// the formatter rewrote.
func formatWritten(ios *iostreams, f *appformat.Formatter, root string, plan *generate.Plan, changes []apply.Change) map[string]bool {
	var files []string
	for _, c := range changes {
		if c.Kind == generate.KindOwned && c.Path != generate.RecordName && (c.Action == apply.Create || c.Action == apply.Update) && appformat.Formats(c.Path) {
			files = append(files, c.Path)
		}
	}
	if len(files) == 0 {
		return nil
	}
	out, err := f.Run(context.Background(), root, files)
	if err != nil {
		fmt.Fprintf(ios.Err, "mono-connect: warning: %v; the generated files stay as mono-connect wrote them%s\n", err, firstLine(out))
	}
	formatted := map[string]bool{}
	var restore []apply.Change
	for _, c := range changes {
		if !contains(files, c.Path) {
			continue
		}
		now, rerr := os.ReadFile(filepath.Join(root, filepath.FromSlash(c.Path)))
		switch {
		case rerr != nil || string(now) == string(c.Content):
			// Untouched (or unreadable, which the next check reports): the record already fits.
		case samecode.Equal(c.Path, now, c.Content):
			plan.Record.RecordLayout(c.Path, now)
			formatted[c.Path] = true
		default:
			fmt.Fprintf(ios.Err, "mono-connect: warning: %s changed the code of %s, not only its layout: restored as mono-connect wrote it\n", f.Name, c.Path)
			restore = append(restore, apply.Change{File: c.File, Action: apply.Update, Old: now, Exists: true})
		}
	}
	if len(formatted) > 0 {
		apply.RecordChanged(plan, changes)
		for _, c := range changes {
			if c.Path == generate.RecordName {
				restore = append(restore, apply.Change{File: c.File, Action: apply.Update, Exists: true})
			}
		}
	}
	if len(restore) > 0 {
		if err := apply.Write(context.Background(), root, restore); err != nil {
			fmt.Fprintf(ios.Err, "mono-connect: warning: writing after %s: %v\n", f.Name, err)
		}
	}
	return formatted
}

// firstLine is ": " and the formatter's first line of output, for a warning.
func firstLine(out []byte) string {
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	if line == "" {
		return ""
	}
	return ": " + strings.TrimSpace(line)
}
