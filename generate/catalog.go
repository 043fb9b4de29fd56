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

// yamlCatalog is one catalog of a pnpm-workspace.yaml or .yarnrc.yml, as read.
type yamlCatalog struct {
	file string     // the file it is in
	name string     // "" for the default catalog, else its name under `catalogs:`
	node *yaml.Node // the catalog's mapping
}

// ref is the version package.json gives a dependency this catalog pins: "catalog:" for the
// default catalog, "catalog:<name>" for a named one.
func (c *yamlCatalog) ref() string { return catalogRef + c.name }

// yamlCatalogs are the catalogs of one file: the default one (`catalog:`, or pnpm's equivalent
// `catalogs: {default: …}`) and the named ones, in the file's order.
type yamlCatalogs struct {
	def   *yamlCatalog
	named []*yamlCatalog
}

func (cs *yamlCatalogs) empty() bool { return cs.def == nil && len(cs.named) == 0 }

// byName returns the catalog of that name ("" the default), or nil.
func (cs *yamlCatalogs) byName(name string) *yamlCatalog {
	if name == "" {
		return cs.def
	}
	for _, c := range cs.named {
		if c.name == name {
			return c
		}
	}
	return nil
}

// readYAMLCatalogs returns the catalogs of src, the text of file (none when it has no `catalog:`
// or `catalogs:` mapping). A file that is not YAML is a usage error naming it.
func readYAMLCatalogs(file string, src []byte) (*yamlCatalogs, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, usagef("%s is not valid YAML (%v): fix it and run again", file, err)
	}
	cs := &yamlCatalogs{}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return cs, nil
	}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, val := top.Content[i].Value, top.Content[i+1]
		if val.Kind != yaml.MappingNode {
			continue
		}
		switch key {
		case "catalog":
			cs.def = &yamlCatalog{file: file, node: val}
		case "catalogs":
			for j := 0; j+1 < len(val.Content); j += 2 {
				name, cat := val.Content[j].Value, val.Content[j+1]
				if cat.Kind != yaml.MappingNode {
					continue
				}
				if name == "default" {
					// pnpm reads `catalogs.default` as the default catalog (and refuses both forms).
					if cs.def == nil {
						cs.def = &yamlCatalog{file: file, node: cat}
					}
					continue
				}
				cs.named = append(cs.named, &yamlCatalog{file: file, name: name, node: cat})
			}
		}
	}
	return cs, nil
}

