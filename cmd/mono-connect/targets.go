package main

import (
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
	return listCmd("targets", "List the frameworks, languages and features mono-connect can generate",
		"  mono-connect targets\n  mono-connect targets --json",
		func(asJSON bool) error {
			var list []targetJSON
			for _, t := range generate.Targets() {
				env := t.PublicKeyEnv
				if env == "" {
					env = "(environment file)"
				}
				list = append(list, targetJSON{Name: t.Name, Title: t.Title, Langs: t.Langs, Features: generate.AllFeatures, PublicEnv: env, Node: t.Static == nil})
			}
			if asJSON {
				return printJSON(ios.Out, map[string]any{"targets": list})
			}
			w := tabwriter.NewWriter(ios.Out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "FRAMEWORK\tLANGUAGES\tPUBLIC KEY ENV\tDESCRIPTION")
			for _, t := range list {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", t.Name, strings.Join(t.Langs, ","), t.PublicEnv, t.Title)
			}
			fmt.Fprintf(w, "\nfeatures: %s (default %s)\n", strings.Join(generate.AllFeatures, ", "), strings.Join(generate.DefaultFeatures, ","))
			return w.Flush()
		})
}
