package generate

import (
	"testing"
	"testing/fstest"
)

// Server-rendered apps are html when no JS framework claims them; Laravel's and Rails' vite (their
// asset pipeline) does not make them vanilla, while a Vite app inside a Go module stays vanilla.
func TestDetectHTML(t *testing.T) {
	vite := &fstest.MapFile{Data: []byte(`{"devDependencies": {"vite": "^7.0.4"}}`)}
	react := &fstest.MapFile{Data: []byte(`{"dependencies": {"react": "^19.0.0"}}`)}
	file := &fstest.MapFile{Data: []byte("x\n")}
	for _, tc := range []struct {
		name      string
		fs        fstest.MapFS
		framework string
		static    string
	}{
		{"go", fstest.MapFS{"go.mod": file}, "html", "static"},
		{"laravel", fstest.MapFS{"artisan": file, "package.json": vite}, "html", "public"},
		{"django", fstest.MapFS{"manage.py": file}, "html", "static"},
		{"rails", fstest.MapFS{"Gemfile": file, "config/routes.rb": file}, "html", "public"},
		{"gemfile alone", fstest.MapFS{"Gemfile": file}, "", ""},
		{"vite in a go module", fstest.MapFS{"go.mod": file, "package.json": vite}, "vanilla", ""},
		{"react in laravel", fstest.MapFS{"artisan": file, "package.json": react}, "react", ""},
		{"django with vite", fstest.MapFS{"manage.py": file, "package.json": vite}, "vanilla", ""},
	} {
		d, err := Detect(tc.fs)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if d.Framework != tc.framework {
			t.Errorf("%s: framework %q (%s), want %q", tc.name, d.Framework, d.FrameworkEvidence, tc.framework)
		}
		if tc.framework == "html" {
			if d.Lang != "js" {
				t.Errorf("%s: lang %q, want js", tc.name, d.Lang)
			}
			if dir, _ := htmlDefaultDir(tc.fs); dir != tc.static {
				t.Errorf("%s: static dir %q, want %q", tc.name, dir, tc.static)
			}
		}
	}
}
