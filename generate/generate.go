package generate

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/mono-connect/mono-connect/templates"
)

// File is one file of a plan.
type File struct {
	Path    string // slash-separated, relative to the project root
	Kind    Kind
	Content []byte // the complete content to write
	Mode    fs.FileMode

	// Owned reports whether a file on disk still holds our part (merged files only); --check
	// uses it instead of comparing whole contents.
	Owned func(content []byte) bool
	// Part is what we own of a merged file, in a canonical form; its digest is recorded.
	Part []byte
	// Unrecorded files (the record itself, the gitignored env file holding a key) are planned
	// and written but not listed in the record and never checked for drift.
	Unrecorded bool
}

// Plan is everything one init or generate would write, sorted by path. Nothing is written yet:
// a writer applies it (disk, dry run or drift check).
type Plan struct {
	Target    *Target
	Options   Options
	Data      TemplateData
	Files     []File
	Record    *Record
	NextSteps []string
	// WorkspaceFile is the pnpm workspace's file above the project (Input.Workspace's Evidence,
	// "../../pnpm-workspace.yaml") when the plan merges connect.js into its catalog: the one path
	// outside the project a writer may touch. "" otherwise.
	WorkspaceFile string

	carried []RecordFile // starter entries of the previous record, kept as they were
}

// Input is what Generate reads besides the options.
type Input struct {
	// Project is the project directory (read only: existing merged files, layout detection). It
	// may be an empty FS for a directory that does not exist yet.
	Project fs.FS
	// Previous is the record already in the project, or nil.
	Previous *Record
	// ToolVersion is written into the record.
	ToolVersion string
	// Workspace is the pnpm workspace the project is a package of (findWorkspace), or nil. A
	// default catalog there that lacks connect.js gets it, planned as a merged file at the
	// workspace file's path relative to the project (Plan.WorkspaceFile).
	Workspace *Workspace
}

