package jsonedit

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

var connect = "@mono.co/connect.js"

func TestEnsureMember(t *testing.T) {
	deps := []string{"dependencies"}
	after := []string{"devDependencies", "resolutions"}
	tests := []struct {
		name   string
		jsonc  bool
		in     string
		parent []string
		key    string
		value  any
		at     Place
		want   string
	}{
		{
			name: "sorted object: sorted place", parent: deps, key: connect, value: "2.2.0", at: Place{Sorted: true},
			in:   "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"axios\": \"1.0.0\",\n    \"react\": \"19.2.0\"\n  }\n}\n",
			want: "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"@mono.co/connect.js\": \"2.2.0\",\n    \"axios\": \"1.0.0\",\n    \"react\": \"19.2.0\"\n  }\n}\n",
		},
		{
			name: "sorted object: middle", parent: deps, key: "b", value: "1", at: Place{Sorted: true},
			in:   "{\"dependencies\": {\"a\": \"1\", \"c\": \"1\"}}",
			want: "{\"dependencies\": {\"a\": \"1\", \"b\": \"1\", \"c\": \"1\"}}",
		},
		{
			name: "unsorted object: last", parent: deps, key: connect, value: "2.2.0", at: Place{Sorted: true},
			in:   "{\n  \"dependencies\": {\n    \"react\": \"19.2.0\",\n    \"axios\": \"1.0.0\"\n  }\n}\n",
			want: "{\n  \"dependencies\": {\n    \"react\": \"19.2.0\",\n    \"axios\": \"1.0.0\",\n    \"@mono.co/connect.js\": \"2.2.0\"\n  }\n}\n",
		},
		{
			name: "tabs, no final newline", parent: deps, key: connect, value: "2.2.0", at: Place{Sorted: true},
			in:   "{\n\t\"dependencies\": {\n\t\t\"@angular/core\": \"21.2.0\"\n\t}\n}",
			want: "{\n\t\"dependencies\": {\n\t\t\"@angular/core\": \"21.2.0\",\n\t\t\"@mono.co/connect.js\": \"2.2.0\"\n\t}\n}",
		},
		{
			name: "new object in the file's unit (four spaces), last", key: "dependencies", value: map[string]string{connect: "2.2.0"}, at: Place{Before: after},
			in:   "{\n    \"name\": \"x\",\n    \"scripts\": {\n        \"build\": \"vite build\"\n    }\n}\n",
			want: "{\n    \"name\": \"x\",\n    \"scripts\": {\n        \"build\": \"vite build\"\n    },\n    \"dependencies\": {\n        \"@mono.co/connect.js\": \"2.2.0\"\n    }\n}\n",
		},
		{
			name: "conventional order: before devDependencies, not after resolutions", key: "dependencies", value: map[string]string{connect: "2.2.0"}, at: Place{Before: after},
			in:   "{\n  \"name\": \"x\",\n  \"resolutions\": {},\n  \"devDependencies\": {}\n}\n",
			want: "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"@mono.co/connect.js\": \"2.2.0\"\n  },\n  \"resolutions\": {},\n  \"devDependencies\": {}\n}\n",
		},
		{
			name: "empty object, multi-line file", parent: deps, key: connect, value: "2.2.0",
			in:   "{\n  \"name\": \"x\",\n  \"dependencies\": {}\n}\n",
			want: "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"@mono.co/connect.js\": \"2.2.0\"\n  }\n}\n",
		},
		{
			name: "one-line file stays on one line", parent: deps, key: connect, value: "2.2.0", at: Place{Sorted: true},
			in:   `{"name":"x","dependencies":{"zod":"3.0.0"}}`,
			want: `{"name":"x","dependencies":{"@mono.co/connect.js": "2.2.0", "zod":"3.0.0"}}`,
		},
		{
			name: "one-line empty object", key: "a", value: []int{1, 2},
			in:   `{}`,
			want: `{"a": [1, 2]}`,
		},
		{
			name: "present at another value: untouched", parent: deps, key: connect, value: "2.2.0",
			in:   "{\"dependencies\": {\"@mono.co/connect.js\": \"^2.3.0\"}}",
			want: "{\"dependencies\": {\"@mono.co/connect.js\": \"^2.3.0\"}}",
		},
		{
			name: "braces and escaped quotes in strings", parent: deps, key: connect, value: "2.2.0", at: Place{Sorted: true},
			in:   "{\n  \"description\": \"a {tricky} \\\"one\\\" [x]\",\n  \"dependencies\": {\n    \"zod\": \"3.0.0\"\n  }\n}\n",
			want: "{\n  \"description\": \"a {tricky} \\\"one\\\" [x]\",\n  \"dependencies\": {\n    \"@mono.co/connect.js\": \"2.2.0\",\n    \"zod\": \"3.0.0\"\n  }\n}\n",
		},
		{
			name: "CRLF file: CRLF lines", parent: deps, key: "z", value: map[string]int{"n": 1},
			in:   "{\r\n  \"dependencies\": {\r\n    \"a\": \"1\"\r\n  }\r\n}\r\n",
			want: "{\r\n  \"dependencies\": {\r\n    \"a\": \"1\",\r\n    \"z\": {\r\n      \"n\": 1\r\n    }\r\n  }\r\n}\r\n",
		},
		{
			name: "nested value indented by the file's unit", parent: []string{"a", "b"}, key: "c", value: map[string][]string{"d": {"e"}},
			in:   "{\n   \"a\": {\n      \"b\": {\n         \"x\": 1\n      }\n   }\n}",
			want: "{\n   \"a\": {\n      \"b\": {\n         \"x\": 1,\n         \"c\": {\n            \"d\": [\n               \"e\"\n            ]\n         }\n      }\n   }\n}",
		},
		{
			name: "html characters are not escaped", key: "a", value: "<&>",
			in: "{}", want: "{\"a\": \"<&>\"}",
		},
		{
			name: "jsonc: comments kept, a line comment stays with its member", jsonc: true, parent: []string{"o"}, key: "b", value: 2,
			in:   "{\n  // top\n  \"o\": {\n    /* first */ \"a\": 1 // about a\n  }\n}\n",
			want: "{\n  // top\n  \"o\": {\n    /* first */ \"a\": 1, // about a\n    \"b\": 2\n  }\n}\n",
		},
		{
			name: "jsonc: trailing comma kept", jsonc: true, parent: []string{"o"}, key: "b", value: 2,
			in:   "{\n  \"o\": {\n    \"a\": 1,\n  },\n}\n",
			want: "{\n  \"o\": {\n    \"a\": 1,\n    \"b\": 2,\n  },\n}\n",
		},
		{
			name: "jsonc: empty object holding a comment", jsonc: true, parent: []string{"o"}, key: "b", value: 2,
			in:   "{\n  \"o\": {\n    // nothing yet\n  }\n}\n",
			want: "{\n  \"o\": {\n    // nothing yet\n    \"b\": 2\n  }\n}\n",
		},
		{
			name: "jsonc: comment-like text in strings is not a comment", jsonc: true, key: "b", value: 2,
			in:   "{\n  \"url\": \"http://x/*y*/\"\n}\n",
			want: "{\n  \"url\": \"http://x/*y*/\",\n  \"b\": 2\n}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parse := Parse
			if tt.jsonc {
				parse = ParseJSONC
			}
			d, err := parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := d.EnsureMember(tt.parent, tt.key, tt.value, tt.at); err != nil {
				t.Fatal(err)
			}
			got := string(d.Bytes())
			if got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			if !json.Valid(blankComments([]byte(got))) {
				t.Errorf("result is not valid:\n%s", got)
			}
			again, err := parse([]byte(got))
			if err != nil {
				t.Fatal(err)
			}
			if changed, err := again.EnsureMember(tt.parent, tt.key, tt.value, tt.at); err != nil || changed || string(again.Bytes()) != got {
				t.Errorf("second edit changed the file (err %v):\n%s", err, again.Bytes())
			}
		})
	}
}

