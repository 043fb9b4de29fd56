package main

import (
	"github.com/spf13/cobra"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/apply"
)

// registerCompletions teaches shell completion the values of init's enumerated flags.
func registerCompletions(cmd *cobra.Command) {
	fixed := func(values []string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return values, cobra.ShellCompDirectiveNoFileComp
		}
	}
	var targets []string
	for _, t := range generate.Targets() {
		targets = append(targets, t.Name+"\t"+t.Title)
	}
	for flag, values := range map[string][]string{
		"framework":       targets,
		"lang":            generate.Langs,
		"features":        generate.AllFeatures,
		"auth-method":     generate.AuthMethods,
		"backend":         generate.Backends,
		"package-manager": generate.PackageManagers,
		"on-conflict":     apply.Policies,
	} {
		if cmd.Flags().Lookup(flag) != nil {
			_ = cmd.RegisterFlagCompletionFunc(flag, fixed(values))
		}
	}
}
