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

// askMissing prompts for every answer that no flag, record or detection settled, with the
// default for the situation preselected (e.g. internal/monoconnect inside a Go module). It changes
// o in place; Normalize validates the result like any flags.
func askMissing(p Prompter, o *generate.Options, given map[string]bool, errOut io.Writer) error {
	if !given["framework"] && o.Framework == "" {
		var labels []string
		byLabel := map[string]string{}
		def := ""
		for _, t := range generate.Targets() {
			label := fmt.Sprintf("%-8s %s", t.Name, t.Title)
			labels = append(labels, label)
			byLabel[label] = t.Name
			if t.Name == o.Framework {
				def = label
			}
		}
		if def == "" {
			def = labels[0]
		}
		v, err := p.Select(qFramework, labels, def)
		if err != nil {
			return err
		}
		o.Framework = byLabel[v]
	}
	t := generate.LookupTarget(o.Framework)
	if t == nil {
		return nil // Normalize reports it
	}

	if !given["lang"] && len(t.Langs) > 1 && o.Lang == "" {
		def := o.Lang
		if def == "" || !t.SupportsLang(def) {
			def = t.Langs[0]
		}
		var labels []string
		for _, l := range t.Langs {
			labels = append(labels, langLabels[l])
		}
		v, err := p.Select(qLang, labels, langLabels[def])
		if err != nil {
			return err
		}
		for l, label := range langLabels {
			if label == v {
				o.Lang = l
			}
		}
	} else if len(t.Langs) == 1 {
		o.Lang = t.Langs[0]
	}

	if !given["features"] && o.Features == nil {
		var labels, defs []string
		for _, f := range generate.AllFeatures {
			labels = append(labels, featureLabels[f])
		}
		for _, f := range generate.DefaultFeatures {
			defs = append(defs, featureLabels[f])
		}
		vs, err := p.MultiSelect(qFeatures, labels, defs)
		if err != nil {
			return err
		}
		o.Features = []string{}
		for _, v := range vs {
			o.Features = append(o.Features, strings.Fields(v)[0])
		}
	}

	if !given["institution"] && o.Institution == "" {
		direct, err := p.Confirm(qDirectBank, false)
		if err != nil {
			return err
		}
		if direct {
			id, err := p.Input(qInstitution, "", validateInstitution)
			if err != nil {
				return err
			}
			o.Institution = strings.TrimSpace(id)
			if !given["auth-method"] {
				m, err := p.Select(qAuthMethod, generate.AuthMethods, generate.AuthMethods[0])
				if err != nil {
					return err
				}
				o.AuthMethod = m
			}
		}
	}

	if !given["backend"] && o.Backend == "" {
		goServer, err := p.Confirm(qBackend, true)
		if err != nil {
			return err
		}
		o.Backend = "none"
		if goServer {
			o.Backend = "go"
		}
	}
	if o.Backend != "none" && !given["server-dir"] && o.ServerDir == "" {
		def := t.DefaultServerDir(o.GoModule)
		dir, err := p.Input(qServerDir, def, validateServerDir)
		if err != nil {
			return err
		}
		if dir = strings.TrimSpace(dir); dir != def {
			o.ServerDir = dir
		}
	}

	if !given["package-manager"] && o.PackageManager == "" {
		v, err := p.Select(qPackageMgr, generate.PackageManagers, "npm")
		if err != nil {
			return err
		}
		o.PackageManager = v
	}

	if !given["public-key"] && o.PublicKey == "" && t.KeyInEnv() {
		key, err := p.Input(qPublicKey, "", validatePublicKeyAnswer)
		if err != nil {
			return err
		}
		o.PublicKey = strings.TrimSpace(key)
		if o.PublicKey != "" && !publicKeyShape.MatchString(o.PublicKey) {
			fmt.Fprintf(errOut, "warning: %q does not look like a Mono public key (test_pk_… or live_pk_…); keeping it\n", o.PublicKey)
		}
	}
	return nil
}

var publicKeyShape = regexp.MustCompile(`^(test|live)_pk_[A-Za-z0-9]+$`)

// The prompt validators are the flags' own, showing only the reason (the prompt is the flag).

func validateInstitution(s string) error {
	if err := generate.ValidateInstitution(strings.TrimSpace(s)); err != nil {
		return fmt.Errorf("%s, e.g. 5f2d08be60b92e2888287702", generate.Reason(err))
	}
	return nil
}

func validateServerDir(s string) error {
	if _, err := generate.ValidateServerDir(strings.TrimSpace(s)); err != nil {
		return fmt.Errorf("%s", generate.Reason(err))
	}
	return nil
}

func validatePublicKeyAnswer(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if err := generate.CheckPublicKey(s); err != nil {
		if strings.Contains(err.Error(), "secret key") {
			return fmt.Errorf("that is a secret key: it must never reach a browser. Paste the public key (test_pk_…), and give the secret to the server as MONO_SECRET_KEY")
		}
		return fmt.Errorf("a Mono public key is letters, digits, '_' and '-'")
	}
	return nil
}

// oneShot is the command line that reproduces an interactive run without prompts.
func oneShot(dir string, o generate.Options, t *generate.Target) string {
	args := []string{"mono-connect", "init"}
	if dir != "." {
		args = append(args, shellQuote(dir))
	}
	args = append(args, "--framework", o.Framework, "--lang", o.Lang, "--features", strings.Join(o.Features, ","))
	if o.Institution != "" {
		args = append(args, "--institution", o.Institution, "--auth-method", o.AuthMethod)
	}
	args = append(args, "--backend", o.Backend)
	if o.ServerDir != "" {
		args = append(args, "--server-dir", shellQuote(o.ServerDir))
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
