package generate

import (
	"fmt"
	"strings"
)

// field is one answer of Options, described once: where a record or the project can supply it,
// its default, its validator, and whether a prompt may ask for it. Normalize and Resolve both walk
// fields in order, so a default or a rule lives here and nowhere else. A target adding an option
// (say --static-dir) adds one entry; the resolver, the prompts and the JSON follow.
//
// Values are strings as a flag spells them; a list (features) is comma-separated.
type field struct {
	name string // the flag, without dashes: "server-dir"
	key  string // the answer's JSON key (record, --json detected): "server_dir"

	// emptyOK: "" is an answer of its own (no institution, no optional feature), not "take the
	// default".
	emptyOK bool
	// required: there is no default; without a prompter a missing value is a usage error.
	required bool

	// opt is the Options field a string answer lives in ("" is unset); a list answer (features)
	// has getList and putList instead, which carry it as a comma list.
	opt     func(o *Options) *string
	getList func(o *Options) (value string, set bool)
	putList func(o *Options, value string)

	// applies reports whether the field means anything given the answers before it (nil: always).
	// A field that does not apply gets no default and no question; a value given for it anyway is
	// still validated, and its validator says why it does not fit.
	applies func(s *fieldState) bool
	// ask reports whether a prompt may ask for the field (nil: whenever it applies).
	ask func(s *fieldState) bool
	// fromRecord returns the recorded answer, if the record settles the field (nil: never).
	fromRecord func(s *fieldState, a Answers) (string, bool)
	// detect returns what the project says, with evidence, or "" (nil: never detected).
	detect func(s *fieldState, d Detection) (value, evidence string)
	// def is the default for the situation (the answers before it); "" for none.
	def func(s *fieldState) string
	// choices lists the accepted values when they are a fixed set (the prompt's options).
	choices func(s *fieldState) []string
	multi   bool // the answer is a subset of choices
	// validate checks a non-empty value (or an empty one, when emptyOK) in the context of the
	// answers before it and returns it cleaned, or a *UsageError naming the flag.
	validate func(s *fieldState, value string) (string, error)
}

// fieldState is what a field's functions may read: the options settled so far and their target.
type fieldState struct {
	opts    *Options
	target  *Target           // nil until framework is settled
	sources map[string]Source // Resolve only: the layer each field came from
}

// get returns the field's answer in o and whether one is set.
func (f *field) get(o *Options) (string, bool) {
	if f.opt == nil {
		return f.getList(o)
	}
	v := *f.opt(o)
	return v, v != ""
}

// put sets the field's answer in o.
func (f *field) put(o *Options, v string) {
	if f.opt == nil {
		f.putList(o, v)
		return
	}
	*f.opt(o) = v
}

// defaultAppName is the starter's package name when the directory's name makes none.
const defaultAppName = "mono-connect-app"

