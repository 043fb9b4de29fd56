package doctor

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// envFile is one dotenv file as the frameworks read it: KEY=VALUE lines, optional `export `,
// single or double quotes, # comments. Values are kept in memory only, to be compared and
// classified; they never reach a message (see mask).
type envFile struct {
	Path string // slash path relative to the project root
	Vars map[string]string
	// Order keeps the names in file order, so findings are stable.
	Order []string
}

// readEnvFile reads root/rel; ok is false when the file does not exist.
func readEnvFile(root, rel string) (envFile, bool) {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return envFile{}, false
	}
	return parseEnv(rel, b), true
}

func parseEnv(rel string, b []byte) envFile {
	f := envFile{Path: rel, Vars: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		name, value, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		name = strings.TrimSpace(name)
		value = strings.TrimSpace(value)
		switch {
		case len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0]:
			value = value[1 : len(value)-1]
		default:
			// An unquoted value ends at " #", as in dotenv.
			if i := strings.Index(value, " #"); i >= 0 {
				value = strings.TrimSpace(value[:i])
			}
		}
		if _, seen := f.Vars[name]; !seen {
			f.Order = append(f.Order, name)
		}
		f.Vars[name] = value
	}
	return f
}

// keyKind classifies a Mono key by its prefix (mono-facts.md: test_pk_/live_pk_ public,
// test_sk_/live_sk_ secret; the test_pk_ prefix is marked unconfirmed there).
type keyKind struct {
	Public, Secret bool
	Mode           string // "test" or "live"; "" when the value is not a Mono key
}

func classifyKey(v string) keyKind {
	for _, mode := range []string{"test", "live"} {
		switch {
		case strings.HasPrefix(v, mode+"_pk_"):
			return keyKind{Public: true, Mode: mode}
		case strings.HasPrefix(v, mode+"_sk_"):
			return keyKind{Secret: true, Mode: mode}
		}
	}
	return keyKind{}
}

// mask shows a key the way a dashboard does: its prefix and last four characters
// (test_pk_…3f9a). Short or unrecognised values show less, so a mask never reveals most of a
// value.
func mask(v string) string {
	if v == "" {
		return "(empty)"
	}
	prefix := ""
	if k := classifyKey(v); k.Mode != "" {
		prefix = v[:8]
	}
	rest := v[len(prefix):]
	if len(rest) < 12 {
		return prefix + "…"
	}
	return prefix + "…" + rest[len(rest)-4:]
}
