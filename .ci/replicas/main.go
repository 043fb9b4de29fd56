// Command replicas is the scale and fault test of the generated server (issue 16, acceptance 2),
// run by .ci/server.sh. It is built inside a generated server module (which has the PostgreSQL
// driver), so it lives under .ci/, out of the mono-connect module's ./... patterns.
//
// Two replicas of the server share one PostgreSQL. A fake Mono answers the exchanges. The driver
// delivers N webhooks, a fraction of them to both replicas at the same moment, and links accounts
// through both, retrying every non-2xx answer and every failed connection (as Mono and a browser
// would), while one replica is killed with SIGKILL and restarted mid-run. Then it checks the
// database: every event stored once and processed, the user's handler committed once per event
// id, no 200 answered for an event that was not stored at that moment, no linked account lost.
//
//	replicas -server BIN -db postgres://… [-events 1000] [-dup 0.2]
//
// It prints one JSON line of figures and exits 1 when a check fails.
package main

import (
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

const webhookSecret = "replicas-webhook-shared-value"

func main() {
	server := flag.String("server", "", "the generated server binary (main.go's Webhooks hook records calls in fault_handler_calls)")
	dbURL := flag.String("db", "", "PostgreSQL URL both replicas use")
	events := flag.Int("events", 1000, "distinct webhook events")
	dup := flag.Float64("dup", 0.2, "fraction of events sent to both replicas at once")
	accounts := flag.Int("accounts", 100, "accounts linked during the run")
	flag.Parse()
	if *server == "" || *dbURL == "" {
		fmt.Fprintln(os.Stderr, "usage: replicas -server BIN -db postgres://…")
		os.Exit(2)
	}
	if err := run(*server, *dbURL, *events, *dup, *accounts); err != nil {
		fmt.Fprintln(os.Stderr, "replicas:", err)
		os.Exit(1)
	}
}

// replica is one server process on a fixed port; restart starts it again on the same port.
type replica struct {
	name, bin, port string
	env             []string
	log             *os.File

	mu  sync.Mutex
	cmd *exec.Cmd
}

func (r *replica) url(path string) string { return "http://127.0.0.1:" + r.port + path }

func (r *replica) start() error {
	cmd := exec.Command(r.bin)
	cmd.Env = append(os.Environ(), append(r.env, "PORT="+r.port)...)
	cmd.Stdout, cmd.Stderr = r.log, r.log
	if err := cmd.Start(); err != nil {
		return err
	}
	r.mu.Lock()
	r.cmd = cmd
	r.mu.Unlock()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(r.url("/healthz")); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("%s did not answer /healthz within 60 s (log: %s)", r.name, r.log.Name())
}

func (r *replica) kill() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		return err
	}
	_, _ = r.cmd.Process.Wait()
	return nil
}

func (r *replica) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cmd != nil && r.cmd.ProcessState == nil {
		_ = r.cmd.Process.Signal(syscall.SIGTERM)
		_, _ = r.cmd.Process.Wait()
	}
}

// figures are what the run prints, and what the README quotes.
type figures struct {
	Replicas          int   `json:"replicas"`
	Events            int   `json:"events"`
	SentToBoth        int   `json:"sent_to_both"`
	Deliveries        int64 `json:"deliveries"`
	Retries           int64 `json:"retries"`
	DuplicatesDropped int64 `json:"duplicates_dropped"`
	Kills             int   `json:"kills"`
	AccountsLinked    int64 `json:"accounts_linked"`
	StoredEvents      int   `json:"stored_events"`
	HandlerCalls      int   `json:"handler_calls"`
	Unstored200       int64 `json:"ok_for_unstored"`
	Lost              int   `json:"lost"`
}

