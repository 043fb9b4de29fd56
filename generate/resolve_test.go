package generate

import (
	"errors"
	"strings"
	"testing"
)

// layerValues gives, for one field, a distinct valid value per layer that can carry it ("" where
// the layer cannot), with the rest of the input that makes those values valid.
type layerValues struct {
	field                          string
	flag, record, detected, prompt string
	def                            string // what the field resolves to with no layer
	base                           ResolveInput
}

// record returns a record whose answers carry v for field (and otherwise a plain React app).
func recordWith(field, v string) *Record {
	a := Answers{Framework: "react", Lang: "ts", Features: []string{"link", "events"}, Backend: "go", PublicKeyEnv: "VITE_MONO_PUBLIC_KEY", PackageManager: "npm"}
	switch field {
	case "framework":
		a.Framework = v
		a.PublicKeyEnv = ""
	case "variant":
		a.Framework, a.Variant, a.PublicKeyEnv = "svelte", v, "VITE_MONO_PUBLIC_KEY"
	case "lang":
		a.Lang = v
	case "features":
		a.Features = strings.Split(v, ",")
	case "institution":
		a.Institution, a.AuthMethod = v, "internet_banking"
	case "auth-method":
		a.Institution, a.AuthMethod = "5f2d08be60b92e2888287702", v
	case "backend":
		a.Backend = v
	case "server-dir":
		a.ServerDir = v
	case "public-key-env":
		a.PublicKeyEnv = v
	case "package-manager":
		a.PackageManager = v
	case "static-dir":
		a.Framework, a.Lang, a.PublicKeyEnv, a.StaticDir = "html", "js", "MONO_PUBLIC_KEY", v
	}
	return &Record{Version: "1.0.0", Answers: a}
}