// Generate validates opts and plans every file for them. It performs no I/O besides reading
// in.Project, and returns a *UsageError for bad options.
func Generate(opts Options, in Input) (*Plan, error) {
	t, err := opts.Normalize()
	if err != nil {
		return nil, err
	}
	data, err := templateData(t, &opts, in.Project)
	if err != nil {
		return nil, err
	}
	p := &Plan{Target: t, Options: opts, Data: data}
	// _jsx_ is the extension of a JSX module in the project's language: tsx or jsx.
	placeholders := map[string]string{"_src_": data.SrcDir, "_core_": data.CoreDir, "_jsx_": opts.Lang + "x"}

	var owned, starter []renderedFile
	// A JavaScript project gets the JavaScript of the TypeScript modules in the core and in the
	// all/ folders (renderDir's derive).
	derive := func(dir string) bool {
		return !data.TS && (strings.HasPrefix(dir, "core/") || path.Base(dir) == "all")
	}
	add := func(dst *[]renderedFile, dir, dest string) error {
		files, err := renderDir(dir, dest, &data, placeholders, derive(dir))
		*dst = append(*dst, files...)
		return err
	}
	// A base a target names must exist: renderDir quietly skips a missing folder (a target may
	// omit ts/ or js/), which would turn a misspelt or unembedded base into missing files.
	bases := append([]string{t.Base}, t.MoreBases...)
	for _, b := range append(append([]string{}, bases...), t.StarterBases...) {
		if b == "" {
			continue
		}
		if _, err := fs.Stat(templates.FS, b); err != nil {
			return nil, fmt.Errorf("template error: %s names base %q, which is not in the embedded templates", t.Name, b)
		}
	}
	for _, dir := range coreDirs(data.Features) {
		if err := add(&owned, dir, data.CoreDir); err != nil {
			return nil, err
		}
	}
	langDirs := []string{"all", opts.Lang}
	for _, l := range langDirs {
		for _, b := range bases {
			if b == "" {
				continue
			}
			if err := add(&owned, b+"/integration/"+l, "."); err != nil {
				return nil, err
			}
		}
		if err := add(&owned, t.Name+"/integration/"+l, "."); err != nil {
			return nil, err
		}
		if opts.Greenfield {
			for _, b := range t.StarterBases {
				if err := add(&starter, b+"/starter/"+l, "."); err != nil {
					return nil, err
				}
			}
			if err := add(&starter, t.Name+"/starter/"+l, "."); err != nil {
				return nil, err
			}
		}
	}
	if opts.Backend == "go" {
		if data.Server.Standalone {
			// The standalone module's go.mod and main.go are the user's from the start: main.go
			// is where the hooks are wired, go.mod gains their requirements. So they are starter
			// files, written once (also in brownfield, where no Go module exists) and never
			// rewritten or checked; package monoconnect beside them stays owned.
			var mod []renderedFile
			if err := add(&mod, "server/standalone", data.Server.Dir); err != nil {
				return nil, err
			}
			for _, r := range mod {
				if _, recorded := in.Previous.File(r.Path); !recorded {
					starter = append(starter, r)
				}
			}
		}
		if err := add(&owned, "server/pkg", data.Server.PkgDir); err != nil {
			return nil, err
		}
		// A greenfield starter with its own server starts both with `npm run dev`
		// (scripts/dev.mjs, a starter file like the package.json that calls it).
		if opts.Greenfield && data.Server.Standalone && t.DevScript != "" {
			if err := add(&starter, "server/devloop", "."); err != nil {
				return nil, err
			}
		}
	}

	files := map[string]File{}
	put := func(f File) error {
		if _, dup := files[f.Path]; dup {
			return fmt.Errorf("template error: %s is produced twice", f.Path)
		}
		if f.Mode == 0 {
			f.Mode = 0o644
		}
		files[f.Path] = f
		return nil
	}
	// Starter files that are merged (package.json, .gitignore, a linter's or formatter's ignore
	// file) become the base of the merge; one that no merge takes is written as it is, below.
	base := map[string][]byte{}
	var unmerged []renderedFile
	for _, r := range starter {
		switch {
		case r.Path == "package.json" || r.Path == ".gitignore" || r.Path == ".env.example":
			base[r.Path] = r.Content
			continue
		case ignoreFiles[r.Path]:
			base[r.Path] = r.Content
			unmerged = append(unmerged, r)
			continue
		}
		if err := put(File{Path: r.Path, Kind: KindStarter, Content: r.Content, Mode: r.Mode}); err != nil {
			return nil, err
		}
	}
	var pkg []byte
	if in.Project != nil {
		pkg, _ = fs.ReadFile(in.Project, "package.json") // none: the default header
	}
	if b, ok := base["package.json"]; ok {
		pkg = b
	}
	header := scriptHeaderFor(pkg)
	var vendoredJS []string
	for _, r := range owned {
		content := r.Content
		if r.Vendored && path.Ext(r.Path) == ".js" {
			vendoredJS = append(vendoredJS, r.Path)
		}
		switch {
		case r.Typed:
			content = withHeader(r.Path, content, checkJsHeader(header))
		case !r.Vendored:
			content = withHeader(r.Path, content, header)
		}
		if err := put(File{Path: r.Path, Kind: KindOwned, Content: content, Mode: r.Mode}); err != nil {
			return nil, err
		}
	}
	ownedPaths := make([]string, 0, len(owned))
	for _, r := range owned {
		ownedPaths = append(ownedPaths, r.Path)
	}
	merged, err := mergedFiles(t, &opts, &data, in.Project, starterView(starter, in.Project), in.Workspace, base, ownedPaths)
	if err != nil {
		return nil, err
	}
	for _, f := range merged {
		if err := put(f); err != nil {
			return nil, err
		}
		if in.Workspace != nil && f.Path == in.Workspace.Evidence && IsWorkspaceFile(f.Path) {
			p.WorkspaceFile = f.Path
		}
	}
	for _, r := range unmerged {
		if _, ok := files[r.Path]; ok {
			continue
		}
		if err := put(File{Path: r.Path, Kind: KindStarter, Content: r.Content, Mode: r.Mode}); err != nil {
			return nil, err
		}
	}

	// Starter files written by an earlier init stay in the record, untouched.
	if in.Previous != nil {
		for _, rf := range in.Previous.Files {
			if _, ok := files[rf.Path]; !ok && rf.Kind == KindStarter {
				p.carry(rf)
			}
		}
	}

	for _, f := range files {
		p.Files = append(p.Files, f)
	}
	sort.Slice(p.Files, func(i, j int) bool { return p.Files[i].Path < p.Files[j].Path })

	p.Record = p.buildRecord(in)
	p.Files = append(p.Files, File{Path: RecordName, Kind: KindOwned, Content: p.Record.Encode(), Mode: 0o644, Unrecorded: true})
	sort.SliceStable(p.Files, func(i, j int) bool { return p.Files[i].Path < p.Files[j].Path })
	p.NextSteps = nextSteps(p)
	if step := vendoredLintStep(in.Project, vendoredJS); step != "" {
		p.NextSteps = append(p.NextSteps, step)
	}
	return p, nil
}

