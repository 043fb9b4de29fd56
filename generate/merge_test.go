package generate

import (
	"encoding/json"
	"testing"
)

func TestAddDependencyKeepsFormatting(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "sorted into two-space dependencies",
			in:   "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"axios\": \"1.0.0\",\n    \"react\": \"19.2.0\"\n  },\n  \"devDependencies\": {\n    \"vite\": \"8.0.0\"\n  }\n}\n",
			want: "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"@mono.co/connect.js\": \"2.2.0\",\n    \"axios\": \"1.0.0\",\n    \"react\": \"19.2.0\"\n  },\n  \"devDependencies\": {\n    \"vite\": \"8.0.0\"\n  }\n}\n",
		},
		{
			name: "appended after the last, tabs kept",
			in:   "{\n\t\"dependencies\": {\n\t\t\"@angular/core\": \"21.2.0\"\n\t}\n}",
			want: "{\n\t\"dependencies\": {\n\t\t\"@angular/core\": \"21.2.0\",\n\t\t\"@mono.co/connect.js\": \"2.2.0\"\n\t}\n}",
		},
		{
			name: "no dependencies yet: added last, four spaces",
			in:   "{\n    \"name\": \"x\",\n    \"scripts\": {\n        \"build\": \"vite build\"\n    }\n}\n",
			want: "{\n    \"name\": \"x\",\n    \"scripts\": {\n        \"build\": \"vite build\"\n    },\n    \"dependencies\": {\n        \"@mono.co/connect.js\": \"2.2.0\"\n    }\n}\n",
		},
		{
			name: "no dependencies yet: before devDependencies and resolutions, in key order",
			in:   "{\n  \"name\": \"x\",\n  \"scripts\": {},\n  \"devDependencies\": {\n    \"vite\": \"8.0.0\"\n  },\n  \"resolutions\": {}\n}\n",
			want: "{\n  \"name\": \"x\",\n  \"scripts\": {},\n  \"dependencies\": {\n    \"@mono.co/connect.js\": \"2.2.0\"\n  },\n  \"devDependencies\": {\n    \"vite\": \"8.0.0\"\n  },\n  \"resolutions\": {}\n}\n",
		},
		{
			name: "no dependencies yet, only keys that come after: first",
			in:   "{\n  \"resolutions\": {}\n}\n",
			want: "{\n  \"dependencies\": {\n    \"@mono.co/connect.js\": \"2.2.0\"\n  },\n  \"resolutions\": {}\n}\n",
		},
		{
			name: "empty dependencies object",
			in:   "{\n  \"name\": \"x\",\n  \"dependencies\": {}\n}\n",
			want: "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"@mono.co/connect.js\": \"2.2.0\"\n  }\n}\n",
		},
		{
			name: "one-line object stays on one line",
			in:   `{"name":"x","dependencies":{"zod":"3.0.0"}}`,
			want: `{"name":"x","dependencies":{"@mono.co/connect.js": "2.2.0", "zod":"3.0.0"}}`,
		},
		{
			name: "already present at another version: untouched",
			in:   "{\n  \"dependencies\": {\n    \"@mono.co/connect.js\": \"^2.3.0\"\n  }\n}\n",
			want: "{\n  \"dependencies\": {\n    \"@mono.co/connect.js\": \"^2.3.0\"\n  }\n}\n",
		},
		{
			name: "strings with braces and escaped quotes do not confuse the scanner",
			in:   "{\n  \"description\": \"a {tricky} \\\"one\\\" [x]\",\n  \"dependencies\": {\n    \"zod\": \"3.0.0\"\n  }\n}\n",
			want: "{\n  \"description\": \"a {tricky} \\\"one\\\" [x]\",\n  \"dependencies\": {\n    \"@mono.co/connect.js\": \"2.2.0\",\n    \"zod\": \"3.0.0\"\n  }\n}\n",
		},
		{
			name: "CRLF files get CRLF lines",
			in:   "{\r\n  \"dependencies\": {\r\n    \"zod\": \"3.0.0\"\r\n  }\r\n}\r\n",
			want: "{\r\n  \"dependencies\": {\r\n    \"@mono.co/connect.js\": \"2.2.0\",\r\n    \"zod\": \"3.0.0\"\r\n  }\r\n}\r\n",
		},
		{
			name: "unsorted dependencies: last",
			in:   "{\n  \"dependencies\": {\n    \"zod\": \"3.0.0\",\n    \"axios\": \"1.0.0\"\n  }\n}\n",
			want: "{\n  \"dependencies\": {\n    \"zod\": \"3.0.0\",\n    \"axios\": \"1.0.0\",\n    \"@mono.co/connect.js\": \"2.2.0\"\n  }\n}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := addDependency([]byte(tt.in), ConnectPackage, ConnectVersion)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if !json.Valid(got) {
				t.Errorf("result is not valid JSON:\n%s", got)
			}
			again, err := addDependency(got, ConnectPackage, ConnectVersion)
			if err != nil || string(again) != string(got) {
				t.Errorf("second merge changed the file (err %v):\n%s", err, again)
			}
		})
	}
}

