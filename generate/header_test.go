package generate

import (
	"bytes"
	"testing"
)

// TestAstroHeaderStaysInsideTheFrontmatter: Astro requires the component script fence first, so
// the header goes inside it; without frontmatter the file is markup and gets the HTML comment.
func TestAstroHeaderStaysInsideTheFrontmatter(t *testing.T) {
	got := withHeader("src/lib/mono-connect/MonoConnectButton.astro", []byte("---\nconst a = 1;\n---\n<button></button>\n"))
	want := "---\n" + string(scriptHeader) + "const a = 1;\n---\n<button></button>\n"
	if string(got) != want {
		t.Errorf("with frontmatter:\n%s\nwant:\n%s", got, want)
	}
	got = withHeader("x/Plain.astro", []byte("<p>hi</p>\n"))
	if !bytes.HasPrefix(got, markupHeader) || !bytes.HasSuffix(got, []byte("<p>hi</p>\n")) {
		t.Errorf("without frontmatter: %q", got)
	}
}
