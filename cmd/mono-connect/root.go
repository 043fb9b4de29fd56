package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/apply"
)

// Exit codes, as documented in the README and the CLI contract.
const (
	exitOK        = 0
	exitFailure   = 1
	exitUsage     = 2
	exitDrift     = 3
	exitCancelled = 130
)

// iostreams are the process's standard streams, explicit so tests can drive run in-process.
type iostreams struct {
	In       io.Reader
	Out, Err io.Writer
	// Interactive reports whether prompts may be shown (stdin and stdout are terminals).
	Interactive func() bool
	// Prompter asks the user; nil when prompting is impossible.
	Prompter Prompter
}

// errDrift marks `generate --check` finding drift (exit 3); the report is already printed.
var errDrift = errors.New("generated files drifted")

// errCancelled marks a prompt the user cancelled (exit 130).
var errCancelled = errors.New("cancelled")

// run executes the command line and returns the exit code. It prints an error once, on stderr,
// prefixed "mono-connect: ".
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ios := &iostreams{In: stdin, Out: stdout, Err: stderr, Interactive: func() bool { return isTerminal(stdin) && isTerminal(stdout) }}
	ios.Prompter = newSurveyPrompter(stdin, stdout, stderr)
	return execute(newRootCmd(ios), args, stderr)
}

func execute(root *cobra.Command, args []string, stderr io.Writer) int {
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	code := exitCode(err)
	switch code {
	case exitDrift, exitDoctorFailed:
		// the report is the message
	case exitCancelled:
		fmt.Fprintln(stderr, "mono-connect: cancelled: nothing was written")
	default:
		fmt.Fprintf(stderr, "mono-connect: %s\n", oneLine(err.Error()))
	}
	return code
}

func exitCode(err error) int {
	var conflict *apply.ConflictError
	switch {
	case errors.Is(err, errDrift):
		return exitDrift
	case errors.Is(err, errDoctorFailed):
		return exitDoctorFailed
	case errors.Is(err, errCancelled):
		return exitCancelled
	case errors.As(err, &conflict):
		return exitFailure
	case generate.IsUsage(err):
		return exitUsage
	default:
		return exitFailure
	}
}

// oneLine keeps an error to the single line the contract promises.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func newRootCmd(ios *iostreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "mono-connect",
		Short: "Add Mono Connect bank-account linking to a web app",
		Long: `mono-connect wires Mono's Connect widget (@mono.co/connect.js) into your web app the right way
for its framework (` + frameworkList() + `), and writes the Go server
handler that exchanges the widget's code for an account id, with its own tests.`,
		Example: `  # add Mono Connect to the React app in the current directory
  mono-connect init

  # a new runnable starter (Vue + TypeScript + Go server), no questions asked
  mono-connect init my-app --framework vue --lang ts --yes

  # in CI: fail when generated files drifted
  mono-connect generate --check`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       versionString(),
	}
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error { return refuseEmptyValues(cmd.Flags()) }
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &generate.UsageError{Msg: err.Error()}
	})
	root.SetVersionTemplate("{{.Version}}\n")
	root.AddCommand(
		newInitCmd(ios, nil),
		newGenerateCmd(ios, nil),
		newTargetsCmd(ios),
		newVersionCmd(ios),
		newWebhookCmd(ios),
		newDoctorCmd(ios, nil),
	)
	// cobra adds completion itself; its errors for a bad shell are usage errors too.
	root.CompletionOptions.HiddenDefaultCmd = false
	return root
}

// usageArgs wraps a cobra positional-args check so that its error exits 2.
func usageArgs(check cobra.PositionalArgs, takes string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &generate.UsageError{Msg: fmt.Sprintf("%s takes %s (got %d arguments): see %s --help", cmd.Name(), takes, len(args), cmd.CommandPath())}
		}
		return nil
	}
}

// isTerminal reports whether r or w is a terminal.
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && termIsTerminal(int(f.Fd()))
}

// frameworkList names every target for the help text, in display order: each title without its
// parenthesis ("Next.js (App Router)" is Next.js).
func frameworkList() string {
	var names []string
	for _, t := range generate.Targets() {
		name, _, _ := strings.Cut(t.Title, " (")
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// variantList names every target's variants for --variant's help, from the registry:
// "svelte: vite (Svelte 5 (Vite, no SvelteKit))".
func variantList() string {
	var out []string
	for _, t := range generate.Targets() {
		for _, key := range t.VariantKeys() {
			out = append(out, t.Name+": "+key+" for "+t.Variants[key].Title)
		}
	}
	return strings.Join(out, "; ")
}

// refuseEmptyValues makes an explicitly empty value of any string flag (--public-key-env ”,
// webhook send --secret ”) a usage error naming the flag, like any other bad value, instead of
// silently meaning "not given" and falling back to a default or the environment. It runs for
// every command. List flags are exempt: --features ” asks for no optional feature.
func refuseEmptyValues(flags *pflag.FlagSet) error {
	var err error
	flags.Visit(func(f *pflag.Flag) {
		if err == nil && f.Value.Type() == "string" && strings.TrimSpace(f.Value.String()) == "" {
			err = usagef("--%s needs a value: leave the flag out to take the default", f.Name)
		}
	})
	return err
}
