#!/usr/bin/env bash
# A throwaway PostgreSQL for the generated server's tests: Debian's postgresql (installed when
# missing), a new cluster under a temporary directory, listening on loopback only, on a free
# port, trusting local connections (nobody else can reach it), run as the postgres user.
#
#   eval "$(bash .ci/postgres.sh start DIR)"   # exports MONO_TEST_POSTGRES_URL
#   bash .ci/postgres.sh stop DIR
#
# DIR must not exist yet for start; stop removes it.
set -euo pipefail
cmd=${1:?usage: postgres.sh start|stop DIR} dir=${2:?usage: postgres.sh start|stop DIR}

bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$d/initdb" ] && echo "$d"
}

# as_pg CMD...: run as the postgres user (PostgreSQL refuses to run as root).
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case $cmd in
start)
  if ! bindir >/dev/null; then
    echo "postgres.sh: installing Debian's postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    sudo_=""
    [ "$(id -u)" = 0 ] || sudo_=sudo
    $sudo_ apt-get update -qq >&2
    # The package's own cluster is not wanted: ours lives in DIR.
    $sudo_ apt-get install -y -qq --no-install-recommends postgresql >&2
  fi
  bin=$(bindir) || { echo "postgres.sh: no initdb under /usr/lib/postgresql/*/bin after installing" >&2; exit 1; }
  [ ! -e "$dir" ] || { echo "postgres.sh: $dir exists already" >&2; exit 1; }
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-instructions >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  # Loopback only, the socket in DIR (not /var/run/postgresql), enough connections for two
  # replicas' pools and the tests, and no fsync: a throwaway cluster needs no durability on disk
  # (the server's own guarantees are about commit order, which fsync does not change).
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$dir/server.log" >&2; exit 1; }
  echo "$port" >"$dir/port"
  echo "export MONO_TEST_POSTGRES_URL='postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable'"
  ;;
stop)
  bin=$(bindir) || exit 0
  if [ -d "$dir/data" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: postgres.sh start|stop DIR" >&2
  exit 2
  ;;
esac
