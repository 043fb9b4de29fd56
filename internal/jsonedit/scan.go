package jsonedit

import (
	"encoding/json"
	"fmt"
	"strings"
)

// container is where an object or array sits in the text and where each entry begins and ends.
type container struct {
	open, close int // offsets of the brackets
	members     []member
}

// object is a container whose entries have keys.
type object struct{ container }

type member struct {
	key        string // "" for array elements
	keyStart   int    // offset of the key's opening quote (of the value, for array elements)
	valueStart int
	valueEnd   int // offset just past the value
}

func (o object) member(key string) (member, bool) {
	for _, m := range o.members {
		if m.key == key {
			return m, true
		}
	}
	return member{}, false
}

// objectAt finds the object at path in plain, which is valid JSON.
func objectAt(plain []byte, path []string) (object, error) {
	obj, err := scanObject(plain, 0)
	if err != nil {
		return obj, err
	}
	for i, k := range path {
		m, ok := obj.member(k)
		if !ok {
			return obj, fmt.Errorf("%q: %w", strings.Join(path[:i+1], "."), ErrNotFound)
		}
		if obj, err = scanObject(plain, m.valueStart); err != nil {
			return obj, fmt.Errorf("%q is not an object", strings.Join(path[:i+1], "."))
		}
	}
	return obj, nil
}

// scanObject reads the object starting at or after offset start (whitespace skipped). plain is
// valid JSON, so the scanner only has to find boundaries, not check syntax.
func scanObject(plain []byte, start int) (object, error) {
	i := skipSpace(plain, start)
	if i >= len(plain) || plain[i] != '{' {
		return object{}, fmt.Errorf("expected an object")
	}
	obj := object{container{open: i}}
	i++
	for {
		i = skipSpace(plain, i)
		if i >= len(plain) {
			return obj, fmt.Errorf("unterminated object")
		}
		if plain[i] == '}' {
			obj.close = i
			return obj, nil
		}
		if plain[i] != '"' {
			return obj, fmt.Errorf("expected a key at offset %d", i)
		}
		keyEnd := skipValue(plain, i)
		var key string
		if err := json.Unmarshal(plain[i:keyEnd], &key); err != nil {
			return obj, err
		}
		j := skipSpace(plain, keyEnd)
		if j >= len(plain) || plain[j] != ':' {
			return obj, fmt.Errorf("expected ':' at offset %d", j)
		}
		vs := skipSpace(plain, j+1)
		ve := skipValue(plain, vs)
		obj.members = append(obj.members, member{key: key, keyStart: i, valueStart: vs, valueEnd: ve})
		i = skipSpace(plain, ve)
		if i < len(plain) && plain[i] == ',' {
			i++
		}
	}
}

// scanArray reads the array opening at start.
func scanArray(plain []byte, start int) container {
	c := container{open: start}
	i := skipSpace(plain, start+1)
	for i < len(plain) && plain[i] != ']' {
		end := skipValue(plain, i)
		c.members = append(c.members, member{keyStart: i, valueStart: i, valueEnd: end})
		i = skipSpace(plain, end)
		if i < len(plain) && plain[i] == ',' {
			i = skipSpace(plain, i+1)
		}
	}
	c.close = i
	return c
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the offset just past the JSON value starting at i.
func skipValue(src []byte, i int) int {
	if i >= len(src) {
		return i
	}
	switch src[i] {
	case '"':
		for j := i + 1; j < len(src); j++ {
			switch src[j] {
			case '\\':
				j++
			case '"':
				return j + 1
			}
		}
		return len(src)
	case '{', '[':
		depth := 0
		for j := i; j < len(src); j++ {
			switch src[j] {
			case '"':
				j = skipValue(src, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(src)
	default:
		j := i
		for j < len(src) && !strings.ContainsRune(",}] \t\r\n", rune(src[j])) {
			j++
		}
		return j
	}
}

// commentLen returns the length of the comment starting at i (0 if none starts there). A line
// comment includes its newline; an unterminated block comment runs to the end.
func commentLen(src []byte, i int) int {
	if i+1 >= len(src) || src[i] != '/' {
		return 0
	}
	switch src[i+1] {
	case '/':
		j := i + 2
		for j < len(src) && src[j] != '\n' {
			j++
		}
		if j < len(src) {
			j++
		}
		return j - i
	case '*':
		for j := i + 2; j+1 < len(src); j++ {
			if src[j] == '*' && src[j+1] == '/' {
				return j + 2 - i
			}
		}
		return len(src) - i
	}
	return 0
}

// blankComments returns a copy of JSONC text with every comment and trailing comma replaced by
// spaces (newlines kept), so that offsets in it are offsets in src.
func blankComments(src []byte) []byte {
	out := append([]byte(nil), src...)
	lastComma := -1     // offset of a comma after a value, not yet followed by another value
	afterValue := false // the last token ended a value: a comma here may be a trailing one
	for i := 0; i < len(out); i++ {
		switch c := out[i]; c {
		case '"':
			i = skipValue(out, i) - 1
			lastComma, afterValue = -1, true
		case '/':
			n := commentLen(out, i)
			if n == 0 {
				lastComma, afterValue = -1, true
				continue
			}
			for j := i; j < i+n; j++ {
				if out[j] != '\n' && out[j] != '\r' {
					out[j] = ' '
				}
			}
			i += n - 1
		case ',':
			lastComma = -1
			if afterValue {
				lastComma = i
			}
			afterValue = false
		case '}', ']':
			if lastComma >= 0 {
				out[lastComma] = ' '
			}
			lastComma, afterValue = -1, true
		case '{', '[', ':':
			lastComma, afterValue = -1, false
		case ' ', '\t', '\n', '\r':
		default:
			lastComma, afterValue = -1, true
		}
	}
	return out
}