// vendoredLintStep is the step for a project whose flat-config ESLint would lint a vendored
// script (html's connect.js: Mono's published bundle, kept byte for byte so that its pinned
// integrity digest holds, so it cannot carry the header that keeps linters off our other files).
// mono-connect does not edit a JavaScript config (an ESLint 8 project gets the entry in
// .eslintignore, ignores.go), so the user adds the one line.
func vendoredLintStep(project fs.FS, vendored []string) string {
	if project == nil || len(vendored) == 0 {
		return ""
	}
	config := firstFile(eslintFlatFiles...)(project, nil)
	if config == "" {
		return ""
	}
	quoted := make([]string, len(vendored))
	for i, v := range vendored {
		quoted[i] = "'" + v + "'"
	}
	return fmt.Sprintf("add %s to the ignores of %s: Mono's published bundle, byte for byte (its integrity digest is pinned), without the header that keeps your linter off the other generated files", strings.Join(quoted, ", "), config)
}

// carried holds record entries kept from the previous record without a file in this plan.
func (p *Plan) carry(rf RecordFile) { p.carried = append(p.carried, rf) }

func (p *Plan) buildRecord(in Input) *Record {
	o := p.Options
	r := &Record{
		Schema:  SchemaURL,
		Version: in.ToolVersion,
		Answers: Answers{
			Framework:        o.Framework,
			Lang:             o.Lang,
			Features:         o.Features,
			Institution:      o.Institution,
			AuthMethod:       o.AuthMethod,
			Backend:          o.Backend,
			PublicKeyEnv:     o.PublicKeyEnv,
			Variant:          o.Variant,
			PackageManager:   o.PackageManager,
			Greenfield:       o.Greenfield || (in.Previous != nil && in.Previous.Answers.Greenfield),
			ServerDir:        p.Data.Server.Dir,
			ServerStandalone: p.Data.Server.Standalone,
			StaticDir:        p.Data.StaticDir,
		},
		Files: []RecordFile{},
	}
	if o.Backend != "go" {
		r.Answers.ServerDir = ""
		r.Answers.ServerStandalone = false
	}
	for _, f := range p.Files {
		if f.Unrecorded {
			continue
		}
		digest := sha(f.Content)
		if f.Kind == KindMerged {
			digest = sha(f.Part)
		}
		r.Files = append(r.Files, RecordFile{Path: f.Path, Kind: f.Kind, SHA256: digest})
	}
	r.Files = append(r.Files, p.carried...)
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	return r
}

