package doctor

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// A framework's config (vite.config.ts, next.config.mjs, nuxt.config.ts, svelte.config.js) is a
// program, and doctor does not run programs. It reads them the way a reviewer would: esbuild
// parses the file (TypeScript or JavaScript; a syntax error is reported as such) and prints it
// back minified, which drops comments and types and spells every literal one way (double-quoted
// strings, no whitespace). The small scanner below then reads object literals out of that one
// canonical form: keys, string values, template literals whose ${name} is a top-level const
// string. A value computed at run time (a function call, an env read) is reported as unknown,
// never guessed.

// jsConfig is a parsed config file.
type jsConfig struct {
	Path string // slash path relative to the project root
	toks []jsToken
	// consts are top-level `const NAME = "string"` declarations, for template literals.
	consts map[string]string
}

type tokKind int

const (
	tokPunct tokKind = iota
	tokString
	tokTemplate // raw text between the backticks
	tokIdent
	tokOther // numbers, regexps, operators we do not need to tell apart
)

type jsToken struct {
	Kind tokKind
	Text string // the decoded string for tokString, raw text otherwise
}

// findConfig returns the first of names (relative to root) that exists.
func findConfig(root string, names ...string) string {
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(n))); err == nil {
			return n
		}
	}
	return ""
}

// configNames lists base.{ts,mts,js,mjs,cjs,cts}, in the order the frameworks look for them.
func configNames(base string) []string {
	var out []string
	for _, ext := range []string{"ts", "mts", "js", "mjs", "cjs", "cts"} {
		out = append(out, base+"."+ext)
	}
	return out
}

// parseJSConfig reads and parses root/rel.
func parseJSConfig(root, rel string) (*jsConfig, error) {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	loader := api.LoaderJS
	switch path.Ext(rel) {
	case ".ts", ".mts", ".cts":
		loader = api.LoaderTS
	}
	res := api.Transform(string(b), api.TransformOptions{
		Loader:           loader,
		MinifyWhitespace: true,
		MinifySyntax:     true,
		LegalComments:    api.LegalCommentsNone,
		Sourcefile:       rel,
	})
	if len(res.Errors) > 0 {
		e := res.Errors[0]
		where := rel
		if e.Location != nil {
			where = fmt.Sprintf("%s:%d", rel, e.Location.Line)
		}
		return nil, fmt.Errorf("%s: %s", where, e.Text)
	}
	c := &jsConfig{Path: rel, toks: tokenize(string(res.Code)), consts: map[string]string{}}
	// const a="x",b="y" at any depth is good enough: configs declare their constants on top.
	for i := 0; i+3 < len(c.toks); i++ {
		t := c.toks
		if t[i].Kind == tokIdent && t[i+1].Text == "=" && t[i+2].Kind == tokString && (t[i+3].Text == ";" || t[i+3].Text == ",") {
			c.consts[t[i].Text] = t[i+2].Text
		}
	}
	return c, nil
}

// tokenize splits esbuild's minified output. It only needs to be right for that output: strings
// are double-quoted (or single when that is shorter), templates use backticks.
func tokenize(src string) []jsToken {
	var out []jsToken
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			raw := src[i:min(j+1, len(src))]
			s, err := strconv.Unquote(`"` + strings.ReplaceAll(raw[1:len(raw)-1], `"`, `\"`) + `"`)
			if err != nil {
				s = raw[1 : len(raw)-1]
			}
			out = append(out, jsToken{tokString, s})
			i = j + 1
		case c == '`':
			j := i + 1
			for j < len(src) && src[j] != '`' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			out = append(out, jsToken{tokTemplate, src[i+1 : min(j, len(src))]})
			i = j + 1
		case c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(src) && (src[j] == '_' || src[j] == '$' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9') {
				j++
			}
			out = append(out, jsToken{tokIdent, src[i:j]})
			i = j
		case strings.IndexByte("{}[](),;:=", c) >= 0:
			out = append(out, jsToken{tokPunct, string(c)})
			i++
		default:
			j := i + 1
			for j < len(src) && strings.IndexByte("{}[](),;:=\"'`", src[j]) < 0 && !(src[j] == '_' || src[j] == '$' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z') {
				j++
			}
			out = append(out, jsToken{tokOther, src[i:j]})
			i = j
		}
	}
	return out
}

