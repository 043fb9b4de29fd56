//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// frontend is the one origin the browser sees for an app: /api/mono/* goes to the generated Go
// server, everything else to the built app (a directory of static files, or the framework's own
// server for SSR builds). Same origin, so the wrapper's default backend URL ("") is what is tested.
type frontend struct {
	url string
	ln  net.Listener

	mu       sync.Mutex
	apiCalls []apiCall
}

// apiCall is one request the page made to the Go server's routes.
type apiCall struct {
	Method, Path, Body, Origin string
	Status                     int
}

// upstream is where non-API requests go: exactly one of dir and url is set.
type upstream struct {
	dir string // static files; unknown paths fall back to index.html (SPA routing)
	url string // a framework server, e.g. next start
}

// newFrontend reserves the frontend's address (the Go server needs it as its allowed origin
// before the frontend can point at the Go server); serve starts it.
func newFrontend(t *testing.T) *frontend {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &frontend{ln: ln, url: "http://" + ln.Addr().String()}
	t.Cleanup(func() { ln.Close() })
	return f
}

func (f *frontend) serve(t *testing.T, up upstream, goServer string) {
	t.Helper()
	api := httputil.NewSingleHostReverseProxy(mustURL(t, goServer))
	var app http.Handler
	if up.url != "" {
		app = httputil.NewSingleHostReverseProxy(mustURL(t, up.url))
	} else {
		app = spaHandler(up.dir)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/mono/") {
			app.ServeHTTP(w, r)
			return
		}
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		r.Body = io.NopCloser(bytes.NewReader(body))
		rec := &statusRecorder{ResponseWriter: w, status: 200}
		api.ServeHTTP(rec, r)
		f.mu.Lock()
		f.apiCalls = append(f.apiCalls, apiCall{Method: r.Method, Path: r.URL.Path, Body: string(body), Origin: r.Header.Get("Origin"), Status: rec.status})
		f.mu.Unlock()
	})}
	go srv.Serve(f.ln)
	t.Cleanup(func() { srv.Close() })
}

func (f *frontend) calls(path string) []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []apiCall
	for _, c := range f.apiCalls {
		if c.Path == path {
			out = append(out, c)
		}
	}
	return out
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func spaHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(dir, filepath.FromSlash(path_clean(r.URL.Path)))
		if st, err := os.Stat(p); err != nil || (st.IsDir() && !exists(filepath.Join(p, "index.html"))) {
			if filepath.Ext(r.URL.Path) == "" {
				http.ServeFile(w, r, filepath.Join(dir, "index.html"))
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

func path_clean(p string) string {
	u := &url.URL{Path: "/" + strings.TrimLeft(p, "/")}
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(u.Path)), "/")
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// freePort asks the kernel for a port on loopback that is free right now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// proc is a child process the suite started, in its own process group so that everything it
// spawned (npx -> node, next start -> workers) is stopped with it.
type proc struct {
	name string
	cmd  *exec.Cmd
	log  *syncBuffer
	done chan struct{}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startProc starts a long-running process; it is stopped when the test ends.
func startProc(t *testing.T, name, dir string, env []string, argv ...string) *proc {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	p := &proc{name: name, cmd: cmd, log: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stdout = p.log
	cmd.Stderr = p.log
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", name, err)
	}
	go func() { cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.stop()
		if t.Failed() {
			t.Logf("--- %s output:\n%s", name, tail(p.log.String(), 4000))
		}
	})
	return p
}

func (p *proc) stop() {
	select {
	case <-p.done:
		return
	default:
	}
	pgid := p.cmd.Process.Pid
	syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
		syscall.Kill(-pgid, syscall.SIGKILL)
		<-p.done
	}
}