// templateData resolves every derived value the templates read.
func templateData(t *Target, o *Options, project fs.FS) (TemplateData, error) {
	d := TemplateData{
		Framework:        t.Name,
		Variant:          t.Variant,
		ServerComponents: t.ServerComponents,
		Lang:             o.Lang,
		TS:               o.Lang == "ts",
		Features:         Features{Link: true},
		Institution:      Institution{ID: o.Institution, AuthMethod: o.AuthMethod},
		PublicKeyEnv:     o.PublicKeyEnv,
		PublicKey:        o.PublicKey,
		BackendURLEnv:    t.BackendURLEnv,
		EnvTypes:         cmp.Or(t.EnvTypes, "vite/client"),
		Greenfield:       o.Greenfield,
		AppName:          o.AppName,
		Backend:          o.Backend,
	}
	for _, f := range o.Features {
		switch f {
		case "reauth":
			d.Features.Reauth = true
		case "payments":
			d.Features.Payments = true
		case "events":
			d.Features.Events = true
		}
	}
	switch {
	case o.Greenfield && t.GreenfieldSrcDir != "":
		d.SrcDir = t.GreenfieldSrcDir
	case !o.Greenfield && t.SrcDir != nil && project != nil:
		d.SrcDir = t.SrcDir(project)
	default:
		d.SrcDir = "src"
	}
	if t.Static != nil {
		// A static site's source root is the folder the page's server serves as is.
		switch {
		case o.StaticDir != "":
			d.SrcDir = o.StaticDir
		case !o.Greenfield && project != nil:
			d.SrcDir, _ = t.Static.DefaultDir(project)
		}
		d.StaticDir = d.SrcDir
		if project != nil && !o.Greenfield {
			d.Host = t.Static.ServerApp(project).Name
		}
		d.ConnectJS = ConnectJS{Version: templates.ConnectJSVersion, SRI: templates.ConnectJSSRI}
		// The greenfield starter has no other server: the standalone one serves the page too.
		d.ServesPage = o.Greenfield
	}
	d.CoreDir = path.Clean(strings.ReplaceAll(t.CoreDir, "_src_", d.SrcDir))
	if t.Major != nil {
		if project != nil {
			d.Major = t.Major(project)
		}
		if d.Major == 0 {
			d.Major = t.StarterMajor
		}
	}

	d.Server.Port = DefaultServerPort
	if o.Backend == "go" {
		if o.GoModule != nil {
			dir := o.ServerDir // Normalize gave it the default for the situation
			d.Server.Dir = dir
			d.Server.PkgDir = dir
			d.Server.ModulePath = o.GoModule.Path
			d.Server.ImportPath = path.Join(o.GoModule.Path, o.GoModule.RelDir, dir)
		} else {
			dir := o.ServerDir
			d.Server.Dir = dir
			d.Server.PkgDir = dir + "/monoconnect"
			d.Server.Standalone = true
			d.Server.ModulePath = standaloneModulePath
			d.Server.ImportPath = standaloneModulePath + "/monoconnect"
		}
	}
	return d, nil
}

// mergedFiles plans package.json, .env.example, .gitignore, the ignore files of the app's
// formatters and linters, the env file holding --public-key, and the target's own merges. base
// holds starter content that replaces a missing file.
func mergedFiles(t *Target, o *Options, d *TemplateData, project, withStarter fs.FS, ws *Workspace, base map[string][]byte, owned []string) ([]File, error) {
	read := func(name string) ([]byte, bool, error) {
		if b, ok := base[name]; ok {
			return b, true, nil
		}
		if project == nil {
			return nil, false, nil
		}
		b, err := fs.ReadFile(project, name)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, fmt.Errorf("reading %s: %w", name, err)
		}
		return b, true, nil
	}
	var out []File

	pkg, ok, err := read("package.json")
	if err != nil {
		return nil, err
	}
	// A static site vendors connect.js into its static folder: a package.json it finds (Laravel's,
	// for its own asset build) is none of its business.
	if ok && t.Static == nil {
		// A pnpm project that pins its versions in a catalog gets ours there too, and package.json
		// names it "catalog:" like every other dependency of the app.
		version, pkg, catalogFile, err := catalogMerge(pkg, read, ws)
		if err != nil {
			return nil, err
		}
		if catalogFile != nil {
			out = append(out, *catalogFile)
		}
		merged, err := addDependency(pkg, ConnectPackage, version)
		if err != nil {
			return nil, &UsageError{Msg: err.Error() + ": fix package.json and run again"}
		}
		out = append(out, File{
			Path: "package.json", Kind: KindMerged, Content: merged,
			Part:  []byte(fmt.Sprintf("dependencies[%q]", ConnectPackage)),
			Owned: func(c []byte) bool { return hasDependency(c, ConnectPackage) && hasBunCatalogEntry(c) },
		})
	}

	// The app's formatters and linters skip what we generate (ignores.go).
	ignores, err := ignoreMerges(withStarter, pkg, read, ignoreEntries(owned, d.CoreDir))
	if err != nil {
		return nil, err
	}
	out = append(out, ignores...)

	var entries []envEntry
	var names []string
	if t.KeyInEnv() {
		entries = append(entries, envEntry{Name: d.PublicKeyEnv, Comment: "Mono public key (test_pk_… or live_pk_…) from the Mono dashboard; the secret key goes to the server only"})
		names = append(names, d.PublicKeyEnv)
		if d.BackendURLEnv != "" {
			entries = append(entries, envEntry{Name: d.BackendURLEnv, Comment: "Origin of the server serving /api/mono/*; empty means this site's origin"})
			names = append(names, d.BackendURLEnv)
		}
	}
	if len(entries) > 0 {
		example, _, err := read(".env.example")
		if err != nil {
			return nil, err
		}
		out = append(out, File{
			Path: ".env.example", Kind: KindMerged,
			Content: mergeEnv(example, "Mono Connect (mono-connect)", entries, false),
			Part:    []byte(strings.Join(names, "\n")),
			Owned:   func(c []byte) bool { return envHasAll(c, names) },
		})
	}

	ignore, _, err := read(".gitignore")
	if err != nil {
		return nil, err
	}
	out = append(out, File{
		Path: ".gitignore", Kind: KindMerged,
		Content: mergeGitignore(ignore, gitignoreLines),
		Part:    []byte(strings.Join(gitignoreLines, "\n")),
		Owned:   func(c []byte) bool { return gitignoreHasAll(c, gitignoreLines) },
	})

	if o.PublicKey != "" && t.KeyInEnv() {
		envFile, _, err := read(t.EnvFile)
		if err != nil {
			return nil, err
		}
		out = append(out, File{
			Path: t.EnvFile, Kind: KindMerged, Unrecorded: true,
			Content: mergeEnv(envFile, "Mono Connect (mono-connect)", []envEntry{{Name: d.PublicKeyEnv, Value: o.PublicKey}}, true),
		})
	}

	for _, m := range t.Merges {
		p := path.Clean(strings.ReplaceAll(m.Path, "_src_", d.SrcDir))
		old, ok, err := read(p)
		if err != nil {
			return nil, err
		}
		if (!ok && m.Optional) || (m.When != nil && !m.When(*d)) {
			continue
		}
		content, err := m.Apply(old, *d)
		if err != nil {
			return nil, fmt.Errorf("merging %s: %w", p, err)
		}
		m := m
		out = append(out, File{
			Path: p, Kind: KindMerged, Content: content,
			Part:  []byte(m.Path),
			Owned: func(c []byte) bool { return m.Owned(c, *d) },
		})
	}
	return out, nil
}

