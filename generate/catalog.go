package generate

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/mono-connect/mono-connect/internal/jsonedit"
	"go.yaml.in/yaml/v3"
)

// PnpmWorkspace is pnpm's workspace file; a default catalog in it (`catalog:`) is where a pnpm
// project keeps its dependency versions, and package.json then names each one as "catalog:".
const PnpmWorkspace = "pnpm-workspace.yaml"

// YarnRC is Yarn's (berry) settings file, where Yarn 4.10 and later keep a default catalog of the
// same shape as pnpm's.
const YarnRC = ".yarnrc.yml"

// yamlCatalogFiles are the files a default catalog can live in, in the order they are read: a
// project has one package manager, so at most one of them has a catalog.
var yamlCatalogFiles = []string{PnpmWorkspace, YarnRC}

// catalogRef is the version package.json gives a dependency that its pnpm catalog pins.
const catalogRef = "catalog:"

// yamlCatalog is the default catalog of a pnpm-workspace.yaml or .yarnrc.yml, as read.
type yamlCatalog struct {
	file string     // the file it is in
	node *yaml.Node // the catalog's mapping
}

// readYAMLCatalog returns the default catalog of src, the text of file, or nil when it has none
// (no `catalog:` key, or one that is not a mapping). A file that is not YAML is a usage error
// naming it.
func readYAMLCatalog(file string, src []byte) (*yamlCatalog, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, usagef("%s is not valid YAML (%v): fix it and run again", file, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil
	}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "catalog" && top.Content[i+1].Kind == yaml.MappingNode {
			return &yamlCatalog{file: file, node: top.Content[i+1]}, nil
		}
	}
	return nil, nil
}

// has reports whether the catalog pins name.
func (c *yamlCatalog) has(name string) bool {
	for i := 0; i+1 < len(c.node.Content); i += 2 {
		if c.node.Content[i].Value == name {
			return true
		}
	}
	return false
}

// addToCatalog returns src with `name: version` added to its default catalog, at its sorted place
// when the catalog is sorted (else last), in the catalog's indentation and quote style, every other
// byte kept. The catalog must be a block mapping of one-line entries; otherwise the edit is refused
// with an error saying what to add by hand.
func addToCatalog(src []byte, c *yamlCatalog, name, version string) ([]byte, error) {
	n := c.node
	byHand := fmt.Errorf("add %q to the catalog in %s by hand (%s: %s), then run again", name, c.file, name, version)
	if n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0 {
		return nil, byHand
	}
	keys := make([]string, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode || v.Line != k.Line || v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return nil, byHand
		}
		keys = append(keys, k.Value)
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	first := n.Content[0]
	if first.Line-1 >= len(lines) {
		return nil, byHand
	}
	indent := string(lines[first.Line-1][:first.Column-1])
	if strings.TrimLeft(indent, " \t") != "" {
		return nil, byHand
	}
	// '@scope/name' must be quoted in YAML (a plain scalar cannot start with @): follow the file.
	quote := "'"
	for i := 0; i < len(n.Content); i += 2 {
		if n.Content[i].Style&yaml.DoubleQuotedStyle != 0 {
			quote = `"`
			break
		}
		if n.Content[i].Style&yaml.SingleQuotedStyle != 0 {
			break
		}
	}
	entry := indent + quote + name + quote + ": " + version

	// Before the first key that sorts after name when the catalog is sorted; else after the last.
	at := n.Content[len(n.Content)-2].Line // 1-based line after which the entry goes
	if sort.StringsAreSorted(keys) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value > name {
				at = n.Content[i].Line - 1
				break
			}
		}
	}
	eol := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		eol = "\r\n"
	}
	var out bytes.Buffer
	for i, l := range lines {
		out.Write(l)
		if i+1 == at {
			if !bytes.HasSuffix(l, []byte("\n")) {
				out.WriteString(eol)
			}
			out.WriteString(entry + eol)
		}
	}
	return out.Bytes(), nil
}