// waitHTTP waits until u answers any HTTP status, or the process exits.
func (p *proc) waitHTTP(t *testing.T, u string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	client := &http.Client{Timeout: 2 * time.Second}
	for {
		select {
		case <-p.done:
			t.Fatalf("%s exited before serving %s:\n%s", p.name, u, tail(p.log.String(), 4000))
		default:
		}
		resp, err := client.Get(u)
		if err == nil {
			resp.Body.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not serve %s within %s: %v\n%s", p.name, u, timeout, err, tail(p.log.String(), 4000))
		}
		time.Sleep(150 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// runCmd runs a command to completion, failing t with its output on error.
func runCmd(t *testing.T, timeout time.Duration, dir string, env []string, argv ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s (in %s): %v\n%s", strings.Join(argv, " "), dir, err, tail(string(out), 6000))
	}
	return string(out)
}

// goServer is the generated Go server, built from the app's server module and running against
// the fake Mono API.
type goServer struct {
	url  string
	proc *proc
	trap *proxyTrap
	// how it was started, so restart runs it again the same way, on the same port and database
	dir string
	env []string
	bin string
}

// restart stops the server (SIGTERM, as a deploy does) and starts it again with the same
// environment: the same port, the same SQLite file in its directory.
func (g *goServer) restart(t *testing.T) {
	t.Helper()
	g.proc.stop()
	g.proc = startProc(t, "go server (restarted)", g.dir, g.env, g.bin)
	g.proc.waitHTTP(t, g.url+"/api/mono/exchange", 20*time.Second)
}

// startGoServer builds the standalone server/ module of a scaffolded app and runs it on a free
// port. allowedOrigin, when set, is given as MONO_ALLOWED_ORIGINS.
func startGoServer(t *testing.T, serverDir string, mono *fakeMono, allowedOrigin string, extraEnv ...string) *goServer {
	t.Helper()
	if !exists(filepath.Join(serverDir, "main.go")) {
		t.Fatalf("no generated Go server: %s/main.go is missing", serverDir)
	}
	bin := filepath.Join(serverDir, "e2e-server")
	if pending, ok := goBuilds.LoadAndDelete(serverDir); ok {
		if err := pending.(*goBuild).wait(); err != nil {
			t.Fatal(err)
		}
	} else {
		timings.time(t.Name()+": go build server/", func() {
			runCmd(t, 3*time.Minute, serverDir, goBuildEnv, "go", "build", "-o", bin, ".")
		})
	}
	trap := startProxyTrap(t)
	port := freePort(t)
	env := []string{
		fmt.Sprintf("PORT=%d", port),
		"MONO_SECRET_KEY=" + testSecretKey,
		"MONO_WEBHOOK_SECRET=" + testWebhookSecret,
		"MONO_API_BASE_URL=" + mono.url,
		"HTTP_PROXY=" + trap.url, "HTTPS_PROXY=" + trap.url, "http_proxy=" + trap.url, "https_proxy=" + trap.url,
		"NO_PROXY=", "no_proxy=",
	}
	if allowedOrigin != "" {
		env = append(env, "MONO_ALLOWED_ORIGINS="+allowedOrigin)
	}
	env = append(env, extraEnv...)
	p := startProc(t, "go server", serverDir, env, bin)
	u := fmt.Sprintf("http://127.0.0.1:%d", port)
	p.waitHTTP(t, u+"/api/mono/exchange", 20*time.Second)
	return &goServer{url: u, proc: p, trap: trap, dir: serverDir, env: env, bin: bin}
}

// The generated server's module requires its two database drivers, pinned by the go.sum the
// generator writes: the build may fetch them (go.sum checks what it fetches), nothing else.
var goBuildEnv = []string{"GOFLAGS=-mod=readonly", "GOWORK=off"}

// goBuilds holds Go server builds started ahead of time, by server directory.
var goBuilds sync.Map

type goBuild struct {
	done chan struct{}
	err  error
}

func (b *goBuild) wait() error {
	<-b.done
	return b.err
}

// prebuildGoServer starts `go build` of a scaffolded app's server/ module in the background, so it
// runs while npm installs and builds the frontend (mostly waiting on the disk and the registry)
// instead of after it; startGoServer waits for it.
func prebuildGoServer(t *testing.T, serverDir string) {
	if !exists(filepath.Join(serverDir, "main.go")) {
		return // startGoServer reports it (or uses the stand-in)
	}
	b := &goBuild{done: make(chan struct{})}
	goBuilds.Store(serverDir, b)
	name := t.Name()
	go func() {
		defer close(b.done)
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "go", "build", "-o", filepath.Join(serverDir, "e2e-server"), ".")
		cmd.Dir = serverDir
		cmd.Env = append(os.Environ(), goBuildEnv...)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build in %s: %v\n%s", serverDir, err, tail(string(out), 6000))
		}
		timings.add(name+": go build server/ (alongside npm)", time.Since(start))
	}()
	// A test that fails before startGoServer must not leave the build running into the next app.
	t.Cleanup(func() {
		if pending, ok := goBuilds.LoadAndDelete(serverDir); ok {
			pending.(*goBuild).wait()
		}
	})
}
