#!/usr/bin/env bash
# The developer's loop, for every greenfield starter: `npm run dev` starts the Go server and the
# framework's dev server together; once both answer, the page and /api/mono/exchange are
# requested through the dev server (a 400 JSON error from our handler proves the proxy reaches
# the Go server); then SIGINT goes to the process group, as Ctrl-C in a terminal sends it, and
# every process the command started must be gone. One starter per framework, installed once,
# from the shared npm cache; the languages alternate so both config flavours are covered.
set -euo pipefail
cd "$(dirname "$0")/.."
# lib.sh: say, fail, greenfield_lint; it also puts CI's Node (.ci/node.sh) first on PATH.
source .ci/lib.sh

export npm_config_cache="${npm_config_cache:-$HOME/.npm}"
export npm_config_omit_lockfile_registry_resolved=true npm_config_prefer_offline=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export NEXT_TELEMETRY_DISABLED=1 NG_CLI_ANALYTICS=false NUXT_TELEMETRY_DISABLED=1
command -v setsid >/dev/null || { echo "FAIL: setsid (util-linux) is needed to send SIGINT to a process group" >&2; exit 1; }

work=$(mktemp -d)
pids_left=()
cleanup() {
  # Only what this script started, by pid, if a failure left it running.
  for p in "${pids_left[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/mono-connect" ./cmd/mono-connect
mc="$work/mono-connect"
# Keys of the right shapes (nothing reaches Mono here); doctor must never print them.
public_key=test_pk_devloopQ7r2Lx9Wm4Tz
secret_key=test_sk_devloopN5c8Vb1Hk6Jd
webhook_secret=devloop-webhook-sec-3k9d

# listen_args FRAMEWORK HOST PORT: the arguments that make FRAMEWORK's dev server listen on
# HOST:PORT, one a line, from `mono-connect targets --json` (dev.listen_args).
targets_json=$("$mc" targets --json)
listen_args() {
  node -e '
    const [name, host, port] = process.argv.slice(2);
    const t = JSON.parse(process.argv[1]).targets.find((t) => t.name === name);
    for (const a of t?.dev?.listen_args ?? []) console.log(a.replace("{host}", host).replace("{port}", port));
  ' "$targets_json" "$@"
}
without_server_done=

# free_ports N: N distinct TCP ports free on 127.0.0.1 and on ::1 (when the machine has IPv6),
# all held while the next is chosen. The Go server listens on every address and a dev server
# may bind either loopback, so a port taken on one of them alone is not free.
free_ports() {
  node -e '
    const net = require("node:net");
    const listen = (host, port) => new Promise((ok, no) => {
      const s = net.createServer();
      s.once("error", no);
      s.listen({ host, port, exclusive: true }, () => ok(s));
    });
    (async () => {
      const held = [], ports = [];
      while (ports.length < Number(process.argv[1])) {
        const v4 = await listen("127.0.0.1", 0);
        const port = v4.address().port;
        held.push(v4);
        try {
          held.push(await listen("::1", port));
        } catch (e) {
          if (e.code !== "EADDRNOTAVAIL" && e.code !== "EAFNOSUPPORT") continue; // taken on ::1
        }
        ports.push(port);
      }
      held.forEach((s) => s.close());
      console.log(ports.join(" "));
    })();
  ' "$1"
}

# request METHOD URL: prints "STATUS CONTENT-TYPE" then the body (first 2 KB); exit 1 when
# nothing answers. Each request is bounded (10 s); the loops below bound the waiting.
request() {
  node -e '
    const [method, url] = process.argv.slice(1);
    const init = { method, signal: AbortSignal.timeout(10000), redirect: "manual" };
    if (method === "POST") { init.body = "{}"; init.headers = { "Content-Type": "application/json" }; }
    fetch(url, init).then(async (r) => {
      console.log(r.status, r.headers.get("content-type") || "");
      console.log((await r.text()).slice(0, 2048));
    }, () => process.exit(1));
  ' "$1" "$2"
}

# descendants PID: PID and every process below it (by parent pid, across process groups).
descendants() {
  local all=("$1") i=0 p stat ppid
  while [ $i -lt ${#all[@]} ]; do
    for stat in /proc/[0-9]*/stat; do
      p=${stat#/proc/}; p=${p%/stat}
      ppid=$(sed -E 's/^.*\) [A-Za-z] ([0-9]+) .*$/\1/' "$stat" 2>/dev/null) || continue
      [ "$ppid" = "${all[$i]}" ] && all+=("$p")
    done
    i=$((i + 1))
  done
  echo "${all[@]}"
}

alive() { # PIDS...: the ones still running (zombies count as gone)
  local p out=()
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    grep -Eq '^[0-9]+ \(.*\) Z ' "/proc/$p/stat" 2>/dev/null && continue
    out+=("$p")
  done
  echo "${out[@]}"
}

# devloop FRAMEWORK LANG: one starter through the whole loop.
devloop() {
  local fw=$1 lang=$2
  local dir="$work/$fw-$lang" log="$work/$fw-$lang.log"
  say "$fw/$lang: init, npm install"
  "$mc" init "$dir" --framework "$fw" --lang "$lang" --features link,events --public-key "$public_key" --yes >/dev/null
  grep -q '"dev": "node scripts/dev.mjs"' "$dir/package.json" || fail "$fw: npm run dev does not start scripts/dev.mjs"
  (cd "$dir" && nice -n 10 npm install --no-audit --no-fund --loglevel=error >/dev/null)
  # The framework suites lint the starters with every feature; here the same starter has the
  # default ones (link, events), so its other feature modules (no-payments, no-reauth) are linted
  # too (issue 20, acceptance 3: every greenfield starter's npm run lint passes).
  greenfield_lint "$dir"

  local ports go_port web_port
  ports=$(free_ports 2)
  go_port=${ports% *} web_port=${ports#* }
  # The starter's proxy names the server's default port (8080); here the server gets a free one
  # (PORT in the server dir's .env, which dev.mjs passes on) and the proxy is pointed at it.
  local proxy_files
  proxy_files=$(cd "$dir" && grep -l 'localhost:8080' vite.config.* next.config.* nuxt.config.* astro.config.* src/proxy.conf.json 2>/dev/null || true)
  [ "$(wc -w <<<"$proxy_files")" = 1 ] || fail "$fw: expected one dev proxy config naming localhost:8080, found: ${proxy_files:-none}"
  sed -i "s/localhost:8080/localhost:$go_port/" "$dir/$proxy_files"
  # The server's folder as recorded (server/, or mono-server/ in Nuxt, whose server/ is Nitro's).
  local server_dir
  server_dir=$(sed -n 's/^ *"server_dir": "\([^"]*\)".*/\1/p' "$dir/mono-connect.json")
  [ -n "$server_dir" ] || fail "$fw: mono-connect.json records no server_dir"
  printf 'MONO_SECRET_KEY=%s\nMONO_WEBHOOK_SECRET=%s\nPORT=%s\n' "$secret_key" "$webhook_secret" "$go_port" >"$dir/$server_dir/.env"

  local args
  mapfile -t args < <(listen_args "$fw" 127.0.0.1 "$web_port")
  [ ${#args[@]} -gt 0 ] || fail "$fw: targets --json gives no dev.listen_args"
  say "$fw/$lang: npm run dev (server :$go_port, dev server :$web_port, proxy in $proxy_files)"
  (cd "$dir" && exec setsid npm run dev -- "${args[@]}" >"$log" 2>&1) &
  local leader=$!
  pids_left+=("$leader")

  # Both servers up: the Go server's health check, the dev server's page. First compiles of
  # Next and Angular on two busy cores take a while; the bound is generous, never a speed claim.
  local page="" waited=0
  while :; do
    [ -n "$(alive "$leader")" ] || { cat "$log"; fail "$fw: npm run dev exited before both servers answered"; }
    if request GET "http://127.0.0.1:$go_port/healthz" >/dev/null 2>&1 && page=$(request GET "http://127.0.0.1:$web_port/" 2>/dev/null); then
      [[ $page == 200* ]] && break
    fi
    [ $waited -lt 300 ] || { cat "$log"; fail "$fw: the servers did not both answer within 300 s (page: ${page%%$'\n'*})"; }
    sleep 1; waited=$((waited + 1))
  done
  grep -q '^\[server\] ' "$log" || { cat "$log"; fail "$fw: no [server]-prefixed line in the log"; }
  grep -q '^\[web\] ' "$log" || { cat "$log"; fail "$fw: no [web]-prefixed line in the log"; }
  grep -q '^200 text/html' <<<"$page" || fail "$fw: the page answered ${page%%$'\n'*}, want 200 text/html"

  local api
  api=$(request POST "http://127.0.0.1:$web_port/api/mono/exchange") || fail "$fw: /api/mono/exchange through the dev server did not answer"
  if ! grep -q '^400 application/json' <<<"$api" || ! grep -q '"error":"code is required"' <<<"$api"; then
    cat "$log"; fail "$fw: POST /api/mono/exchange through the dev server answered: $api (want our handler's 400)"
  fi
  say "$fw/$lang: page 200, /api/mono/exchange through the proxy: ${api//$'\n'/ }"

  doctor_clean "$dir" "$proxy_files"

  local tree
  read -r -a tree <<<"$(descendants "$leader")"
  pids_left+=("${tree[@]}")
  say "$fw/$lang: SIGINT to the process group (${#tree[@]} processes)"
  kill -INT -- "-$leader"
  waited=0
  while [ -n "$(alive "${tree[@]}")" ]; do
    [ $waited -lt 60 ] || { cat "$log"; ps -o pid,pgid,args -p "$(alive "${tree[@]}" | tr ' ' ,)" || true; fail "$fw: processes still running 30 s after SIGINT"; }
    sleep 0.5; waited=$((waited + 1))
  done
  wait "$leader" 2>/dev/null || true
  if request GET "http://127.0.0.1:$go_port/healthz" >/dev/null 2>&1 || request GET "http://127.0.0.1:$web_port/" >/dev/null 2>&1; then
    fail "$fw: something still answers on :$go_port or :$web_port after SIGINT"
  fi
  say "$fw/$lang: every process gone"
  # The dev runner (scripts/dev.mjs) is one file in every starter: its two failure paths run
  # once, on the first starter of the loop.
  if [ -z "$without_server_done" ]; then
    dev_without_server "$dir" "$web_port" "${args[@]}"
    without_server_done=1
  fi
  rm -rf "$dir"
}

# doctor_clean DIR EDITED: with the keys set and both servers running, the installed starter passes
# every doctor check or skips it with a reason (issue 15, acceptance 1), and no key is printed.
# EDITED is the proxy file this script pointed at the free port: when it is a generated file
# (Angular's src/proxy.conf.json), the drift it makes is the one finding allowed, and it must
# name that file.
doctor_clean() {
  local dir=$1 edited=$2 report rc=0
  report=$("$mc" doctor "$dir" --json) || rc=$?
  if grep -qF -e "$public_key" -e "$secret_key" -e "$webhook_secret" <<<"$report"; then fail "doctor printed a key"; fi
  DOCTOR_EDITED=$edited node -e '
    const r = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    const edited = process.env.DOCTOR_EDITED;
    const bad = r.checks.filter((c) => {
      if (c.status === "pass") return false;
      if (c.status === "skip") return !c.message; // a skip must say why
      if (c.id === "drift" && c.status === "fail" && edited && c.message.includes(edited)) return false;
      return true;
    });
    for (const c of r.checks) console.log(`    ${c.status.padEnd(5)} ${c.id.padEnd(19)} ${c.message}`);
    if (bad.length) { console.error("FAIL: doctor found: " + bad.map((c) => c.id + " " + c.status).join(", ")); process.exit(1); }
  ' <<<"$report" || fail "$(basename "$dir"): doctor is not clean on a running starter with its keys set (exit $rc)"
  say "$(basename "$dir"): doctor clean with both servers running (exit $rc)"
}

# dev_without_server DIR PORT ARGS...: the two ways the Go side can be missing, on an installed
# starter whose dev server ARGS make listen on PORT.
dev_without_server() {
  local dir=$1 web_port=$2 log="$work/without.log" leader waited tree
  shift 2
  say "without MONO_SECRET_KEY: the server exits, and npm run dev stops the dev server and exits non-zero"
  sed -i '/^MONO_SECRET_KEY=/d' "$dir/$server_dir/.env"
  local rc=0
  (cd "$dir" && env -u MONO_SECRET_KEY setsid npm run dev -- "$@" >"$log" 2>&1) || rc=$?
  [ $rc -ne 0 ] || { cat "$log"; fail "npm run dev exited 0 although the server could not start"; }
  grep -q '^\[server\] exited (1); stopping the rest' "$log" || { cat "$log"; fail "no line saying the server exited"; }
  if request GET "http://127.0.0.1:$web_port/" >/dev/null 2>&1; then fail "the dev server still answers after the server failed"; fi

  say "no Go toolchain on PATH: one line, then the frontend alone; SIGINT ends it"
  mkdir -p "$work/nogo"
  ln -sf "$(command -v node)" "$work/nogo/node"
  ln -sf "$(command -v npm)" "$work/nogo/npm"
  local path="$work/nogo:/usr/bin:/bin"
  if PATH=$path command -v go >/dev/null; then fail "cannot make a PATH without go: $(PATH=$path command -v go)"; fi
  (cd "$dir" && exec env PATH="$path" setsid npm run dev -- "$@" >"$log" 2>&1) &
  leader=$!
  pids_left+=("$leader")
  waited=0
  until request GET "http://127.0.0.1:$web_port/" >/dev/null 2>&1; do
    [ -n "$(alive "$leader")" ] || { cat "$log"; fail "npm run dev without Go exited"; }
    [ $waited -lt 120 ] || { cat "$log"; fail "the dev server did not answer without Go"; }
    sleep 1; waited=$((waited + 1))
  done
  [ "$(grep -c '^\[dev\] no Go toolchain on PATH: starting the frontend alone' "$log")" = 1 ] || { cat "$log"; fail "no one-line notice that Go is missing"; }
  ! grep -q '^\[server\]' "$log" || { cat "$log"; fail "a server was started without Go"; }
  read -r -a tree <<<"$(descendants "$leader")"
  pids_left+=("${tree[@]}")
  kill -INT -- "-$leader"
  waited=0
  while [ -n "$(alive "${tree[@]}")" ]; do
    [ $waited -lt 60 ] || fail "processes still running 30 s after SIGINT (no Go)"
    sleep 0.5; waited=$((waited + 1))
  done
  wait "$leader" 2>/dev/null || true
  say "without the server: both cases behave"
}

# Every target with a Node starter, from the registry (.ci/targets.sh), the languages alternating
# js, ts, js... down the list (a one-language target takes its own). DEVLOOP_TARGETS="react:ts
# vue:js" narrows the run while working on one framework (CI runs them all).
default_targets() {
  local i=0 name langs lang
  while read -r name langs; do
    lang=$([ $((i % 2)) = 0 ] && echo js || echo ts)
    [[ ",$langs," == *,$lang,* ]] || lang=${langs%%,*}
    echo "$name:$lang"
    i=$((i + 1))
  done < <(bash .ci/targets.sh "$mc" --node)
}
targets=${DEVLOOP_TARGETS:-$(default_targets)}
[ -n "$targets" ] || fail "no target for the dev loop"
for target in $targets; do
  devloop "${target%:*}" "${target#*:}"
done
echo "dev loop passed for every greenfield starter"
