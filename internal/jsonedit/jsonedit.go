// Package jsonedit edits JSON text the way a person would: it adds a member to an object or an
// element to an array, or replaces one member's value, and keeps every other byte of the file as
// it was (indentation, key order, blank lines, CRLF line ends, a missing final newline, and in
// JSONC files such as tsconfig.json or angular.json, comments and trailing commas).
//
// New text is laid out like its siblings: one member per line at their indentation, nested values
// indented by the file's own unit (two spaces, four, a tab), or inline in one-line JSON. Every
// edit is idempotent: Ensure* does nothing when the member or element is already there, so a
// second run of the same merge leaves the file alone.
//
// A Doc re-reads its text on every call, which keeps it simple; the files it edits are small
// (package.json, angular.json).
package jsonedit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Doc is a JSON text being edited.
type Doc struct {
	src   []byte
	jsonc bool
	// edits are the splices of the last edit, in ascending order of From (for tests: every
	// byte outside them is kept).
	edits []splice
}

// splice replaces src[From:To] with Text. Insertions replace nothing or only whitespace (between
// the brackets of an empty container); SetMember replaces the old value.
type splice struct {
	From, To int
	Text     string
}

// ErrNotFound is returned (wrapped) when a path names a member that is not there.
var ErrNotFound = errors.New("not found")

// Parse reads strict JSON whose top level is an object.
func Parse(src []byte) (*Doc, error) { return parse(src, false) }

// ParseJSONC reads JSON with comments (// and /* */) and trailing commas, as tsconfig.json and
// angular.json allow, whose top level is an object.
func ParseJSONC(src []byte) (*Doc, error) { return parse(src, true) }

func parse(src []byte, jsonc bool) (*Doc, error) {
	d := &Doc{src: append([]byte(nil), src...), jsonc: jsonc}
	plain := d.plain()
	if !json.Valid(plain) {
		if jsonc {
			return nil, errors.New("not valid JSON (a syntax error)")
		}
		return nil, errors.New("not plain JSON (comments or a syntax error)")
	}
	if _, err := scanObject(plain, 0); err != nil {
		return nil, errors.New("the top level is not an object")
	}
	return d, nil
}

// Bytes returns the current text.
func (d *Doc) Bytes() []byte { return d.src }

// plain returns the text with comments and trailing commas blanked out (same length, so offsets
// agree), which encoding/json and the scanner read. For strict JSON it is the text itself.
func (d *Doc) plain() []byte {
	if !d.jsonc {
		return d.src
	}
	return blankComments(d.src)
}

