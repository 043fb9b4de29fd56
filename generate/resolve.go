package generate

import (
	"path/filepath"
	"strings"
)

// Source says which layer settled an answer. The layers win in this order: a flag, the record
// of an earlier init, what the project shows (detection), a prompt's answer, the default.
type Source string

// Sources, highest precedence first.
const (
	FromFlag      Source = "flag"
	FromRecord    Source = "record"
	FromDetection Source = "detected"
	FromPrompt    Source = "prompt"
	FromDefault   Source = "default"
)

// ResolveInput is everything Resolve reads. The caller did the I/O (flags, record, detection, the
// Go module search); Resolve only decides.
type ResolveInput struct {
	// Flags are the answers given on the command line, by flag name without dashes ("server-dir");
	// only flags the user set. A list (features) is comma-separated; "" is an explicit empty list.
	Flags map[string]string
	// Record is the project's mono-connect.json, or nil.
	Record *Record
	// Detection is what the project says about itself.
	Detection Detection
	// GoModule is the Go module enclosing the project, or nil. GoModuleErr is why looking for it
	// failed (a go.mod without a module line): an error only when the Go code is to be written.
	GoModule    *GoModule
	GoModuleErr error
	// Answers are the prompt's answers so far, keyed like Flags.
	Answers map[string]string
	// CanAsk: a prompter answers the open questions. Without one, every open question takes its
	// default, and one without a default is a usage error.
	CanAsk bool

	// Dir is DIR as the user named it (for messages); Root is its absolute path (the starter's
	// package name comes from its last element).
	Dir, Root string
	// DirExists and DirEmpty describe DIR (empty: missing, or only version-control metadata).
	DirExists, DirEmpty bool
}

// Question is an answer still open, for a prompter to ask.
type Question struct {
	Field    string   // the flag it answers, without dashes: "server-dir"
	Choices  []string // the accepted values when they are a fixed set, in display order
	Multi    bool     // the answer is a subset of Choices, comma-separated
	Default  string   // the answer a prompt preselects ("" for none)
	Required bool     // there is no default of its own (Default is only a preselection)
}

// Detected is one answer taken from the project, with what showed it.
type Detected struct {
	Field    string `json:"field"` // the answer's key, as in mono-connect.json ("package_manager")
	Value    string `json:"value"`
	Evidence string `json:"evidence"`
	Note     string `json:"-"` // the same, for the "detected:" line a person reads
}

// Resolution is what Resolve settled.
type Resolution struct {
	// Options are the resolved answers, every open question at its default (normalized, unless a
	// required question is open: then only the fields before it are set).
	Options Options
	// Target is the resolved framework's, or nil while the framework is an open question.
	Target *Target
	// Sources says where each settled field's value came from, by flag name.
	Sources map[string]Source
	// Detected lists the answers taken from the project, in field order, then the Go module.
	Detected []Detected
	// Open lists the questions still open, in asking order (only with CanAsk). Answering one can
	// change the next (the framework decides the languages): the prompter answers the first, adds
	// it to Answers and resolves again.
	Open []Question

	state *fieldState
}

// detection labels for the "detected:" line, by field.
var detectionLabels = map[string]string{"lang": "language", "package-manager": "package manager", "static-dir": "static folder"}

