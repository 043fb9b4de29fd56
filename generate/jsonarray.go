package generate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Config files of Biome, oxlint and dprint are JSON, often with comments (biome.jsonc). These
// helpers edit one string array in such a file by inserting text, keeping every other byte.

// addToJSONArray adds the values src lacks to the string array at keys (nested objects), creating
// the objects and the array as needed; a new array starts with seed.
func addToJSONArray(src []byte, keys []string, values, seed []string) ([]byte, error) {
	if !json.Valid(stripJSONComments(src)) {
		return nil, fmt.Errorf("not valid JSON")
	}
	obj, err := scanObject(src, 0)
	if err != nil {
		return nil, err
	}
	for depth, key := range keys {
		var found *jsonMember
		for i := range obj.members {
			if obj.members[i].key == key {
				found = &obj.members[i]
			}
		}
		if found == nil {
			value := quoteList(append(append([]string{}, seed...), values...))
			for i := len(keys) - 1; i > depth; i-- {
				value = "{ " + quoteJSON(keys[i]) + ": " + value + " }"
			}
			return insertMemberAt(src, obj, len(obj.members), quoteJSON(key)+": "+value, indentOf(src, obj)), nil
		}
		if depth < len(keys)-1 {
			if obj, err = scanObject(src, found.valueStart); err != nil {
				return nil, fmt.Errorf("%s is not an object", strings.Join(keys[:depth+1], "."))
			}
			continue
		}
		return addToArray(src, found.valueStart, values, strings.Join(keys, "."))
	}
	return src, nil
}

// addToArray appends the missing values to the array starting at offset start.
func addToArray(src []byte, start int, values []string, name string) ([]byte, error) {
	var have []any
	end := skipValue(src, start)
	if src[start] != '[' || json.Unmarshal(stripJSONComments(src[start:end]), &have) != nil {
		return nil, fmt.Errorf("%s is not an array", name)
	}
	var missing []string
	for _, v := range values {
		if !containsValue(have, v) {
			missing = append(missing, v)
		}
	}
	if len(missing) == 0 {
		return src, nil
	}
	closeAt := end - 1
	// The last element ends at the last byte before ']' that is neither space nor comment.
	blank := blankComments(src)
	last := closeAt - 1
	for last > start && strings.ContainsRune(" \t\r\n", rune(blank[last])) {
		last--
	}
	var b bytes.Buffer
	if last == start { // empty array
		b.Write(src[:start+1])
		b.WriteString(quoteItems(missing, ", "))
		b.Write(src[closeAt:])
		return b.Bytes(), nil
	}
	trailingComma := blank[last] == ','
	if bytes.IndexByte(src[start:last], '\n') < 0 {
		// One line: ours go after the last element.
		b.Write(src[:last+1])
		if trailingComma {
			b.WriteString(" " + quoteItems(missing, ", ") + ",")
		} else {
			b.WriteString(", " + quoteItems(missing, ", "))
		}
		b.Write(src[last+1:])
		return b.Bytes(), nil
	}
	// One element a line: ours go on lines of their own after the last element's line (and the
	// comment that may end it), indented like it.
	indent := leadingSpace(src, last)
	lineEnd := last + 1
	if nl := bytes.IndexByte(src[last:closeAt], '\n'); nl >= 0 {
		lineEnd = last + nl
	}
	b.Write(src[:last+1])
	if !trailingComma {
		b.WriteString(",")
	}
	b.Write(src[last+1 : lineEnd])
	for i, m := range missing {
		b.WriteString("\n" + indent + quoteJSON(m))
		if i < len(missing)-1 || trailingComma {
			b.WriteString(",")
		}
	}
	b.Write(src[lineEnd:])
	return b.Bytes(), nil
}

func containsValue(have []any, v string) bool {
	for _, h := range have {
		if s, ok := h.(string); ok && s == v {
			return true
		}
	}
	return false
}

func quoteItems(values []string, sep string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = quoteJSON(v)
	}
	return strings.Join(q, sep)
}

func quoteList(values []string) string { return "[" + quoteItems(values, ", ") + "]" }

// jsonArrayHas reports whether the array at keys holds every one of values.
func jsonArrayHas(content []byte, keys []string, values []string) bool {
	var v any
	if json.Unmarshal(stripJSONComments(content), &v) != nil {
		return false
	}
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		v = m[k]
	}
	arr, ok := v.([]any)
	if !ok {
		return false
	}
	for _, want := range values {
		if !containsValue(arr, want) {
			return false
		}
	}
	return true
}

// stripJSONComments turns JSONC into JSON with the same offsets: comments blanked, trailing
// commas dropped.
func stripJSONComments(src []byte) []byte {
	out := blankComments(src)
	// trailing commas: a ',' followed only by whitespace before '}' or ']'
	for i := 0; i < len(out); i++ {
		if out[i] == '"' {
			i = skipValue(out, i) - 1
			continue
		}
		if out[i] == ',' {
			j := i + 1
			for j < len(out) && strings.ContainsRune(" \t\r\n", rune(out[j])) {
				j++
			}
			if j < len(out) && (out[j] == '}' || out[j] == ']') {
				out[i] = ' '
			}
		}
	}
	return out
}

// blankComments replaces // and /* */ comments outside strings with spaces (newlines kept).
func blankComments(src []byte) []byte {
	out := append([]byte(nil), src...)
	for i := 0; i < len(out); i++ {
		switch {
		case out[i] == '"':
			i = skipValue(out, i) - 1
		case out[i] == '/' && i+1 < len(out) && out[i+1] == '/':
			for i < len(out) && out[i] != '\n' {
				out[i] = ' '
				i++
			}
		case out[i] == '/' && i+1 < len(out) && out[i+1] == '*':
			j := bytes.Index(out[i+2:], []byte("*/"))
			end := len(out)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			for k := i; k < end; k++ {
				if out[k] != '\n' {
					out[k] = ' '
				}
			}
			i = end - 1
		}
	}
	return out
}
