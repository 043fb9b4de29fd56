package samecode

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// tokens splits JS or TS source into the tokens a formatter cannot change, for the comparison
// esbuild cannot make (it prints no types): the layout goes (whitespace, comments' markers and
// wrapping), and so does what Prettier adds, drops or swaps without changing the program:
// semicolons, commas, parentheses, the leading | or & of a broken union, the quotes of a string
// (strings compare by value) and of a property key, a number's spelling (1.50 and 1.5), JSX text's
// wrapping and the {" "} Prettier writes where it breaks a JSX line. Comments count by their words
// (quotes either way, semicolons and commas aside), in order, after the code. ok is false when src does not lex (an unterminated string): the caller
// treats that as a difference.
func tokens(src string, jsx bool) (toks []string, ok bool) {
	l := &lexer{src: src, jsx: jsx}
	if !l.run(0) {
		return nil, false
	}
	return append(l.toks, l.comments...), true
}

type lexer struct {
	src      string
	pos      int
	jsx      bool
	toks     []string
	comments []string
	last     string // the previous significant token, raw, to tell a regex or JSX from a division or comparison
}

// exprStart reports whether the previous token leaves the lexer where an expression begins (so a
// / starts a regex and a < starts JSX).
func (l *lexer) exprStart() bool {
	switch l.last {
	case "", "(", "[", "{", ",", ";", "=", ":", "?", "=>", "&&", "||", "??", "!", "return", "typeof", "case", "default",
		"else", "in", "of", "new", "delete", "void", "throw", "yield", "await", "+", "-", "*", "%", "<", ">", "|", "&", "==", "===", "!=", "!==":
		return true
	}
	return false
}

func (l *lexer) emit(norm, raw string) {
	// Prettier breaks a long union or intersection before each member, adding a leading | or &.
	if (raw == "|" || raw == "&") && (l.last == "=" || l.last == ":" || l.last == "<" || l.last == "," || l.last == "(" || l.last == "|" || l.last == "&" || l.last == "[" || l.last == "{") {
		l.last = raw
		return
	}
	l.last = raw
	switch raw {
	case ";", ",", "(", ")":
		return
	}
	// A quoted property key is the same key unquoted.
	if len(l.toks) > 0 && raw == ":" {
		if prev := l.toks[len(l.toks)-1]; strings.HasPrefix(prev, "s:") && isIdent(prev[2:]) {
			l.toks[len(l.toks)-1] = "i:" + prev[2:]
		}
	}
	l.toks = append(l.toks, norm)
}

// run lexes until the end, or until the } closing a ${ or a JSX {expression} when depth > 0.
func (l *lexer) run(depth int) bool {
	braces := 0
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			l.pos++
		case strings.HasPrefix(l.src[l.pos:], "//"):
			end := strings.IndexByte(l.src[l.pos:], '\n')
			if end < 0 {
				end = len(l.src) - l.pos
			}
			l.comment(l.src[l.pos+2 : l.pos+end])
			l.pos += end
		case strings.HasPrefix(l.src[l.pos:], "/*"):
			end := strings.Index(l.src[l.pos+2:], "*/")
			if end < 0 {
				return false
			}
			l.comment(l.src[l.pos+2 : l.pos+2+end])
			l.pos += end + 4
		case c == '\'' || c == '"':
			if !l.quoted(c) {
				return false
			}
		case c == '`':
			if !l.template() {
				return false
			}
		case c == '/' && l.exprStart():
			if !l.regex() {
				return false
			}
		case c == '<' && l.jsx && l.exprStart() && l.pos+1 < len(l.src) && (isIdentStart(rune(l.src[l.pos+1])) || l.src[l.pos+1] == '>'):
			if !l.element() {
				return false
			}
		case isIdentStart(rune(c)) || c >= 0x80:
			start := l.pos
			for l.pos < len(l.src) && (isIdentPart(rune(l.src[l.pos])) || l.src[l.pos] >= 0x80) {
				l.pos++
			}
			w := l.src[start:l.pos]
			l.emit("i:"+w, w)
		case c >= '0' && c <= '9' || c == '.' && l.pos+1 < len(l.src) && l.src[l.pos+1] >= '0' && l.src[l.pos+1] <= '9':
			start := l.pos
			for l.pos < len(l.src) && (isIdentPart(rune(l.src[l.pos])) || l.src[l.pos] == '.' ||
				(l.src[l.pos] == '+' || l.src[l.pos] == '-') && (l.src[l.pos-1] == 'e' || l.src[l.pos-1] == 'E')) {
				l.pos++
			}
			l.emit("n:"+number(l.src[start:l.pos]), "n")
		default:
			if c == '{' {
				braces++
			}
			if c == '}' {
				if braces == 0 && depth > 0 {
					l.pos++
					l.last = ")" // what follows ${…} or {…} in JSX is not an expression start
					return true
				}
				braces--
			}
			p := punct(l.src[l.pos:])
			l.pos += len(p)
			l.emit("p:"+p, p)
		}
	}
	return depth == 0
}

