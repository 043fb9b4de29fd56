// Package doctor diagnoses a project mono-connect wired: the record, drift, the widget package,
// keys (where the framework reads them, their kind and mode), secrets leaking to the frontend,
// ignore rules, the dev proxy, allowed origins, a Content-Security-Policy, the running Go server
// and, on request, Mono itself.
//
// Checks are data: each has a stable id (the contract's list, IDs), a status, a message naming
// the variable and the file (never a key's value: keys are masked, test_pk_…3f9a), a remedy to
// copy, and, when the remedy is safe to apply, a fix. Run reads only (besides HTTP requests to
// local addresses, and `go build` of the generated package); Fix writes.
package doctor

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/mono-connect/mono-connect/generate"
)

// Status is a check's outcome.
type Status string

// The four outcomes of the contract.
const (
	Pass Status = "pass"
	Warn Status = "warn"
	Fail Status = "fail"
	Skip Status = "skip"
)

// IDs are the check ids in the order they run and print (cli-contract.md, doctor). Tests and
// scripts rely on them: never rename one.
var IDs = []string{
	"record", "drift", "widget", "public-key", "secret-key", "key-mode", "webhook-secret",
	"secrets-in-frontend", "gitignore", "dev-proxy", "allowed-origins", "csp", "server",
	"go-build", "mono-api",
}

// Check is one finding.
type Check struct {
	ID      string `json:"id"`
	Status  Status `json:"status"`
	Message string `json:"message"`
	Remedy  string `json:"remedy"`
	Fixable bool   `json:"fixable"`

	// fix applies the remedy and says what it changed; set exactly when Fixable.
	fix func(f *fixer) ([]string, error)
	// overwrites says the fix would replace someone's edits (FixOptions.RestoreEdited).
	overwrites bool
}

// NeedsConfirmation reports whether the check's fix would overwrite a file someone edited, so
// the command asks first (or requires --yes).
func (c Check) NeedsConfirmation() bool { return c.fix != nil && c.overwrites }

// Summary counts the checks by status.
type Summary struct {
	Pass int `json:"pass"`
	Warn int `json:"warn"`
	Fail int `json:"fail"`
	Skip int `json:"skip"`
}

// Report is what `doctor --json` prints.
type Report struct {
	Dir     string  `json:"dir"`
	Checks  []Check `json:"checks"`
	Summary Summary `json:"summary"`
}

// Failed reports whether any check failed (exit 4).
func (r *Report) Failed() bool { return r.Summary.Fail > 0 }

// Options are what Run needs from its caller.
type Options struct {
	Dir  string // as the user gave it, for the report
	Root string // absolute project directory

	ToolVersion string
	// Getenv reads the environment doctor runs in (the one the dev server and Go server are
	// usually started from); nil means os.Getenv.
	Getenv func(string) string
	// Online allows the mono-api check's request to MONO_API_BASE_URL.
	Online bool
	// Client makes every HTTP request (local probes and --online); nil means a client with
	// short timeouts.
	Client *http.Client
	// Plan renders what `generate` would write for rec (the command knows how to find the Go
	// module); drift is skipped when nil.
	Plan func(root string, rec *generate.Record) (*generate.Plan, error)
	// GoCommand is the go binary for go-build; "" skips the check.
	GoCommand string
}

// ErrNoDir is returned when the directory to diagnose does not exist.
var ErrNoDir = errors.New("no such directory")

// Run performs every check in IDs order.
func Run(ctx context.Context, o Options) (*Report, error) {
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	if o.Client == nil {
		o.Client = defaultClient()
	}
	info, err := os.Stat(o.Root)
	if err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s: %w: give the project directory", o.Dir, ErrNoDir)
	}
	p := load(ctx, o)
	rep := &Report{Dir: filepath.ToSlash(filepath.Clean(o.Dir))}
	for _, id := range IDs {
		c := checks[id](ctx, p)
		c.ID = id
		c.Fixable = c.fix != nil
		rep.Checks = append(rep.Checks, c)
		switch c.Status {
		case Pass:
			rep.Summary.Pass++
		case Warn:
			rep.Summary.Warn++
		case Fail:
			rep.Summary.Fail++
		default:
			rep.Summary.Skip++
		}
	}
	return rep, nil
}

// checks maps each id to its function; load has done the shared reading.
var checks = map[string]func(context.Context, *project) Check{
	"record":              checkRecord,
	"drift":               checkDrift,
	"widget":              checkWidget,
	"public-key":          checkPublicKey,
	"secret-key":          checkSecretKey,
	"key-mode":            checkKeyMode,
	"webhook-secret":      checkWebhookSecret,
	"secrets-in-frontend": checkSecretsInFrontend,
	"gitignore":           checkGitignore,
	"dev-proxy":           checkDevProxy,
	"allowed-origins":     checkAllowedOrigins,
	"csp":                 checkCSP,
	"server":              checkServer,
	"go-build":            checkGoBuild,
	"mono-api":            checkMonoAPI,
}

// FixOptions say which fixes may run.
type FixOptions struct {
	// RestoreEdited allows overwriting generated files someone edited (drift of owned files);
	// the command sets it after a confirmation or --yes. Everything else --fix does only adds.
	RestoreEdited bool
}

// Fix applies the fix of every fixable check in rep and returns one line per change. It never
// writes a key's value: the fixes add ignore lines, empty .env.example entries, a proxy entry,
// or restore generated files, none of which holds a key.
func Fix(ctx context.Context, o Options, rep *Report, fo FixOptions) ([]string, error) {
	f := &fixer{o: o, fo: fo}
	var changed []string
	for _, c := range rep.Checks {
		if c.fix == nil {
			continue
		}
		lines, err := c.fix(f)
		if err != nil {
			return changed, fmt.Errorf("fixing %s: %w", c.ID, err)
		}
		changed = append(changed, lines...)
	}
	return changed, nil
}

type fixer struct {
	o  Options
	fo FixOptions
}

func pass(msg string, args ...any) Check {
	return Check{Status: Pass, Message: fmt.Sprintf(msg, args...)}
}
func skip(msg string, args ...any) Check {
	return Check{Status: Skip, Message: fmt.Sprintf(msg, args...)}
}

func fail(remedy, msg string, args ...any) Check {
	return Check{Status: Fail, Message: fmt.Sprintf(msg, args...), Remedy: remedy}
}

func warn(remedy, msg string, args ...any) Check {
	return Check{Status: Warn, Message: fmt.Sprintf(msg, args...), Remedy: remedy}
}

// joinNames lists names for a message: a, b and c.
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
