package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/mod/modfile"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/apply"
)

// findGoModule looks for a go.mod in root and its parents, and reads its module path.
func findGoModule(root string) (*generate.GoModule, error) {
	for dir := root; ; dir = filepath.Dir(dir) {
		gomod := filepath.Join(dir, "go.mod")
		data, err := os.ReadFile(gomod)
		switch {
		case err == nil:
			modPath := modfile.ModulePath(data)
			if modPath == "" {
				return nil, usagef("%s has no module line: fix it, or pass --backend none", gomod)
			}
			rel, err := filepath.Rel(dir, root)
			if err != nil {
				return nil, err
			}
			return &generate.GoModule{Path: modPath, RelDir: filepath.ToSlash(rel)}, nil
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		default:
			return nil, fmt.Errorf("reading %s: %w", gomod, apply.UnwrapPath(err))
		}
		if filepath.Dir(dir) == dir {
			return nil, nil
		}
	}
}
