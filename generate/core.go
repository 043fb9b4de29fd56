package generate

// coreDirs lists the template folders of the core for a project: the shared declarations (all),
// the core, and one folder per optional flow, which holds the flow's code when the feature was
// chosen and a stub of the same name when not, so that a bundler never sees payment or
// re-authorisation code a project did not ask for (templates/README.md). The core is TypeScript
// only: a JavaScript project gets what renderDir derives from it.
func coreDirs(f Features) []string {
	dirs := []string{"core/all", "core/ts"}
	flow := func(on bool, name string) {
		if on {
			dirs = append(dirs, "core/"+name+"/ts")
		} else {
			dirs = append(dirs, "core/no-"+name+"/ts")
		}
	}
	flow(f.Reauth, "reauth")
	flow(f.Payments, "payments")
	return dirs
}
