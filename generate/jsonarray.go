package generate

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mono-connect/mono-connect/internal/jsonedit"
)

// Config files of Biome, oxlint and dprint are JSON, often with comments (biome.jsonc). These
// helpers edit one string array in such a file through jsonedit, which keeps every other byte.

// addToJSONArray adds the values src lacks to the string array at keys (nested objects), creating
// the objects and the array as needed; a new array starts with seed.
func addToJSONArray(src []byte, keys []string, values, seed []string) ([]byte, error) {
	return addToJSONArrayAs(src, keys, values, seed, sameString)
}

// addToJSONArrayAs is addToJSONArray where an element same(element, value) already holds value:
// another spelling of the same pattern.
func addToJSONArrayAs(src []byte, keys []string, values, seed []string, same func(have, want string) bool) ([]byte, error) {
	doc, err := jsonedit.ParseJSONC(src)
	if err != nil {
		return nil, err
	}
	for depth := range keys {
		_, ok, err := doc.Lookup(keys[:depth+1]...)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", strings.Join(keys[:depth+1], "."), err)
		}
		if ok {
			continue
		}
		// The first missing key on the way takes the rest of the path as its new value.
		var value any = append(append([]string{}, seed...), values...)
		for i := len(keys) - 1; i > depth; i-- {
			value = map[string]any{keys[i]: value}
		}
		if _, err := doc.EnsureMember(keys[:depth], keys[depth], value, jsonedit.Place{}); err != nil {
			return nil, err
		}
		return doc.Bytes(), nil
	}
	for _, v := range values {
		_, err := doc.EnsureElement(keys, v, func(raw []byte) bool { return rawStringIs(raw, v, same) })
		if err != nil {
			return nil, fmt.Errorf("%s: %w", strings.Join(keys, "."), err)
		}
	}
	return doc.Bytes(), nil
}

// jsonArrayHas reports whether the array at keys holds every one of values.
func jsonArrayHas(content []byte, keys []string, values []string) bool {
	return jsonArrayHasAs(content, keys, values, sameString)
}

// jsonArrayHasAs is jsonArrayHas where an element same(element, value) holds value.
func jsonArrayHasAs(content []byte, keys []string, values []string, same func(have, want string) bool) bool {
	doc, err := jsonedit.ParseJSONC(content)
	if err != nil {
		return false
	}
	raw, ok, err := doc.Lookup(keys...)
	if err != nil || !ok {
		return false
	}
	var have []json.RawMessage
	if json.Unmarshal(raw, &have) != nil {
		return false
	}
	for _, want := range values {
		found := false
		for _, h := range have {
			found = found || rawStringIs(h, want, same)
		}
		if !found {
			return false
		}
	}
	return true
}

// jsoncTopLevel returns a JSONC file's top-level object as plain JSON (comments and trailing
// commas blanked), for encoding/json to read.
func jsoncTopLevel(src []byte) ([]byte, bool) {
	doc, err := jsonedit.ParseJSONC(src)
	if err != nil {
		return nil, false
	}
	raw, _, err := doc.Lookup()
	return raw, err == nil
}

func rawIsString(raw []byte, want string) bool {
	var s string
	return json.Unmarshal(raw, &s) == nil && s == want
}

// rawStringIs reports whether raw is a JSON string s with same(s, want).
func rawStringIs(raw []byte, want string, same func(have, want string) bool) bool {
	var s string
	return json.Unmarshal(raw, &s) == nil && same(s, want)
}

func sameString(have, want string) bool { return have == want }
