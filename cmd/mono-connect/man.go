package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd writes man pages for every command; the release build runs it so archives and the
// Homebrew cask ship them. Hidden: it is for packagers, not users.
func newManCmd(ios *iostreams) *cobra.Command {
	return &cobra.Command{
		Use:     "man DIR",
		Short:   "Write man pages for every command into DIR",
		Hidden:  true,
		Args:    usageArgs(cobra.ExactArgs(1), "one DIR"),
		Example: "  mono-connect man ./manpages",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := os.MkdirAll(args[0], 0o755); err != nil {
				return fmt.Errorf("creating %s: %w", args[0], unwrapPathErr(err))
			}
			root := cmd.Root()
			root.DisableAutoGenTag = true // keeps pages reproducible: no generation date
			header := &doc.GenManHeader{Title: "MONO-CONNECT", Section: "1", Source: "mono-connect " + currentBuild().Version, Manual: "mono-connect manual"}
			if err := doc.GenManTree(root, header, args[0]); err != nil {
				return fmt.Errorf("writing man pages: %w", err)
			}
			fmt.Fprintf(ios.Err, "wrote man pages to %s\n", args[0])
			return nil
		},
	}
}
