package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mono-connect/mono-connect/generate"
	"github.com/mono-connect/mono-connect/internal/webhookfixture"
)

// defaultWebhookURL is where the standalone starter server listens.
const defaultWebhookURL = "http://localhost:8080/api/mono/webhook"

// webhookSendTimeout bounds one delivery: Mono itself gives up on a slow answer.
const webhookSendTimeout = 15 * time.Second

func newWebhookCmd(ios *iostreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "webhook",
		Short: "Send Mono webhook events to your local server",
		Long: `Mono cannot deliver webhooks to localhost. webhook send posts a realistic event (a fixture shaped
like Mono's documented payload, with a fresh event_id and timestamps) to your server, with the
mono-webhook-secret header, so your webhook code runs before staging does.`,
		Args: usageArgs(cobra.NoArgs, "a subcommand (send or list)"),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newWebhookSendCmd(ios), newWebhookListCmd(ios))
	return cmd
}

type fixtureJSON struct {
	Name    string `json:"name"`
	Event   string `json:"event"`
	Summary string `json:"summary"`
}

func newWebhookListCmd(ios *iostreams) *cobra.Command {
	return tableCmd(ios, "list", "List the events webhook send knows",
		"  mono-connect webhook list\n  mono-connect webhook list --json",
		func() table[fixtureJSON] {
			list := []fixtureJSON{}
			for _, f := range webhookfixture.All() {
				list = append(list, fixtureJSON{Name: f.Name, Event: f.Event, Summary: f.Summary})
			}
			return table[fixtureJSON]{key: "events", items: list, header: []string{"EVENT", "WHAT IT MEANS"},
				row: func(f fixtureJSON) []string { return []string{f.Name, f.Summary} }}
		})
}

type webhookSendOptions struct {
	to, secret, account, reference, data string
	repeat                               int
	allowRemote                          bool
}