func withFlags(in ResolveInput, kv ...string) ResolveInput {
	flags := map[string]string{}
	for k, v := range in.Flags {
		flags[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		flags[kv[i]] = kv[i+1]
	}
	in.Flags = flags
	return in
}

// TestResolvePrecedence checks flag > record > detection > prompt > default for every field: each
// layer is removed in turn, and the next one down must win, with its source reported.
func TestResolvePrecedence(t *testing.T) {
	react := ResolveInput{Flags: map[string]string{"framework": "react"}, DirExists: true, Detection: Detection{HasPackageJSON: true}}
	inst := withFlags(react, "institution", "5f2d08be60b92e2888287702")
	mod := &GoModule{Path: "example.com/shop", RelDir: "."}
	cases := []layerValues{
		{field: "framework", flag: "vue", record: "svelte", detected: "next", prompt: "angular",
			base: ResolveInput{DirExists: true, Detection: Detection{HasPackageJSON: true}}},
		// svelte has one variant, so every layer carries "vite"; the reported source tells them apart.
		{field: "variant", flag: "vite", record: "vite", detected: "vite", def: "",
			base: ResolveInput{Flags: map[string]string{"framework": "svelte"}, DirExists: true, Detection: Detection{HasPackageJSON: true}}},
		{field: "lang", flag: "js", record: "ts", detected: "js", prompt: "ts", def: "ts", base: react},
		{field: "features", flag: "link,payments", record: "link,reauth", prompt: "link,payments,events", def: "link,events", base: react},
		{field: "institution", flag: "5f2d08be60b92e2888287702", record: "5f2d08be60b92e2888287703", prompt: "5f2d08be60b92e2888287704", def: "", base: react},
		{field: "auth-method", flag: "mobile_banking", prompt: "mobile_banking", def: "internet_banking", base: inst},
		{field: "backend", flag: "none", record: "go", prompt: "none", def: "go", base: react},
		{field: "server-dir", flag: "api", record: "backend/mono", prompt: "srv", def: "internal/monoconnect",
			base: func() ResolveInput { in := react; in.GoModule = mod; return in }()},
		{field: "public-key-env", flag: "VITE_KEY_A", record: "VITE_KEY_B", def: "VITE_MONO_PUBLIC_KEY", base: react},
		{field: "package-manager", flag: "pnpm", record: "yarn", detected: "bun", prompt: "npm", def: "npm", base: react},
		{field: "public-key", flag: "test_pk_flag", prompt: "test_pk_prompt", def: "", base: react},
		// Not asked (the layout says it); "" by default: generate then takes Static.DefaultDir.
		{field: "static-dir", flag: "web/assets", record: "assets", detected: "public", def: "",
			base: ResolveInput{Flags: map[string]string{"framework": "html"}, DirExists: true}},
	}
	for _, c := range cases {
		t.Run(c.field, func(t *testing.T) {
			f := fieldNamed(c.field)
			if f == nil {
				t.Fatalf("no field %s", c.field)
			}
			in := c.base
			in.Flags = map[string]string{}
			for k, v := range c.base.Flags {
				in.Flags[k] = v
			}
			in.Answers = map[string]string{}
			in.CanAsk = true
			if c.flag != "" {
				in.Flags[c.field] = c.flag
			}
			if c.record != "" {
				in.Record = recordWith(c.field, c.record)
			}
			if c.detected != "" {
				switch c.field {
				case "framework":
					in.Detection.Framework, in.Detection.FrameworkEvidence = c.detected, `"`+c.detected+`" in package.json`
				case "variant":
					in.Detection.Framework, in.Detection.FrameworkEvidence = "svelte", `"svelte" in package.json`
					in.Detection.Variant, in.Detection.VariantEvidence = c.detected, "no @sveltejs/kit in package.json"
				case "lang":
					in.Detection.Lang, in.Detection.LangEvidence = c.detected, "tsconfig.json"
				case "package-manager":
					in.Detection.PackageManager, in.Detection.PackageManagerEvidence = c.detected, "bun.lock"
				case "static-dir":
					in.Detection.StaticDir, in.Detection.StaticDirEvidence = c.detected, "Laravel: artisan"
				}
			}
			if c.prompt != "" {
				in.Answers[c.field] = c.prompt
			}
			layers := []struct {
				value string
				src   Source
				drop  func(*ResolveInput)
			}{
				{c.flag, FromFlag, func(in *ResolveInput) { delete(in.Flags, c.field) }},
				{c.record, FromRecord, func(in *ResolveInput) { in.Record = nil }},
				{c.detected, FromDetection, func(in *ResolveInput) { in.Detection = c.base.Detection }},
				{c.prompt, FromPrompt, func(in *ResolveInput) { delete(in.Answers, c.field) }},
			}
			for _, l := range layers {
				if l.value != "" {
					checkResolved(t, in, c.field, l.value, l.src)
				}
				l.drop(&in)
			}
			if f.required {
				// Nothing left: a prompter is asked; without one it is a usage error naming the flag.
				r, err := Resolve(in)
				if err != nil || len(r.Open) == 0 || r.Open[0].Field != c.field {
					t.Fatalf("with no layer, want the open question %s first, got %+v, %v", c.field, r, err)
				}
				in.CanAsk = false
				_, err = Resolve(in)
				var u *UsageError
				if !errors.As(err, &u) || u.Flag != c.field {
					t.Fatalf("without a prompter: err %v, want a usage error for --%s", err, c.field)
				}
				return
			}
			r := checkResolved(t, in, c.field, c.def, FromDefault)
			if (f.ask == nil || f.ask(r.state)) && !hasQuestion(r, c.field, c.def) {
				t.Errorf("with no layer, want the open question %s (default %q) among %+v", c.field, c.def, r.Open)
			}
			in.CanAsk = false
			if r := checkResolved(t, in, c.field, c.def, FromDefault); len(r.Open) != 0 {
				t.Errorf("without a prompter nothing is open, got %+v", r.Open)
			}
		})
	}
}

func checkResolved(t *testing.T, in ResolveInput, field, want string, src Source) *Resolution {
	t.Helper()
	r, err := Resolve(in)
	if err != nil {
		t.Fatalf("%s from %s: %v", field, src, err)
	}
	got, _ := fieldNamed(field).get(&r.Options)
	if got != want || r.Sources[field] != src {
		t.Fatalf("%s = %q from %s, want %q from %s", field, got, r.Sources[field], want, src)
	}
	if src == FromDetection {
		key := fieldNamed(field).key
		found := false
		for _, d := range r.Detected {
			found = found || (d.Field == key && d.Value == want && d.Evidence != "")
		}
		if !found {
			t.Errorf("detected %s=%s missing from %+v", key, want, r.Detected)
		}
	}
	return r
}

func hasQuestion(r *Resolution, field, def string) bool {
	for _, q := range r.Open {
		if q.Field == field && q.Default == def {
			return true
		}
	}
	return false
}

// Every field has a precedence case above, so a field added to the table without one fails here.
func TestResolvePrecedenceCoversEveryField(t *testing.T) {
	covered := map[string]bool{"framework": true, "variant": true, "lang": true, "features": true, "institution": true, "auth-method": true, "backend": true, "server-dir": true, "public-key-env": true, "package-manager": true, "public-key": true, "static-dir": true}
	for _, f := range fields {
		if !covered[f.name] {
			t.Errorf("field %s has no case in TestResolvePrecedence", f.name)
		}
	}
}

func TestResolveRules(t *testing.T) {
	react := map[string]string{"framework": "react"}
	mod := &GoModule{Path: "example.com/shop", RelDir: "web"}
	tests := []struct {
		name  string
		in    ResolveInput
		check func(t *testing.T, r *Resolution)
		err   string // substring of the expected error
	}{
		{name: "a flag is validated before anything is asked",
			in:  ResolveInput{Flags: map[string]string{"framework": "react", "lang": "tsx"}, CanAsk: true},
			err: `unknown language "tsx" for --lang`},
		{name: "a bad recorded answer is an error too",
			in:  ResolveInput{Flags: react, Record: recordWith("package-manager", "deno")},
			err: `unknown --package-manager "deno"`},
		{name: "a detected language the framework lacks is not taken",
			in: ResolveInput{Flags: map[string]string{"framework": "angular"}, Detection: Detection{HasPackageJSON: true, Lang: "js", LangEvidence: "no tsconfig.json"}},
			check: func(t *testing.T, r *Resolution) {
				if r.Options.Lang != "ts" || r.Sources["lang"] != FromDefault {
					t.Errorf("lang %s from %s, want ts by default", r.Options.Lang, r.Sources["lang"])
				}
			}},
		{name: "the framework answered at the prompt decides whether the detected language applies",
			in: ResolveInput{Answers: map[string]string{"framework": "angular"}, CanAsk: true, DirExists: true, Detection: Detection{HasPackageJSON: true, Lang: "js", LangEvidence: "no tsconfig.json"}},
			check: func(t *testing.T, r *Resolution) {
				if r.Options.Lang != "ts" || len(r.Detected) != 0 || hasQuestion(r, "lang", "ts") {
					t.Errorf("lang %s, detected %+v, open %+v: want ts, nothing detected, not asked", r.Options.Lang, r.Detected, r.Open)
				}
			}},
		{name: "a variant makes the fields after it read its definition",
			in: ResolveInput{Flags: map[string]string{"framework": "svelte", "variant": "vite"}, DirExists: true, Detection: Detection{HasPackageJSON: true}},
			check: func(t *testing.T, r *Resolution) {
				if r.Target != svelteViteVariant || r.Options.PublicKeyEnv != "VITE_MONO_PUBLIC_KEY" {
					t.Errorf("target %q variant %q, key env %s: want the vite variant's VITE_MONO_PUBLIC_KEY", r.Target.Title, r.Target.Variant, r.Options.PublicKeyEnv)
				}
			}},
		{name: "a detected variant is the project's framework's only",
			in: ResolveInput{Flags: map[string]string{"framework": "vanilla"}, DirExists: true, Detection: Detection{HasPackageJSON: true, Framework: "svelte", Variant: "vite", VariantEvidence: "no @sveltejs/kit in package.json"}},
			check: func(t *testing.T, r *Resolution) {
				if r.Options.Variant != "" || len(r.Detected) != 0 {
					t.Errorf("variant %q, detected %+v: want none for --framework vanilla", r.Options.Variant, r.Detected)
				}
			}},
		{name: "a recorded variant is the recorded framework's only",
			in: ResolveInput{Flags: map[string]string{"framework": "react"}, Record: recordWith("variant", "vite"), DirExists: true, Detection: Detection{HasPackageJSON: true}},
			check: func(t *testing.T, r *Resolution) {
				if r.Options.Variant != "" || r.Target.Name != "react" {
					t.Errorf("variant %q for %s: want none", r.Options.Variant, r.Target.Name)
				}
			}},
		{name: "a variant is never asked",
			in: ResolveInput{Flags: map[string]string{"framework": "svelte"}, DirExists: true, Detection: Detection{HasPackageJSON: true}, CanAsk: true},
			check: func(t *testing.T, r *Resolution) {
				for _, q := range r.Open {
					if q.Field == "variant" {
						t.Errorf("variant asked: %+v", r.Open)
					}
				}
			}},
		{name: "no variant for a new app",
			in:  ResolveInput{Flags: map[string]string{"framework": "svelte", "variant": "vite"}, Root: "/tmp/shop", DirEmpty: true},
			err: "--variant vite is for an existing app: a new svelte app is"},
		{name: "an unknown variant",
			in:  ResolveInput{Flags: map[string]string{"framework": "svelte", "variant": "kit"}, DirExists: true, Detection: Detection{HasPackageJSON: true}},
			err: `unknown --variant "kit" for svelte: use vite, or drop --variant`},
		{name: "a variant for a framework without variants",
			in:  ResolveInput{Flags: map[string]string{"framework": "react", "variant": "vite"}, DirExists: true, Detection: Detection{HasPackageJSON: true}},
			err: `unknown --variant "vite" for react: it has no variants (drop --variant)`},
		{name: "a one-language framework asks no language",
			in: ResolveInput{Flags: map[string]string{"framework": "angular"}, CanAsk: true},
			check: func(t *testing.T, r *Resolution) {
				if hasQuestion(r, "lang", "ts") {
					t.Errorf("lang asked for angular: %+v", r.Open)
				}
			}},
		{name: "the recorded auth method goes with the recorded institution only",
			in: ResolveInput{Flags: map[string]string{"framework": "react", "institution": "5f2d08be60b92e2888287709"}, Record: recordWith("auth-method", "mobile_banking")},
			check: func(t *testing.T, r *Resolution) {
				if r.Options.AuthMethod != "internet_banking" {
					t.Errorf("auth method %s, want the default for a new institution", r.Options.AuthMethod)
				}
			}},
		{name: "a default recorded server dir follows the situation",
			in: ResolveInput{Flags: react, Record: recordWith("server-dir", "server"), GoModule: mod},
			check: func(t *testing.T, r *Resolution) {
				if r.Options.ServerDir != "monoconnect" || r.Sources["server-dir"] != FromDefault {
					t.Errorf("server dir %s from %s, want monoconnect by default in a module's folder", r.Options.ServerDir, r.Sources["server-dir"])
				}
			}},
		{name: "the Go module is detected, with its go.mod",
			in: ResolveInput{Flags: react, GoModule: mod},
			check: func(t *testing.T, r *Resolution) {
				last := r.Detected[len(r.Detected)-1]
				if last.Field != "go_module" || last.Value != "example.com/shop" || last.Evidence != "../go.mod" {
					t.Errorf("go module detection %+v", last)
				}
			}},
		{name: "no Go module with backend none, and its error does not matter",
			in: ResolveInput{Flags: map[string]string{"framework": "react", "backend": "none"}, GoModule: mod, GoModuleErr: errors.New("go.mod has no module line")},
			check: func(t *testing.T, r *Resolution) {
				if r.Options.GoModule != nil || len(r.Detected) != 0 || r.Options.ServerDir != "" {
					t.Errorf("Go module kept with backend none: %+v", r)
				}
			}},
		{name: "a broken go.mod stops a go backend",
			in:  ResolveInput{Flags: react, GoModuleErr: errors.New("go.mod has no module line")},
			err: "no module line"},
		{name: "server dir with backend none",
			in:  ResolveInput{Flags: map[string]string{"framework": "react", "backend": "none", "server-dir": "api"}},
			err: "--server-dir has no effect with --backend none"},
		{name: "a monorepo root needs --framework",
			in:  ResolveInput{Dir: "repo", Detection: Detection{HasPackageJSON: true, Workspaces: []string{"apps/web"}}, CanAsk: true},
			err: "monorepo root with apps apps/web"},
		{name: "files without package.json need --framework, even at a terminal",
			in:  ResolveInput{Dir: "notes", DirExists: true, CanAsk: true},
			err: "has files but no package.json"},
		{name: "greenfield takes the directory's name",
			in: ResolveInput{Flags: react, Root: "/tmp/My Shop", DirEmpty: true},
			check: func(t *testing.T, r *Resolution) {
				if !r.Options.Greenfield || r.Options.AppName != "my-shop" {
					t.Errorf("greenfield %v, app name %q", r.Options.Greenfield, r.Options.AppName)
				}
			}},
		{name: "greenfield in a directory whose name makes no package name",
			in: ResolveInput{Flags: react, Root: "/tmp/__", DirEmpty: true},
			check: func(t *testing.T, r *Resolution) {
				if r.Options.AppName != defaultAppName {
					t.Errorf("app name %q", r.Options.AppName)
				}
			}},
		{name: "questions come in asking order with their defaults",
			in: ResolveInput{Flags: react, CanAsk: true},
			check: func(t *testing.T, r *Resolution) {
				var got []string
				for _, q := range r.Open {
					got = append(got, q.Field+"="+q.Default)
				}
				want := "lang=ts features=link,events institution= backend=go server-dir=server package-manager=npm public-key="
				if strings.Join(got, " ") != want {
					t.Errorf("open questions %q, want %q", strings.Join(got, " "), want)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Resolve(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, r)
		})
	}
}

// A prompt's validator is the field's: Check refuses what the flag refuses, with the typed reason.
func TestResolutionCheck(t *testing.T) {
	r, err := Resolve(ResolveInput{Flags: map[string]string{"framework": "react"}, CanAsk: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ field, value, reason string }{
		{"institution", "gtbank", "a Mono institution id is 24 lowercase hex characters"},
		{"server-dir", "../x", "it must name a directory inside the project"},
		{"public-key", "test_sk_1", "that is a secret key"},
		{"public-key", "test pk", "a Mono public key is letters"},
	} {
		_, err := r.Check(tc.field, tc.value)
		var u *UsageError
		if !errors.As(err, &u) || u.Flag != tc.field || !strings.HasPrefix(u.Reason, tc.reason) {
			t.Errorf("Check(%s, %q) = %v (%+v), want reason %q", tc.field, tc.value, err, u, tc.reason)
		}
	}
	if v, err := r.Check("server-dir", "./api/"); err != nil || v != "api" {
		t.Errorf("Check(server-dir, ./api/) = %q, %v", v, err)
	}
	if r.Options.ServerDir != "server" {
		t.Errorf("Check changed the resolution: server dir %q", r.Options.ServerDir)
	}
}
