package main

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/mono-connect/mono-connect/generate"
)

// Prompt texts. Tests match them exactly, so a changed question is a visible change.
const (
	qFramework   = "Which framework does the app use?"
	qLang        = "TypeScript or JavaScript?"
	qFeatures    = "Which features? (space toggles, enter confirms)"
	qDirectBank  = "Open one bank directly instead of the bank list?"
	qInstitution = "Mono institution id (24 hex characters, from the Mono dashboard)"
	qAuthMethod  = "How does the user sign in to that bank?"
	qBackend     = "Generate the Go server handler (token exchange, payments, webhooks)?"
	qServerDir   = "Where should the Go code go?"
	qPackageMgr  = "Which package manager?"
	qPublicKey   = "Mono public key (optional: Enter to skip and add it to the env file later)"
	qConfirm     = "Write these files?"
)

var featureLabels = map[string]string{
	"link":     "link      link a bank account (always on)",
	"reauth":   "reauth    re-authorise an account that needs MFA again",
	"payments": "payments  one-time payments with DirectPay",
	"events":   "events    widget events (onEvent) in your app",
}

var langLabels = map[string]string{"ts": "TypeScript", "js": "JavaScript"}

// resolveAsking resolves init's answers (generate.Resolve) and, when p is not nil, asks each
// question the resolver leaves open, in turn: an answer can change the next question (the
// framework decides the languages offered), so every answer is resolved again. The "detected:"
// line goes to errOut (not with --json) as soon as the resolver knows what the project says.
func resolveAsking(p Prompter, in generate.ResolveInput, errOut io.Writer, quiet bool) (*generate.Resolution, error) {
	in.CanAsk = p != nil
	in.Answers = map[string]string{}
	shown := 0
	for {
		res, err := generate.Resolve(in)
		if err != nil {
			return nil, err
		}
		if n := len(res.Detected); n > shown && !quiet {
			var notes []string
			for _, d := range res.Detected[shown:] {
				notes = append(notes, d.Note)
			}
			fmt.Fprintf(errOut, "detected: %s\n", strings.Join(notes, ", "))
			shown = n
		}
		if len(res.Open) == 0 {
			return res, nil
		}
		q := res.Open[0]
		v, err := ask(p, q, res, errOut)
		if err != nil {
			return nil, err
		}
		in.Answers[q.Field] = v
	}
}

// ask puts one open question to the user. The fields mono-connect has always asked about get
// their own wording and widgets; any other field (a target's own option) gets a plain select or
// input named after its flag, validated like the flag.
func ask(p Prompter, q generate.Question, res *generate.Resolution, errOut io.Writer) (string, error) {
	validate := func(extra string) func(string) error {
		return func(s string) error {
			if _, err := res.Check(q.Field, strings.TrimSpace(s)); err != nil {
				return fmt.Errorf("%s%s", generate.Reason(err), extra)
			}
			return nil
		}
	}
	switch q.Field {
	case "framework":
		var labels []string
		byLabel := map[string]string{}
		def := ""
		for _, t := range generate.Targets() {
			label := fmt.Sprintf("%-8s %s", t.Name, t.Title)
			labels = append(labels, label)
			byLabel[label] = t.Name
			if t.Name == q.Default {
				def = label
			}
		}
		v, err := p.Select(qFramework, labels, def)
		return byLabel[v], err
	case "lang":
		var labels []string
		for _, l := range q.Choices {
			labels = append(labels, langLabels[l])
		}
		v, err := p.Select(qLang, labels, langLabels[q.Default])
		for l, label := range langLabels {
			if label == v {
				return l, err
			}
		}
		return v, err
	case "features":
		var labels, defs []string
		for _, f := range q.Choices {
			labels = append(labels, featureLabels[f])
		}
		for _, f := range strings.Split(q.Default, ",") {
			defs = append(defs, featureLabels[f])
		}
		vs, err := p.MultiSelect(qFeatures, labels, defs)
		var picked []string
		for _, v := range vs {
			picked = append(picked, strings.Fields(v)[0])
		}
		return strings.Join(picked, ","), err
	case "institution":
		direct, err := p.Confirm(qDirectBank, false)
		if err != nil || !direct {
			return "", err
		}
		id, err := p.Input(qInstitution, "", validate(", e.g. 5f2d08be60b92e2888287702"))
		return strings.TrimSpace(id), err
	case "backend":
		goServer, err := p.Confirm(qBackend, q.Default == "go")
		if goServer {
			return "go", err
		}
		return "none", err
	case "public-key":
		key, err := p.Input(qPublicKey, "", validate(""))
		key = strings.TrimSpace(key)
		if err == nil && key != "" && !publicKeyShape.MatchString(key) {
			fmt.Fprintf(errOut, "warning: %q does not look like a Mono public key (test_pk_… or live_pk_…); keeping it\n", key)
		}
		return key, err
	}
	msg, ok := questions[q.Field]
	if !ok {
		msg = "--" + q.Field + "?"
	}
	if q.Multi {
		var defs []string
		if q.Default != "" {
			defs = strings.Split(q.Default, ",")
		}
		vs, err := p.MultiSelect(msg, q.Choices, defs)
		return strings.Join(vs, ","), err
	}
	if len(q.Choices) > 0 {
		return p.Select(msg, q.Choices, q.Default)
	}
	v, err := p.Input(msg, q.Default, validate(""))
	return strings.TrimSpace(v), err
}

// questions words the fields asked with a plain select or input.
var questions = map[string]string{
	"auth-method":     qAuthMethod,
	"server-dir":      qServerDir,
	"package-manager": qPackageMgr,
}

var publicKeyShape = regexp.MustCompile(`^(test|live)_pk_[A-Za-z0-9]+$`)

// oneShot is the command line that reproduces an interactive run without prompts.
func oneShot(dir string, o generate.Options, t *generate.Target) string {
	args := []string{"mono-connect", "init"}
	if dir != "." {
		args = append(args, shellQuote(dir))
	}
	args = append(args, "--framework", o.Framework)
	if o.Variant != "" {
		args = append(args, "--variant", o.Variant)
	}
	args = append(args, "--lang", o.Lang, "--features", strings.Join(o.Features, ","))
	if o.Institution != "" {
		args = append(args, "--institution", o.Institution, "--auth-method", o.AuthMethod)
	}
	args = append(args, "--backend", o.Backend)
	if o.Backend == "go" && o.ServerDir != generate.DefaultServerDir(o.GoModule) {
		args = append(args, "--server-dir", shellQuote(o.ServerDir))
	}
	if o.StaticDir != "" {
		args = append(args, "--static-dir", shellQuote(o.StaticDir))
	}
	if t != nil && o.PublicKeyEnv != t.PublicKeyEnv {
		args = append(args, "--public-key-env", o.PublicKeyEnv)
	}
	args = append(args, "--package-manager", o.PackageManager, "--yes")
	return strings.Join(args, " ")
}

var shellSafe = regexp.MustCompile(`^[A-Za-z0-9._/,=:@+-]+$`)

func shellQuote(s string) string {
	if shellSafe.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