// Lookup returns the raw text of the value at path (each element a member of the object before),
// and whether it is there. A value on the way that is not an object is an error. Values read from
// a JSONC file come with their comments and trailing commas blanked out, so encoding/json reads
// them.
func (d *Doc) Lookup(path ...string) ([]byte, bool, error) {
	plain := d.plain()
	if len(path) == 0 {
		obj, _ := scanObject(plain, 0)
		return plain[obj.open : obj.close+1], true, nil
	}
	parent, err := objectAt(plain, path[:len(path)-1])
	if errors.Is(err, ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	m, ok := parent.member(path[len(path)-1])
	if !ok {
		return nil, false, nil
	}
	return plain[m.valueStart:m.valueEnd], true, nil
}

// Member is one member of an object: its key and its value's raw text (as Lookup returns it).
type Member struct {
	Key   string
	Value []byte
}

// Members returns the members of the object at path, in file order.
func (d *Doc) Members(path ...string) ([]Member, error) {
	plain := d.plain()
	obj, err := objectAt(plain, path)
	if err != nil {
		return nil, err
	}
	out := make([]Member, len(obj.members))
	for i, m := range obj.members {
		out[i] = Member{Key: m.key, Value: plain[m.valueStart:m.valueEnd]}
	}
	return out, nil
}

// Keys returns the member names of the object at path, in file order.
func (d *Doc) Keys(path ...string) ([]string, error) {
	obj, err := objectAt(d.plain(), path)
	if err != nil {
		return nil, err
	}
	keys := make([]string, len(obj.members))
	for i, m := range obj.members {
		keys[i] = m.key
	}
	return keys, nil
}

// Place says where a new member goes in its object.
type Place struct {
	// Sorted puts the member at its sorted place when the object's keys are sorted already.
	Sorted bool
	// Before puts it before the first member (in file order) whose key is listed, when the
	// object is not sorted (or Sorted is false): a conventional key order such as package.json's.
	Before []string
}

// EnsureMember adds "key": value to the object at parent unless it has a member named key, and
// reports whether it did. The member goes where at says, else last.
func (d *Doc) EnsureMember(parent []string, key string, value any, at Place) (bool, error) {
	d.edits = nil
	if !utf8.ValidString(key) {
		return false, fmt.Errorf("key %q is not UTF-8", key)
	}
	plain := d.plain()
	obj, err := objectAt(plain, parent)
	if err != nil {
		return false, err
	}
	if _, exists := obj.member(key); exists {
		return false, nil
	}
	d.insert(obj.container, plain, position(obj, key, at), quoteKey(key)+": ", value)
	return true, nil
}

// SetMember makes value the value of member key of the object at parent: a member that is there
// gets its value replaced (the key and everything around the value kept), a missing one is
// added as EnsureMember adds it. It reports whether the text changed.
func (d *Doc) SetMember(parent []string, key string, value any, at Place) (bool, error) {
	d.edits = nil
	plain := d.plain()
	obj, err := objectAt(plain, parent)
	if err != nil {
		return false, err
	}
	m, exists := obj.member(key)
	if !exists {
		return d.EnsureMember(parent, key, value, at)
	}
	l := d.layoutAt(plain, obj.container)
	text, err := l.format(value, d.unit(plain), d.eol())
	if err != nil {
		return false, err
	}
	if string(plain[m.valueStart:m.valueEnd]) == text {
		return false, nil
	}
	// Only the value is replaced; SetMember is the one edit that removes bytes (the old value).
	d.apply([]splice{{From: m.valueStart, To: m.valueEnd, Text: text}})
	return true, nil
}

// EnsureElement appends value to the array at path unless an element already matches (has
// reports it, given an element's raw text as Lookup returns it), and reports whether it did.
func (d *Doc) EnsureElement(path []string, value any, has func(raw []byte) bool) (bool, error) {
	d.edits = nil
	if len(path) == 0 {
		return false, errors.New("the top level is not an array")
	}
	plain := d.plain()
	parent, err := objectAt(plain, path[:len(path)-1])
	if err != nil {
		return false, err
	}
	m, ok := parent.member(path[len(path)-1])
	if !ok {
		return false, fmt.Errorf("%q: %w", strings.Join(path, "."), ErrNotFound)
	}
	if plain[m.valueStart] != '[' {
		return false, fmt.Errorf("%q is not an array", strings.Join(path, "."))
	}
	arr := scanArray(plain, m.valueStart)
	for _, el := range arr.members {
		if has(plain[el.valueStart:el.valueEnd]) {
			return false, nil
		}
	}
	d.insert(arr, plain, len(arr.members), "", value)
	return true, nil
}

// position is the member index a new key goes to.
func position(obj object, key string, at Place) int {
	if at.Sorted && len(obj.members) > 0 {
		keys := make([]string, len(obj.members))
		for i, m := range obj.members {
			keys[i] = m.key
		}
		if sort.StringsAreSorted(keys) {
			return sort.SearchStrings(keys, key)
		}
	}
	for i, m := range obj.members {
		for _, b := range at.Before {
			if m.key == b {
				return i
			}
		}
	}
	return len(obj.members)
}

// insert puts prefix+value (a member or an element) into container c before its entry pos.
func (d *Doc) insert(c container, plain []byte, pos int, prefix string, value any) {
	l := d.layoutAt(plain, c)
	eol := d.eol()
	text, err := l.format(value, d.unit(plain), eol)
	if err != nil {
		// Values are the caller's Go data; one that does not marshal is a bug of the caller.
		panic(fmt.Sprintf("jsonedit: %v", err))
	}
	entry := prefix + text
	sep := " "
	if l.multiline {
		sep = eol + l.indent
	}
	switch {
	case len(c.members) == 0:
		inner := d.src[c.open+1 : c.close]
		if len(bytes.TrimSpace(inner)) == 0 {
			if l.multiline {
				entry = eol + l.indent + entry + eol + l.outer
			}
			d.apply([]splice{{From: c.open + 1, To: c.close, Text: entry}})
			return
		}
		// Only comments inside: the entry goes after them.
		p := c.open + 1 + len(bytes.TrimRight(inner, " \t\r\n"))
		if bytes.ContainsRune(inner, '\n') {
			d.apply([]splice{{From: p, To: p, Text: eol + l.indent + entry}})
		} else {
			d.apply([]splice{{From: p, To: p, Text: " " + entry}})
		}
	case pos < len(c.members):
		at := c.members[pos].keyStart
		d.apply([]splice{{From: at, To: at, Text: entry + "," + sep}})
	default:
		last := c.members[len(c.members)-1].valueEnd
		q, trailingComma := d.afterLast(last, l.multiline)
		switch {
		case trailingComma:
			d.apply([]splice{{From: q, To: q, Text: sep + entry + ","}})
		case q == last:
			d.apply([]splice{{From: last, To: last, Text: "," + sep + entry}})
		default:
			// A comment ends the last member's line: the comma goes after the value, the
			// new member after the comment, so the comment stays with its member.
			d.apply([]splice{{From: last, To: last, Text: ","}, {From: q, To: q, Text: sep + entry}})
		}
	}
}

// afterLast looks past the last entry's value at end: it returns where a following entry goes
// (after a trailing comma, and in multi-line layout after a comment ending the line) and
// whether the file has a trailing comma there.
func (d *Doc) afterLast(end int, multiline bool) (int, bool) {
	if !d.jsonc {
		return end, false
	}
	src := d.src
	i := end
	skipBlanks := func() {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
	}
	skipBlanks()
	comma := false
	if i < len(src) && src[i] == ',' {
		comma = true
		i++
	}
	q := end
	if comma {
		q = i
	}
	if !multiline {
		return q, comma
	}
	for {
		skipBlanks()
		if !bytes.HasPrefix(src[i:], []byte("/")) {
			break
		}
		n := commentLen(src, i)
		if n == 0 {
			break
		}
		if src[i+1] == '/' {
			// A line comment: it ends before the newline.
			i += n
			for i > 0 && (src[i-1] == '\n' || src[i-1] == '\r') {
				i--
			}
			q = i
			break
		}
		if bytes.ContainsRune(src[i:i+n], '\n') {
			break // a block comment running onto other lines is not this member's
		}
		i += n
		q = i
	}
	return q, comma
}

// apply performs splices (ascending, non-overlapping) on the text and records them.
func (d *Doc) apply(sp []splice) {
	var b bytes.Buffer
	prev := 0
	for _, s := range sp {
		b.Write(d.src[prev:s.From])
		b.WriteString(s.Text)
		prev = s.To
	}
	b.Write(d.src[prev:])
	d.src = b.Bytes()
	d.edits = sp
}

// eol is the file's line end: CRLF when it has one, else LF.
func (d *Doc) eol() string {
	if bytes.Contains(d.src, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

// unit is the file's indentation unit: the indentation of the top object's first member when
// the file is laid out one member per line, else two spaces.
func (d *Doc) unit(plain []byte) string {
	top, _ := scanObject(plain, 0)
	if len(top.members) > 0 {
		if ind := lineIndent(d.src, top.members[0].keyStart); ind != "" && bytes.ContainsRune(d.src[top.open:top.members[0].keyStart], '\n') {
			return ind
		}
	}
	return "  "
}

// layout is how the entries of one container are laid out.
type layout struct {
	multiline bool
	indent    string // of the container's entries
	outer     string // of the line holding the container's opening bracket
}

// layoutAt reads the layout of container c. An empty container is laid out one entry per line,
// one unit deeper than the line it opens on, unless the whole file is on one line.
func (d *Doc) layoutAt(plain []byte, c container) layout {
	outer := leadingSpace(d.src, c.open)
	if len(c.members) == 0 {
		if !bytes.ContainsRune(bytes.TrimSpace(d.src), '\n') {
			return layout{}
		}
		return layout{multiline: true, indent: outer + d.unit(plain), outer: outer}
	}
	first := c.members[0].keyStart
	if !bytes.ContainsRune(d.src[c.open:first], '\n') {
		return layout{}
	}
	indent := lineIndent(d.src, first)
	if indent == "" {
		indent = outer + d.unit(plain)
	}
	return layout{multiline: true, indent: indent, outer: outer}
}

// format renders value as JSON for an entry of this layout: nested lines indented from the
// entry's own indentation by the file's unit, with the file's line end; or compact, spaced like
// hand-written one-line JSON (a space after every : and ,).
func (l layout) format(value any, unit, eol string) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if l.multiline {
		enc.SetIndent(l.indent, unit)
	}
	if err := enc.Encode(value); err != nil {
		return "", err
	}
	text := strings.TrimSuffix(buf.String(), "\n")
	if l.multiline {
		return strings.ReplaceAll(text, "\n", eol), nil
	}
	var spaced strings.Builder
	inString := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		spaced.WriteByte(c)
		switch {
		case c == '\\' && inString:
			i++
			spaced.WriteByte(text[i])
		case c == '"':
			inString = !inString
		case (c == ':' || c == ',') && !inString:
			spaced.WriteByte(' ')
		}
	}
	return spaced.String(), nil
}

func quoteKey(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(buf.String(), "\n")
}

// lineIndent returns the whitespace between the start of the line holding offset i and i, or ""
// when something else stands before i on that line.
func lineIndent(src []byte, i int) string {
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	prefix := src[start:i]
	if len(bytes.TrimLeft(prefix, " \t")) != 0 {
		return ""
	}
	return string(prefix)
}

// leadingSpace returns the whitespace that starts the line holding offset i.
func leadingSpace(src []byte, i int) string {
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}
