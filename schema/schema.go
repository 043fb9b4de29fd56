// Package schema holds the JSON schema of mono-connect.json. The same file is served at
// generate.SchemaURL, so editors validate a record exactly as the CLI does.
package schema

import _ "embed"

// JSON is mono-connect.schema.json.
//
//go:embed mono-connect.schema.json
var JSON []byte