func run(bin, dbURL string, nEvents int, dup float64, nAccounts int) error {
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(8)
	// The hook's table: one row per committed call, no unique key, so a second call would show.
	if _, err := db.Exec("CREATE TABLE IF NOT EXISTS fault_handler_calls (event_id TEXT NOT NULL)"); err != nil {
		return err
	}
	mono, err := fakeMono()
	if err != nil {
		return err
	}
	env := []string{
		"MONO_SECRET_KEY=replicas-secret-value", "MONO_WEBHOOK_SECRET=" + webhookSecret,
		"MONO_API_BASE_URL=http://" + mono, "DATABASE_URL=" + dbURL,
	}
	var reps []*replica
	for _, name := range []string{"a", "b"} {
		port, err := freePort()
		if err != nil {
			return err
		}
		log, err := os.CreateTemp("", "replica-"+name+"-*.log")
		if err != nil {
			return err
		}
		reps = append(reps, &replica{name: name, bin: bin, port: port, env: env, log: log})
	}
	// Both start at the same moment: their migrations race, which the store must survive.
	errs := make(chan error, len(reps))
	for _, r := range reps {
		go func(r *replica) { errs <- r.start() }(r)
	}
	for range reps {
		if err := <-errs; err != nil {
			return err
		}
	}
	defer func() {
		for _, r := range reps {
			r.stop()
		}
	}()

	f := figures{Replicas: len(reps), Events: nEvents}
	client := &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	rng := rand.New(rand.NewSource(16))
	type job struct {
		id   string
		body string
		both bool
	}
	types := []string{"mono.events.account_updated", "mono.events.reauthorisation_required", "direct_debit.payment_successful", "events.mandates.debit.successful", "mono.events.account_unlinked"}
	jobs := make([]job, nEvents)
	for i := range jobs {
		id := fmt.Sprintf("evt_%05d", i)
		body := fmt.Sprintf(`{"event":%q,"event_id":%q,"data":{"account":{"_id":"acc_%d"},"meta":{"data_status":"AVAILABLE"},"object":{"reference":"ref_%d"}}}`, types[i%len(types)], id, i%50, i)
		jobs[i] = job{id: id, body: body, both: rng.Float64() < dup}
		if jobs[i].both {
			f.SentToBoth++
		}
	}

	var deliveries, retries, dropped, unstored200 atomic.Int64
	var violations sync.Map
	// deliver sends one copy until a 2xx, starting at replica first and moving to the other
	// after each failure, as a load balancer would. On a 200 the event must be stored already.
	deliver := func(j job, first int) {
		for attempt := 0; ; attempt++ {
			r := reps[(first+attempt)%len(reps)]
			if attempt > 0 {
				retries.Add(1)
				time.Sleep(time.Duration(20+rand.Intn(30)) * time.Millisecond)
			}
			deliveries.Add(1)
			req, _ := http.NewRequest(http.MethodPost, r.url("/api/mono/webhook"), strings.NewReader(j.body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("mono-webhook-secret", webhookSecret)
			resp, err := client.Do(req)
			if err != nil {
				continue
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode < 200 || resp.StatusCode > 299 {
				continue
			}
			var stored bool
			if err := db.QueryRow("SELECT EXISTS (SELECT 1 FROM mono_webhook_events WHERE event_id = $1)", j.id).Scan(&stored); err != nil || !stored {
				unstored200.Add(1)
				violations.Store(j.id, fmt.Sprintf("200 from %s but not stored (%v)", r.name, err))
			}
			if strings.Contains(string(body), `"duplicate":true`) {
				dropped.Add(1)
			}
			return
		}
	}

	// Accounts: each browser (a cookie jar) gets its demo user from GET /api/mono/accounts and
	// links one account; an exchange answered 200 must never be lost.
	type linked struct{ user, account string }
	var linkedMu sync.Mutex
	var links []linked
	link := func(i int) error {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Timeout: 20 * time.Second, Jar: jar}
		for attempt := 0; ; attempt++ {
			if attempt > 200 {
				return fmt.Errorf("account %d: no 200 after 200 attempts", i)
			}
			r := reps[(i+attempt)%len(reps)]
			if attempt > 0 {
				time.Sleep(30 * time.Millisecond)
			}
			// The demo cookie is signed with a key both replicas derive alike, so a browser
			// keeps its user whichever replica answers.
			if resp, err := c.Get(r.url("/api/mono/accounts")); err != nil {
				continue
			} else {
				resp.Body.Close()
			}
			req, _ := http.NewRequest(http.MethodPost, r.url("/api/mono/exchange"), strings.NewReader(fmt.Sprintf(`{"code":"code%d"}`, i)))
			req.Header.Set("Content-Type", "application/json")
			resp, err := c.Do(req)
			if err != nil {
				continue
			}
			var out struct {
				AccountID string `json:"account_id"`
			}
			_ = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				continue
			}
			base, _ := url.Parse(r.url("/"))
			user := ""
			for _, c := range jar.Cookies(base) {
				if c.Name == "mono_demo_user" {
					user, _, _ = strings.Cut(c.Value, ".")
				}
			}
			linkedMu.Lock()
			links = append(links, linked{user: user, account: out.AccountID})
			linkedMu.Unlock()
			return nil
		}
	}

	work := make(chan func())
	var wg sync.WaitGroup
	for w := 0; w < 16; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for fn := range work {
				fn()
			}
		}()
	}
	var linkErr atomic.Value
	killAt := nEvents * 2 / 5
	for i, j := range jobs {
		j := j
		if i == killAt {
			// Mid-run: replica a dies without any chance to finish what it was doing.
			if err := reps[0].kill(); err != nil {
				return err
			}
			f.Kills++
			go func() {
				time.Sleep(300 * time.Millisecond)
				if err := reps[0].start(); err != nil {
					linkErr.Store(err)
				}
			}()
		}
		if j.both {
			work <- func() {
				var both sync.WaitGroup
				both.Add(2)
				go func() { defer both.Done(); deliver(j, 0) }()
				go func() { defer both.Done(); deliver(j, 1) }()
				both.Wait()
			}
		} else {
			first := i % 2
			work <- func() { deliver(j, first) }
		}
		if nAccounts > 0 && i%(nEvents/nAccounts) == 0 {
			n := i / (nEvents / nAccounts)
			work <- func() {
				if err := link(n); err != nil {
					linkErr.Store(err)
				}
			}
		}
	}
	close(work)
	wg.Wait()
	if err, _ := linkErr.Load().(error); err != nil {
		return err
	}
	f.Deliveries, f.Retries, f.DuplicatesDropped, f.Unstored200 = deliveries.Load(), retries.Load(), dropped.Load(), unstored200.Load()
	f.AccountsLinked = int64(len(links))

	// The database after the run.
	var problems []string
	violations.Range(func(k, v any) bool {
		problems = append(problems, fmt.Sprintf("%s: %s", k, v))
		return len(problems) < 10
	})
	var unprocessed int
	if err := db.QueryRow("SELECT COUNT(*), COUNT(*) FILTER (WHERE processed_at IS NULL) FROM mono_webhook_events WHERE event_id LIKE 'evt_%'").Scan(&f.StoredEvents, &unprocessed); err != nil {
		return err
	}
	if f.StoredEvents != nEvents || unprocessed != 0 {
		problems = append(problems, fmt.Sprintf("%d events stored (%d unprocessed), want %d, all processed", f.StoredEvents, unprocessed, nEvents))
	}
	var ids, twice int
	if err := db.QueryRow("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM fault_handler_calls").Scan(&f.HandlerCalls, &ids); err != nil {
		return err
	}
	if err := db.QueryRow("SELECT COUNT(*) FROM (SELECT event_id FROM fault_handler_calls GROUP BY event_id HAVING COUNT(*) > 1) t").Scan(&twice); err != nil {
		return err
	}
	if f.HandlerCalls != nEvents || ids != nEvents || twice != 0 {
		problems = append(problems, fmt.Sprintf("the handler committed %d calls for %d event ids (%d ids more than once), want %d, once each", f.HandlerCalls, ids, twice, nEvents))
	}
	for _, l := range links {
		var user string
		err := db.QueryRow("SELECT user_id FROM mono_accounts WHERE account_id = $1", l.account).Scan(&user)
		if err != nil || user != l.user {
			f.Lost++
			if len(problems) < 20 {
				problems = append(problems, fmt.Sprintf("account %s of %s answered 200 but stored as %q (%v)", l.account, l.user, user, err))
			}
		}
	}
	if int(f.AccountsLinked) != nAccounts {
		problems = append(problems, fmt.Sprintf("%d accounts linked, want %d", f.AccountsLinked, nAccounts))
	}
	if f.Kills == 0 || f.Retries == 0 {
		problems = append(problems, fmt.Sprintf("the fault never happened: %d kills, %d retries", f.Kills, f.Retries))
	}
	out, _ := json.Marshal(f)
	fmt.Println(string(out))
	if len(problems) > 0 {
		return fmt.Errorf("%d checks failed:\n  %s", len(problems), strings.Join(problems, "\n  "))
	}
	return nil
}

// fakeMono answers POST /v2/accounts/auth with acc_<code>, on loopback.
func fakeMono() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Code string `json:"code"`
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"status": "successful", "data": map[string]string{"id": "acc_" + req.Code}})
	}), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return ln.Addr().String(), nil
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port), nil
}
