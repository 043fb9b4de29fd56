package generate

import (
	"fmt"
	"strings"
)

// ServerMove moves a standalone Go module out of a folder its framework owns (a Nuxt app's
// server/, which is Nitro's) to the target's StandaloneDir. Records written before the target
// reserved that folder still point into it; the move keeps every file as it is on disk (the
// user's edits included) and rewrites the record's paths, so the next plan finds the files, their
// digests unchanged, where the target now wants them.
type ServerMove struct {
	From, To string
	Record   *Record // prev with every path under From moved under To
}

// PlanServerMove returns the move prev needs, or nil when its server is where it may be.
func PlanServerMove(prev *Record) *ServerMove {
	if prev == nil || prev.Answers.Backend != "go" || !prev.Answers.ServerStandalone {
		return nil
	}
	t := LookupTarget(prev.Answers.Framework)
	if t == nil || t.ReservedDir(prev.Answers.ServerDir) == "" {
		return nil
	}
	m := &ServerMove{From: prev.Answers.ServerDir, To: t.DefaultServerDir(nil)}
	r := *prev
	r.Answers.ServerDir = m.To
	r.Files = make([]RecordFile, len(prev.Files))
	for i, f := range prev.Files {
		if p, ok := m.Moved(f.Path); ok {
			f.Path = p
		}
		r.Files[i] = f
	}
	m.Record = &r
	return m
}

// Moved returns where path goes, and whether it is under From at all.
func (m *ServerMove) Moved(path string) (string, bool) {
	if rest, ok := strings.CutPrefix(path, m.From+"/"); ok {
		return m.To + "/" + rest, true
	}
	return path, false
}

// DevScriptLine returns the line of scripts/dev.mjs (a starter file) naming the server's folder,
// as init wrote it for dir; the move rewrites it in a dev.mjs the user has not edited.
func DevScriptLine(dir string) string {
	lit, _ := jsString(dir) // a recorded server dir passed ValidateServerDir: plain ASCII
	return fmt.Sprintf("const serverDir = path.join(root, %s);", lit)
}

// DevScript is the path of the greenfield starter's dev loop script.
const DevScript = "scripts/dev.mjs"

// SHA256 is the digest the record keeps for content.
func SHA256(content []byte) string { return sha(content) }
