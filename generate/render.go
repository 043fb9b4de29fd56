package generate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"
	"unsafe"

	"github.com/mono-connect/mono-connect/internal/coregen"
	"github.com/mono-connect/mono-connect/templates"
)

// funcs are the only ways a template can turn a value into source text. Each one escapes for
// the language it serves, so no user-supplied string reaches generated code raw.
var funcs = template.FuncMap{
	"js":       jsString,
	"goString": strconv.Quote,
	"json":     jsonValue,
}

// jsString returns s as a JSON string literal that is also safe inside HTML <script> and .vue or
// .svelte files: json.Marshal escapes <, > and & as \u003c etc., and U+2028/U+2029 (line
// terminators in older JS) as \u2028/\u2029.
// Invalid UTF-8 is refused: json.Marshal would write U+FFFD in its place, a different value than
// the user gave (FuzzEscapers found it).
func jsString(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%q is not valid UTF-8: it cannot be written into a JS string", s)
	}
	b, err := json.Marshal(s)
	return string(b), err
}

// jsonValue returns v as JSON, refusing a string that is not valid UTF-8 as jsString does.
func jsonValue(v any) (string, error) {
	if s, ok := v.(string); ok && !utf8.ValidString(s) {
		return "", fmt.Errorf("%q is not valid UTF-8: it cannot be written into JSON", s)
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// templateCache holds the templates parsed so far in this process. A template is parsed on its
// first use, so a command pays only for the target it renders, not for the whole embedded tree.
var templateCache = struct {
	sync.Mutex
	parsed map[string]parsed
}{parsed: map[string]parsed{}}

// parsed is a template and the length of its source, which is about the length of what it
// renders.
type parsed struct {
	*template.Template
	size int
}

// parsedTemplate returns the embedded template at p, parsed once per process.
func parsedTemplate(p string) (parsed, error) {
	templateCache.Lock()
	defer templateCache.Unlock()
	if t, ok := templateCache.parsed[p]; ok {
		return t, nil
	}
	src, err := readString(p)
	if err != nil {
		return parsed{}, fmt.Errorf("template error: %s is missing", p)
	}
	t, err := template.New(p).Option("missingkey=error").Funcs(funcs).Parse(src)
	if err != nil {
		return parsed{}, fmt.Errorf("template %s: %w", p, err)
	}
	templateCache.parsed[p] = parsed{t, len(src)}
	return templateCache.parsed[p], nil
}

// readString reads the embedded file at p as a string with one copy: ReadFile's copy, which
// nothing else holds or changes, becomes the string itself (a conversion would copy it again). A
// whole-process init frees nothing, so every byte it allocates is a freshly touched page, and
// page faults are a large part of its time on this kind of VM.
func readString(p string) (string, error) {
	src, err := templates.FS.ReadFile(p)
	if err != nil || len(src) == 0 {
		return "", err
	}
	return unsafe.String(&src[0], len(src)), nil
}

// renderedFile is one output of a template directory, before it joins the plan.
type renderedFile struct {
	Path    string // output path relative to the project root
	Content []byte
	Mode    fs.FileMode
	// Vendored: a third-party file copied byte for byte (templates.Vendored), which must stay
	// exactly the published file (its Subresource Integrity pins it), so it gets no header.
	Vendored bool
	// Typed: JavaScript derived from a TypeScript module, whose types are the .d.ts written beside
	// it (coregen.Module). Its header turns the type checker off for it (checkJsHeader).
	Typed bool
}

// renderDir renders the template directory dir (a path inside templates.FS) into files placed
// under dest. It does nothing when dir does not exist, so a target may omit ts/ or js/. With
// derive (a JavaScript project's core and all/ folders), each TypeScript module is rendered and
// then replaced by the JavaScript and .d.ts that internal/coregen derives from it, so a file whose
// two languages differ only in their types is written once, in TypeScript.
func renderDir(dir, dest string, data *TemplateData, placeholders map[string]string, derive bool) ([]renderedFile, error) {
	if _, err := fs.Stat(templates.FS, dir); err != nil {
		return nil, nil
	}
	var out []renderedFile
	err := fs.WalkDir(templates.FS, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, dir+"/")
		if path.Base(rel) == ".keep" {
			return nil
		}
		var content []byte
		if strings.HasSuffix(rel, ".tmpl") {
			rel = strings.TrimSuffix(rel, ".tmpl")
			t, err := parsedTemplate(p)
			if err != nil {
				return err
			}
			// Sized up front: growing by doubling would allocate (and fault in) about twice
			// the output.
			var buf bytes.Buffer
			buf.Grow(t.size + t.size/8)
			if err := t.Execute(&buf, data); err != nil {
				return fmt.Errorf("template %s: %w", p, err)
			}
			content = buf.Bytes()
		} else {
			content, err = templates.FS.ReadFile(p)
			if err != nil {
				return err
			}
		}
		if derive && coregen.IsSource(path.Base(rel)) {
			files, err := coregen.Module(path.Base(rel), content)
			if err != nil {
				return fmt.Errorf("template %s: %w", p, err)
			}
			for name, b := range files {
				_, typed := files[strings.TrimSuffix(strings.TrimSuffix(name, ".js"), ".jsx")+".d.ts"]
				typed = typed && !strings.HasSuffix(name, ".d.ts")
				out = append(out, renderedFile{Path: outputPath(dest, path.Join(path.Dir(rel), name), placeholders), Content: b, Mode: 0o644, Typed: typed})
			}
			return nil
		}
		out = append(out, renderedFile{
			Path:     outputPath(dest, rel, placeholders),
			Content:  content,
			Mode:     0o644,
			Vendored: templates.Vendored(p),
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// outputPath maps a template path to its output path: placeholder segments and extensions
// replaced, and the _gitignore convention undone.
func outputPath(dest, rel string, placeholders map[string]string) string {
	segs := strings.Split(rel, "/")
	for i, s := range segs {
		if v, ok := placeholders[s]; ok {
			segs[i] = v
		}
	}
	last := len(segs) - 1
	if segs[last] == "_gitignore" {
		segs[last] = ".gitignore"
	}
	// A file's extension may be a placeholder too (root._jsx_ is root.tsx or root.jsx), for a
	// template whose output name is all that differs between the languages besides its types.
	if dot := strings.LastIndex(segs[last], "."); dot > 0 {
		if v, ok := placeholders[segs[last][dot+1:]]; ok {
			segs[last] = segs[last][:dot+1] + v
		}
	}
	return path.Clean(path.Join(dest, path.Join(segs...)))
}
