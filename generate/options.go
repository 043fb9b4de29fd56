package generate

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Options are the answers of one init: every flag, after detection filled the gaps. They are
// recorded in mono-connect.json, so `generate` can render the same files again.
type Options struct {
	Framework   string   // target name
	Lang        string   // "ts" or "js"
	Features    []string // subset of AllFeatures
	Institution string   // Mono institution id, or ""
	AuthMethod  string   // with Institution: internet_banking or mobile_banking
	Backend     string   // "go" or "none"
	ServerDir   string   // where the Go code goes; "" means the default for the situation
	// StaticDir is the folder a Static target writes the element and connect.js into ("": the
	// folder the project's layout suggests); only a Static target has one.
	StaticDir    string
	PublicKeyEnv string // "" means the target's default
	// Variant picks one of the target's Variants ("" the target itself): "vite" is plain Svelte on
	// Vite under svelte. Detection sets it; init's --variant names it; it is recorded.
	Variant string
	// PublicKey is written to the target's gitignored env file when given. It is never recorded.
	PublicKey      string
	PackageManager string // npm, yarn, pnpm or bun
	// Installing says the caller runs the package manager itself (--install), so the next steps
	// do not ask the user to.
	Installing bool

	// Greenfield asks for the starter app as well as the integration.
	Greenfield bool
	// AppName is the starter's package.json name (greenfield); derived from the directory name.
	AppName string

	// GoModule is the Go module enclosing the project, found by the caller; nil when there is none.
	GoModule *GoModule
}

// GoModule is a go.mod found in the project directory or above it.
type GoModule struct {
	Path string // module path from the go.mod
	// RelDir is the project directory relative to the go.mod's directory, slash-separated ("." when
	// they are the same).
	RelDir string
}

// Values accepted by the options, exported for help texts, prompts and completion.
var (
	AllFeatures     = []string{"link", "reauth", "payments", "events"}
	DefaultFeatures = []string{"link", "events"}
	AuthMethods     = []string{"internet_banking", "mobile_banking"}
	Backends        = []string{"go", "none"}
	PackageManagers = []string{"npm", "yarn", "pnpm", "bun"}
	Langs           = []string{"ts", "js"}
)

// DefaultServerPort is where the standalone Go server listens and the dev proxies point.
const DefaultServerPort = 8080

// DefaultServerDir is where package monoconnect goes when --server-dir is not given: the
// standalone server/ module outside a Go module; internal/monoconnect when the project is the
// module's root; and monoconnect (not internal) when the project is a folder inside the module,
// because Go lets only code below web/ import web/internal/..., and the module's server usually
// lives elsewhere (cmd/, the root). mono-connect never writes outside the project directory.
func DefaultServerDir(mod *GoModule) string {
	switch {
	case mod == nil:
		return "server"
	case mod.RelDir == "" || mod.RelDir == ".":
		return "internal/monoconnect"
	default:
		return "monoconnect"
	}
}

// standaloneModulePath is the module path of the greenfield server/ module.
const standaloneModulePath = "monoconnect-server"

// UsageError is an error in what the user asked for: a bad flag value or a missing answer. The
// command exits 2 for it. Msg is the one line printed; a field validator also says which flag
// (without dashes) and why, so a prompt can show the reason alone without matching text.
type UsageError struct {
	Msg    string
	Flag   string // e.g. "server-dir"; "" when the error is not about one flag
	Reason string // what is wrong with the value, as a prompt shows it
}

// fieldError is a field validator's error: Msg reads `invalid --flag "value": reason`.
func fieldError(flag, value, reason string) *UsageError {
	return &UsageError{Msg: fmt.Sprintf("invalid --%s %q: %s", flag, value, reason), Flag: flag, Reason: reason}
}

// Reason returns what a field validator said about the value, or err's text for any other error.
func Reason(err error) string {
	var u *UsageError
	if errors.As(err, &u) && u.Reason != "" {
		return u.Reason
	}
	return err.Error()
}

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// IsUsage reports whether err is (or wraps) a UsageError.
func IsUsage(err error) bool {
	var u *UsageError
	return errors.As(err, &u)
}

