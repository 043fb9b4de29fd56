// Command storedpeer is the hand-written peer of figure 4 with a database: the minimal pooled
// proxy of bench/loadtest (exchange the code with Mono) that then stores the same row the
// generated server stores (mono_accounts, upserted on the account id), in the same kind of
// database opened the same way as the generated main.go opens it. bench/loadtest.sh builds it
// inside the generated server's module, which has the drivers; the leading underscore keeps it
// out of the mono-connect module's ./... patterns. loadtest.sh copies bench/loadtest/exchange.go
// beside it: the exchange with Mono is the other peer's, to the letter.
//
//	storedpeer -addr 127.0.0.1:PORT -mono http://HOST:PORT -db sqlite:PATH|postgres://…
package main

import (
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

func main() {
	addr := flag.String("addr", "", "listen address (loopback)")
	mono := flag.String("mono", "", "Mono's base URL (the fake Mono)")
	dbURL := flag.String("db", "", "sqlite:PATH or postgres://…")
	max := flag.Duration("max", 15*time.Minute, "stop after this long")
	flag.Parse()
	if err := run(*addr, *mono, *dbURL, *max); err != nil {
		fmt.Fprintln(os.Stderr, "storedpeer:", err)
		os.Exit(1)
	}
}

func run(addr, mono, dbURL string, max time.Duration) error {
	var db *sql.DB
	var err error
	upsert := `INSERT INTO mono_accounts (account_id, user_id, linked_at, status) VALUES ($1, $2, $3, 'linked')
		ON CONFLICT (account_id) DO UPDATE SET user_id = excluded.user_id, status = excluded.status`
	schema := `CREATE TABLE IF NOT EXISTS mono_accounts (account_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, linked_at TIMESTAMP NOT NULL, status TEXT NOT NULL)`
	switch {
	case strings.HasPrefix(dbURL, "sqlite:"):
		// As the generated main.go: WAL, busy_timeout, one connection.
		db, err = sql.Open("sqlite", "file:"+strings.TrimPrefix(dbURL, "sqlite:")+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
		if err != nil {
			return err
		}
		db.SetMaxOpenConns(1)
		upsert = strings.NewReplacer("$1", "?", "$2", "?", "$3", "?").Replace(upsert)
	case strings.HasPrefix(dbURL, "postgres://"):
		if db, err = sql.Open("pgx", dbURL); err != nil {
			return err
		}
		db.SetMaxOpenConns(20)
		db.SetMaxIdleConns(20)
		schema = strings.Replace(schema, "TIMESTAMP", "TIMESTAMPTZ", 1)
	default:
		return fmt.Errorf("-db must be sqlite:PATH or postgres://…")
	}
	// The generated store's table as its migration creates it, index included: the same row
	// costs the same to write.
	for _, stmt := range []string{schema, `CREATE INDEX IF NOT EXISTS mono_accounts_user ON mono_accounts (user_id, linked_at)`} {
		if _, err := db.Exec(stmt); err != nil {
			return err
		}
	}
	client := pooledClient()
	url := mono + "/v2/accounts/auth"
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/mono/exchange", func(w http.ResponseWriter, r *http.Request) {
		id, ok := exchangeCode(w, r, client, url)
		if !ok {
			return
		}
		// The user: the cookie's id, unverified (the generated server checks an HMAC, a
		// microsecond).
		user := "anonymous"
		if c, err := r.Cookie("mono_demo_user"); err == nil {
			user, _, _ = strings.Cut(c.Value, ".")
		}
		if _, err := db.ExecContext(r.Context(), upsert, id, user, time.Now().UTC()); err != nil {
			http.Error(w, "not stored", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"account_id": id})
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { time.Sleep(max); _ = srv.Close() }()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}