// readYAMLCatalog returns the default catalog of src, the text of file, or nil when it has none.
// A file that is not YAML is a usage error naming it.
func readYAMLCatalog(file string, src []byte) (*yamlCatalog, error) {
	cs, err := readYAMLCatalogs(file, src)
	if err != nil {
		return nil, err
	}
	return cs.def, nil
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
	byHand := fmt.Errorf("add %q to the catalog in %s by hand (%s), then run again", name, c.file, entryLine(name, version))
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

// entryLine is a catalog entry as a user types it into YAML: a scoped name must be quoted there.
func entryLine(name, version string) string {
	return "'" + name + "': " + version
}

// catalogMerge decides the version package.json gets for connect.js, and returns package.json
// (pkg, or pkg with a catalog entry added) and any other file the decision merges. A project that
// pins its versions in a catalog gets a catalog reference (unless package.json already pins a
// version of its own):
//   - pnpm's pnpm-workspace.yaml or Yarn's .yarnrc.yml in the project, else the pnpm workspace the
//     project is a package of (ws, whose file is above the project): a default catalog that pins
//     connect.js, or else a named catalog that does ("catalog:<name>"), or else the default catalog
//     with connect.js added, as `pnpm add --save-catalog` would; that file is planned as merged;
//   - Bun's catalog in package.json itself (`workspaces.catalog`, or a top-level `catalog`).
//
// Anything else, including a file with only named catalogs none of which pins connect.js (which
// of them it belongs to is the user's call), gets the exact version and no other file.
func catalogMerge(pkg []byte, read func(string) ([]byte, bool, error), ws *Workspace) (string, []byte, *File, error) {
	current, listed := dependencyVersion(pkg, ConnectPackage)
	if listed && !strings.HasPrefix(current, catalogRef) {
		return ConnectVersion, pkg, nil, nil
	}
	// A reference package.json already has names the catalog: "catalog:" (or its long form
	// "catalog:default") the default one, "catalog:<name>" a named one.
	var chosen *string
	if listed {
		name := strings.TrimPrefix(current, catalogRef)
		if name == "default" {
			name = ""
		}
		chosen = &name
	}
	for _, file := range yamlCatalogFiles {
		src, found, err := read(file)
		if err != nil {
			return "", nil, nil, err
		}
		if !found {
			continue
		}
		cats, err := readYAMLCatalogs(file, src)
		if err != nil {
			return "", nil, nil, err
		}
		if cats.empty() {
			continue
		}
		version, f, err := useCatalog(file, src, cats, chosen)
		return version, pkg, f, err
	}
	if ws != nil && !ws.catalogs.empty() {
		version, f, err := useCatalog(ws.Evidence, ws.src, ws.catalogs, chosen)
		return version, pkg, f, err
	}
	merged, ok, err := addToBunCatalog(pkg)
	if err != nil || !ok {
		return ConnectVersion, pkg, nil, err
	}
	return catalogRef, merged, nil, nil
}

// useCatalog picks the catalog of file (src, read as cats) that connect.js goes in, as catalogMerge
// says, and returns the version package.json names it by and the file planned as merged (nil when
// no catalog fits: then the version is the exact one). chosen, when not nil, is the catalog
// package.json already names ("" the default): it gets connect.js if it lacks it; one the file does
// not have is the user's to fix (pnpm install says so), and nothing is planned.
func useCatalog(file string, src []byte, cats *yamlCatalogs, chosen *string) (string, *File, error) {
	var cat *yamlCatalog
	switch {
	case chosen != nil:
		if cat = cats.byName(*chosen); cat == nil {
			return catalogRef + *chosen, nil, nil
		}
	case cats.def != nil && cats.def.has(ConnectPackage):
		cat = cats.def
	default:
		for _, c := range cats.named {
			if c.has(ConnectPackage) {
				cat = c
				break
			}
		}
		if cat == nil && cats.def == nil {
			return ConnectVersion, nil, nil
		}
		if cat == nil {
			cat = cats.def
		}
	}
	merged := src
	if !cat.has(ConnectPackage) {
		var err error
		if merged, err = addToCatalog(src, cat, ConnectPackage, ConnectVersion); err != nil {
			return "", nil, &UsageError{Msg: err.Error()}
		}
	}
	part := fmt.Sprintf("catalog[%q]", ConnectPackage)
	if cat.name != "" {
		part = fmt.Sprintf("catalogs[%q][%q]", cat.name, ConnectPackage)
	}
	name := cat.name
	return cat.ref(), &File{
		Path: file, Kind: KindMerged, Content: merged, Part: []byte(part),
		Owned: func(c []byte) bool {
			cs, err := readYAMLCatalogs(file, c)
			if err != nil {
				return false
			}
			cat := cs.byName(name)
			return cat != nil && cat.has(ConnectPackage)
		},
	}, nil
}

// Workspace is the pnpm workspace a project is a package of: the nearest folder above it with a
// pnpm-workspace.yaml. Its lockfile says the package manager and its catalogs the versions; its
// file is the one path outside the project a plan may merge into (connect.js in its catalog).
type Workspace struct {
	Dir            string // the workspace's root relative to the project, slash-separated ("../..")
	PackageManager string // "pnpm"
	Evidence       string // the workspace file relative to the project, e.g. "../../pnpm-workspace.yaml"
	src            []byte
	catalogs       *yamlCatalogs
}

// ReadWorkspace reads the pnpm workspace file src found at dir (relative to the project). A
// workspace file that is not YAML is a usage error naming it.
func ReadWorkspace(dir string, src []byte) (*Workspace, error) {
	file := path.Join(dir, PnpmWorkspace)
	cs, err := readYAMLCatalogs(file, src)
	if err != nil {
		return nil, err
	}
	return &Workspace{Dir: dir, PackageManager: "pnpm", Evidence: file, src: src, catalogs: cs}, nil
}

// IsWorkspaceFile reports whether p, a planned or recorded path, has the form of a workspace file
// above the project: one or more "../" and then pnpm-workspace.yaml. It is the only path outside
// the project mono-connect ever writes or records (and only the one findWorkspace found).
func IsWorkspaceFile(p string) bool {
	rest, ok := strings.CutPrefix(p, "../")
	if !ok {
		return false
	}
	for {
		if r, ok := strings.CutPrefix(rest, "../"); ok {
			rest = r
			continue
		}
		return rest == PnpmWorkspace
	}
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
