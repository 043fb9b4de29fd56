package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/apply"
)

// findWorkspace returns the pnpm workspace the project at root is a package of: the nearest
// folder above root with a pnpm-workspace.yaml, looking no further up than the repository's root
// (the folder holding .git). nil when root is not in one, or is the workspace's root itself.
func findWorkspace(root string) (*generate.Workspace, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(abs, generate.PnpmWorkspace)); err == nil {
		return nil, nil
	}
	for dir := abs; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return nil, nil // the repository's root, checked: the project is not in a workspace
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, nil
		}
		dir = parent
		file := filepath.Join(dir, generate.PnpmWorkspace)
		src, err := os.ReadFile(file)
		switch {
		case err == nil:
			rel, err := filepath.Rel(abs, dir)
			if err != nil {
				return nil, err
			}
			return generate.ReadWorkspace(filepath.ToSlash(rel), src)
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		default:
			return nil, fmt.Errorf("reading %s: %w", file, apply.UnwrapPath(err))
		}
	}
}