// nextSteps tells the user what is left to do, in order.
func nextSteps(p *Plan) []string {
	d := p.Data
	var steps []string
	if p.Target.NextSteps != nil {
		return p.Target.NextSteps(p)
	}
	switch {
	case p.Options.PublicKey != "":
	case p.Target.KeyInEnv():
		steps = append(steps, fmt.Sprintf("put your Mono public key in %s: %s=test_pk_…", p.Target.EnvFile, d.PublicKeyEnv))
	case p.Target.Key == KeyInFiles:
		var files []string
		for _, f := range p.Target.KeyFiles {
			files = append(files, path.Clean(strings.ReplaceAll(f, "_src_", d.SrcDir)))
		}
		steps = append(steps, fmt.Sprintf("put your Mono public key (test_pk_…) in publicKey of %s", strings.Join(files, " and ")))
	}
	if d.Backend == "go" {
		steps = append(steps, "give the Go server your secret key: MONO_SECRET_KEY=test_sk_… (and MONO_WEBHOOK_SECRET for webhooks); never in frontend env files")
		if d.Server.Standalone {
			steps = append(steps, fmt.Sprintf("start the server: cd %s && go run .", d.Server.Dir))
		} else {
			steps = append(steps, fmt.Sprintf("mount the handler from %q at /api/mono/ in your Go server (see %s/doc.go)", d.Server.ImportPath, d.Server.PkgDir))
		}
		if !p.Options.Greenfield && p.Target.DevProxy != "" {
			steps = append(steps, fmt.Sprintf(p.Target.DevProxy, d.Server.Port)+fmt.Sprintf(", or set %s to the server's origin and MONO_ALLOWED_ORIGINS to the app's", d.BackendURLEnv))
		}
	} else {
		steps = append(steps, "serve POST /api/mono/exchange from your backend: it exchanges the code for an account id with your secret key")
	}
	pm := p.Options.PackageManager
	switch {
	case p.Options.Greenfield && p.Options.Installing:
		steps = append(steps, fmt.Sprintf("start the app: %s", runScript(pm, p.Target.DevScript)))
	case p.Options.Greenfield:
		steps = append(steps, fmt.Sprintf("install and start the app: %s install && %s", pm, runScript(pm, p.Target.DevScript)))
	case !p.Options.Installing:
		steps = append(steps, fmt.Sprintf("install the widget: %s install", pm))
	}
	return steps
}

func runScript(pm, script string) string {
	if script == "" {
		script = "dev"
	}
	if pm == "npm" || pm == "bun" {
		return pm + " run " + script
	}
	return pm + " " + script
}
