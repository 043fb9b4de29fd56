package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
)

// buildCLI builds the real binary once per test run, into one fixed place under the temp
// directory (rebuilt each run, so it never goes stale, and never piles up).
var buildCLI = sync.OnceValues(func() (string, error) {
	dir := filepath.Join(os.TempDir(), "mono-connect-test-bin")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "mono-connect")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})
