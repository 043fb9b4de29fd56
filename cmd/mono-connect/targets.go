package main

import (
	"fmt"
	"strings"

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
	return tableCmd(ios, "targets", "List the frameworks, languages and features mono-connect can generate",
		"  mono-connect targets\n  mono-connect targets --json",
		func() table[targetJSON] {
			var list []targetJSON
			for _, t := range generate.Targets() {
				env := t.PublicKeyEnv
				if env == "" {
					env = "(environment file)"
				}
				list = append(list, targetJSON{Name: t.Name, Title: t.Title, Langs: t.Langs, Features: generate.AllFeatures, PublicEnv: env, Node: t.Static == nil})
			}
			return table[targetJSON]{key: "targets", items: list,
				header: []string{"FRAMEWORK", "LANGUAGES", "PUBLIC KEY ENV", "DESCRIPTION"},
				row:    func(t targetJSON) []string { return []string{t.Name, strings.Join(t.Langs, ","), t.PublicEnv, t.Title} },
				note:   fmt.Sprintf("\nfeatures: %s (default %s)\n", strings.Join(generate.AllFeatures, ", "), strings.Join(generate.DefaultFeatures, ","))}
		})
}
