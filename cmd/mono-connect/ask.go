package main

import (
	"github.com/mono-connect/mono-connect/generate"
)

// askMissing prompts for what flags, the record and detection left open.
func askMissing(p Prompter, o *generate.Options) error {
	if o.Framework == "" {
		var names []string
		for _, t := range generate.Targets() {
			names = append(names, t.Name)
		}
		v, err := p.Select("Framework", names, names[0])
		if err != nil {
			return err
		}
		o.Framework = v
	}
	return nil
}