// property is one `key: value` of an object literal in the config.
type property struct {
	Key   string
	start int // index of the value's first token
}

// properties returns every property whose key satisfies match, anywhere in the file.
func (c *jsConfig) properties(match func(string) bool) []property {
	var out []property
	for i := 0; i+2 < len(c.toks); i++ {
		t := c.toks[i]
		if (t.Kind == tokString || t.Kind == tokIdent) && c.toks[i+1].Text == ":" && match(t.Text) {
			// a ? b : c also has a colon; a key follows {, or , inside an object.
			if i > 0 && c.toks[i-1].Text != "{" && c.toks[i-1].Text != "," {
				continue
			}
			out = append(out, property{Key: t.Text, start: i + 2})
		}
	}
	return out
}

// str returns the value at index i as a string when it is a literal (or a template literal
// whose substitutions are known constants).
func (c *jsConfig) str(i int) (string, bool) {
	if i >= len(c.toks) {
		return "", false
	}
	switch t := c.toks[i]; t.Kind {
	case tokString:
		return t.Text, true
	case tokTemplate:
		var b strings.Builder
		rest := t.Text
		for {
			j := strings.Index(rest, "${")
			if j < 0 {
				b.WriteString(rest)
				return b.String(), true
			}
			b.WriteString(rest[:j])
			k := strings.IndexByte(rest[j:], '}')
			if k < 0 {
				return "", false
			}
			v, ok := c.consts[rest[j+2:j+k]]
			if !ok {
				return "", false
			}
			b.WriteString(v)
			rest = rest[j+k+1:]
		}
	}
	return "", false
}

// end returns the index just past the value starting at i (an object, array, call or literal).
func (c *jsConfig) end(i int) int {
	depth := 0
	for j := i; j < len(c.toks); j++ {
		switch c.toks[j].Text {
		case "{", "[", "(":
			if c.toks[j].Kind == tokPunct {
				depth++
			}
		case "}", "]", ")":
			if c.toks[j].Kind == tokPunct {
				if depth == 0 {
					return j
				}
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		case ",", ";":
			if depth == 0 {
				return j
			}
		}
	}
	return len(c.toks)
}

// member returns the value of the direct property key of the object starting at i.
func (c *jsConfig) member(i int, key string) (int, bool) {
	if i >= len(c.toks) || c.toks[i].Text != "{" {
		return 0, false
	}
	for j := i + 1; j < len(c.toks) && c.toks[j].Text != "}"; {
		t := c.toks[j]
		if (t.Kind == tokString || t.Kind == tokIdent) && j+1 < len(c.toks) && c.toks[j+1].Text == ":" {
			if t.Text == key {
				return j + 2, true
			}
			j = c.end(j + 2)
		} else {
			j = c.end(j)
		}
		if j < len(c.toks) && c.toks[j].Text == "," {
			j++
		}
	}
	return 0, false
}

// strings lists the string literals of the array starting at i.
func (c *jsConfig) stringsOf(i int) []string {
	var out []string
	if i >= len(c.toks) || c.toks[i].Text != "[" {
		if s, ok := c.str(i); ok {
			return []string{s}
		}
		return nil
	}
	for j := i + 1; j < c.end(i)-1; j++ {
		if s, ok := c.str(j); ok {
			out = append(out, s)
		}
	}
	return out
}

// allStrings lists every string literal in the file (for CSP values set as header strings).
func (c *jsConfig) allStrings() []string {
	var out []string
	for i := range c.toks {
		if s, ok := c.str(i); ok {
			out = append(out, s)
		}
	}
	return out
}
