package jsonedit

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

// FuzzEnsureMember: valid JSON in, valid JSON out; the edit is idempotent; every byte outside the
// edited span is kept (the span held only whitespace); and the decoded result is the input plus
// the new member, nothing else.
func FuzzEnsureMember(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"a":{}}`, "{\n  \"a\": {\n    \"b\": 1\n  }\n}\n", "{\r\n\t\"a\": [1, {\"x\": null}]\r\n}",
		`{"a": {"b": {"c": "d"}}, "e": [] }`, "{\n\"x\":\"\\\"{\"}", `{"k": {"z": 1, "a": 2}}`,
	} {
		f.Add([]byte(s), "k", uint8(1), true)
	}
	f.Fuzz(func(t *testing.T, src []byte, key string, depth uint8, sorted bool) {
		var before map[string]any
		if !json.Valid(src) || json.Unmarshal(src, &before) != nil || !utf8.ValidString(key) {
			return
		}
		d, err := Parse(src)
		if err != nil {
			t.Fatalf("Parse of valid JSON: %v", err)
		}
		// A path into nested objects, as deep as depth allows, along the first object member.
		var path []string
		for i := 0; i < int(depth%4); i++ {
			obj, _ := objectAt(d.plain(), path)
			next := ""
			for _, m := range obj.members {
				if d.src[m.valueStart] == '{' {
					next = m.key
					break
				}
			}
			if next == "" {
				break
			}
			path = append(path, next)
		}
		value := map[string]any{"v": []any{1.0, "s"}}
		changed, err := d.EnsureMember(path, key, value, Place{Sorted: sorted, Before: []string{"z"}})
		if err != nil {
			t.Fatal(err)
		}
		out := append([]byte(nil), d.Bytes()...)
		if !json.Valid(out) {
			t.Fatalf("invalid JSON out:\n%s\nfrom\n%s", out, src)
		}
		if !changed {
			if !bytes.Equal(out, src) {
				t.Fatalf("unchanged, yet the text differs")
			}
			return
		}
		// Every byte outside the splices is the input's; what they replaced was whitespace.
		var rebuilt bytes.Buffer
		prev := 0
		for _, s := range d.edits {
			if len(bytes.TrimSpace(src[s.From:s.To])) != 0 {
				t.Fatalf("an insertion removed %q", src[s.From:s.To])
			}
			rebuilt.Write(src[prev:s.From])
			rebuilt.WriteString(s.Text)
			prev = s.To
		}
		rebuilt.Write(src[prev:])
		if !bytes.Equal(rebuilt.Bytes(), out) {
			t.Fatalf("the text is not the input plus the splices")
		}
		// Decoded, the output is the input plus our member.
		again, err := Parse(out)
		if err != nil {
			t.Fatal(err)
		}
		raw, ok, err := again.Lookup(append(append([]string(nil), path...), key)...)
		var got any
		if err != nil || !ok || json.Unmarshal(raw, &got) != nil || !reflect.DeepEqual(got, value) {
			t.Fatalf("the new member reads back as %s (ok %v, err %v)", raw, ok, err)
		}
		if changed, _ := again.EnsureMember(path, key, value, Place{Sorted: sorted}); changed || !bytes.Equal(again.Bytes(), out) {
			t.Fatalf("second edit changed the file")
		}
		// Remove the member through our own scanner and the text decodes to the input.
		obj, _ := objectAt(again.plain(), path)
		m, _ := obj.member(key)
		if !json.Valid(out[m.valueStart:m.valueEnd]) {
			t.Fatalf("member value %q", out[m.valueStart:m.valueEnd])
		}
		var after map[string]any
		if err := json.Unmarshal(out, &after); err != nil {
			t.Fatal(err)
		}
		if len(path) == 0 {
			delete(after, key)
			if !reflect.DeepEqual(after, before) {
				t.Fatalf("other members changed:\n%s\nfrom\n%s", out, src)
			}
		}
	})
}

// FuzzParseJSONC: whatever ParseJSONC accepts, an edit keeps acceptable and idempotent.
func FuzzParseJSONC(f *testing.F) {
	for _, s := range []string{
		"{\n  // c\n  \"a\": {\n    \"b\": 1, /* x */\n  },\n}\n", "/* top */ {\"a\": [1,],}", "{\"a\":{ // only\n}}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := ParseJSONC(src)
		if err != nil {
			return
		}
		var path []string
		if obj, _ := objectAt(d.plain(), nil); len(obj.members) > 0 && d.plain()[obj.members[0].valueStart] == '{' {
			path = []string{obj.members[0].key}
		}
		if _, err := d.EnsureMember(path, "new", []int{1}, Place{Sorted: true}); err != nil {
			t.Fatal(err)
		}
		out := append([]byte(nil), d.Bytes()...)
		again, err := ParseJSONC(out)
		if err != nil {
			t.Fatalf("edit made invalid JSONC:\n%s\nfrom\n%s", out, src)
		}
		if changed, _ := again.EnsureMember(path, "new", []int{1}, Place{Sorted: true}); changed {
			t.Fatalf("second edit changed the file")
		}
	})
}