var puncts = []string{">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
	"=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<"}

// punct returns the punctuator at the start of s (">>" is left as two ">": TS closes nested generics so).
func punct(s string) string {
	for _, p := range puncts {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return s[:1]
}

var commentPunct = strings.NewReplacer(`"`, "'", ";", "", ",", "")

func (l *lexer) comment(text string) {
	if blanketDisable(text) {
		return
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, "*") // a block comment's margin
		for _, w := range strings.Fields(line) {
			// Nor do quote style, semicolons and commas in comments (as in the looser comparison
			// this one replaced): an editor's or a script's swap of them is no edit of the words.
			if w = commentPunct.Replace(w); w != "" {
				l.comments = append(l.comments, "c:"+w)
			}
		}
	}
}

// blanketDisable reports whether a comment is a bare `eslint-disable` (no rules named), the
// directive of the generated-file header. ESLint's --fix deletes it as unused where the app's rules
// find nothing to report (linterOptions.reportUnusedDisableDirectives, as a lint-staged hook runs
// it), so its absence is the linter's rewrite, not an edit. A directive naming rules still counts.
func blanketDisable(text string) bool {
	return headerDirective.MatchString(strings.TrimSpace(text))
}

// headerDirective: the header's directives, the bare one and those before it where the app has
// eslint-plugin-eslint-comments or eslint-plugin-unicorn (generate/header.go), which --fix deletes
// likewise, or rewrites naming fewer of their rules.
var headerDirective = regexp.MustCompile(`^eslint-disable(\s+` + headerRule + `(\s*,\s*` + headerRule + `)*)?$`)

const headerRule = `((@eslint-community/)?eslint-comments/no-unlimited-disable|unicorn/(filename-case|no-abusive-eslint-disable))`

// quoted reads a string literal opened by q and emits it as a string token (its value, so the
// quote style does not count); false when the literal is not closed on its line.
func (l *lexer) quoted(q byte) bool {
	start := l.pos
	l.pos++
	for l.pos < len(l.src) {
		switch l.src[l.pos] {
		case '\\':
			l.pos += 2
			continue
		case q:
			l.pos++
			l.emit("s:"+unquote(l.src[start:l.pos]), "s")
			return true
		case '\n':
			return false
		}
		l.pos++
	}
	return false
}

// unquote decodes a JS string literal's escapes well enough to compare 'it\'s' with "it's".
func unquote(lit string) string {
	body := lit[1 : len(lit)-1]
	if !strings.Contains(body, `\`) {
		return body
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		if body[i] == '\\' && i+1 < len(body) {
			switch n := body[i+1]; n {
			case '\'', '"', '\\', '`':
				b.WriteByte(n)
				i++
				continue
			}
		}
		b.WriteByte(body[i])
	}
	return b.String()
}

// template reads a template literal: its text as written, its ${} parts as tokens.
func (l *lexer) template() bool {
	l.pos++
	start := l.pos
	for l.pos < len(l.src) {
		switch {
		case l.src[l.pos] == '\\':
			l.pos += 2
		case l.src[l.pos] == '`':
			l.emit("t:"+l.src[start:l.pos], "t")
			l.pos++
			return true
		case strings.HasPrefix(l.src[l.pos:], "${"):
			l.emit("t:"+l.src[start:l.pos], "t")
			l.pos += 2
			l.last = "("
			if !l.run(1) {
				return false
			}
			start = l.pos
		default:
			l.pos++
		}
	}
	return false
}

