// Command coregen writes the core's js/ folders from its ts/ folders (package coregen). Run by
// `go generate ./...` (the directive is in templates/templates.go), from the templates folder.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/mono-connect/mono-connect/internal/coregen"
)

func main() {
	if err := run("."); err != nil {
		fmt.Fprintln(os.Stderr, "coregen:", err)
		os.Exit(1)
	}
}

func run(root string) error {
	fsys := os.DirFS(root)
	files, err := coregen.Derive(fsys)
	if err != nil {
		return err
	}
	dirs, err := coregen.SourceDirs(fsys)
	if err != nil {
		return err
	}
	// Each js/ folder is wholly derived: clear it, so a module removed from ts/ goes too.
	for _, d := range dirs {
		out := filepath.Join(root, filepath.FromSlash(coregen.OutDir(d)))
		if err := os.RemoveAll(out); err != nil {
			return err
		}
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