var (
	institutionRe = regexp.MustCompile(`^[0-9a-f]{24}$`)
	envNameRe     = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
	// Keys are written into env files: a conservative alphabet keeps them from breaking the line.
	// (Lengths are checked apart: a counted repetition compiles into a large program, and these
	// are compiled at every start.)
	publicKeyRe = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	secretKeyRe = regexp.MustCompile(`(^|_)sk_`)
	npmNameRe   = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)
	dirRe       = regexp.MustCompile(`^[A-Za-z0-9._/-]+$`)
)

// CheckPublicKey refuses a secret key (it would ship to every browser) and anything that cannot be
// written safely into an env file.
func CheckPublicKey(key string) error {
	if secretKeyRe.MatchString(key) {
		u := usageField("public-key", key, "--public-key looks like a secret key (…_sk_…): never put it in frontend code; use the public key (test_pk_… or live_pk_…) and give the secret to the server as MONO_SECRET_KEY")
		u.Reason = "that is a secret key: it must never reach a browser. Paste the public key (test_pk_…), and give the secret to the server as MONO_SECRET_KEY"
		return u
	}
	if len(key) > 200 || !publicKeyRe.MatchString(key) {
		u := usageField("public-key", key, "invalid --public-key: a Mono public key is letters, digits, '_' and '-' (e.g. test_pk_…)")
		u.Reason = "a Mono public key is letters, digits, '_' and '-'"
		return u
	}
	return nil
}

// AppNameFrom derives a valid package name from a directory name, or "" if none can be made.
func AppNameFrom(dir string) string {
	name := strings.ToLower(path.Base(strings.ReplaceAll(dir, "\\", "/")))
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('-')
		}
	}
	out := strings.TrimLeft(b.String(), "._-")
	if len(out) > 214 {
		out = out[:214]
	}
	return out
}

// TargetNames lists the --framework values in display order.
func TargetNames() []string {
	var names []string
	for _, t := range Targets() {
		names = append(names, t.Name)
	}
	return names
}

func normalizeFeatures(in []string) ([]string, error) {
	seen := map[string]bool{}
	for _, f := range in {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !contains(AllFeatures, f) {
			return nil, usagef("unknown feature %q in --features: use a comma list of %s", f, strings.Join(AllFeatures, ", "))
		}
		seen[f] = true
	}
	// Linking is what every other feature builds on.
	seen["link"] = true
	var out []string
	for _, f := range AllFeatures {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out, nil
}

// ValidateInstitution is --institution's validator (flag and prompt).
func ValidateInstitution(id string) error {
	if !institutionRe.MatchString(id) {
		return fieldError("institution", id, "a Mono institution id is 24 lowercase hex characters")
	}
	return nil
}

// ValidateServerDir is --server-dir's validator (flag and prompt): a directory that must stay
// inside the project: relative, no "..", no characters that would need quoting in a path or an
// import path. It returns the cleaned path.
func ValidateServerDir(dir string) (string, error) { return validateProjectDir("server-dir", dir) }

// ValidateStaticDir is --static-dir's validator: the same rules as --server-dir, since the folder
// also lands in generated paths and next steps.
func ValidateStaticDir(dir string) (string, error) { return validateProjectDir("static-dir", dir) }

// staticTargetNames lists the targets --static-dir applies to, in display order.
func staticTargetNames() []string {
	var names []string
	for _, t := range Targets() {
		if t.Static != nil {
			names = append(names, t.Name)
		}
	}
	return names
}

func validateProjectDir(flag, dir string) (string, error) {
	d := strings.ReplaceAll(dir, "\\", "/")
	if !dirRe.MatchString(d) {
		return "", fieldError(flag, dir, "use letters, digits, '.', '_', '-' and '/'")
	}
	if path.IsAbs(d) {
		return "", fieldError(flag, dir, "it must be relative to the project directory")
	}
	clean := path.Clean(d)
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", fieldError(flag, dir, "it must name a directory inside the project")
	}
	for _, seg := range strings.Split(clean, "/") {
		if strings.HasPrefix(seg, ".") || seg == "node_modules" {
			return "", fieldError(flag, dir, strconv.Quote(seg)+" is not a place for source code")
		}
	}
	return clean, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func sortedCopy(in []string) []string {
	out := append([]string(nil), in...)
	sort.Strings(out)
	return out
}

// variantHint lists a target's variants for an error message ("" when it has none).
func variantHint(t *Target) string {
	if len(t.Variants) == 0 {
		return ": it has no variants (drop --variant)"
	}
	return ": use " + strings.Join(t.VariantKeys(), " or ") + ", or drop --variant"
}
