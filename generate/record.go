package generate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// RecordName is the name of the record at the project root.
const RecordName = "mono-connect.json"

// SchemaURL is where the record's JSON schema is served (schema/mono-connect.schema.json in
// this repository).
const SchemaURL = "https://raw.githubusercontent.com/mono-connect/mono-connect/main/schema/mono-connect.schema.json"

// Kind says how much of a file mono-connect owns.
type Kind string

const (
	// KindOwned files are written whole by mono-connect; any edit is drift.
	KindOwned Kind = "owned"
	// KindMerged files belong to the user; mono-connect owns a part (a dependency, env entries,
	// ignore lines) and checks only that part.
	KindMerged Kind = "merged"
	// KindStarter files are the greenfield host app: written once by init, then the user's.
	// generate never rewrites them and --check ignores them.
	KindStarter Kind = "starter"
)

// Record is mono-connect.json: everything `generate` needs to render the same files again.
type Record struct {
	Schema  string       `json:"$schema"`
	Version string       `json:"version"`
	Answers Answers      `json:"answers"`
	Files   []RecordFile `json:"files"`
}

// Answers are the recorded options.
type Answers struct {
	Framework        string   `json:"framework"`
	Lang             string   `json:"lang"`
	Features         []string `json:"features"`
	Institution      string   `json:"institution,omitempty"`
	AuthMethod       string   `json:"auth_method,omitempty"`
	Backend          string   `json:"backend"`
	ServerDir        string   `json:"server_dir,omitempty"`
	ServerStandalone bool     `json:"server_standalone,omitempty"`
	StaticDir        string   `json:"static_dir,omitempty"`
	PublicKeyEnv     string   `json:"public_key_env"`
	Variant          string   `json:"variant,omitempty"`
	PackageManager   string   `json:"package_manager"`
	Greenfield       bool     `json:"greenfield"`
}

// RecordFile is one generated file. For merged files SHA256 is the digest of our part only, so
// a user's edits around it do not change the record.
type RecordFile struct {
	Path   string `json:"path"`
	Kind   Kind   `json:"kind"`
	SHA256 string `json:"sha256"`
	// Kept marks an owned file the user chose to keep as theirs (--on-conflict skip, or "skip
	// (keep mine)" at a prompt). SHA256 is then the digest of their file when they kept it. generate
	// leaves it alone and --check reports it without failing, until --on-conflict overwrite takes
	// ours back.
	Kept bool `json:"kept,omitempty"`
}

// Options turns recorded answers back into options for Generate (never greenfield: the starter
// is written once, by init).
func (a Answers) Options() Options {
	return Options{
		Framework:      a.Framework,
		Lang:           a.Lang,
		Features:       append([]string{}, a.Features...),
		Institution:    a.Institution,
		AuthMethod:     a.AuthMethod,
		Backend:        a.Backend,
		ServerDir:      a.ServerDir,
		StaticDir:      a.StaticDir,
		PublicKeyEnv:   a.PublicKeyEnv,
		Variant:        a.Variant,
		PackageManager: a.PackageManager,
	}
}

// File returns the recorded entry for path, if any.
func (r *Record) File(path string) (RecordFile, bool) {
	if r == nil {
		return RecordFile{}, false
	}
	for _, f := range r.Files {
		if f.Path == path {
			return f, true
		}
	}
	return RecordFile{}, false
}

// MarkKept records path as kept by the user, with the digest of content (their file).
func (r *Record) MarkKept(path string, content []byte) {
	for i := range r.Files {
		if r.Files[i].Path == path {
			r.Files[i].Kept = true
			r.Files[i].SHA256 = sha(content)
			return
		}
	}
}

// RecordLayout records content, the same code as ours in the project's formatting (a formatter
// ran on it), as the digest of the owned file at path: the layout the file has on disk is then
// the one we wrote, so a later version of mono-connect may update it instead of calling the
// formatter's rewrite a user's edit. Kept and unrecorded paths are left alone.
func (r *Record) RecordLayout(path string, content []byte) { r.SetDigest(path, sha(content)) }

