//go:build linux || darwin

package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/creack/pty"

	"github.com/mono-connect/mono-connect/internal/doctor"
)

// TestDoctorColour: colour on a terminal only, and never with NO_COLOR set.
func TestDoctorColour(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	defer tty.Close()
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm")
	if !useColor(tty) {
		t.Error("no colour on a terminal")
	}
	if useColor(&bytes.Buffer{}) {
		t.Error("colour into a pipe or file")
	}
	t.Setenv("NO_COLOR", "1")
	if useColor(tty) {
		t.Error("colour despite NO_COLOR")
	}

	rep := &doctor.Report{Checks: []doctor.Check{{ID: "csp", Status: doctor.Fail, Message: "m", Remedy: "r"}}, Summary: doctor.Summary{Fail: 1}}
	var plain, coloured bytes.Buffer
	printReport(&plain, rep, false)
	printReport(&coloured, rep, true)
	if strings.Contains(plain.String(), "\x1b[") {
		t.Errorf("escape codes without colour: %q", plain.String())
	}
	if !strings.Contains(coloured.String(), "\x1b[31mfail\x1b[0m") {
		t.Errorf("no red fail: %q", coloured.String())
	}
	if !strings.Contains(plain.String(), "→ r") || !strings.Contains(plain.String(), "0 passed, 0 warned, 1 failed, 0 skipped") {
		t.Errorf("remedy or summary missing:\n%s", plain.String())
	}
}