// fields, in the order they are settled (a field may depend on any before it), validated and
// asked.
var fields = []*field{
	{
		name: "framework", key: "framework", required: true,
		opt:        func(o *Options) *string { return &o.Framework },
		fromRecord: recorded(func(a Answers) string { return a.Framework }),
		detect: func(_ *fieldState, d Detection) (string, string) {
			return d.Framework, d.FrameworkEvidence
		},
		def:     func(*fieldState) string { return "" },
		choices: func(*fieldState) []string { return TargetNames() },
		validate: func(s *fieldState, v string) (string, error) {
			t := LookupTarget(v)
			if t == nil {
				return "", usageField("framework", v, "unknown framework %q for --framework: use one of %s", v, strings.Join(TargetNames(), ", "))
			}
			s.target = t
			return v, nil
		},
	},
	{
		// A variant is another shape of the framework (plain Svelte on Vite under svelte): a flag
		// names it, else the record (when it is of the same framework), else the project shows it.
		// Never asked (the project decides), and never for a new app: a starter is the target itself.
		name: "variant", key: "variant",
		opt:     func(o *Options) *string { return &o.Variant },
		applies: func(s *fieldState) bool { return len(s.target.Variants) > 0 && !s.opts.Greenfield },
		ask:     func(*fieldState) bool { return false },
		fromRecord: func(s *fieldState, a Answers) (string, bool) {
			// A record of another framework's variant says nothing about this framework.
			return a.Variant, a.Variant != "" && a.Framework == s.opts.Framework
		},
		detect: func(s *fieldState, d Detection) (string, string) {
			if d.Framework != s.opts.Framework || s.opts.Greenfield {
				return "", "" // --framework named another framework than the project's
			}
			return d.Variant, d.VariantEvidence
		},
		def: func(*fieldState) string { return "" },
		validate: func(s *fieldState, v string) (string, error) {
			t := s.target
			variant := t.Variants[v]
			if variant == nil {
				return "", usageField("variant", v, "unknown --variant %q for %s%s", v, t.Name, variantHint(t))
			}
			if s.opts.Greenfield {
				return "", usageField("variant", v, "--variant %s is for an existing app: a new %s app is %s (drop --variant)", v, t.Name, t.Title)
			}
			// Every field after this one reads the variant's definition (its languages, its key's
			// env variable).
			s.target = variant
			return v, nil
		},
	},
	{
		name: "lang", key: "lang",
		opt:        func(o *Options) *string { return &o.Lang },
		ask:        func(s *fieldState) bool { return len(s.target.Langs) > 1 },
		fromRecord: recorded(func(a Answers) string { return a.Lang }),
		detect: func(s *fieldState, d Detection) (string, string) {
			if d.Lang == "" || !s.target.SupportsLang(d.Lang) {
				return "", "" // e.g. no tsconfig.json in an Angular app: its one language stands
			}
			return d.Lang, d.LangEvidence
		},
		def:     func(s *fieldState) string { return s.target.Langs[0] },
		choices: func(s *fieldState) []string { return s.target.Langs },
		validate: func(s *fieldState, v string) (string, error) {
			if !contains(Langs, v) {
				return "", usageField("lang", v, "unknown language %q for --lang: use ts or js", v)
			}
			if !s.target.SupportsLang(v) {
				return "", usageField("lang", v, "--lang %s is not supported for %s: use --lang %s", v, s.target.Name, strings.Join(s.target.Langs, " or --lang "))
			}
			return v, nil
		},
	},
	{
		name: "features", key: "features", emptyOK: true, multi: true,
		getList: func(o *Options) (string, bool) { return strings.Join(o.Features, ","), o.Features != nil },
		putList: func(o *Options, v string) {
			o.Features = []string{}
			for _, f := range strings.Split(v, ",") {
				if f != "" {
					o.Features = append(o.Features, f)
				}
			}
		},
		fromRecord: func(_ *fieldState, a Answers) (string, bool) { return strings.Join(a.Features, ","), true },
		def:        func(*fieldState) string { return strings.Join(DefaultFeatures, ",") },
		choices:    func(*fieldState) []string { return AllFeatures },
		validate: func(_ *fieldState, v string) (string, error) {
			feats, err := normalizeFeatures(strings.Split(v, ","))
			return strings.Join(feats, ","), err
		},
	},
	{
		name: "institution", key: "institution", emptyOK: true,
		opt:        func(o *Options) *string { return &o.Institution },
		fromRecord: func(_ *fieldState, a Answers) (string, bool) { return a.Institution, true },
		def:        func(*fieldState) string { return "" },
		validate: func(_ *fieldState, v string) (string, error) {
			if v == "" {
				return "", nil
			}
			return v, ValidateInstitution(v)
		},
	},
	{
		name: "auth-method", key: "auth_method",
		opt:     func(o *Options) *string { return &o.AuthMethod },
		applies: func(s *fieldState) bool { return s.opts.Institution != "" },
		// Asked together with a prompted institution; one given as a flag opens with the default
		// method unless --auth-method says otherwise, as it does without a terminal.
		ask: func(s *fieldState) bool { return s.sources["institution"] == FromPrompt },
		fromRecord: func(s *fieldState, a Answers) (string, bool) {
			// The recorded method belongs to the recorded institution, not to a new one.
			return a.AuthMethod, s.sources["institution"] == FromRecord && a.AuthMethod != ""
		},
		def:     func(*fieldState) string { return AuthMethods[0] },
		choices: func(*fieldState) []string { return AuthMethods },
		validate: func(s *fieldState, v string) (string, error) {
			if s.opts.Institution == "" {
				return "", usageField("auth-method", v, "--auth-method needs --institution: give the institution id to open, or drop --auth-method")
			}
			return oneOf("auth-method", AuthMethods, v)
		},
	},
	{
		name: "backend", key: "backend",
		opt:        func(o *Options) *string { return &o.Backend },
		fromRecord: recorded(func(a Answers) string { return a.Backend }),
		def:        func(*fieldState) string { return "go" },
		choices:    func(*fieldState) []string { return Backends },
		validate:   func(_ *fieldState, v string) (string, error) { return oneOf("backend", Backends, v) },
	},
	{
		name: "server-dir", key: "server_dir",
		opt:     func(o *Options) *string { return &o.ServerDir },
		applies: func(s *fieldState) bool { return s.opts.Backend == "go" },
		fromRecord: func(s *fieldState, a Answers) (string, bool) {
			if a.Backend != "go" || a.ServerDir == "" {
				return "", false
			}
			// The record always names the directory; a default one was only the default for the
			// situation then (server/ without a Go module), so it follows the situation now.
			// A Nuxt record's server/ (before Target.StandaloneDir) follows the situation too: the
			// default is now mono-server/, and generate moves the files (servermove.go).
			if a.ServerDir == "server" || a.ServerDir == "internal/monoconnect" || a.ServerDir == "monoconnect" ||
				(s.target.StandaloneDir != "" && a.ServerDir == s.target.StandaloneDir) {
				return "", false
			}
			return a.ServerDir, true
		},
		def: func(s *fieldState) string { return s.target.DefaultServerDir(s.opts.GoModule) },
		validate: func(s *fieldState, v string) (string, error) {
			if s.opts.Backend == "none" {
				return "", usageField("server-dir", v, "--server-dir has no effect with --backend none: drop one of them")
			}
			clean, err := ValidateServerDir(v)
			if err != nil {
				return "", err
			}
			// Only the standalone module is refused a framework's own folder: inside the app's
			// own Go module the place is the user's choice.
			if r := s.target.ReservedDir(clean); r != "" && s.opts.GoModule == nil {
				return "", fieldError("server-dir", v, fmt.Sprintf("%s/ is %s's own folder; pick another, e.g. %s", r, s.target.Title, s.target.DefaultServerDir(nil)))
			}
			return clean, nil
		},
	},
	{
		// Only a Static target has a static folder; in an existing project it is the folder the
		// project's server serves (detected from its layout), in greenfield the starter's.
		name: "static-dir", key: "static_dir",
		opt:     func(o *Options) *string { return &o.StaticDir },
		applies: func(s *fieldState) bool { return s.target.Static != nil },
		ask:     func(*fieldState) bool { return false }, // the layout says it; --static-dir overrides
		fromRecord: func(s *fieldState, a Answers) (string, bool) {
			return a.StaticDir, a.StaticDir != "" && a.Framework == s.opts.Framework
		},
		detect: func(s *fieldState, d Detection) (string, string) {
			if s.opts.Greenfield || s.target.Static == nil {
				return "", ""
			}
			return d.StaticDir, d.StaticDirEvidence
		},
		def: func(*fieldState) string { return "" },
		validate: func(s *fieldState, v string) (string, error) {
			if s.target.Static == nil {
				return "", usageField("static-dir", v, "--static-dir applies only to a site served as static files (--framework %s): %s places its files itself", strings.Join(staticTargetNames(), " or "), s.target.Name)
			}
			return ValidateStaticDir(v)
		},
	},
	{
		name: "public-key-env", key: "public_key_env",
		opt:        func(o *Options) *string { return &o.PublicKeyEnv },
		applies:    func(s *fieldState) bool { return s.target.Key != KeyInFiles },
		ask:        func(*fieldState) bool { return false }, // the target's name is right for nearly everyone
		fromRecord: recorded(func(a Answers) string { return a.PublicKeyEnv }),
		def:        func(s *fieldState) string { return s.target.PublicKeyEnv },
		validate: func(s *fieldState, v string) (string, error) {
			t := s.target
			if t.Key == KeyInFiles {
				return "", usageField("public-key-env", v, "--public-key-env does not apply to %s: it reads the key from its environment files, not from env variables", t.Name)
			}
			if !envNameRe.MatchString(v) {
				return "", usageField("public-key-env", v, "invalid --public-key-env %q: use upper-case letters, digits and _ (e.g. %s)", v, t.PublicKeyEnv)
			}
			// A KeyFromServer name needs no prefix: the page's server reads it, no bundler.
			if t.KeyInEnv() && !strings.HasPrefix(v, t.EnvPrefix) {
				return "", usageField("public-key-env", v, "--public-key-env %s must start with %s, or %s will not expose it to the browser", v, t.EnvPrefix, t.Title)
			}
			return v, nil
		},
	},
	{
		name: "package-manager", key: "package_manager",
		opt:        func(o *Options) *string { return &o.PackageManager },
		fromRecord: recorded(func(a Answers) string { return a.PackageManager }),
		detect: func(_ *fieldState, d Detection) (string, string) {
			return d.PackageManager, d.PackageManagerEvidence
		},
		def:      func(*fieldState) string { return "npm" },
		choices:  func(*fieldState) []string { return PackageManagers },
		validate: func(_ *fieldState, v string) (string, error) { return oneOf("package-manager", PackageManagers, v) },
	},
	{
		// Never recorded: the key goes to the gitignored env file only.
		name: "public-key", key: "public_key", emptyOK: true,
		opt:     func(o *Options) *string { return &o.PublicKey },
		applies: func(s *fieldState) bool { return s.target.KeyInEnv() },
		def:     func(*fieldState) string { return "" },
		validate: func(s *fieldState, v string) (string, error) {
			if v == "" {
				return "", nil
			}
			if err := CheckPublicKey(v); err != nil {
				return "", err
			}
			if s.target.Key == KeyFromServer {
				return "", usageField("public-key", v, "--public-key does not apply to %s: no file holds it; your server renders %s from its environment into the page", s.target.Name, s.opts.PublicKeyEnv)
			}
			return v, nil
		},
	},
}

