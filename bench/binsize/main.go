// Command binsize attributes the size of a Go binary to the modules it links, for figure 6 of
// BENCHMARKS.md:
//
//	binsize -pkg ./cmd/mono-connect -stripped mono-connect mono-connect.unstripped   # JSON on stdout
//
// The unstripped binary must be built with the same flags as the stripped one, less -s -w: its
// symbol table names every function and variable with its size. Each symbol belongs to the
// package in its name, and each package to its module (go list -deps), or to "std". What a
// stripped binary keeps is counted: code (.text), read-only data and data, not .bss (it takes no
// room in the file) and not the symbol table or DWARF (stripped).
//
// Two parts of the file are not named symbol by symbol, and are shared out or reported as such:
//   - .gopclntab, the function and line tables, has one entry per function, so it is shared out
//     in proportion to each module's code;
//   - most of .rodata (type descriptors, string literals, embedded files) has no sized symbol.
//     The files of //go:embed directives are counted by their size (go list's EmbedFiles) and
//     given to their module; the rest of .rodata is one row of its own.
//
// Whatever remains (alignment between functions, unnamed code and data, ELF headers) is the last
// row.
package main

import (
	"bytes"
	"debug/elf"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

type row struct {
	Module string `json:"module"`
	Code   int64  `json:"code"`  // .text
	Data   int64  `json:"data"`  // .rodata, .data, .noptrdata and the link tables
	Lines  int64  `json:"lines"` // share of .gopclntab, by code
	Total  int64  `json:"total"` // Code + Data + Lines
	Share  string `json:"share"` // of the stripped file
}

func main() {
	pkg := flag.String("pkg", "", "the main package the binaries were built from, for go list -deps")
	stripped := flag.String("stripped", "", "the stripped binary, for its size")
	flag.Parse()
	if flag.NArg() != 1 || *pkg == "" || *stripped == "" {
		fmt.Fprintln(os.Stderr, "usage: binsize -pkg PACKAGE -stripped BINARY UNSTRIPPED_BINARY")
		os.Exit(2)
	}
	if err := run(*pkg, *stripped, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "binsize:", err)
		os.Exit(1)
	}
}

func run(pkg, stripped, unstripped string) error {
	deps, err := listDeps(pkg)
	if err != nil {
		return err
	}
	modOf := map[string]string{}
	mainMod := ""
	for _, d := range deps {
		modOf[d.ImportPath] = d.module()
		if d.Name == "main" {
			mainMod = d.module()
		}
	}
	st, err := os.Stat(stripped)
	if err != nil {
		return err
	}
	f, err := elf.Open(unstripped)
	if err != nil {
		return err
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		return fmt.Errorf("%s has no symbol table: build it without -s -w: %w", unstripped, err)
	}
	rows := map[string]*row{}
	get := func(m string) *row {
		if rows[m] == nil {
			rows[m] = &row{Module: m}
		}
		return rows[m]
	}
	var code, rodata int64
	pkgCode, pkgData := map[string]int64{}, map[string]int64{}
	for _, s := range syms {
		if s.Section == elf.SHN_UNDEF || int(s.Section) >= len(f.Sections) || s.Size == 0 {
			continue
		}
		sec := f.Sections[s.Section]
		if sec.Type == elf.SHT_NOBITS || sec.Flags&elf.SHF_ALLOC == 0 || sec.Name == ".gopclntab" {
			continue
		}
		m := moduleOf(s.Name, modOf, mainMod)
		p := packageOf(s.Name)
		if p == "" {
			p = m
		}
		if sec.Name == ".text" {
			get(m).Code += int64(s.Size)
			code += int64(s.Size)
			pkgCode[p] += int64(s.Size)
		} else {
			pkgData[p] += int64(s.Size)
			get(m).Data += int64(s.Size)
			if sec.Name == ".rodata" {
				rodata += int64(s.Size)
			}
		}
	}
	if ro := f.Section(".rodata"); ro != nil {
		rest := int64(ro.Size) - rodata
		for _, d := range deps {
			for _, e := range d.EmbedFiles {
				fi, err := os.Stat(filepath.Join(d.Dir, e))
				if err != nil {
					return err
				}
				get(d.module() + " (embedded files)").Data += fi.Size()
				rest -= fi.Size()
			}
		}
		get("shared: .rodata without a sized symbol (type descriptors, string literals)").Data = rest
	}
	if pcln := f.Section(".gopclntab"); pcln != nil && code > 0 {
		for _, r := range rows {
			r.Lines = int64(pcln.Size) * r.Code / code
		}
	}
	var out []*row
	var sum int64
	for _, r := range rows {
		r.Total = r.Code + r.Data + r.Lines
		sum += r.Total
		out = append(out, r)
	}
	out = append(out, &row{Module: "rest: alignment, code and data without a sized symbol, ELF headers", Total: st.Size() - sum})
	for _, r := range out {
		r.Share = fmt.Sprintf("%.1f%%", 100*float64(r.Total)/float64(st.Size()))
	}
	// The same by package, the largest first, to show what a module's share is made of.
	var pkgs []*row
	for p, c := range pkgCode {
		r := &row{Module: p, Code: c, Data: pkgData[p]}
		if pcln := f.Section(".gopclntab"); pcln != nil {
			r.Lines = int64(pcln.Size) * c / code
		}
		r.Total = r.Code + r.Data + r.Lines
		r.Share = fmt.Sprintf("%.1f%%", 100*float64(r.Total)/float64(st.Size()))
		pkgs = append(pkgs, r)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Total > pkgs[j].Total })
	if len(pkgs) > 25 {
		pkgs = pkgs[:25]
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Total > out[j].Total })
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	return enc.Encode(struct {
		Stripped int64  `json:"stripped_bytes"`
		Modules  []*row `json:"modules"`
		Packages []*row `json:"packages"` // the 25 largest; Module holds the package path
	}{st.Size(), out, pkgs})
}

