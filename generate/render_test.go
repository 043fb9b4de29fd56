package generate

import "testing"

// TestOutputPath: placeholders replace whole path segments and whole extensions, nothing else.
func TestOutputPath(t *testing.T) {
	ph := map[string]string{"_src_": "app", "_core_": "app/lib/mono-connect", "_jsx_": "tsx"}
	want := map[string]string{
		"_src_/routes/mono.tsx": "app/routes/mono.tsx",
		"_gitignore":            ".gitignore",
		"app/root._jsx_":        "app/root.tsx",
		"_core_/x._jsx_":        "app/lib/mono-connect/x.tsx",
		"app/root._jsx_x":       "app/root._jsx_x",
		"app/._jsx_":            "app/._jsx_",
	}
	for rel, w := range want {
		if got := outputPath(".", rel, ph); got != w {
			t.Errorf("outputPath(%q) = %q, want %q", rel, got, w)
		}
	}
	if got := outputPath("server", "_src_/main.go", ph); got != "server/app/main.go" {
		t.Errorf("outputPath under server = %q", got)
	}
}