// Resolve settles every answer of an init: each field takes the first of flag, record, detection,
// prompt answer and default that has a value, and is validated (the same validators as
// Normalize, whatever the layer). It performs no I/O.
func Resolve(in ResolveInput) (*Resolution, error) {
	if len(in.Detection.Workspaces) > 0 && in.Flags["framework"] == "" {
		ws := in.Detection.Workspaces
		return nil, usagef("%s is a monorepo root with apps %s: run init in one of them (mono-connect init %s)", in.Dir, strings.Join(ws, ", "), filepath.ToSlash(filepath.Join(in.Dir, ws[0])))
	}
	r := &Resolution{Sources: map[string]Source{}}
	s := &fieldState{opts: &r.Options, sources: r.Sources}
	r.state = s
	if in.DirEmpty {
		r.Options.Greenfield = true
		// The default name, for a directory whose name makes none, is Normalize's.
		r.Options.AppName = AppNameFrom(filepath.ToSlash(in.Root))
	}
	for _, f := range fields {
		if f.name == "server-dir" {
			// The Go module matters only to the Go code; settled here, where the backend is known.
			r.Options.GoModule = nil
			if r.Options.Backend == "go" {
				if in.GoModuleErr != nil {
					return nil, in.GoModuleErr
				}
				r.Options.GoModule = in.GoModule
			}
		}
		v, src, ok := in.layer(s, f)
		if ok {
			if err := s.settle(f, v, true); err != nil {
				return nil, err
			}
			r.Sources[f.name] = src
			if src == FromDetection {
				got, _ := f.get(s.opts)
				_, ev := f.detect(s, in.Detection)
				r.Detected = append(r.Detected, detected(f, got, ev))
			}
			continue
		}
		if f.name == "framework" && in.DirExists && !in.DirEmpty && !in.Detection.HasPackageJSON {
			return nil, usagef("%s has files but no package.json: pass --framework to add Mono Connect to it anyway, or use an empty directory for a new app", in.Dir)
		}
		if f.applies != nil && !f.applies(s) {
			f.put(s.opts, "")
			continue
		}
		if in.CanAsk && (f.ask == nil || f.ask(s)) {
			q := Question{Field: f.name, Multi: f.multi, Default: f.def(s), Required: f.required}
			if f.choices != nil {
				q.Choices = f.choices(s)
			}
			if q.Required {
				// Nothing after it can be settled before it is answered; the prompt preselects the
				// first choice, if any.
				if len(q.Choices) > 0 {
					q.Default = q.Choices[0]
				}
				r.Open = append(r.Open, q)
				return r, nil
			}
			r.Open = append(r.Open, q)
		}
		if err := s.settle(f, "", false); err != nil {
			return nil, err
		}
		r.Sources[f.name] = FromDefault
	}
	r.Target = s.target
	if r.Options.GoModule != nil {
		m := r.Options.GoModule
		ev := "go.mod"
		if m.RelDir != "." && m.RelDir != "" {
			ev = strings.Repeat("../", strings.Count(m.RelDir, "/")+1) + "go.mod"
		}
		r.Detected = append(r.Detected, Detected{Field: "go_module", Value: m.Path, Evidence: ev, Note: "Go module " + m.Path})
	}
	if _, err := r.Options.Normalize(); err != nil {
		return nil, err
	}
	return r, nil
}

// layer returns the value of the highest layer that has one for f.
func (in *ResolveInput) layer(s *fieldState, f *field) (string, Source, bool) {
	if v, ok := in.Flags[f.name]; ok {
		return v, FromFlag, true
	}
	if in.Record != nil && f.fromRecord != nil {
		if v, ok := f.fromRecord(s, in.Record.Answers); ok {
			return v, FromRecord, true
		}
	}
	if f.detect != nil {
		if v, _ := f.detect(s, in.Detection); v != "" {
			return v, FromDetection, true
		}
	}
	if v, ok := in.Answers[f.name]; ok {
		return v, FromPrompt, true
	}
	return "", "", false
}

func detected(f *field, value, evidence string) Detected {
	label := detectionLabels[f.name]
	if label == "" {
		label = f.name
	}
	return Detected{Field: f.key, Value: value, Evidence: evidence, Note: label + " " + value + " (" + evidence + ")"}
}

// Check validates a candidate answer to the question for field, in the context of the answers
// settled before it, and returns it cleaned. A prompt's validator calls it, so a prompt refuses
// exactly what the flag would; the error is a *UsageError whose Reason a prompt shows.
func (r *Resolution) Check(field, value string) (string, error) {
	f := fieldNamed(field)
	if f == nil {
		return "", usagef("unknown field %q", field)
	}
	if value == "" && f.emptyOK {
		return "", nil
	}
	if value == "" {
		return f.def(r.state), nil
	}
	saved, target := *r.state.opts, r.state.target
	defer func() { *r.state.opts, r.state.target = saved, target }()
	return f.validate(r.state, value)
}
