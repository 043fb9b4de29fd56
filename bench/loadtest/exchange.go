package main

// This file is shared: bench/loadtest.sh copies it beside bench/_storedpeer/main.go, so both
// hand-written peers make Mono's code exchange the same way, the part of a request whose cost
// figure 4 compares with the generated server's.

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"
)

// pooledClient keeps up to 64 idle connections to Mono (http.DefaultClient keeps 2).
func pooledClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 64, 64
	return &http.Client{Transport: t, Timeout: 15 * time.Second}
}

// exchangeCode reads {"code"} from r and trades it at url (Mono's /v2/accounts/auth) for an
// account id. When that fails it has answered w already and returns ok false.
func exchangeCode(w http.ResponseWriter, r *http.Request, client *http.Client, url string) (accountID string, ok bool) {
	var in struct {
		Code string `json:"code"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Code == "" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return "", false
	}
	body, _ := json.Marshal(map[string]string{"code": in.Code})
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return "", false
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("mono-sec-key", "test_sk_bench")
	resp, err := client.Do(req)
	if err != nil {
		http.Error(w, "mono unreachable", http.StatusBadGateway)
		return "", false
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&out) != nil {
		http.Error(w, "mono failed", http.StatusBadGateway)
		return "", false
	}
	return out.Data.ID, true
}
