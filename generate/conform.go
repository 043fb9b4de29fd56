package generate

import (
	"reflect"
	"regexp"
	"sync"
	"unicode/utf8"

	"github.com/google/jsonschema-go/jsonschema"

	"github.com/mono-connect/mono-connect/schema"
)

// recordTree is the record's schema as loadSchema decodes it, unresolved: what conforms walks.
var recordTree = sync.OnceValues(func() (*jsonschema.Schema, error) { return loadSchema(schema.JSON) })

// patterns holds the schema's patterns compiled so far (four, each compiled once per process).
var patterns = struct {
	sync.Mutex
	re map[string]*regexp.Regexp
}{re: map[string]*regexp.Regexp{}}

// conforms reports whether v, a value as encoding/json decodes it into an any, satisfies s, a
// schema loadSchema built. It answers yes or no and words nothing: validateRecord asks it first
// and runs jsonschema-go only for a record it refuses, to name the offending field. Resolving the
// schema and validating with the library cost a sixth of the instructions of a clean
// `generate --check` (3.8 M of 22.5 M); this walk costs little beyond compiling the schema's
// four patterns, which the library compiled too.
//
// It handles exactly the keywords loadSchema accepts (loadSchema refuses any other, so the
// schema cannot grow a rule this walk would miss), with the library's meaning, which
// TestConformsAgreesWithTheLibrary checks on a few thousand mutated records.
func conforms(s *jsonschema.Schema, v any) bool {
	if s.Not != nil && conforms(s.Not, v) {
		return false
	}
	if s.Type != "" && !hasType(v, s.Type) {
		return false
	}
	if s.Enum != nil && !inEnum(v, s.Enum) {
		return false
	}
	switch v := v.(type) {
	case string:
		return stringConforms(s, v)
	case []any:
		return arrayConforms(s, v)
	case map[string]any:
		return objectConforms(s, v)
	}
	return true
}

func hasType(v any, typ string) bool {
	switch v := v.(type) {
	case nil:
		return typ == "null"
	case bool:
		return typ == "boolean"
	case string:
		return typ == "string"
	case float64:
		return typ == "number" || (typ == "integer" && v == float64(int64(v)))
	case []any:
		return typ == "array"
	case map[string]any:
		return typ == "object"
	}
	return false
}

func inEnum(v any, enum []any) bool {
	for _, e := range enum {
		if reflect.DeepEqual(v, e) {
			return true
		}
	}
	return false
}

func stringConforms(s *jsonschema.Schema, v string) bool {
	if s.MinLength != nil || s.MaxLength != nil {
		n := utf8.RuneCountInString(v)
		if (s.MinLength != nil && n < *s.MinLength) || (s.MaxLength != nil && n > *s.MaxLength) {
			return false
		}
	}
	if s.Pattern == "" {
		return true
	}
	re, err := compiledPattern(s.Pattern)
	return err == nil && re.MatchString(v)
}

func compiledPattern(p string) (*regexp.Regexp, error) {
	patterns.Lock()
	defer patterns.Unlock()
	if re, ok := patterns.re[p]; ok {
		return re, nil
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	patterns.re[p] = re
	return re, nil
}

func arrayConforms(s *jsonschema.Schema, v []any) bool {
	if s.UniqueItems {
		for i := range v {
			for j := i + 1; j < len(v); j++ {
				if reflect.DeepEqual(v[i], v[j]) {
					return false
				}
			}
		}
	}
	if s.Items != nil {
		for _, item := range v {
			if !conforms(s.Items, item) {
				return false
			}
		}
	}
	return true
}

func objectConforms(s *jsonschema.Schema, v map[string]any) bool {
	for _, name := range s.Required {
		if _, ok := v[name]; !ok {
			return false
		}
	}
	for name, val := range v {
		if ps, ok := s.Properties[name]; ok {
			if !conforms(ps, val) {
				return false
			}
		} else if s.AdditionalProperties != nil && !conforms(s.AdditionalProperties, val) {
			return false
		}
	}
	return true
}
