package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mono-connect/mono-connect/generate"
)

// moveServer carries out m in the project at root: the recorded files under m.From, the module's
// go.sum and .env (the secret key, gitignored) and any other Go file there move to m.To as they
// are on disk, edits kept; the files of the framework's own in m.From (Nitro's server/api/, ...)
// stay. An unedited scripts/dev.mjs is pointed at the new folder. The rewritten record is written
// at once, so an interrupted or refused generate after this leaves a project that is consistent.
// It returns the record to plan from.
func moveServer(root string, m *generate.ServerMove, errOut io.Writer) (*generate.Record, error) {
	from := filepath.Join(root, filepath.FromSlash(m.From))
	var moves []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			moves = append(moves, p)
		}
	}
	for _, f := range m.Record.Files {
		if rest, ok := strings.CutPrefix(f.Path, m.To+"/"); ok {
			if _, err := os.Lstat(filepath.Join(from, filepath.FromSlash(rest))); err == nil {
				add(rest)
			}
		}
	}
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "node_modules" {
			return filepath.SkipDir
		}
		name := d.Name()
		if d.Type().IsRegular() && (strings.HasSuffix(name, ".go") || name == "go.mod" || name == "go.sum" || (name == ".env" && filepath.Dir(p) == from)) {
			rel, _ := filepath.Rel(from, p)
			add(filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading %s: %w", m.From, unwrapPathErr(err))
	}
	sort.Strings(moves)
	for _, rel := range moves {
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(m.To), filepath.FromSlash(rel))); err == nil {
			return nil, fmt.Errorf("cannot move the Go server from %s/ to %s/: %s/%s exists; move it away and run again", m.From, m.To, m.To, rel)
		}
	}
	for _, rel := range moves {
		src := filepath.Join(from, filepath.FromSlash(rel))
		dst := filepath.Join(root, filepath.FromSlash(m.To), filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, err
		}
		if err := os.Rename(src, dst); err != nil {
			return nil, fmt.Errorf("moving %s/%s: %w", m.From, rel, unwrapPathErr(err))
		}
		// Folders the move emptied go too (never m.From's own files or the framework's folders).
		for dir := filepath.Dir(src); dir != filepath.Dir(from); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break
			}
		}
	}

	rec := m.Record
	if f, ok := rec.File(generate.DevScript); ok && f.Kind == generate.KindStarter {
		p := filepath.Join(root, filepath.FromSlash(generate.DevScript))
		b, err := os.ReadFile(p)
		oldLine, newLine := generate.DevScriptLine(m.From), generate.DevScriptLine(m.To)
		switch {
		case err == nil && generate.SHA256(b) == f.SHA256 && bytes.Count(b, []byte(oldLine)) == 1:
			b = bytes.Replace(b, []byte(oldLine), []byte(newLine), 1)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				return nil, err
			}
			for i := range rec.Files {
				if rec.Files[i].Path == generate.DevScript {
					rec.Files[i].SHA256 = generate.SHA256(b)
				}
			}
		case err == nil && bytes.Contains(b, []byte(oldLine)):
			fmt.Fprintf(errOut, "mono-connect: %s is yours (edited): change its line %s to %s\n", generate.DevScript, oldLine, newLine)
		}
	}
	if err := os.WriteFile(filepath.Join(root, generate.RecordName), rec.Encode(), 0o644); err != nil {
		return nil, err
	}
	fmt.Fprintf(errOut, "mono-connect: moved the Go server from %s/ (%s) to %s/: %d file(s), as they were\n", m.From, reservedWhy(m), m.To, len(moves))
	return rec, nil
}

// reservedWhy says whose the folder is, for the move's message.
func reservedWhy(m *generate.ServerMove) string {
	t := generate.LookupTarget(m.Record.Answers.Framework)
	return fmt.Sprintf("%s's own folder", t.Title)
}
