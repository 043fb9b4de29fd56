// Package schema holds the JSON schema of mono-connect.json. The same file is served at
// generate.SchemaURL, so editors validate a record exactly as the CLI does. The lists of targets
// and variants in it are the registry's, written by `go generate ./schema`; everything else is
// written by hand.
package schema

import _ "embed"

//go:generate go run ../internal/schemagen

// JSON is mono-connect.schema.json.
//
//go:embed mono-connect.schema.json
var JSON []byte