func TestEnsureElement(t *testing.T) {
	isConnect := func(raw []byte) bool {
		var s string
		return json.Unmarshal(raw, &s) == nil && s == connect
	}
	tests := []struct{ name, in, want string }{
		{
			name: "appended, multi-line",
			in:   "{\n  \"deps\": [\n    \"a\"\n  ]\n}",
			want: "{\n  \"deps\": [\n    \"a\",\n    \"@mono.co/connect.js\"\n  ]\n}",
		},
		{
			name: "appended, inline array in a multi-line file",
			in:   "{\n  \"deps\": [\"a\"]\n}",
			want: "{\n  \"deps\": [\"a\", \"@mono.co/connect.js\"]\n}",
		},
		{
			name: "empty array in a multi-line file",
			in:   "{\n  \"deps\": []\n}",
			want: "{\n  \"deps\": [\n    \"@mono.co/connect.js\"\n  ]\n}",
		},
		{
			name: "already there",
			in:   "{\"deps\": [\"x\", \"@mono.co/connect.js\"]}",
			want: "{\"deps\": [\"x\", \"@mono.co/connect.js\"]}",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := d.EnsureElement([]string{"deps"}, connect, isConnect); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			if changed, _ := d.EnsureElement([]string{"deps"}, connect, isConnect); changed {
				t.Errorf("second edit changed the file")
			}
		})
	}
	d, _ := Parse([]byte(`{"deps": {}}`))
	if _, err := d.EnsureElement([]string{"deps"}, 1, func([]byte) bool { return false }); err == nil || !strings.Contains(err.Error(), "not an array") {
		t.Errorf("an object taken for an array: err %v", err)
	}
}