// recorded adapts an Answers getter: the record settles the field when it holds a value.
func recorded(get func(Answers) string) func(*fieldState, Answers) (string, bool) {
	return func(_ *fieldState, a Answers) (string, bool) {
		v := get(a)
		return v, v != ""
	}
}

func fieldNamed(name string) *field {
	for _, f := range fields {
		if f.name == name {
			return f
		}
	}
	return nil
}

// settle validates v for f in s's context and stores it. Without a value (set false, or "" where
// "" is no answer of its own) the field takes its default for the situation, or nothing when it
// does not apply; a required field without one is the usage error a run without a terminal gets.
func (s *fieldState) settle(f *field, v string, set bool) error {
	if !set || (v == "" && !f.emptyOK) {
		if f.applies != nil && !f.applies(s) {
			f.put(s.opts, "")
			return nil
		}
		v = f.def(s)
		if v == "" && f.required {
			return missingError(f)
		}
		if v == "" && !f.emptyOK {
			f.put(s.opts, "")
			return nil
		}
	}
	clean, err := f.validate(s, v)
	if err != nil {
		return err
	}
	f.put(s.opts, clean)
	return nil
}

func missingError(f *field) error {
	msg := "--" + f.name + " is required when not running interactively"
	if f.choices != nil {
		msg += " (one of " + strings.Join(f.choices(nil), ", ") + ")"
	}
	return &UsageError{Msg: msg, Flag: f.name, Reason: "a value is required"}
}

