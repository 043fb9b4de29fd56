package generate

import "testing"

func TestOutputPath(t *testing.T) {
	ph := map[string]string{"_src_": "app", "_core_": "app/lib/mono-connect", "_jsx_": "tsx"}
	for _, c := range []struct{ dest, rel, want string }{
		{".", "_src_/routes/mono.tsx", "app/routes/mono.tsx"},
		{".", "_gitignore", ".gitignore"},
		{".", "app/root._jsx_", "app/root.tsx"},
		{"server", "_src_/x._jsx_", "server/app/x.tsx"},
		// Only a whole extension is a placeholder.
		{".", "app/root._jsx_x", "app/root._jsx_x"},
		{".", "app/._jsx_", "app/._jsx_"},
	} {
		if got := outputPath(c.dest, c.rel, ph); got != c.want {
			t.Errorf("outputPath(%q, %q) = %q, want %q", c.dest, c.rel, got, c.want)
		}
	}
}
