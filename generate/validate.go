package generate

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/google/jsonschema-go/jsonschema"

	"github.com/mono-connect/mono-connect/schema"
)

// recordSchema is schema/mono-connect.schema.json, resolved once, on first use (only commands
// that read a record pay for it).
var recordSchema = sync.OnceValues(func() (*jsonschema.Resolved, error) {
	s, err := loadSchema(schema.JSON)
	if err != nil {
		return nil, err
	}
	return s.Resolve(nil)
})

// loadSchema decodes the record's schema. jsonschema.Schema's own UnmarshalJSON decodes every
// subschema's text again at each level of nesting (three times: as a boolean, a struct and a map),
// which made reading this 3 KB file half of the instructions of `generate --check`. The schema
// uses a handful of keywords, so it is decoded once into plain values and built from those; a
// keyword not handled here is an error, and TestLoadSchemaMatchesTheLibrary checks the result
// against the library's own decoding.
func loadSchema(data []byte) (*jsonschema.Schema, error) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return schemaFrom(v, "#")
}

func schemaFrom(v any, at string) (*jsonschema.Schema, error) {
	switch v := v.(type) {
	case bool:
		if v {
			return &jsonschema.Schema{}, nil
		}
		return &jsonschema.Schema{Not: &jsonschema.Schema{}}, nil // the library's false schema
	case map[string]any:
		s := &jsonschema.Schema{}
		for key, val := range v {
			if err := setKeyword(s, key, val, at+"/"+key); err != nil {
				return nil, err
			}
		}
		return s, nil
	}
	return nil, fmt.Errorf("schema %s: a schema must be an object or a boolean", at)
}

func setKeyword(s *jsonschema.Schema, key string, val any, at string) error {
	var ok bool
	// The keywords whose value is one string.
	stringFields := map[string]*string{"$schema": &s.Schema, "$id": &s.ID, "title": &s.Title,
		"description": &s.Description, "type": &s.Type, "pattern": &s.Pattern}
	switch field, isString := stringFields[key]; {
	case isString:
		*field, ok = val.(string)
	case key == "uniqueItems":
		s.UniqueItems, ok = val.(bool)
	case key == "enum":
		s.Enum, ok = val.([]any)
	case key == "minLength" || key == "maxLength":
		var f float64
		if f, ok = val.(float64); ok && f == float64(int(f)) && f >= 0 {
			n := int(f)
			if key == "minLength" {
				s.MinLength = &n
			} else {
				s.MaxLength = &n
			}
		} else {
			ok = false
		}
	case key == "required":
		var list []any
		if list, ok = val.([]any); ok {
			for _, item := range list {
				name, isString := item.(string)
				if !isString {
					ok = false
					break
				}
				s.Required = append(s.Required, name)
			}
		}
	case key == "items" || key == "additionalProperties":
		sub, err := schemaFrom(val, at)
		if err != nil {
			return err
		}
		if key == "items" {
			s.Items = sub
		} else {
			s.AdditionalProperties = sub
		}
		return nil
	case key == "properties":
		var props map[string]any
		if props, ok = val.(map[string]any); ok {
			s.Properties = map[string]*jsonschema.Schema{}
			for name, sub := range props {
				ps, err := schemaFrom(sub, at+"/"+name)
				if err != nil {
					return err
				}
				s.Properties[name] = ps
			}
		}
	default:
		return fmt.Errorf("schema %s: keyword %q is not supported by loadSchema", at, key)
	}
	if !ok {
		return fmt.Errorf("schema %s: %q has a value of the wrong type", at, key)
	}
	return nil
}

// validateRecord checks data against the record's schema and returns a one-line usage error
// naming the offending field.
func validateRecord(data []byte) error {
	var inst any
	if err := json.Unmarshal(data, &inst); err != nil {
		return usagef("%s is not valid JSON (%v): fix it or delete it and run init again", RecordName, err)
	}
	// A record that conforms needs nothing more; jsonschema-go (resolving the schema, then its
	// validator) runs only to word what is wrong with one that does not.
	if tree, err := recordTree(); err == nil && conforms(tree, inst) {
		return nil
	}
	rs, err := recordSchema()
	if err != nil {
		return fmt.Errorf("loading the record schema: %w", err)
	}
	if err := rs.Validate(inst); err != nil {
		return usagef("%s is not a valid record: %s: fix it or delete it and run init again", RecordName, schemaMessage(err.Error()))
	}
	return nil
}

// schemaMessage shortens the validator's chain ("validating <url>: validating
// /properties/answers: validating /properties/answers/properties/lang: enum: ...") to the
// innermost step, with the schema path turned into the field path ("at answers.lang: enum: ...").
func schemaMessage(msg string) string {
	parts := strings.Split(msg, ": validating ")
	last := parts[len(parts)-1]
	last = strings.TrimPrefix(last, "validating "+SchemaURL+": ")
	if !strings.HasPrefix(last, "/") {
		return last
	}
	path, rest, _ := strings.Cut(last, ": ")
	var fields []string
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	for i := 0; i < len(segs); i++ {
		switch segs[i] {
		case "properties":
			if i+1 < len(segs) {
				fields = append(fields, segs[i+1])
				i++
			}
		case "items":
			fields = append(fields, "[]")
		}
	}
	return "at " + strings.ReplaceAll(strings.Join(fields, "."), ".[]", "[]") + ": " + rest
}
