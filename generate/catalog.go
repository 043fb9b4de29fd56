package generate

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// PnpmWorkspace is pnpm's workspace file; a default catalog in it (`catalog:`) is where a pnpm
// project keeps its dependency versions, and package.json then names each one as "catalog:".
const PnpmWorkspace = "pnpm-workspace.yaml"

// catalogRef is the version package.json gives a dependency that its pnpm catalog pins.
const catalogRef = "catalog:"

// pnpmCatalog is the default catalog of a pnpm-workspace.yaml, as read.
type pnpmCatalog struct {
	node *yaml.Node // the catalog's mapping
}

// readPnpmCatalog returns the default catalog of src, or nil when it has none (no `catalog:` key,
// or one that is not a mapping). A file that is not YAML is a usage error naming it.
func readPnpmCatalog(src []byte) (*pnpmCatalog, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, usagef("%s is not valid YAML (%v): fix it and run again", PnpmWorkspace, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil
	}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "catalog" && top.Content[i+1].Kind == yaml.MappingNode {
			return &pnpmCatalog{node: top.Content[i+1]}, nil
		}
	}
	return nil, nil
}

// has reports whether the catalog pins name.
func (c *pnpmCatalog) has(name string) bool {
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
func addToCatalog(src []byte, c *pnpmCatalog, name, version string) ([]byte, error) {
	n := c.node
	byHand := fmt.Errorf("add %q to the catalog in %s by hand (%s: %s), then run again", name, PnpmWorkspace, name, version)
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

// catalogMerge decides the version package.json gets for connect.js: "catalog:" when the project's
// pnpm-workspace.yaml has a default catalog (and package.json does not already pin another
// version), with the workspace file planned as merged (our entry added to the catalog when
// missing); else the exact version and no workspace file.
func catalogMerge(pkg []byte, read func(string) ([]byte, bool, error)) (string, *File, error) {
	if current, listed := dependencyVersion(pkg, ConnectPackage); listed && current != catalogRef {
		return ConnectVersion, nil, nil
	}
	workspace, found, err := read(PnpmWorkspace)
	if err != nil || !found {
		return ConnectVersion, nil, err
	}
	catalog, err := readPnpmCatalog(workspace)
	if err != nil || catalog == nil {
		return ConnectVersion, nil, err
	}
	merged := workspace
	if !catalog.has(ConnectPackage) {
		if merged, err = addToCatalog(workspace, catalog, ConnectPackage, ConnectVersion); err != nil {
			return "", nil, &UsageError{Msg: err.Error()}
		}
	}
	return catalogRef, &File{
		Path: PnpmWorkspace, Kind: KindMerged, Content: merged,
		Part: []byte(fmt.Sprintf("catalog[%q]", ConnectPackage)),
		Owned: func(c []byte) bool {
			cat, err := readPnpmCatalog(c)
			return err == nil && cat != nil && cat.has(ConnectPackage)
		},
	}, nil
}