// Normalize fills defaults and validates every value, returning a usage error for the first one
// that is wrong. It never guesses: an unknown value is an error, not a fallback. Resolve uses the
// same fields, so the rules are the same for flags, records and prompts.
func (o *Options) Normalize() (*Target, error) {
	s := &fieldState{opts: o}
	for _, f := range fields {
		v, set := f.get(o)
		if err := s.settle(f, v, set); err != nil {
			return nil, err
		}
	}
	if o.Greenfield {
		if o.AppName == "" {
			o.AppName = defaultAppName
		}
		if len(o.AppName) > 214 || !npmNameRe.MatchString(o.AppName) {
			return nil, usagef("invalid app name %q: a package name is lowercase letters, digits, '.', '_' and '-'", o.AppName)
		}
	}
	return s.target, nil
}

// usageField is a validator's error: the line printed (format, args) for the flag, with the
// reason a prompt shows for the same value.
// oneOf accepts v when it is one of choices; otherwise the usage error names the flag and lists
// every choice ("use npm, yarn, pnpm or bun").
func oneOf(flag string, choices []string, v string) (string, error) {
	if contains(choices, v) {
		return v, nil
	}
	use := strings.Join(choices[:len(choices)-1], ", ") + " or " + choices[len(choices)-1]
	return "", usageField(flag, v, "unknown --%s %q: use %s", flag, v, use)
}

func usageField(flag, value, format string, args ...any) *UsageError {
	u := usagef(format, args...).(*UsageError)
	u.Flag = flag
	u.Reason = u.Msg
	return u
}
