package generate

import (
	"testing"
	"testing/fstest"
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

// BenchmarkParseTemplates measures the one-time template parse that every process pays on its
// first render (parsedTemplates caches it afterwards).
func BenchmarkParseTemplates(b *testing.B) {
	for b.Loop() {
		parsedTemplates = onceParse()
		if _, err := parsedTemplates(); err != nil {
			b.Fatal(err)
		}
	}
}
