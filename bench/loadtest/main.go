// Command loadtest holds the Go side of figure 4 in BENCHMARKS.md: a fake Mono that answers the
// token exchange at once and counts the TCP connections it accepts, and the peer the generated
// exchange handler is measured against, a minimal hand-written proxy of the same call. wrk drives
// the load; bench/loadtest.sh starts everything, on 127.0.0.1 only.
//
//	loadtest fakemono -addr-file F                 # prints nothing; writes its address to F
//	loadtest peer -addr 127.0.0.1:P -mono URL [-pooled]
//	loadtest stats URL                             # prints the fake Mono's counters as JSON
//	loadtest wait URL                              # waits until URL answers, at most 10 s
//	loadtest freeport                              # prints a free port on 127.0.0.1
//
// Every server stops by itself after -max (default 15 minutes), so a benchmark that dies half-way
// leaves nothing listening for long.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync/atomic"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: loadtest fakemono|peer|stats|wait|freeport [flags]")
		os.Exit(2)
	}
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "fakemono":
		err = fakeMono(args)
	case "peer":
		err = peer(args)
	case "stats", "wait":
		if len(args) != 1 {
			err = fmt.Errorf("%s needs one URL", cmd)
		} else if cmd == "stats" {
			err = stats(args[0])
		} else {
			err = wait(args[0])
		}
	case "freeport":
		err = freePort()
	default:
		err = fmt.Errorf("unknown command %q", cmd)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// loopback refuses any listen address that is not on 127.0.0.0/8 or ::1: these servers are
// load-test targets and must never be reachable from elsewhere.
func loopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("listen address %q is not a loopback address", addr)
	}
	return nil
}

// serveFor serves srv on a loopback listener until max has passed.
func serveFor(srv *http.Server, ln net.Listener, max time.Duration) error {
	time.AfterFunc(max, func() { _ = srv.Close() })
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// fakeMonoAnswer is what Mono answers to a successful POST /v2/accounts/auth.
const fakeMonoAnswer = `{"status":"successful","message":"Request completed successfully","data":{"id":"acc_1"}}`

func fakeMono(args []string) error {
	fs := flag.NewFlagSet("fakemono", flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:0", "listen address (loopback only)")
	addrFile := fs.String("addr-file", "", "write the bound address to this file")
	max := fs.Duration("max", 15*time.Minute, "stop after this long")
	_ = fs.Parse(args)
	if err := loopback(*addr); err != nil {
		return err
	}
	var conns, closed, exchanges, statsCalls atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v2/accounts/auth", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Code string `json:"code"`
		}
		if r.Header.Get("mono-sec-key") == "" || json.NewDecoder(r.Body).Decode(&in) != nil || in.Code == "" {
			http.Error(w, `{"status":"failed","message":"bad request"}`, http.StatusBadRequest)
			return
		}
		exchanges.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, fakeMonoAnswer)
	})
	mux.HandleFunc("GET /_stats", func(w http.ResponseWriter, r *http.Request) {
		// Each `loadtest stats` is a process of its own, so its request came on a connection of
		// its own, which ConnState counted: those are not the proxy's.
		n := statsCalls.Add(1)
		fmt.Fprintf(w, "{\"new_conns\":%d,\"closed_conns\":%d,\"exchanges\":%d}\n", conns.Load()-n, closed.Load()-(n-1), exchanges.Load())
	})
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ConnState: func(_ net.Conn, s http.ConnState) {
			switch s {
			case http.StateNew:
				conns.Add(1)
			case http.StateClosed:
				closed.Add(1)
			}
		},
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	if *addrFile != "" {
		if err := os.WriteFile(*addrFile, []byte(ln.Addr().String()), 0o644); err != nil {
			return err
		}
	}
	return serveFor(srv, ln, *max)
}

// peer is the minimal hand-written proxy of the exchange: decode {"code"}, POST it to Mono with
// the secret key, decode the account id, answer {"account_id"}. No origin, content-type or size
// checks, no logging: the least a handler can do for the same call.
func peer(args []string) error {
	fs := flag.NewFlagSet("peer", flag.ExitOnError)
	addr := fs.String("addr", "", "listen address (loopback only)")
	mono := fs.String("mono", "", "Mono's base URL (the fake Mono)")
	pooled := fs.Bool("pooled", false, "keep up to 64 idle connections to Mono (default: http.DefaultClient, which keeps 2)")
	max := fs.Duration("max", 15*time.Minute, "stop after this long")
	_ = fs.Parse(args)
	if err := loopback(*addr); err != nil {
		return err
	}
	client := http.DefaultClient
	if *pooled {
		client = pooledClient()
	}
	url := *mono + "/v2/accounts/auth"
	http.HandleFunc("POST /api/mono/exchange", func(w http.ResponseWriter, r *http.Request) {
		id, ok := exchangeCode(w, r, client, url)
		if !ok {
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"account_id": id})
	})
	http.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	return serveFor(&http.Server{ReadHeaderTimeout: 5 * time.Second}, ln, *max)
}

func stats(url string) error {
	resp, err := http.Get(url + "/_stats")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(os.Stdout, resp.Body)
	return err
}

func wait(url string) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s did not answer within 10 s: %w", url, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func freePort() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Println(ln.Addr().(*net.TCPAddr).Port)
	return nil
}
