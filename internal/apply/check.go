package apply

import (
	"github.com/aymanbagabas/go-udiff"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/samecode"
)

// DriftStatus is how a generated file differs from what this binary would write.
type DriftStatus string

// Drift statuses, as in `generate --check --json`.
const (
	Modified DriftStatus = "modified"
	Missing  DriftStatus = "missing"
	Stale    DriftStatus = "stale"
)

// Drift is one file that differs.
type Drift struct {
	Path   string      `json:"path"`
	Status DriftStatus `json:"status"`
	Diff   string      `json:"-"` // unified diff, disk (a/) against what would be written (b/)
	// Kind is the file's kind: a modified merged file is merged again by plain generate, while an
	// edited owned file is a conflict, so the advice differs.
	Kind generate.Kind `json:"-"`
}

// Check compares the disk under root with plan, reading only. Owned files must hold the same code
// (JS, TS, Vue and Svelte in any formatting, Go as gofmt prints it, JSON by value: see package
// samecode) or match byte for byte; for merged files only our part counts; starter files and
// unrecorded files are the user's. A file identical to ours costs a read and a comparison; only one
// that differs is parsed.
// A file the previous record lists that the plan no longer produces is stale while it exists.
func Check(root string, plan *generate.Plan, prev *generate.Record) ([]Drift, error) {
	var out []Drift
	planned := map[string]bool{}
	for _, f := range plan.Files {
		planned[f.Path] = true
		if f.Unrecorded || f.Kind == generate.KindStarter {
			continue
		}
		old, exists, err := readSafe(root, f.Path, isWorkspaceFile(plan, f.Path))
		if err != nil {
			return nil, err
		}
		switch {
		case keptBy(prev, f.Path) && exists:
			// The user's since an init that kept it; Kept lists it.
		case !exists:
			out = append(out, Drift{Path: f.Path, Status: Missing, Diff: udiff.Unified("a/"+f.Path, "b/"+f.Path, "", string(f.Content))})
		case f.Kind == generate.KindMerged:
			if !f.Owned(old) {
				out = append(out, Drift{Path: f.Path, Status: Modified, Kind: f.Kind, Diff: udiff.Unified("a/"+f.Path, "b/"+f.Path, string(old), string(f.Content))})
			}
		case !samecode.Equal(f.Path, old, f.Content):
			// Owned code files are compared as code: the project's formatter rewriting one is not
			// drift, a changed statement is.
			out = append(out, Drift{Path: f.Path, Status: Modified, Kind: f.Kind, Diff: udiff.Unified("a/"+f.Path, "b/"+f.Path, string(old), string(f.Content))})
		}
	}
	if prev != nil {
		for _, rf := range prev.Files {
			// A workspace file recorded before and no longer planned (the project left the
			// workspace, or moved in it) is outside the project: not ours to read.
			if planned[rf.Path] || rf.Kind == generate.KindStarter || generate.IsWorkspaceFile(rf.Path) {
				continue
			}
			old, exists, err := readSafe(root, rf.Path, false)
			if err != nil {
				return nil, err
			}
			if exists && !rf.Kept {
				out = append(out, Drift{Path: rf.Path, Status: Stale, Diff: udiff.Unified("a/"+rf.Path, "/dev/null", string(old), "")})
			}
		}
	}
	return out, nil
}

// Kept lists the planned files that prev records as kept by the user and that still differ from
// what this binary would write: not drift, but worth a line in --check's report.
func Kept(root string, plan *generate.Plan, prev *generate.Record) ([]string, error) {
	var out []string
	for _, f := range plan.Files {
		if !keptBy(prev, f.Path) {
			continue
		}
		old, exists, err := readSafe(root, f.Path, isWorkspaceFile(plan, f.Path))
		if err != nil {
			return nil, err
		}
		if exists && string(old) != string(f.Content) {
			out = append(out, f.Path)
		}
	}
	return out, nil
}
