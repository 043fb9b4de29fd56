package generate

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"github.com/google/jsonschema-go/jsonschema"

	"github.com/mono-connect/mono-connect/schema"
)

func validRecordJSON() string {
	return `{
  "$schema": "` + SchemaURL + `",
  "version": "1.2.3",
  "answers": {"framework": "react", "lang": "ts", "features": ["link"], "backend": "go", "public_key_env": "VITE_MONO_PUBLIC_KEY", "package_manager": "npm", "greenfield": false},
  "files": [{"path": "src/a.ts", "kind": "owned", "sha256": "` + strings.Repeat("ab", 32) + `"}]
}`
}

func TestDecodeRecord(t *testing.T) {
	r, err := DecodeRecord([]byte(validRecordJSON()), "1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	if r.Answers.Framework != "react" || len(r.Files) != 1 {
		t.Errorf("decoded %+v", r)
	}
	// The pnpm workspace's file above the project, merged, is the one path outside it a record lists.
	ws := strings.Replace(strings.Replace(validRecordJSON(), `src/a.ts`, `../../pnpm-workspace.yaml`, 1), `"owned"`, `"merged"`, 1)
	if _, err := DecodeRecord([]byte(ws), "1.2.3"); err != nil {
		t.Errorf("a record listing the workspace file: %v", err)
	}
	// Round trip: what we encode we can read.
	if _, err := DecodeRecord(r.Encode(), "1.2.3"); err != nil {
		t.Errorf("re-decoding the encoded record: %v", err)
	}
}

func TestDecodeRecordErrors(t *testing.T) {
	valid := validRecordJSON()
	tests := []struct {
		name, data, version, want string
	}{
		{"not JSON", `{"version":`, "1.0.0", "not valid JSON"},
		{"unknown field", strings.Replace(valid, `"version"`, `"colour": "red", "version"`, 1), "1.2.3", `unexpected additional properties ["colour"]`},
		{"unknown answer", strings.Replace(valid, `"lang": "ts"`, `"lang": "ts", "style": "tabs"`, 1), "1.2.3", `at answers: unexpected additional properties ["style"]`},
		{"bad lang", strings.Replace(valid, `"lang": "ts"`, `"lang": "tsx"`, 1), "1.2.3", "at answers.lang: enum: tsx does not equal any of"},
		{"newer version", valid, "1.2.2", "newer than this 1.2.2: upgrade mono-connect"},
		{"path escapes", strings.Replace(valid, `src/a.ts`, `../../etc/passwd`, 1), "1.2.3", "must stay inside the project"},
		{"workspace file owned", strings.Replace(valid, `src/a.ts`, `../../pnpm-workspace.yaml`, 1), "1.2.3", "must stay inside the project"},
		{"another file beside the workspace's", strings.Replace(strings.Replace(valid, `src/a.ts`, `../../pnpm-lock.yaml`, 1), `"owned"`, `"merged"`, 1), "1.2.3", "must stay inside the project"},
		{"absolute path", strings.Replace(valid, `src/a.ts`, `/etc/passwd`, 1), "1.2.3", "at files[].path"},
		{"bad digest", strings.Replace(valid, strings.Repeat("ab", 32), "xyz", 1), "1.2.3", "at files[].sha256"},
		{"bad kind", strings.Replace(valid, `"owned"`, `"mine"`, 1), "1.2.3", "at files[].kind"},
		{"trailing data", valid + "{}", "1.2.3", "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeRecord([]byte(tt.data), tt.version)
			if err == nil {
				t.Fatal("decoded without error")
			}
			if !IsUsage(err) {
				t.Errorf("%v is not a usage error", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestDevBuildsReadAnyRecord(t *testing.T) {
	if _, err := DecodeRecord([]byte(validRecordJSON()), "dev"); err != nil {
		t.Errorf("a dev build refused a record: %v", err)
	}
}

func TestSchemaListsEveryTarget(t *testing.T) {
	for _, target := range Targets() {
		data := strings.Replace(validRecordJSON(), `"framework": "react"`, `"framework": "`+target.Name+`"`, 1)
		if _, err := DecodeRecord([]byte(data), "1.2.3"); err != nil {
			t.Errorf("schema refuses target %s: %v", target.Name, err)
		}
	}
}

// TestLoadSchemaMatchesTheLibrary checks that the record's schema, decoded by loadSchema, is
// exactly what jsonschema.Schema's own decoding makes of the same file.
func TestLoadSchemaMatchesTheLibrary(t *testing.T) {
	got, err := loadSchema(schema.JSON)
	if err != nil {
		t.Fatal(err)
	}
	var want jsonschema.Schema
	if err := json.Unmarshal(schema.JSON, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, &want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(&want, "", "  ")
		t.Errorf("loadSchema differs from the library's decoding:\n%s", udiff.Unified("library", "loadSchema", string(w), string(g)))
	}
}

func TestLoadSchemaRefusesWhatItDoesNotHandle(t *testing.T) {
	for _, tc := range []struct{ schema, want string }{
		{`{"type": "object", "oneOf": []}`, `keyword "oneOf" is not supported`},
		{`{"properties": {"a": {"minLength": 1.5}}}`, `schema #/properties/a/minLength: "minLength" has a value of the wrong type`},
		{`{"required": ["a", 1]}`, `"required" has a value of the wrong type`},
		{`{"items": 3}`, `schema #/items: a schema must be an object or a boolean`},
		{`{"title": 3}`, `"title" has a value of the wrong type`},
		{`{`, `unexpected end of JSON input`},
	} {
		_, err := loadSchema([]byte(tc.schema))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("loadSchema(%s): got %v, want an error containing %q", tc.schema, err, tc.want)
		}
	}
}