// catalogMerge decides the version package.json gets for connect.js, and returns package.json
// (pkg, or pkg with a catalog entry added) and any other file the decision merges. A project that
// pins its versions in a default catalog gets "catalog:" (unless package.json already pins another
// version), with connect.js added to the catalog when missing:
//   - pnpm's pnpm-workspace.yaml or Yarn's .yarnrc.yml `catalog:`, planned as a merged file;
//   - Bun's catalog in package.json itself (`workspaces.catalog`, or a top-level `catalog`).
//
// Anything else gets the exact version and no other file.
//
// A package of a pnpm workspace whose catalog (in the workspace's root, above the project) pins
// connect.js gets "catalog:" too; one whose catalog does not gets the exact version, since the
// workspace's file is outside the project and mono-connect writes only inside it (the README says
// how to move it into the catalog).
func catalogMerge(pkg []byte, read func(string) ([]byte, bool, error), ws *Workspace) (string, []byte, *File, error) {
	if current, listed := dependencyVersion(pkg, ConnectPackage); listed && current != catalogRef {
		return ConnectVersion, pkg, nil, nil
	}
	if ws != nil && ws.Catalog != nil && !hasYAMLCatalog(read) {
		if ws.Catalog.has(ConnectPackage) {
			return catalogRef, pkg, nil, nil
		}
		return ConnectVersion, pkg, nil, nil
	}
	for _, file := range yamlCatalogFiles {
		src, found, err := read(file)
		if err != nil {
			return "", nil, nil, err
		}
		if !found {
			continue
		}
		catalog, err := readYAMLCatalog(file, src)
		if err != nil {
			return "", nil, nil, err
		}
		if catalog == nil {
			continue
		}
		merged := src
		if !catalog.has(ConnectPackage) {
			if merged, err = addToCatalog(src, catalog, ConnectPackage, ConnectVersion); err != nil {
				return "", nil, nil, &UsageError{Msg: err.Error()}
			}
		}
		return catalogRef, pkg, &File{
			Path: file, Kind: KindMerged, Content: merged,
			Part: []byte(fmt.Sprintf("catalog[%q]", ConnectPackage)),
			Owned: func(c []byte) bool {
				cat, err := readYAMLCatalog(file, c)
				return err == nil && cat != nil && cat.has(ConnectPackage)
			},
		}, nil
	}
	merged, ok, err := addToBunCatalog(pkg)
	if err != nil || !ok {
		return ConnectVersion, pkg, nil, err
	}
	return catalogRef, merged, nil, nil
}

// hasYAMLCatalog reports whether the project itself has a pnpm or Yarn default catalog (which then
// comes before its workspace's).
func hasYAMLCatalog(read func(string) ([]byte, bool, error)) bool {
	for _, file := range yamlCatalogFiles {
		if src, found, err := read(file); err == nil && found {
			if c, err := readYAMLCatalog(file, src); err == nil && c != nil {
				return true
			}
		}
	}
	return false
}

// Workspace is the pnpm workspace a project is a package of: the nearest folder above it with a
// pnpm-workspace.yaml. Its lockfile says the package manager and its catalog the versions.
type Workspace struct {
	Dir            string // the workspace's root relative to the project, slash-separated ("../..")
	PackageManager string // "pnpm"
	Evidence       string // e.g. "../../pnpm-workspace.yaml"
	Catalog        *yamlCatalog
}

// ReadWorkspace reads the pnpm workspace file src found at dir (relative to the project). A
// workspace file that is not YAML is a usage error naming it.
func ReadWorkspace(dir string, src []byte) (*Workspace, error) {
	file := path.Join(dir, PnpmWorkspace)
	c, err := readYAMLCatalog(file, src)
	if err != nil {
		return nil, err
	}
	return &Workspace{Dir: dir, PackageManager: "pnpm", Evidence: file, Catalog: c}, nil
}

// bunCatalogPaths are where Bun reads a default catalog in package.json; it prefers the first.
var bunCatalogPaths = [][]string{{"workspaces", "catalog"}, {"catalog"}}

// addToBunCatalog returns package.json pkg with connect.js in its Bun catalog (at its sorted
// place when the catalog is sorted), and whether pkg has such a catalog. An entry there already,
// at any version, is left alone.
func addToBunCatalog(pkg []byte) ([]byte, bool, error) {
	doc, err := jsonedit.Parse(pkg)
	if err != nil {
		return nil, false, &UsageError{Msg: fmt.Sprintf("package.json is %v: fix package.json and run again", err)}
	}
	for _, p := range bunCatalogPaths {
		raw, ok, err := doc.Lookup(p...)
		if err != nil || !ok || raw[0] != '{' {
			continue
		}
		if _, err := doc.EnsureMember(p, ConnectPackage, ConnectVersion, jsonedit.Place{Sorted: true}); err != nil {
			return nil, false, err
		}
		return doc.Bytes(), true, nil
	}
	return pkg, false, nil
}

// hasBunCatalogEntry reports whether package.json content's Bun catalog, if it has one, pins
// connect.js (true when it has no catalog: nothing of ours to lose there).
func hasBunCatalogEntry(content []byte) bool {
	doc, err := jsonedit.Parse(content)
	if err != nil {
		return false
	}
	for _, p := range bunCatalogPaths {
		raw, ok, err := doc.Lookup(p...)
		if err != nil || !ok || raw[0] != '{' {
			continue
		}
		_, has, _ := doc.Lookup(append(append([]string(nil), p...), ConnectPackage)...)
		return has
	}
	return true
}
