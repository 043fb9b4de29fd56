package generate

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/mono-connect/mono-connect/schema"
)

// recordSchema is schema/mono-connect.schema.json, compiled once, on first use (most commands
// never read a record, and startup should not pay for it).
var recordSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.JSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(SchemaURL)
})

// validateRecord checks data against the record's schema and returns a one-line usage error
// naming the first offending field.
func validateRecord(data []byte) error {
	sch, err := recordSchema()
	if err != nil {
		return fmt.Errorf("compiling the record schema: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return usagef("%s is not valid JSON (%v): fix it or delete it and run init again", RecordName, err)
	}
	err = sch.Validate(inst)
	var verr *jsonschema.ValidationError
	if errors.As(err, &verr) {
		leaf := verr
		for len(leaf.Causes) > 0 {
			leaf = leaf.Causes[0]
		}
		at := "/" + strings.Join(leaf.InstanceLocation, "/")
		msg := leaf.ErrorKind.LocalizedString(message.NewPrinter(language.English))
		return usagef("%s is not a valid record: at %s: %s: fix it or delete it and run init again", RecordName, at, msg)
	}
	return err
}