func TestSetMember(t *testing.T) {
	in := "{\n  \"a\": 1, // one\n  \"b\": {\"c\": true}\n}\n"
	d, err := ParseJSONC([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if changed, err := d.SetMember(nil, "a", "x", Place{}); err != nil || !changed {
		t.Fatalf("changed %v, err %v", changed, err)
	}
	if changed, _ := d.SetMember(nil, "a", "x", Place{}); changed {
		t.Errorf("setting the same value again changed the file")
	}
	if _, err := d.SetMember([]string{"b"}, "d", 2, Place{}); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": \"x\", // one\n  \"b\": {\"c\": true, \"d\": 2}\n}\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestLookupAndErrors(t *testing.T) {
	d, err := Parse([]byte(`{"a": {"b": [1]}, "s": "x"}`))
	if err != nil {
		t.Fatal(err)
	}
	if raw, ok, err := d.Lookup("a", "b"); err != nil || !ok || string(raw) != "[1]" {
		t.Errorf("Lookup(a, b) = %q, %v, %v", raw, ok, err)
	}
	if _, ok, err := d.Lookup("a", "nope"); ok || err != nil {
		t.Errorf("missing member: ok %v, err %v", ok, err)
	}
	if _, _, err := d.Lookup("s", "x"); err == nil {
		t.Errorf("a string taken for an object")
	}
	if keys, _ := d.Keys(); strings.Join(keys, ",") != "a,s" {
		t.Errorf("Keys() = %v", keys)
	}
	if _, err := d.EnsureMember([]string{"nope"}, "k", 1, Place{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing parent: err %v, want ErrNotFound", err)
	}
	for _, in := range []string{``, `{`, `[]`, `"x"`, `{"a": 1,}`, "{\"a\": 1 // c\n}"} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("Parse(%q) succeeded", in)
		}
	}
	for _, in := range []string{"{\"a\": 1, // c\n}", "/* c */ {}"} {
		if _, err := ParseJSONC([]byte(in)); err != nil {
			t.Errorf("ParseJSONC(%q): %v", in, err)
		}
	}
}
