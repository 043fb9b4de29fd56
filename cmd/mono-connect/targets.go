package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/mono-connect/mono-connect/generate"
)

type targetJSON struct {
	Name      string   `json:"name"`
	Title     string   `json:"title"`
	Langs     []string `json:"langs"`
	Features  []string `json:"features"`
	PublicEnv string   `json:"public_key_env"`
	// Node: the target's starter installs and builds with Node; false for a site served as static
	// files, whose starter is Go only (CI's Node smoke job skips it).
	Node bool `json:"node"`
}

func newTargetsCmd(ios *iostreams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "targets",
		Short:   "List the frameworks, languages and features mono-connect can generate",
		Args:    usageArgs(cobra.NoArgs, "no arguments"),
		Example: "  mono-connect targets\n  mono-connect targets --json",
		RunE: func(cmd *cobra.Command, args []string) error {
			var list []targetJSON
			for _, t := range generate.Targets() {
				env := t.PublicKeyEnv
				if env == "" {
					env = "(environment file)"
				}
				list = append(list, targetJSON{Name: t.Name, Title: t.Title, Langs: t.Langs, Features: generate.AllFeatures, PublicEnv: env, Node: t.Static == nil})
			}
			if asJSON {
				enc := json.NewEncoder(ios.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]any{"targets": list})
			}
			w := tabwriter.NewWriter(ios.Out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "FRAMEWORK\tLANGUAGES\tPUBLIC KEY ENV\tDESCRIPTION")
			for _, t := range list {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", t.Name, strings.Join(t.Langs, ","), t.PublicEnv, t.Title)
			}
			fmt.Fprintf(w, "\nfeatures: %s (default %s)\n", strings.Join(generate.AllFeatures, ", "), strings.Join(generate.DefaultFeatures, ","))
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}
