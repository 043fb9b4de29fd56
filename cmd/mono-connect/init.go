package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/apply"
)

// initOptions are init's flags, parsed by newInitCmd and acted on by initRun.
type initOptions struct {
	IO *iostreams

	Dir            string
	Framework      string
	Lang           string
	Features       []string
	Institution    string
	AuthMethod     string
	Backend        string
	ServerDir      string
	StaticDir      string
	PublicKeyEnv   string
	Variant        string
	PublicKey      string
	PackageManager string
	Install        bool
	writeFlags
	Yes      bool
	Format   bool
	NoFormat bool

	given map[string]bool   // flags set on the command line
	flags map[string]string // their values, as generate.ResolveInput wants them
}

func newInitCmd(ios *iostreams, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Add Mono Connect to the project in DIR (default \".\")",
		Long: `Add Mono Connect to the project in DIR.

In a project (DIR has a package.json), init adds only the integration: the widget wrapper, the
framework binding, env entries, the @mono.co/connect.js dependency and the Go handler. In an
empty or missing DIR it also writes a minimal runnable app and a standalone Go server.

Nothing is overwritten unless you say so (--on-conflict), and either every file is written or none.

When the project has a Prettier or Biome config and the tool in its node_modules, init runs it on
the JavaScript, TypeScript, Vue, Svelte and JSON files it wrote (never on yours), so they match
your style; --no-format skips that, --format insists on it.`,
		Example: `  # in an existing app: detect the framework, ask for the rest
  mono-connect init

  # a new Next.js starter, no questions
  mono-connect init shop --framework next --lang ts --yes

  # open one bank directly, with re-authorisation and payments
  mono-connect init --framework react --features link,reauth,payments,events \
    --institution 5f2d08be60b92e2888287702 --auth-method internet_banking --yes

  # what would change, as JSON, without writing
  mono-connect init --dry-run --json --yes`,
		Args: usageArgs(cobra.MaximumNArgs(1), "at most one DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = dirArg(args)
			opts.given = map[string]bool{}
			opts.flags = map[string]string{}
			cmd.Flags().Visit(func(f *pflag.Flag) {
				opts.given[f.Name] = true
				opts.flags[f.Name] = f.Value.String()
				if sv, ok := f.Value.(pflag.SliceValue); ok {
					opts.flags[f.Name] = strings.Join(sv.GetSlice(), ",")
				}
			})
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Framework, "framework", "", "framework: "+strings.Join(generate.TargetNames(), ", ")+" (default: detected)")
	f.StringVar(&opts.Lang, "lang", "", "language: ts or js (default: detected from tsconfig.json, else ts)")
	f.StringSliceVar(&opts.Features, "features", nil, "comma list of "+strings.Join(generate.AllFeatures, ", ")+" (default link,events)")
	f.StringVar(&opts.Institution, "institution", "", "Mono institution id (24 hex characters) to open directly")
	f.StringVar(&opts.AuthMethod, "auth-method", "", "with --institution: internet_banking or mobile_banking (default internet_banking)")
	f.StringVar(&opts.Backend, "backend", "", "server code to write: go or none (default go)")
	f.StringVar(&opts.StaticDir, "static-dir", "", "html only: the static folder your server serves, where the element and connect.js go (default: public/ for Laravel and Rails, else static/)")
	f.StringVar(&opts.ServerDir, "server-dir", "", "where the Go code goes (default: internal/monoconnect at a Go module's root, monoconnect in a folder of one, else server/, or mono-server/ in Nuxt, whose server/ is Nitro's)")
	f.StringVar(&opts.PublicKeyEnv, "public-key-env", "", "env variable holding the public key (default per framework, e.g. VITE_MONO_PUBLIC_KEY)")
	f.StringVar(&opts.Variant, "variant", "", "a variant of --framework for an existing app ("+variantList()+"; default: detected)")
	f.StringVar(&opts.PublicKey, "public-key", "", "your Mono public key, written to the gitignored env file (never a secret key)")
	f.StringVar(&opts.PackageManager, "package-manager", "", "npm, yarn, pnpm or bun (default: detected from the lockfile, else npm)")
	f.BoolVar(&opts.Install, "install", false, "run the package manager to install @mono.co/connect.js")
	opts.writeFlags.register(f, "when a file exists and differs: fail, skip or overwrite")
	f.BoolVarP(&opts.Yes, "yes", "y", false, "take defaults for everything not given; never prompt")
	f.BoolVar(&opts.Format, "format", false, "run the project's Prettier or Biome (node_modules/.bin) on the files written; fail if there is none (default: on when the project has one)")
	f.BoolVar(&opts.NoFormat, "no-format", false, "leave the written files in mono-connect's layout, even when the project has a formatter")
	registerCompletions(cmd)
	return cmd
}

func initRun(o *initOptions) error {
	root, err := projectRoot(o.Dir, o.OnConflict)
	if err != nil {
		return err
	}
	mode := formatAuto
	switch {
	case o.Format && o.NoFormat:
		return usagef("--format and --no-format exclude each other: give one")
	case o.Format:
		mode = formatOn
	case o.NoFormat:
		mode = formatOff
	}
	formatter, err := chooseFormatter(mode, root, o.DryRun)
	if err != nil {
		return err
	}
	state, err := inspectDir(root, o.Dir)
	if err != nil {
		return err
	}
	prev, err := readRecord(root)
	if err != nil {
		return err
	}
	if prev, err = serverMove(o.IO.Err, root, o.Dir, prev, false, o.DryRun); err != nil {
		if errors.Is(err, errDryRunStop) {
			return nil
		}
		return err
	}
	project := os.DirFS(root)

	in := generate.ResolveInput{Flags: o.flags, Record: prev, Dir: o.Dir, Root: root, DirExists: state.exists, DirEmpty: state.empty}
	ws, err := findWorkspace(root)
	if err != nil {
		return err
	}
	if state.exists {
		if in.Detection, err = generate.Detect(project); err != nil {
			return err
		}
		in.Detection.InWorkspace(ws)
	}
	in.GoModule, in.GoModuleErr = findGoModule(root)

	var prompter Prompter
	if !o.Yes && o.IO.Prompter != nil && o.IO.Interactive() {
		prompter = o.IO.Prompter
	}
	res, err := resolveAsking(prompter, in, o.IO.Err, o.JSON)
	if err != nil {
		return err
	}
	opts := res.Options
	opts.Installing = o.Install && !o.DryRun

	plan, err := generate.Generate(opts, generate.Input{Project: project, Previous: prev, ToolVersion: toolVersion(), Workspace: ws})
	if err != nil {
		return err
	}
	err = applyPlan(o.IO, root, o.Dir, plan, prev, applyOptions{
		policy: apply.Policy(o.OnConflict), policyGiven: o.given["on-conflict"],
		dryRun: o.DryRun, json: o.JSON, install: o.Install, prompter: prompter, detected: res.Detected,
		formatter: formatter,
	})
	if err == nil && prompter != nil && !o.JSON {
		fmt.Fprintf(o.IO.Out, "\nTo do the same without questions:\n  %s\n", oneShot(o.Dir, plan.Options, plan.Target))
	}
	return err
}

// dirState is what init needs to know about DIR before planning.
type dirState struct {
	exists bool
	empty  bool // missing, or holding nothing but version-control metadata
}

func inspectDir(root, shown string) (dirState, error) {
	info, err := os.Stat(root)
	if errors.Is(err, fs.ErrNotExist) {
		return dirState{empty: true}, nil
	}
	if err != nil {
		return dirState{}, fmt.Errorf("reading %s: %w", shown, apply.UnwrapPath(err))
	}
	if !info.IsDir() {
		return dirState{}, usagef("%s is not a directory: give init a project directory", shown)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return dirState{}, fmt.Errorf("reading %s: %w", shown, apply.UnwrapPath(err))
	}
	empty := true
	for _, e := range entries {
		if e.Name() != ".git" {
			empty = false
		}
	}
	return dirState{exists: true, empty: empty}, nil
}

// readRecord reads DIR/mono-connect.json, or returns nil when there is none.
func readRecord(root string) (*generate.Record, error) {
	b, err := os.ReadFile(filepath.Join(root, generate.RecordName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", generate.RecordName, apply.UnwrapPath(err))
	}
	return generate.DecodeRecord(b, toolVersion())
}

func usagef(format string, args ...any) error {
	return &generate.UsageError{Msg: fmt.Sprintf(format, args...)}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
