// Command paired times whole processes the way figures 1-3 of BENCHMARKS.md need: every command
// started by the same shell wrapper, the commands taking turns run by run (the order reversed every
// other round), so that a change in the machine's load during the measurement touches every
// command alike. hyperfine runs one command's runs back to back, which on a shared machine lets a
// quiet spell favour whichever command it happened to fall on.
//
//	go run ./bench/paired -runs 200 -warmup 10 -out times.json NAME SCRIPT [NAME SCRIPT]...
//
// Each SCRIPT is run as `/bin/sh -c SCRIPT`, with stdin, stdout and stderr on /dev/null, and must
// exit 0 (a failing command stops the run: a timing of an error message is no figure). For each
// run the JSON gives the wall time (from just before the process starts to just after it is
// reaped) and its CPU time (user + system, the shell and everything it waited for included),
// and the load average before and after the whole measurement.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

type command struct {
	Name   string `json:"name"`
	Script string `json:"script"`
	// Per timed run, in milliseconds: from just before the start to just after the reaping.
	WallMS []float64 `json:"wall_ms"`
	// Per timed run, in milliseconds: user + system time of the shell and all it waited for.
	CPUMS []float64 `json:"cpu_ms"`
}

type result struct {
	Runs       int       `json:"runs"`
	Warmup     int       `json:"warmup"`
	LoadBefore []string  `json:"load_before"`
	LoadAfter  []string  `json:"load_after"`
	Commands   []command `json:"commands"`
}

func main() {
	runs := flag.Int("runs", 100, "timed runs of each command")
	warmup := flag.Int("warmup", 10, "untimed rounds first")
	out := flag.String("out", "", "where to write the JSON (required)")
	flag.Parse()
	args := flag.Args()
	if *out == "" || len(args) == 0 || len(args)%2 != 0 || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: paired -runs N -warmup W -out FILE NAME SCRIPT [NAME SCRIPT]...")
		os.Exit(2)
	}
	res := result{Runs: *runs, Warmup: *warmup}
	for i := 0; i < len(args); i += 2 {
		res.Commands = append(res.Commands, command{Name: args[i], Script: args[i+1]})
	}
	devnull, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		fail(err)
	}
	res.LoadBefore = loadAverage()
	for round := 0; round < *warmup+*runs; round++ {
		for k := range res.Commands {
			i := k
			if round%2 == 1 {
				i = len(res.Commands) - 1 - k
			}
			c := &res.Commands[i]
			wall, cpu, err := runOnce(c.Script, devnull)
			if err != nil {
				fail(fmt.Errorf("%s: %w", c.Name, err))
			}
			if round >= *warmup {
				c.WallMS = append(c.WallMS, ms(wall))
				c.CPUMS = append(c.CPUMS, ms(cpu))
			}
		}
	}
	res.LoadAfter = loadAverage()
	b, err := json.MarshalIndent(res, "", " ")
	if err != nil {
		fail(err)
	}
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		fail(err)
	}
}

func runOnce(script string, devnull *os.File) (wall, cpu time.Duration, err error) {
	cmd := exec.Command("/bin/sh", "-c", script)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = devnull, devnull, devnull
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, err
	}
	wall = time.Since(start)
	return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), nil
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }

// loadAverage is the 1, 5 and 15 minute load average, as /proc/loadavg gives it.
func loadAverage() []string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return nil
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return nil
	}
	return f[:3]
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "paired:", err)
	os.Exit(1)
}