// SetDigest sets the recorded digest of the owned file at path (not a kept one).
func (r *Record) SetDigest(path, digest string) {
	for i := range r.Files {
		if f := &r.Files[i]; f.Path == path && f.Kind == KindOwned && !f.Kept {
			f.SHA256 = digest
			return
		}
	}
}

// Encode renders the record as indented JSON with a final newline.
func (r *Record) Encode() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		panic(err) // a Record always encodes
	}
	return buf.Bytes()
}

// DecodeRecord reads and validates a record. Every problem is a usage error naming the file, so a
// hand-broken record stops the command before anything is written.
func DecodeRecord(data []byte, toolVersion string) (*Record, error) {
	if err := validateRecord(data); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r Record
	if err := dec.Decode(&r); err != nil {
		return nil, usagef("%s is not a valid record: %s: fix it or delete it and run init again", RecordName, strings.TrimPrefix(err.Error(), "json: "))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, usagef("%s is not a valid record: extra data after the object", RecordName)
	}
	if r.Version == "" {
		return nil, usagef("%s has no \"version\": fix it or delete it and run init again", RecordName)
	}
	if newerVersion(r.Version, toolVersion) {
		return nil, usagef("%s was written by mono-connect %s, newer than this %s: upgrade mono-connect", RecordName, r.Version, toolVersion)
	}
	if r.Answers.Framework == "" {
		return nil, usagef("%s has no answers.framework: fix it or delete it and run init again", RecordName)
	}
	seen := map[string]bool{}
	for _, f := range r.Files {
		if f.Kind == KindMerged && IsWorkspaceFile(f.Path) {
			// The pnpm workspace's file above the project, whose catalog has connect.js.
		} else if err := checkRecordedPath(f.Path); err != nil {
			return nil, err
		}
		if seen[f.Path] {
			return nil, usagef("%s lists %s twice", RecordName, f.Path)
		}
		seen[f.Path] = true
		switch f.Kind {
		case KindOwned, KindMerged, KindStarter:
		default:
			return nil, usagef("%s: unknown kind %q for %s (owned, merged or starter)", RecordName, f.Kind, f.Path)
		}
		if f.Kept && f.Kind != KindOwned {
			return nil, usagef("%s: %s is marked kept, which only an owned file can be", RecordName, f.Path)
		}
		if len(f.SHA256) != 64 {
			return nil, usagef("%s: sha256 of %s is not 64 hex characters", RecordName, f.Path)
		}
		if _, err := hex.DecodeString(f.SHA256); err != nil {
			return nil, usagef("%s: sha256 of %s is not 64 hex characters", RecordName, f.Path)
		}
	}
	return &r, nil
}

// checkRecordedPath refuses a recorded path that could lead outside the project.
func checkRecordedPath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.Contains(p, ":") {
		return usagef("%s: path %q must be relative and slash-separated", RecordName, p)
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." || seg == "" {
			return usagef("%s: path %q must stay inside the project", RecordName, p)
		}
	}
	return nil
}

// newerVersion reports whether semantic version a is newer than b. Development builds (no
// parsable version) never count as older: they are built from the newest source.
func newerVersion(a, b string) bool {
	pa, okA := parseVersion(a)
	pb, okB := parseVersion(b)
	if !okA || !okB {
		return false
	}
	for i := range pa {
		if pa[i] != pb[i] {
			return pa[i] > pb[i]
		}
	}
	return false
}

func parseVersion(v string) ([3]int, bool) {
	var out [3]int
	v = strings.TrimPrefix(v, "v")
	if i := strings.IndexAny(v, "-+"); i >= 0 {
		v = v[:i]
	}
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return out, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return out, false
		}
		out[i] = n
	}
	return out, true
}

func sha(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
