//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
)

const (
	testSecretKey     = "test_sk_e2e_0123456789abcdef"
	testPublicKey     = "test_pk_e2e_0123456789abcdef"
	testWebhookSecret = "whsec_e2e_0123456789"
	testInstitution   = "5f2d08be60b92e2888287702"
)

// fakeMono stands in for Mono's API on loopback. It answers the routes the generated Go server
// calls and records every call so a flow can assert what reached "Mono".
type fakeMono struct {
	url string
	srv *http.Server

	mu       sync.Mutex
	calls    []monoCall
	accounts map[string]string // code -> account id, for codes a flow registered explicitly
}

// monoCall is one request the fake Mono API received.
type monoCall struct {
	Method, Path string
	KeyOK        bool   // the mono-sec-key header carried testSecretKey
	Code         string // the exchange code, for POST /v2/accounts/auth
	Body         string
	Status       int
	Result       string // the account id (exchange) or payment id (initiate) answered
}

func startFakeMono(t *testing.T) *fakeMono {
	t.Helper()
	f := &fakeMono{accounts: map[string]string{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f.url = "http://" + ln.Addr().String()
	f.srv = &http.Server{Handler: http.HandlerFunc(f.serve)}
	go f.srv.Serve(ln)
	t.Cleanup(func() { f.srv.Close() })
	return f
}

// accountFor is the account id the fake answers for code: acc_<code> unless registered.
func (f *fakeMono) accountFor(code string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if id, ok := f.accounts[code]; ok {
		return id
	}
	return "acc_" + code
}

// register makes the exchange of code answer id (a re-authorisation keeps its account).
func (f *fakeMono) register(code, id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.accounts[code] = id
}

func (f *fakeMono) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	call := monoCall{Method: r.Method, Path: r.URL.Path, KeyOK: r.Header.Get("mono-sec-key") == testSecretKey, Body: string(body)}
	reply := func(status int, v any) {
		call.Status = status
		f.mu.Lock()
		f.calls = append(f.calls, call)
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(v)
	}
	if !call.KeyOK {
		reply(http.StatusUnauthorized, map[string]any{"status": "failed", "message": "invalid secret key"})
		return
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/v2/accounts/auth":
		var req struct {
			Code string `json:"code"`
		}
		if err := json.Unmarshal(body, &req); err != nil || req.Code == "" {
			reply(http.StatusBadRequest, map[string]any{"status": "failed", "message": "code is required"})
			return
		}
		call.Code = req.Code
		if !strings.HasPrefix(req.Code, "code_") {
			reply(http.StatusBadRequest, map[string]any{"status": "failed", "message": "invalid or expired code"})
			return
		}
		call.Result = f.accountFor(req.Code)
		reply(http.StatusOK, map[string]any{
			"status": "successful", "message": "Request was successfully completed",
			"timestamp": "2026-01-01T00:00:00.000Z",
			"data":      map[string]any{"id": f.accountFor(req.Code)},
		})
	case r.Method == http.MethodPost && r.URL.Path == "/v2/payments/initiate":
		var req struct {
			Reference string `json:"reference"`
		}
		json.Unmarshal(body, &req)
		f.mu.Lock()
		n := len(f.calls)
		f.mu.Unlock()
		id := fmt.Sprintf("pay_e2e_%d", n)
		call.Result = id
		reply(http.StatusOK, map[string]any{
			"status": "successful", "message": "Payment Initiated",
			"data": map[string]any{"id": id, "mono_url": "https://connect.mono.co/?reference=" + req.Reference, "reference": req.Reference},
		})
	default:
		reply(http.StatusNotFound, map[string]any{"status": "failed", "message": "not found"})
	}
}

// exchanges returns the exchange calls received so far.
func (f *fakeMono) exchanges() []monoCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []monoCall
	for _, c := range f.calls {
		if c.Path == "/v2/accounts/auth" {
			out = append(out, c)
		}
	}
	return out
}

func (f *fakeMono) allCalls() []monoCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]monoCall(nil), f.calls...)
}

// proxyTrap is an HTTP proxy on loopback that refuses everything. The generated Go server runs
// with HTTP_PROXY/HTTPS_PROXY pointing here (Go never proxies loopback), so any attempt to reach a
// real host, e.g. a server that ignores MONO_API_BASE_URL, is recorded and fails the test instead
// of merely timing out.
type proxyTrap struct {
	url string
	mu  sync.Mutex
	hit []string
}

func startProxyTrap(t *testing.T) *proxyTrap {
	t.Helper()
	p := &proxyTrap{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.url = "http://" + ln.Addr().String()
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target := r.URL.String()
		if r.Method == http.MethodConnect {
			target = "CONNECT " + r.Host
		}
		p.mu.Lock()
		p.hit = append(p.hit, target)
		p.mu.Unlock()
		http.Error(w, "e2e: no network", http.StatusBadGateway)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return p
}

func (p *proxyTrap) hits() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.hit...)
}