func newWebhookSendCmd(ios *iostreams) *cobra.Command {
	var o webhookSendOptions
	cmd := &cobra.Command{
		Use:   "send EVENT",
		Short: "POST a fixture of Mono's webhook EVENT to a local server",
		Long: `send POSTs a fixture of EVENT (see webhook list) to --to with the mono-webhook-secret header and
prints each answer's status. The secret comes from --secret, else MONO_WEBHOOK_SECRET, else the
server's env file (server/.env, the one npm run dev passes to the Go server); it is never printed.
Exit 0 when every answer is 2xx, 1 otherwise.`,
		Example: `  mono-connect webhook send mono.events.account_connected
  # flip the payment the starter just created to paid
  mono-connect webhook send direct_debit.payment_successful --reference mc_3f9a…
  # send the same event_id twice: the second answer says duplicate
  mono-connect webhook send mono.events.account_updated:failed --account 65a… --repeat 2`,
		Args: usageArgs(cobra.ExactArgs(1), "one EVENT (see mono-connect webhook list)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("to") {
				// The server's PORT in its env file moves the default with it.
				port, err := readEnvValue(serverEnvFile("."), "PORT")
				if err == nil && port != "" {
					o.to = "http://localhost:" + port + "/api/mono/webhook"
				}
			}
			return webhookSend(ios, args[0], o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.to, "to", defaultWebhookURL, "the webhook URL of your server (the default follows PORT in the server's env file)")
	f.StringVar(&o.secret, "secret", "", "the webhook secret (default: $MONO_WEBHOOK_SECRET, else the server's env file)")
	f.StringVar(&o.account, "account", "", "the Mono account id the event is about (default: a fresh id)")
	f.StringVar(&o.reference, "reference", "", "the payment or mandate reference (default: a fresh one)")
	f.StringVar(&o.data, "data", "", "a JSON object merged into the event's data")
	f.IntVar(&o.repeat, "repeat", 1, "send the same event_id N times, to see duplicates dropped")
	f.BoolVar(&o.allowRemote, "allow-remote", false, "allow a URL that is not on this machine")
	return cmd
}

func webhookSend(ios *iostreams, name string, o webhookSendOptions) error {
	fixture, ok := webhookfixture.Find(name)
	if !ok {
		msg := fmt.Sprintf("unknown event %q: see mono-connect webhook list", name)
		if s := webhookfixture.Suggest(strings.TrimPrefix(name, "mono.events.")); len(s) > 0 && len(s) <= 4 {
			msg += " (did you mean " + strings.Join(s, ", ") + "?)"
		}
		return &generate.UsageError{Msg: msg}
	}
	if o.repeat < 1 || o.repeat > 100 {
		return &generate.UsageError{Msg: fmt.Sprintf("--repeat %d: give a number from 1 to 100", o.repeat)}
	}
	target, err := checkWebhookURL(o.to, o.allowRemote)
	if err != nil {
		return err
	}
	var override map[string]any
	if o.data != "" {
		if err := json.Unmarshal([]byte(o.data), &override); err != nil || override == nil {
			return &generate.UsageError{Msg: "--data must be a JSON object, e.g. --data '{\"meta\":{\"data_status\":\"FAILED\"}}'"}
		}
	}
	secret, source, err := webhookSecret(o.secret)
	if err != nil {
		return err
	}
	if strings.ContainsAny(secret, "\r\n\x00") {
		return &generate.UsageError{Msg: "the webhook secret from " + source + " contains a line break or NUL: copy it again"}
	}

	eventID := webhookfixture.NewEventID()
	body, err := fixture.Body(eventID, webhookfixture.Values{Account: o.account, Reference: o.reference}, override)
	if err != nil {
		return err
	}
	client := &http.Client{
		Timeout: webhookSendTimeout,
		// Never follow a redirect: it would carry the secret header to wherever it points.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	fmt.Fprintf(ios.Out, "sending %s (event_id %s) to %s, secret from %s\n", fixture.Event, eventID, target, source)
	failed := 0
	for i := 0; i < o.repeat; i++ {
		status, answer, err := postWebhook(client, target, secret, body)
		if err != nil {
			return err
		}
		// A remote server could echo the header back; the secret is never printed.
		answer = strings.ReplaceAll(answer, secret, "(redacted)")
		fmt.Fprintf(ios.Out, "%s %s\n", status, answer)
		if !strings.HasPrefix(status, "2") {
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d deliveries were not answered 2xx (a 401 means the secret differs from the server's MONO_WEBHOOK_SECRET)", failed, o.repeat)
	}
	return nil
}

// postWebhook sends one delivery and returns the status line and up to 1 KiB of the answer.
func postWebhook(client *http.Client, target, secret string, body []byte) (string, string, error) {
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return "", "", err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("mono-webhook-secret", secret)
	req.Header.Set("User-Agent", "mono-connect webhook send")
	resp, err := client.Do(req)
	if err != nil {
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err
		}
		return "", "", fmt.Errorf("could not reach %s: %v (is the server running? cd server && go run .)", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	return resp.Status, strings.Join(strings.Fields(string(b)), " "), nil
}

// checkWebhookURL refuses anything but http(s) to this machine unless allowRemote: the secret
// header must not be sent to a host the user did not mean.
func checkWebhookURL(raw string, allowRemote bool) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", &generate.UsageError{Msg: fmt.Sprintf("--to %q is not an http(s) URL like %s", raw, defaultWebhookURL)}
	}
	if u.User != nil {
		return "", &generate.UsageError{Msg: "--to must not carry a user or password"}
	}
	if !allowRemote && !isLoopbackHost(u.Hostname()) {
		return "", &generate.UsageError{Msg: fmt.Sprintf("--to %s is not on this machine: webhook send carries your webhook secret, so it only talks to loopback unless --allow-remote", u.Redacted())}
	}
	return u.String(), nil
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// webhookSecret finds the secret and says where from (never what it is).
func webhookSecret(flag string) (secret, source string, err error) {
	if s := strings.TrimSpace(flag); s != "" {
		return s, "--secret", nil
	}
	if s := strings.TrimSpace(os.Getenv("MONO_WEBHOOK_SECRET")); s != "" {
		return s, "MONO_WEBHOOK_SECRET", nil
	}
	envFile := serverEnvFile(".")
	s, err := readEnvValue(envFile, "MONO_WEBHOOK_SECRET")
	if err != nil {
		return "", "", fmt.Errorf("reading %s: %v", envFile, err)
	}
	if s != "" {
		return s, filepath.ToSlash(envFile), nil
	}
	return "", "", &generate.UsageError{Msg: "no webhook secret: pass --secret, set MONO_WEBHOOK_SECRET, or put MONO_WEBHOOK_SECRET=… in " + filepath.ToSlash(envFile)}
}

// serverEnvFile is the env file of the project's standalone server: .env in the server dir that
// mono-connect.json records (server/ by default).
func serverEnvFile(dir string) string {
	serverDir := "server"
	if b, err := os.ReadFile(filepath.Join(dir, "mono-connect.json")); err == nil {
		var rec struct {
			Answers struct {
				ServerDir        string `json:"server_dir"`
				ServerStandalone bool   `json:"server_standalone"`
			} `json:"answers"`
		}
		if json.Unmarshal(b, &rec) == nil && rec.Answers.ServerStandalone && rec.Answers.ServerDir != "" && filepath.IsLocal(rec.Answers.ServerDir) {
			serverDir = rec.Answers.ServerDir
		}
	}
	return filepath.Join(dir, filepath.FromSlash(serverDir), ".env")
}

// readEnvValue reads KEY from a dotenv file (KEY=value lines, optional export, quotes and #
// comments); "" when the file or the key is missing.
func readEnvValue(path, key string) (string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	value := ""
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		line = strings.TrimPrefix(line, "export ")
		k, v, ok := strings.Cut(line, "=")
		if !ok || strings.TrimSpace(k) != key {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		} else if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		value = v // the last assignment wins, as in a shell
	}
	return value, sc.Err()
}
