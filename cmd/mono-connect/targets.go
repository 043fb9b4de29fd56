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
	// Dev: the starter's dev server: the package.json script that runs the framework's dev server
	// alone (a starter's `npm run dev` runs it beside the Go server and passes its arguments on),
	// its default port, and the arguments that make it listen on one host and port ("{host}" and
	// "{port}" to fill in). Absent for a target without a dev server.
	Dev *devJSON `json:"dev,omitempty"`
}

type devJSON struct {
	Script     string   `json:"script"`
	Port       int      `json:"port"`
	ListenArgs []string `json:"listen_args"`
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
				item := targetJSON{Name: t.Name, Title: t.Title, Langs: t.Langs, Features: generate.AllFeatures, PublicEnv: env, Node: t.Static == nil}
				if t.DevScript != "" {
					item.Dev = &devJSON{Script: t.DevScript, Port: t.Dev.Port, ListenArgs: t.Dev.ListenArgs}
				}
				list = append(list, item)
			}
			return table[targetJSON]{key: "targets", items: list,
				header: []string{"FRAMEWORK", "LANGUAGES", "PUBLIC KEY ENV", "DESCRIPTION"},
				row:    func(t targetJSON) []string { return []string{t.Name, strings.Join(t.Langs, ","), t.PublicEnv, t.Title} },
				note:   fmt.Sprintf("\nfeatures: %s (default %s)\n", strings.Join(generate.AllFeatures, ", "), strings.Join(generate.DefaultFeatures, ","))}
		})
}
