#!/usr/bin/env bash
# The generated Go server, as a user gets it: for the standalone starter and for a package inside
# someone's module, with every feature on and off: go vet, staticcheck, tests under the race
# detector, and the handler's fuzz targets for a fixed time; the store against SQLite and a
# throwaway PostgreSQL (.ci/postgres.sh), and the scale and fault test of two replicas on it
# (.ci/replicas). Offline apart from installing the pinned staticcheck, the standalone server's
# pinned drivers (go mod download) and, when missing, Debian's postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."

STATICCHECK_VERSION=v0.8.2 # 2026.2.2
GOBIN_DIR="$(go env GOPATH)/bin"
if ! "$GOBIN_DIR/staticcheck" -version 2>/dev/null | grep -q "(${STATICCHECK_VERSION#v})"; then
  go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
fi
staticcheck="$GOBIN_DIR/staticcheck"

work=$(mktemp -d)
# PostgreSQL runs as the postgres user, which cannot enter $work (mode 700): its cluster lives
# beside it.
pgdir="$work.pg"
trap 'bash .ci/postgres.sh stop "$pgdir" || true; rm -rf "$work"' EXIT
eval "$(bash .ci/postgres.sh start "$pgdir")"
export MONO_TEST_POSTGRES_URL
go build -o "$work/mono-connect" ./cmd/mono-connect
mc="$work/mono-connect"

check_module() { # DIR: a Go module root
  echo "--- $1"
  # (a variable, not tee /dev/stderr: reopening stderr truncates a log file CI may be writing)
  local unformatted
  unformatted=$(cd "$1" && gofmt -l .)
  [ -z "$unformatted" ] || { echo "gofmt would change files in $1:"; echo "$unformatted"; exit 1; }
  # The standalone server requires its database drivers: fetch them (pinned by its go.sum).
  if grep -q '^require' "$1/go.mod"; then (cd "$1" && go mod download); fi
  (cd "$1" && GOFLAGS=-mod=mod GOPROXY=off go vet ./...)
  (cd "$1" && GOFLAGS=-mod=mod GOPROXY=off "$staticcheck" ./...)
  (cd "$1" && GOFLAGS=-mod=mod GOPROXY=off go test -race -count=1 -v ./... >"$work/test.log" 2>&1) ||
    { grep -v '^=== ' "$work/test.log" | tail -80; exit 1; }
  grep -E '^(ok|FAIL|---)' "$work/test.log" | grep -v -- '--- PASS' || true
  # The store's tests must have run on PostgreSQL where the module has the driver.
  if grep -q 'jackc/pgx' "$1/go.mod"; then
    grep -q -- '--- PASS: TestStoreWebhookOnce/postgres' "$work/test.log" ||
      { echo "the store tests did not run against PostgreSQL in $1"; exit 1; }
    grep -q -- '--- PASS: TestStoreWebhookOnce/sqlite' "$work/test.log" ||
      { echo "the store tests did not run against SQLite in $1"; exit 1; }
  fi
}

# Standalone server/ module, every feature, and the minimal set.
"$mc" init "$work/full" --framework react --lang ts --features link,reauth,payments,events --yes >/dev/null
check_module "$work/full/server"
"$mc" init "$work/min" --framework vanilla --lang js --features link --yes >/dev/null
check_module "$work/min/server"

# Inside someone's module: the package goes to internal/monoconnect and adds no requirement.
mkdir -p "$work/shop/web"
printf 'module example.com/acme/shop\n\ngo 1.22\n' > "$work/shop/go.mod"
printf '{"name":"web","dependencies":{"react":"19.2.0"}}\n' > "$work/shop/web/package.json"
"$mc" init "$work/shop/web" --features link,payments --yes >/dev/null
cmp <(printf 'module example.com/acme/shop\n\ngo 1.22\n') "$work/shop/go.mod" || { echo "init changed the user's go.mod"; exit 1; }
check_module "$work/shop"

# The handler's fuzz targets. The generated tests have them: finding none means the package or
# its tests moved, which fails here rather than fuzzing nothing.
pkg="$work/full/server/monoconnect"
fuzz_targets=$(cd "$pkg" && grep -ho '^func Fuzz[A-Za-z0-9_]*' ./*_test.go | sed 's/^func //')
[ -n "$fuzz_targets" ] || { echo "no Fuzz* targets in the generated $pkg tests"; exit 1; }
for target in $fuzz_targets; do
  echo "--- fuzz $target (30 s)"
  (cd "$pkg" && GOFLAGS=-mod=mod GOPROXY=off go test -tags mono_nodrivers -run '^$' -fuzz "^$target\$" -fuzztime 30s .)
done
# Acceptance 2 of issue 16: two replicas of the standalone server on one PostgreSQL, 1,000
# webhooks (20% sent to both at once), one replica SIGKILLed and restarted mid-run. The server is
# the generated one with one change: main.go's Webhooks hook records each call in the event's
# transaction, so the driver can count committed calls per event id.
echo "--- two replicas, SIGKILL mid-run"
srv="$work/full/server"
hook='Webhooks: monoconnect.WebhookHandlerFunc(func(ctx context.Context, ev monoconnect.Event) error { tx, _ := monoconnect.TxFromContext(ctx); _, err := tx.ExecContext(ctx, "INSERT INTO fault_handler_calls (event_id) VALUES ($1)", ev.ID); return err }),'
grep -q '// Webhooks: monoconnect.WebhookHandlerFunc' "$srv/main.go" ||
  { echo "server/main.go no longer has the Webhooks example line: update the replicas patch"; exit 1; }
sed -i "s|// Webhooks: monoconnect.WebhookHandlerFunc.*|$hook|" "$srv/main.go"
mkdir -p "$srv/cmd/replicas"
cp .ci/replicas/main.go "$srv/cmd/replicas/"
(cd "$srv" && GOFLAGS=-mod=mod GOPROXY=off CGO_ENABLED=0 go build -o "$work/server-bin" . &&
  GOFLAGS=-mod=mod GOPROXY=off go build -o "$work/replicas" ./cmd/replicas)
pg_url="${MONO_TEST_POSTGRES_URL/\/postgres\?//replicas?}"
psql -q "$MONO_TEST_POSTGRES_URL" -c 'CREATE DATABASE replicas'
(cd "$work" && "$work/replicas" -server "$work/server-bin" -db "$pg_url" -events 1000 -dup 0.2 -accounts 100)
echo "generated server checks passed"
