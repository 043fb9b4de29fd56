package generate

import (
	"encoding/json"
	"go/format"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/jsonschema-go/jsonschema"

	"github.com/mono-connect/mono-connect/schema"
)

// BenchmarkGenerateGreenfield plans a complete React + TypeScript starter with the Go server:
// the pure part of `mono-connect init app --framework react --lang ts --yes`.
func BenchmarkGenerateGreenfield(b *testing.B) {
	benchmarkGenerate(b, Options{Framework: "react", Lang: "ts", Greenfield: true}, nil)
}

// BenchmarkGenerateBrownfield plans the integration into an existing project inside a Go module,
// reading and merging package.json.
func BenchmarkGenerateBrownfield(b *testing.B) {
	project := fstest.MapFS{
		"package.json": {Data: []byte("{\n  \"name\": \"host\",\n  \"dependencies\": {\n    \"react\": \"19.2.0\",\n    \"react-dom\": \"19.2.0\"\n  }\n}\n")},
		".gitignore":   {Data: []byte("node_modules\ndist\n")},
	}
	benchmarkGenerate(b, Options{Framework: "react", Lang: "ts", Features: AllFeatures, GoModule: &GoModule{Path: "example.com/shop", RelDir: "."}}, project)
}

// BenchmarkRenderAllTargets renders every target and language once per iteration.
func BenchmarkRenderAllTargets(b *testing.B) {
	for b.Loop() {
		for _, t := range Targets() {
			for _, lang := range t.Langs {
				if _, err := Generate(Options{Framework: t.Name, Lang: lang, Greenfield: true}, Input{ToolVersion: "1.0.0"}); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

func benchmarkGenerate(b *testing.B, o Options, project fstest.MapFS) {
	b.ReportAllocs()
	for b.Loop() {
		opts := o
		if _, err := Generate(opts, Input{Project: project, ToolVersion: "1.0.0"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseTemplates measures the template parse a React + TypeScript greenfield render
// pays on its first use (parsedTemplate caches each template afterwards): only that target's
// templates, the core and the server.
func BenchmarkParseTemplates(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		templateCache.Lock()
		clear(templateCache.parsed)
		templateCache.Unlock()
		b.StartTimer()
		if _, err := Generate(Options{Framework: "react", Lang: "ts", Greenfield: true}, Input{ToolVersion: "1.0.0"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeRecord reads back the record of a greenfield React app, as `generate` and
// `generate --check` do first: schema validation, then the strict decode.
func BenchmarkDecodeRecord(b *testing.B) {
	p, err := Generate(Options{Framework: "react", Lang: "ts", Greenfield: true}, Input{ToolVersion: "1.0.0"})
	if err != nil {
		b.Fatal(err)
	}
	data := p.Record.Encode()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeRecord(data, "1.0.0"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResolveSchema measures the one-time load of the record schema that every process
// reading a record pays (recordSchema caches it afterwards).
func BenchmarkResolveSchema(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var s jsonschema.Schema
		if err := json.Unmarshal(schema.JSON, &s); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Resolve(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFormatGo formats the Go files of a greenfield app (the server package, its tests and
// main.go) with go/format: the work that generation no longer does at run time, because the
// templates render formatted Go (TestGeneratedGoIsGofmtClean). Kept to show what that saves.
func BenchmarkFormatGo(b *testing.B) {
	p, err := Generate(Options{Framework: "react", Lang: "ts", Greenfield: true}, Input{ToolVersion: "1.0.0"})
	if err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	var size int64
	for _, f := range p.Files {
		if strings.HasSuffix(f.Path, ".go") {
			files = append(files, f.Content)
			size += int64(len(f.Content))
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			if _, err := format.Source(src); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkGenerateGreenfieldJS is BenchmarkGenerateGreenfield for --lang js, whose core and
// bindings are derived from TypeScript (internal/coregen). After the first iteration the
// derivations come from coregen's per-process cache: this is the plan's steady cost; the first
// derivation, what one CLI process pays, is BenchmarkDeriveReactJS in internal/coregen.
func BenchmarkGenerateGreenfieldJS(b *testing.B) {
	benchmarkGenerate(b, Options{Framework: "react", Lang: "js", Greenfield: true}, nil)
}
