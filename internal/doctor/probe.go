package doctor

import (
	"context"
	"io"
	"net/http"
	"strings"
	"time"
)

func defaultClient() *http.Client {
	return &http.Client{
		Timeout: 5 * time.Second,
		// A redirect would carry a probe (or, online, the secret header) somewhere else.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// probe is what the Go server's address answered.
type probe struct {
	Tried     bool
	Listening bool
	Health    int // status of GET /healthz
	// Signature is the status of a POST /api/mono/exchange with a text/plain body: the
	// generated handler answers 415 (or 400) before doing anything else, which tells it from
	// any other server.
	Signature int
	// Origin is the status of the same probe (cross-origin: a CORS preflight) sent with the
	// app's Origin header; 403 means MONO_ALLOWED_ORIGINS (as the server sees it) refuses it.
	Origin int
}

func probeServer(ctx context.Context, c *http.Client, base, appOrigin string, cross bool) probe {
	if !isLocal(base) {
		return probe{}
	}
	pr := probe{Tried: true}
	do := func(method, path, ctype, origin string, preflight bool) int {
		req, err := http.NewRequestWithContext(ctx, method, base+path, strings.NewReader("doctor"))
		if err != nil {
			return 0
		}
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		if preflight {
			req.Header.Set("Access-Control-Request-Method", "POST")
			req.Header.Set("Access-Control-Request-Headers", "content-type")
		}
		resp, err := c.Do(req)
		if err != nil {
			return 0
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		resp.Body.Close()
		return resp.StatusCode
	}
	pr.Health = do(http.MethodGet, "/healthz", "", "", false)
	pr.Signature = do(http.MethodPost, "/api/mono/exchange", "text/plain", "", false)
	pr.Listening = pr.Health != 0 || pr.Signature != 0
	if pr.Listening {
		if cross {
			pr.Origin = do(http.MethodOptions, "/api/mono/exchange", "", appOrigin, true)
		} else {
			pr.Origin = do(http.MethodPost, "/api/mono/exchange", "text/plain", appOrigin, false)
		}
	}
	return pr
}

// ours reports whether the signature probe came back as the generated handler answers it.
func (pr probe) ours() bool {
	return pr.Signature == http.StatusUnsupportedMediaType || pr.Signature == http.StatusBadRequest
}
