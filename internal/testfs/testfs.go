// Package testfs holds the file helpers tests share: writing a file with its folders, reading a
// tree back, digesting one to prove it unchanged, and copying one. Each fails the test on an
// error, so a test reads as the files it lays down and compares.
package testfs

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// WriteFile writes content to path, making its folders first.
func WriteFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Read returns every regular file below root by its slash path relative to root.
func Read(t testing.TB, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	walk(t, root, func(rel string, d fs.DirEntry, b []byte) {
		if d.Type().IsRegular() {
			out[rel] = string(b)
		}
	})
	return out
}

// Hash digests every file, folder and mode below root, to prove a tree unchanged.
func Hash(t testing.TB, root string) string {
	t.Helper()
	var lines []string
	walk(t, root, func(rel string, d fs.DirEntry, b []byte) {
		info, err := d.Info()
		if err != nil {
			t.Fatal(err)
		}
		line := rel + " " + info.Mode().String()
		if d.Type().IsRegular() {
			sum := sha256.Sum256(b)
			line += " " + hex.EncodeToString(sum[:])
		}
		lines = append(lines, line)
	})
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// Copy copies the tree at src to dst, keeping each file's permission bits.
func Copy(t testing.TB, src, dst string) {
	t.Helper()
	walk(t, src, func(rel string, d fs.DirEntry, b []byte) {
		target := filepath.Join(dst, filepath.FromSlash(rel))
		if !d.Type().IsRegular() {
			if d.IsDir() {
				must(t, os.MkdirAll(target, 0o755))
			}
			return
		}
		info, err := d.Info()
		must(t, err)
		must(t, os.WriteFile(target, b, info.Mode().Perm()))
	})
}

// walk calls visit for root and everything below it in lexical order, with the content of
// each regular file.
func walk(t testing.TB, root string, visit func(rel string, d fs.DirEntry, content []byte)) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		var b []byte
		if d.Type().IsRegular() {
			if b, err = os.ReadFile(p); err != nil {
				return err
			}
		}
		visit(filepath.ToSlash(rel), d, b)
		return nil
	})
	must(t, err)
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
