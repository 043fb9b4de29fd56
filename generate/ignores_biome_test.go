package generate

import (
	"strings"
	"testing"
)

// Biome's version decides how a folder is excluded: "!folder/**" before 2.2, "!folder" from 2.2
// on (2.0.0 does not exclude the folder's files for "!folder"; 2.6.9 warns about "/**" and its
// `biome check --write` rewrites it into "!folder").
func TestBiomeVersion(t *testing.T) {
	for _, c := range []struct {
		pkg, config string
		want        int
	}{
		{`{"devDependencies": {"@biomejs/biome": "2.6.9"}}`, `{}`, 2006},
		{`{"devDependencies": {"@biomejs/biome": "^2.0.0"}}`, `{}`, 2000},
		{`{"devDependencies": {"@biomejs/biome": "^2.0.0"}}`, `{"$schema": "https://biomejs.dev/schemas/2.6.9/schema.json"}`, 2006},
		{`{"devDependencies": {"@biomejs/biome": "catalog:"}}`, `{"$schema": "https://biomejs.dev/schemas/2.1.2/schema.json"}`, 2001},
		{`{"devDependencies": {"@biomejs/biome": "2.1.2"}}`, `{"$schema": "https://biomejs.dev/schemas/1.9.4/schema.json"}`, 2001},
		{`{}`, "{\n  // Biome 1\n  \"$schema\": \"https://biomejs.dev/schemas/1.9.4/schema.json\",\n}", 1009},
		{`{}`, `{}`, biome2Folder},
	} {
		if got := biomeVersion(nil, []byte(c.pkg), []byte(c.config)); got != c.want {
			t.Errorf("%s %s: %d, want %d", c.pkg, c.config, got, c.want)
		}
	}
}

func TestBiomeFolderFormsAreOneEntry(t *testing.T) {
	entries := []string{"mono-connect.json", "src/lib/mono-connect/"}
	for _, c := range []struct {
		version int
		want    string
	}{
		{2001, `"!src/lib/mono-connect/**"`},
		{2006, `"!src/lib/mono-connect"`},
	} {
		got, err := mergeBiome([]byte("{}\n"), entries, c.version)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), c.want) || !strings.Contains(string(got), `"!mono-connect.json"`) {
			t.Errorf("%d: %s", c.version, got)
		}
	}
	// What the user's Biome makes of our entry (2.6.9's fix of useBiomeIgnoreFolder, or the
	// force-ignore) is still ours whatever version we read, and a merge adds nothing to it.
	for _, spelling := range []string{"!src/lib/mono-connect", "!src/lib/mono-connect/**", "!!src/lib/mono-connect"} {
		content := []byte(`{"files": {"includes": ["**", "!mono-connect.json", "` + spelling + `"]}}`)
		for _, version := range []int{2001, 2006} {
			if !ownsBiome(content, entries, version) {
				t.Errorf("%s (%d): not ours", spelling, version)
			}
			if got, err := mergeBiome(content, entries, version); err != nil || string(got) != string(content) {
				t.Errorf("%s (%d): merged into %s (%v)", spelling, version, got, err)
			}
		}
	}
	// Another pattern is not our entry.
	for _, other := range []string{"!src/lib/mono-connect/*", "!src/lib", "src/lib/mono-connect", "!src/lib/mono-connect/x.ts"} {
		content := []byte(`{"files": {"includes": ["**", "!mono-connect.json", "` + other + `"]}}`)
		if ownsBiome(content, entries, 2006) {
			t.Errorf("%s: ours", other)
		}
	}
}
