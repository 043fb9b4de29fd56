package generate

import (
	"sort"

	"github.com/mono-connect/mono-connect/internal/jsonedit"
)

// SchemaWithRegistry returns the record's schema text src with the enums that list targets
// (answers.framework in display order, answers.variant sorted) set from the registry, the rest
// of the text as it was. `go generate ./schema` writes it back to schema/mono-connect.schema.json
// (editors read that file as it is, so it cannot be computed at run time), and a test fails when
// the committed file is not what this returns: a new target never edits the schema by hand.
func SchemaWithRegistry(src []byte) ([]byte, error) {
	doc, err := jsonedit.Parse(src)
	if err != nil {
		return nil, err
	}
	answers := []string{"properties", "answers", "properties"}
	for field, names := range map[string][]string{"framework": TargetNames(), "variant": VariantNames()} {
		if _, err := doc.SetMember(append(answers, field), "enum", names, jsonedit.Place{}); err != nil {
			return nil, err
		}
	}
	return doc.Bytes(), nil
}

// VariantNames returns the keys of every target's Variants, sorted, each once.
func VariantNames() []string {
	seen := map[string]bool{}
	var names []string
	for _, t := range Targets() {
		for _, key := range t.VariantKeys() {
			if !seen[key] {
				seen[key] = true
				names = append(names, key)
			}
		}
	}
	sort.Strings(names)
	return names
}
