package generate

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/google/jsonschema-go/jsonschema"

	"github.com/mono-connect/mono-connect/schema"
)

// recordSchema is schema/mono-connect.schema.json, resolved once, on first use.
var recordSchema = sync.OnceValues(func() (*jsonschema.Resolved, error) {
	var s jsonschema.Schema
	if err := json.Unmarshal(schema.JSON, &s); err != nil {
		return nil, err
	}
	return s.Resolve(nil)
})

// validateRecord checks data against the record's schema and returns a one-line usage error
// naming the offending field.
func validateRecord(data []byte) error {
	rs, err := recordSchema()
	if err != nil {
		return fmt.Errorf("loading the record schema: %w", err)
	}
	var inst any
	if err := json.Unmarshal(data, &inst); err != nil {
		return usagef("%s is not valid JSON (%v): fix it or delete it and run init again", RecordName, err)
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