type dep struct {
	ImportPath string
	Name       string
	Dir        string
	EmbedFiles []string
	Module     *struct{ Path string }
}

func (d dep) module() string {
	if d.Module == nil {
		return "std"
	}
	return d.Module.Path
}

// listDeps returns pkg and every package it imports, directly or not.
func listDeps(pkg string) ([]dep, error) {
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Name,Dir,EmbedFiles,Module", pkg)
	cmd.Stderr = os.Stderr
	raw, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -deps %s: %w", pkg, err)
	}
	var deps []dep
	dec := json.NewDecoder(bytes.NewReader(raw))
	for dec.More() {
		var d dep
		if err := dec.Decode(&d); err != nil {
			return nil, err
		}
		deps = append(deps, d)
	}
	return deps, nil
}

// packageOf returns the package path at the start of a symbol's name, or "".
func packageOf(name string) string {
	for _, p := range []string{"type:.eq.", "type:.hash.", "type:.importpath.", "type:.namedata.", "type:*", "type:", "go:itab.*", "go:itab."} {
		if strings.HasPrefix(name, p) {
			name = name[len(p):]
			break
		}
	}
	if i := strings.IndexAny(name, "[,"); i >= 0 {
		name = name[:i]
	}
	slash := strings.LastIndex(name, "/")
	dot := strings.Index(name[slash+1:], ".")
	if dot < 0 {
		return ""
	}
	return name[:slash+1+dot]
}

// moduleOf names the module a symbol belongs to, from the package path at the start of its
// name: "github.com/spf13/cobra.(*Command).Execute", "type:*encoding/json.Decoder",
// "go:itab.*os.File,io.Reader" (the concrete type's package), "slices.Sort[...]".
func moduleOf(name string, modOf map[string]string, mainMod string) string {
	pkg := packageOf(name)
	if pkg == "" {
		return "shared by all (no package in the name)"
	}
	switch {
	case pkg == "main":
		return mainMod
	case modOf[pkg] != "":
		return modOf[pkg]
	case strings.HasPrefix(pkg, "go:"):
		return "shared by all (no package in the name)"
	case strings.ContainsAny(pkg, " {(*") || strings.HasPrefix(pkg, "go."):
		// Generic shapes and anonymous struct types: "go.shape.struct { … }", "struct { … }".
		return "shared by all (no package in the name)"
	case !strings.Contains(strings.SplitN(pkg, "/", 2)[0], "."):
		return "std" // runtime internals and packages go list does not print (e.g. vendor/)
	}
	return "other (" + pkg + ")"
}