func (l *lexer) regex() bool {
	start := l.pos
	l.pos++
	class := false
	for l.pos < len(l.src) {
		switch c := l.src[l.pos]; {
		case c == '\\':
			l.pos++
		case c == '[':
			class = true
		case c == ']':
			class = false
		case c == '\n':
			return false
		case c == '/' && !class:
			l.pos++
			for l.pos < len(l.src) && isIdentPart(rune(l.src[l.pos])) {
				l.pos++
			}
			l.emit("r:"+l.src[start:l.pos], "r")
			return true
		}
		l.pos++
	}
	return false
}

// element reads a JSX element from its < to the end of its closing tag: tags as tokens, text as
// words, {expressions} as tokens.
func (l *lexer) element() bool {
	depth := 0
	for l.pos < len(l.src) {
		// A tag: <name attrs>, </name>, <name attrs />, <>, </>.
		if l.src[l.pos] != '<' {
			return false
		}
		closing := strings.HasPrefix(l.src[l.pos:], "</")
		l.pos++
		l.emit("p:<", "<")
		selfClosing := false
		for {
			l.skipSpace()
			if l.pos >= len(l.src) {
				return false
			}
			c := l.src[l.pos]
			if c == '>' {
				l.pos++
				l.emit("p:>", ">")
				break
			}
			if strings.HasPrefix(l.src[l.pos:], "/>") {
				l.pos += 2
				l.emit("p:/>", "/>")
				selfClosing = true
				break
			}
			switch {
			case c == '"' || c == '\'':
				if !l.quoted(c) {
					return false
				}
			case c == '{':
				l.pos++
				l.last = "("
				if !l.run(1) {
					return false
				}
			default:
				start := l.pos
				for l.pos < len(l.src) && !strings.ContainsRune(" \t\r\n=>/{\"'", rune(l.src[l.pos])) {
					l.pos++
				}
				if l.pos == start {
					l.pos++
				}
				l.emit("j:"+l.src[start:l.pos], "j")
			}
		}
		switch {
		case closing:
			depth--
		case !selfClosing:
			depth++
		}
		if depth <= 0 {
			l.last = ")"
			return true
		}
		// Children: text and {expressions} up to the next tag.
		for l.pos < len(l.src) && l.src[l.pos] != '<' {
			if l.src[l.pos] == '{' {
				start := len(l.toks)
				l.pos++
				l.last = "("
				if !l.run(1) {
					return false
				}
				// {" "}: the space Prettier spells out where it breaks a line of JSX text.
				if len(l.toks) == start+1 {
					if s := l.toks[start]; strings.HasPrefix(s, "s:") && strings.TrimSpace(s[2:]) == "" {
						l.toks = l.toks[:start]
					}
				}
				continue
			}
			start := l.pos
			for l.pos < len(l.src) && l.src[l.pos] != '<' && l.src[l.pos] != '{' {
				l.pos++
			}
			for _, w := range strings.Fields(l.src[start:l.pos]) {
				l.toks = append(l.toks, "x:"+w)
			}
		}
	}
	return false
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.src) && strings.IndexByte(" \t\r\n", l.src[l.pos]) >= 0 {
		l.pos++
	}
}

// number spells a numeric literal one way: 0xFF, 255 and 255.0 alike.
func number(lit string) string {
	s := strings.ToLower(strings.ReplaceAll(lit, "_", ""))
	if strings.HasSuffix(s, "n") {
		return s
	}
	if i, err := strconv.ParseInt(s, 0, 64); err == nil {
		return strconv.FormatInt(i, 10)
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return s
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if i == 0 && !isIdentStart(r) || !isIdentPart(r) {
			return false
		}
	}
	return true
}

func isIdentStart(r rune) bool {
	return r == '_' || r == '$' || r == '#' || r == '@' || unicode.IsLetter(r)
}
func isIdentPart(r rune) bool { return isIdentStart(r) || unicode.IsDigit(r) }
