//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	repoRoot      string // the mono-connect checkout
	workRoot      string // scaffolded apps live below here
	artifactsRoot string // failing flows write here
	cliPath       string // the mono-connect binary built from repoRoot
	timings       timingLog
)

func TestMain(m *testing.M) {
	os.Exit(mainRun(m))
}

func mainRun(m *testing.M) int {
	if ran, code := writeHostFromEnv(); ran {
		return code
	}
	if ran, code := writeInitFlagsFromEnv(); ran {
		return code
	}
	_, file, _, _ := runtime.Caller(0)
	repoRoot = filepath.Dir(filepath.Dir(file))

	artifactsRoot = os.Getenv("E2E_ARTIFACTS")
	if artifactsRoot == "" {
		artifactsRoot = filepath.Join(repoRoot, "e2e", "artifacts")
		os.RemoveAll(artifactsRoot) // only this run's failures, never stale ones
	}
	artifactsRoot, _ = filepath.Abs(artifactsRoot)

	workRoot = os.Getenv("E2E_WORKDIR")
	keep := os.Getenv("E2E_KEEP") == "1" || workRoot != ""
	if workRoot == "" {
		// Outside the repository on purpose: a go.mod above an app would turn the generated
		// standalone server into a package of this module.
		dir, err := os.MkdirTemp("", "mono-e2e-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "e2e:", err)
			return 1
		}
		workRoot = dir
	}
	if err := os.MkdirAll(workRoot, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}

	setDefaultEnv()

	start := time.Now()
	cliPath = filepath.Join(workRoot, "bin", "mono-connect")
	build := exec.Command("go", "build", "-o", cliPath, "./cmd/mono-connect")
	build.Dir = repoRoot
	build.Env = append(os.Environ(), "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: building the CLI: %v\n%s", err, out)
		return 1
	}
	timings.add("build the mono-connect CLI", time.Since(start))

	// Chromium starts while the first app installs; the first tab waits for it.
	go sharedChromium()
	code := m.Run()
	stopChromium()
	timings.print(os.Stdout)
	if code == 0 && !keep {
		removeAll(workRoot)
	} else {
		fmt.Printf("e2e: apps kept in %s\n", workRoot)
	}
	return code
}

// setDefaultEnv makes every npm, Next, Nuxt and Angular process the suite starts quiet, offline
// apart from the package registry, and share one npm cache.
func setDefaultEnv() {
	defaults := map[string]string{
		"npm_config_cache":                           filepath.Join(os.Getenv("HOME"), ".npm"),
		"npm_config_omit_lockfile_registry_resolved": "true",
		"npm_config_audit":                           "false",
		"npm_config_fund":                            "false",
		"npm_config_update_notifier":                 "false",
		"npm_config_loglevel":                        "error",
		"npm_config_prefer_offline":                  "true",
		"NEXT_TELEMETRY_DISABLED":                    "1",
		"NUXT_TELEMETRY_DISABLED":                    "1",
		"NG_CLI_ANALYTICS":                           "false",
		"ASTRO_TELEMETRY_DISABLED":                   "1",
		"CI":                                         "true",
	}
	for k, v := range defaults {
		if _, ok := os.LookupEnv(k); !ok {
			os.Setenv(k, v)
		}
	}
}

// timingLog collects how long each step took, printed at the end of the run.
type timingLog struct {
	mu      sync.Mutex
	entries []timingEntry
}

type timingEntry struct {
	name string
	d    time.Duration
	seq  int
}

func (l *timingLog) add(name string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, timingEntry{name, d, len(l.entries)})
}

// time runs fn and records its duration under name.
func (l *timingLog) time(name string, fn func()) {
	start := time.Now()
	defer func() { l.add(name, time.Since(start)) }()
	fn()
}

func (l *timingLog) print(w *os.File) {
	l.mu.Lock()
	defer l.mu.Unlock()
	sort.SliceStable(l.entries, func(i, j int) bool { return l.entries[i].seq < l.entries[j].seq })
	var total time.Duration
	var b strings.Builder
	b.WriteString("\n=== e2e timings\n")
	for _, e := range l.entries {
		fmt.Fprintf(&b, "%7.1fs  %s\n", e.d.Seconds(), e.name)
		total += e.d
	}
	fmt.Fprintf(&b, "%7.1fs  (sum of the steps above)\n", total.Seconds())
	w.WriteString(b.String())
}

// removeAll removes dir, retrying: Chromium's helper processes may still be writing to their
// profile directory for a moment after the browser exits.
func removeAll(dir string) {
	for i := 0; i < 20; i++ {
		if err := os.RemoveAll(dir); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}
