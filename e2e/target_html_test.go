//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// html: Go-only, no npm anywhere. Greenfield is the Go starter; brownfield is a small Go
// html/template app written by hand (Go has no app generator), in which the test mounts the
// handler and pastes the two lines init prints, the element given the flows' markup and the page
// a listener counting the element's mono-connect:* events (they bubble to document).
var _ = register("html", recipe{goOnly: true, host: createGoHost, mount: mountGoHost}.withBinding(samePage, "linked-once"))

// createGoHost writes a server-rendered Go app the way its docs would: html/template pages and a
// static/ folder served at /static/. Go has no project generator, so it is written by hand.
func createGoHost(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/shop\n\ngo 1.22\n")
	writeFile(t, filepath.Join(dir, "main.go"), goHostMain(""))
	writeFile(t, filepath.Join(dir, "templates", "index.html"), "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Shop</title>\n<link rel=\"stylesheet\" href=\"/static/app.css\">\n</head>\n<body>\n<h1>Shop</h1>\n</body>\n</html>\n")
	writeFile(t, filepath.Join(dir, "static", "app.css"), "body { font-family: sans-serif; }\n")
}

// goHostMain is the host's main.go; mount is what the owner adds when wiring Mono in.
func goHostMain(mount string) string {
	imports := ""
	if mount != "" {
		imports = "\n\t\"example.com/shop/internal/monoconnect\"\n"
	}
	return `package main

import (
	"html/template"
	"log"
	"net/http"
	"os"
` + imports + `)

var page = template.Must(template.ParseFiles("templates/index.html"))

func main() {
	mux := http.NewServeMux()
	mux.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("static"))))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if err := page.Execute(w, map[string]string{"MonoPublicKey": os.Getenv("MONO_PUBLIC_KEY")}); err != nil {
			log.Print(err)
		}
	})
` + mount + `	port := os.Getenv("PORT")
	if port == "" {
		port = "3000"
	}
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, mux))
}
`
}

// mountGoHost does what init's next steps say for a Go host: mount the handler at /api/mono/ and
// paste the two lines into the template (the element given the markup the flows read).
func mountGoHost(t *testing.T, dir string) string {
	writeFile(t, filepath.Join(dir, "main.go"), goHostMain(`	cfg, err := monoconnect.ConfigFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	h, err := monoconnect.New(cfg, monoconnect.Options{})
	if err != nil {
		log.Fatal(err)
	}
	mux.Handle("/api/mono/", h)
`))
	tmpl := filepath.Join(dir, "templates", "index.html")
	b, err := os.ReadFile(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	pasted := strings.Replace(string(b), "</head>", `<script type="module" src="/static/mono-connect/mono-connect-button.js"></script>
</head>`, 1)
	pasted = strings.Replace(pasted, "</body>", `<mono-connect-button public-key="{{.MonoPublicKey}}">
`+domButton+domControls+`</mono-connect-button>
<script>`+domEventCounters+`</script>
</body>`, 1)
	writeFile(t, tmpl, pasted)
	return "/"
}
