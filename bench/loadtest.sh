#!/usr/bin/env bash
# Figure 4 of BENCHMARKS.md: the generated exchange handler under load, against minimal
# hand-written proxies of the same call, in the same run. The generated server stores each
# linked account, so it is measured on SQLite (its default DATABASE_URL) and on PostgreSQL, each
# against a peer that stores the same row in the same kind of database opened the same way
# (bench/_storedpeer); the proxies that store nothing are kept as references. Called by
# bench/run.sh:
#
#   bash bench/loadtest.sh MONO_CONNECT_BINARY WORK_DIR     # writes WORK_DIR/load.jsonl
#
# Every process listens on 127.0.0.1 and every request goes to 127.0.0.1. Each target gets a
# fake Mono of its own (bench/loadtest fakemono), which answers POST /v2/accounts/auth at once
# and counts the TCP connections it accepts. wrk drives CONNS connections for LOAD_SECONDS,
# ROUNDS times per target, the targets taking turns, so a change in the machine's load touches
# all of them alike. Every server also stops by itself after 15 minutes.
set -euo pipefail
mc=$1 work=$2
root=$(cd "$(dirname "$0")/.." && pwd)
conns=${CONNS:-64} seconds=${LOAD_SECONDS:-6} rounds=${ROUNDS:-5}
lt="$work/loadtest"
out="$work/load.jsonl"
: >"$out"

pids=()
pgdir=$(mktemp -u /tmp/mono-bench-pg.XXXXXX)
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  bash "$root/.ci/postgres.sh" stop "$pgdir" || true
}
trap cleanup EXIT
# A throwaway PostgreSQL on loopback; each target gets a database of its own.
eval "$(bash "$root/.ci/postgres.sh" start "$pgdir")"
for d in generated_pg peer_pg; do psql -q "$MONO_TEST_POSTGRES_URL" -c "CREATE DATABASE $d"; done
pg_base=${MONO_TEST_POSTGRES_URL%%/postgres\?*}

(cd "$root" && CGO_ENABLED=0 go build -trimpath -o "$lt" ./bench/loadtest)

# The generated server, exactly as `init` writes it, built with the release flags a user would.
rm -rf "$work/loadapp"
"$mc" init "$work/loadapp" --framework react --lang ts --yes >/dev/null
main="$work/loadapp/server/main.go"
# main.go is the user's starter file and listens on every interface (":PORT"); here it listens on
# loopback only. The address is the only change.
if grep -q 'net.JoinHostPort("", port)' "$main"; then
  sed -i 's/net.JoinHostPort("", port)/net.JoinHostPort("127.0.0.1", port)/' "$main"
else
  echo "loadtest.sh: server/main.go no longer listens via net.JoinHostPort(\"\", port): update the loopback patch" >&2
  exit 1
fi
(cd "$work/loadapp/server" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$work/generated-server" .)
# The storing peer, built with the same module (the same drivers at the same versions).
mkdir -p "$work/loadapp/server/cmd/storedpeer"
cp "$root/bench/_storedpeer/main.go" "$root/bench/loadtest/exchange.go" "$work/loadapp/server/cmd/storedpeer/"
(cd "$work/loadapp/server" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$work/storedpeer" ./cmd/storedpeer)

cat >"$work/exchange.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"code":"code_0123456789abcdef"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = os.getenv("DEMO_COOKIE")
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"duration_us":%d,"socket_errors":%d,"non2xx":%d,"p50_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99), latency.max))
end
LUA

# start NAME: a fake Mono, then the server for NAME, waiting until both answer.
declare -A port mono
start() {
  local name=$1 p
  rm -f "$work/$name.mono"
  "$lt" fakemono -addr-file "$work/$name.mono" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$work/$name.mono" ] && break; sleep 0.05; done
  mono[$name]=$(cat "$work/$name.mono")
  p=$("$lt" freeport)
  port[$name]=$p
  case $name in
  generated)
    rm -f "$work/generated.db"*
    PORT=$p MONO_SECRET_KEY=test_sk_bench MONO_API_BASE_URL="http://${mono[$name]}" DATABASE_URL="sqlite:$work/generated.db" \
      "$work/generated-server" 2>"$work/$name.log" &
    ;;
  generated-postgres)
    PORT=$p MONO_SECRET_KEY=test_sk_bench MONO_API_BASE_URL="http://${mono[$name]}" DATABASE_URL="$pg_base/generated_pg?sslmode=disable" \
      "$work/generated-server" 2>"$work/$name.log" &
    ;;
  peer-sqlite)
    rm -f "$work/peer.db"*
    "$work/storedpeer" -addr "127.0.0.1:$p" -mono "http://${mono[$name]}" -db "sqlite:$work/peer.db" 2>"$work/$name.log" &
    ;;
  peer-postgres)
    "$work/storedpeer" -addr "127.0.0.1:$p" -mono "http://${mono[$name]}" -db "$pg_base/peer_pg?sslmode=disable" 2>"$work/$name.log" &
    ;;
  peer-default) "$lt" peer -addr "127.0.0.1:$p" -mono "http://${mono[$name]}" 2>"$work/$name.log" & ;;
  peer-pooled) "$lt" peer -addr "127.0.0.1:$p" -mono "http://${mono[$name]}" -pooled 2>"$work/$name.log" & ;;
  esac
  pids+=($!)
  "$lt" wait "http://127.0.0.1:$p/healthz"
}

load() { # load NAME SECONDS
  wrk -t2 -c"$conns" -d"$2s" --timeout 5s -s "$work/exchange.lua" "http://127.0.0.1:${port[$1]}/api/mono/exchange" | tail -1
}

targets=(generated peer-sqlite generated-postgres peer-postgres peer-pooled peer-default)
for t in "${targets[@]}"; do start "$t"; done
# One demo user for every request, as one signed-in browser: the cookie the generated server
# hands out (valid on both generated targets, which derive the key from the same secret).
DEMO_COOKIE=$(curl -s -o /dev/null -D - "http://127.0.0.1:${port[generated]}/api/mono/accounts" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)
[ -n "$DEMO_COOKIE" ] || { echo "loadtest.sh: the generated server set no demo user cookie" >&2; exit 1; }
export DEMO_COOKIE
# A short warm-up per target: connections, pools and the Go heap reach their steady state.
for t in "${targets[@]}"; do load "$t" 2 >/dev/null; done
for r in $(seq "$rounds"); do
  # Odd rounds run the targets in order, even rounds in reverse, so none always follows another.
  order=("${targets[@]}")
  if [ $((r % 2)) -eq 0 ]; then
    order=()
    for ((i = ${#targets[@]} - 1; i >= 0; i--)); do order+=("${targets[$i]}"); done
  fi
  for t in "${order[@]}"; do
    res=$(load "$t" "$seconds")
    echo "{\"target\":\"$t\",\"round\":$r,\"wrk\":$res}" >>"$out"
    echo "  round $r $t: $res" >&2
  done
done
for t in "${targets[@]}"; do
  echo "{\"target\":\"$t\",\"mono\":$("$lt" stats "http://${mono[$t]}")}" >>"$out"
done