func TestAddDependencyRefusesBrokenJSON(t *testing.T) {
	for _, in := range []string{`{`, `[]`, `{"dependencies": []}`, ``} {
		if _, err := addDependency([]byte(in), ConnectPackage, ConnectVersion); err == nil {
			t.Errorf("addDependency(%q) succeeded, want an error", in)
		}
	}
}

func TestMergeEnv(t *testing.T) {
	entries := []envEntry{{Name: "VITE_MONO_PUBLIC_KEY", Comment: "key"}, {Name: "VITE_MONO_BACKEND_URL"}}
	got := string(mergeEnv([]byte("# mine\nAPI=1"), "Mono Connect (mono-connect)", entries, false))
	want := "# mine\nAPI=1\n\n# Mono Connect (mono-connect)\n# key\nVITE_MONO_PUBLIC_KEY=\nVITE_MONO_BACKEND_URL=\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// Present entries (even with a value, even exported) are left alone.
	in := "export VITE_MONO_PUBLIC_KEY=test_pk_x\nVITE_MONO_BACKEND_URL=https://api.example.com\n"
	if got := string(mergeEnv([]byte(in), "h", entries, false)); got != in {
		t.Errorf("merge changed a complete file: %q", got)
	}
	// overwrite replaces the value of an existing assignment in place.
	got = string(mergeEnv([]byte("A=1\nVITE_MONO_PUBLIC_KEY=old\nB=2\n"), "h", []envEntry{{Name: "VITE_MONO_PUBLIC_KEY", Value: "test_pk_new"}}, true))
	if got != "A=1\nVITE_MONO_PUBLIC_KEY=test_pk_new\nB=2\n" {
		t.Errorf("overwrite: got %q", got)
	}
	if !envHasAll([]byte(want), []string{"VITE_MONO_PUBLIC_KEY", "VITE_MONO_BACKEND_URL"}) {
		t.Error("envHasAll missed entries that are there")
	}
	if envHasAll([]byte("VITE_MONO_PUBLIC_KEY_OLD=1\n"), []string{"VITE_MONO_PUBLIC_KEY"}) {
		t.Error("envHasAll matched a longer variable name")
	}
}

func TestMergeGitignore(t *testing.T) {
	got := string(mergeGitignore([]byte("node_modules\n.env\n"), gitignoreLines))
	want := "node_modules\n.env\n\n# env files hold keys (mono-connect)\n.env.local\n.env.*.local\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if again := string(mergeGitignore([]byte(got), gitignoreLines)); again != got {
		t.Errorf("second merge changed the file: %q", again)
	}
	if got := string(mergeGitignore(nil, gitignoreLines)); got != "# env files hold keys (mono-connect)\n.env\n.env.local\n.env.*.local\n" {
		t.Errorf("empty file: got %q", got)
	}
}

func TestMergeGitignoreCoveredByTheAppsOwnPatterns(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"create-next-app: .env* covers all, and .env.example is taken back", "node_modules\n# env files\n.env*\n", "node_modules\n# env files\n.env*\n\n# env files hold keys (mono-connect)\n!.env.example\n"},
		{"already taken back", ".env*\n!.env.example\n", ".env*\n!.env.example\n"},
		{"sv create: .env and .env.* cover all", ".env\n.env.*\n!.env.example\n!.env.test\n", ".env\n.env.*\n!.env.example\n!.env.test\n"},
		{"create-vite: *.local covers the local files, not .env", "dist\n*.local\n", "dist\n*.local\n\n# env files hold keys (mono-connect)\n.env\n"},
		{"a later negation takes a name back", ".env*\n!.env.local\n", ".env*\n!.env.local\n\n# env files hold keys (mono-connect)\n.env.local\n!.env.example\n"},
		{"a pattern with a slash is not read", "config/.env*\n", "config/.env*\n\n# env files hold keys (mono-connect)\n.env\n.env.local\n.env.*.local\n"},
		{"a comment is not a pattern", "# .env*\n", "# .env*\n\n# env files hold keys (mono-connect)\n.env\n.env.local\n.env.*.local\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(mergeGitignore([]byte(tt.src), gitignoreLines))
			if got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if !gitignoreHasAll([]byte(got), gitignoreLines) {
				t.Error("the merged file does not hold our part")
			}
		})
	}
}
