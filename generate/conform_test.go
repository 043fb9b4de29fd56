package generate

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/jsonschema-go/jsonschema"
)

// fullRecordJSON is a valid record that sets every optional field the schema knows.
func fullRecordJSON() string {
	return `{
  "$schema": "` + SchemaURL + `",
  "version": "1.2.3",
  "answers": {"framework": "svelte", "lang": "ts", "features": ["link", "payments"], "institution": "0123456789abcdef01234567",
    "auth_method": "mobile_banking", "backend": "go", "server_dir": "server", "server_standalone": true, "static_dir": "public/mono",
    "public_key_env": "VITE_MONO_PUBLIC_KEY", "variant": "vite", "package_manager": "pnpm", "greenfield": true},
  "files": [{"path": "src/a.ts", "kind": "owned", "sha256": "` + strings.Repeat("ab", 32) + `", "kept": true},
    {"path": "package.json", "kind": "merged", "sha256": "` + strings.Repeat("0f", 32) + `"}]
}`
}

// TestConformsAgreesWithTheLibrary mutates valid records at every place (each value replaced by
// values of every JSON type and by strings near each pattern and enum, each member removed, an
// unknown or differently cased member added, array items duplicated or dropped) and checks that
// conforms accepts exactly what jsonschema-go's validator accepts. validateRecord trusts conforms
// whenever it says yes, so a disagreement would let an invalid record through.
func TestConformsAgreesWithTheLibrary(t *testing.T) {
	tree, err := recordTree()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := recordSchema()
	if err != nil {
		t.Fatal(err)
	}
	pool := []any{nil, true, false, 0.0, 1.0, 1.5, -1.0, []any{}, []any{"link"}, map[string]any{}, map[string]any{"path": "a"}}
	for _, s := range enumStrings(tree) {
		pool = append(pool, s)
	}
	hex := "0123456789abcdef"
	for _, s := range []string{"", "a", "A", "1.2.3", "é", "ab", hex + "01234567", hex + "0123456", hex + "012345678", strings.ToUpper(hex) + "01234567",
		strings.Repeat("ab", 32), strings.Repeat("AB", 32), strings.Repeat("ab", 32)[1:], strings.Repeat("ab", 32) + "a", "/abs", `a\b`, "c:x", "src/a.ts",
		"../x", "-x", ".x", "_x", "a b", "VITE_X", "vite_x", "1X", "X-Y", "server/", "Link", "REACT", " ts"} {
		pool = append(pool, s)
	}
	accepted, refused := 0, 0
	for _, base := range []string{validRecordJSON(), fullRecordJSON()} {
		var inst any
		if err := json.Unmarshal([]byte(base), &inst); err != nil {
			t.Fatal(err)
		}
		for _, m := range mutations(inst, pool) {
			want := rs.Validate(m.value) == nil
			if got := conforms(tree, m.value); got != want {
				b, _ := json.Marshal(m.value)
				t.Errorf("%s: conforms says %v, the library %v, for %s", m.what, got, want, b)
			}
			if want {
				accepted++
			} else {
				refused++
			}
		}
	}
	t.Logf("%d mutations the schema accepts, %d it refuses", accepted, refused)
	// Both answers must be common, or the comparison proves little.
	if accepted < 100 || refused < 1000 {
		t.Errorf("only %d accepted and %d refused mutations", accepted, refused)
	}
}

// enumStrings lists every string any enum of s (or of its subschemas) allows.
func enumStrings(s *jsonschema.Schema) []string {
	var out []string
	for _, e := range s.Enum {
		if v, ok := e.(string); ok {
			out = append(out, v)
		}
	}
	for _, sub := range []*jsonschema.Schema{s.Items, s.AdditionalProperties, s.Not} {
		if sub != nil {
			out = append(out, enumStrings(sub)...)
		}
	}
	for _, sub := range s.Properties {
		out = append(out, enumStrings(sub)...)
	}
	return out
}

type mutation struct {
	what  string
	value any
}

// mutations returns copies of v, each changed in one place.
func mutations(v any, pool []any) []mutation {
	var out []mutation
	for _, p := range pool {
		out = append(out, mutation{fmt.Sprintf("replaced by %#v", p), deepCopy(p)})
	}
	switch v := v.(type) {
	case map[string]any:
		for k := range v {
			out = append(out, mutation{"without " + k, without(v, k)})
			out = append(out, mutation{"with " + strings.ToUpper(k) + " for " + k, renamed(v, k, strings.ToUpper(k))})
			for _, m := range mutations(v[k], pool) {
				c := deepCopy(v).(map[string]any)
				c[k] = m.value
				out = append(out, mutation{k + ": " + m.what, c})
			}
		}
		c := deepCopy(v).(map[string]any)
		c["colour"] = "red"
		out = append(out, mutation{"with an unknown member", c})
	case []any:
		if len(v) > 0 {
			out = append(out, mutation{"first item twice", append(deepCopy(v).([]any), deepCopy(v[0]))})
			out = append(out, mutation{"without the first item", deepCopy(v[1:])})
		}
		for i := range v {
			for _, m := range mutations(v[i], pool) {
				c := deepCopy(v).([]any)
				c[i] = m.value
				out = append(out, mutation{fmt.Sprintf("[%d]: %s", i, m.what), c})
			}
		}
		for _, p := range pool {
			out = append(out, mutation{fmt.Sprintf("%#v appended", p), append(deepCopy(v).([]any), deepCopy(p))})
		}
	}
	return out
}

func without(v map[string]any, k string) map[string]any {
	c := deepCopy(v).(map[string]any)
	delete(c, k)
	return c
}

func renamed(v map[string]any, from, to string) map[string]any {
	c := without(v, from)
	c[to] = deepCopy(v[from])
	return c
}

func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		c := make(map[string]any, len(v))
		for k, x := range v {
			c[k] = deepCopy(x)
		}
		return c
	case []any:
		c := make([]any, len(v))
		for i, x := range v {
			c[i] = deepCopy(x)
		}
		return c
	}
	return v
}
