// Command schemagen rewrites schema/mono-connect.schema.json with the registry's target and
// variant enums (generate.SchemaWithRegistry). Run by `go generate ./schema` (the directive is in
// schema/schema.go), from the schema folder, after adding a target or a variant.
package main

import (
	"fmt"
	"os"

	"github.com/mono-connect/mono-connect/generate"
)

const file = "mono-connect.schema.json"

func main() {
	src, err := os.ReadFile(file)
	if err == nil {
		src, err = generate.SchemaWithRegistry(src)
	}
	if err == nil {
		err = os.WriteFile(file, src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}
