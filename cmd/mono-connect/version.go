package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set by the release build (goreleaser ldflags -X main.version=… etc.).
var (
	version = ""
	commit  = ""
	date    = ""
)

// buildInfo is what `version` reports. A `go install …@vX` build has no ldflags, so the module
// version and VCS stamps from the binary's build info fill in.
type buildInfo struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Date    string `json:"date"`
	Go      string `json:"go"`
}

func currentBuild() buildInfo {
	b := buildInfo{Version: version, Commit: commit, Date: date}
	if info, ok := debug.ReadBuildInfo(); ok {
		b.Go = info.GoVersion
		if b.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			b.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.Commit == "" {
					b.Commit = s.Value
				}
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			}
		}
	}
	if b.Version == "" {
		b.Version = "dev"
	}
	if b.Commit == "" {
		b.Commit = "unknown"
	}
	if b.Date == "" {
		b.Date = "unknown"
	}
	return b
}

// toolVersion is the version written into mono-connect.json.
func toolVersion() string { return currentBuild().Version }

func versionString() string {
	b := currentBuild()
	return fmt.Sprintf("mono-connect %s (commit %s, built %s, %s)", b.Version, b.Commit, b.Date, b.Go)
}

func newVersionCmd(ios *iostreams) *cobra.Command {
	return listCmd("version", "Print the version, commit and build date",
		"  mono-connect version\n  mono-connect version --json",
		func(asJSON bool) error {
			if asJSON {
				return printJSON(ios.Out, currentBuild())
			}
			_, err := fmt.Fprintln(ios.Out, versionString())
			return err
		})
}
