#!/usr/bin/env bash
# The benchmarks of BENCHMARKS.md. Every figure is measured against a peer in the same run, on
# the same machine, by the same method, and the goals are ratios to those peers.
#
#   bash bench/run.sh                 # all six figures: writes bench/results.md and the results
#                                     # section of BENCHMARKS.md
#   FIGURES="4 5" bash bench/run.sh   # some of them (results.md only)
#   RUNS=20 LOAD_SECONDS=3 ROUNDS=1 bash bench/run.sh   # a quick, rough run
#
# 1-3 time whole processes with bench/paired (the commands taking turns run by run, every one
# started by the same shell wrapper) and count their instructions with callgrind; 4 is bench/loadtest.sh (wrk
# against the generated server and hand-written peers, all on 127.0.0.1); 5 is bench/bundle.sh
# (vite builds of the React starter); 6 is the release binary, attributed by bench/binsize.
# Installs what it needs that a clean clone lacks: wrk and valgrind (Debian), create-vite and
# the starter's dependencies (npm, into a temporary directory). Needs Go and Node.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
figures=" ${FIGURES:-1 2 3 4 5 6} "
want() { [[ $figures == *" $1 "* ]]; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export npm_config_cache="${NPM_CACHE:-${npm_config_cache:-$HOME/.npm}}"
export npm_config_omit_lockfile_registry_resolved=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# The Node CI and the README's users run (Node 24, .ci/node.sh), not whatever node the machine
# has first on PATH: figure 5's vite builds and figure 2's create-vite run on it.
source .ci/node.sh
use_node

missing=()
command -v valgrind >/dev/null || missing+=(valgrind)
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null
fi

machine="$work/machine.json"
python3 - "$machine" <<'PY'
import json, os, platform, subprocess, sys
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
go = subprocess.run(["go", "version"], capture_output=True, text=True).stdout.strip()
node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
json.dump({"nproc": os.cpu_count(), "cpu": cpu, "load_start": open("/proc/loadavg").read().split()[:3],
           "go": go, "node": node, "kernel": platform.release()}, open(sys.argv[1], "w"))
PY

echo "building (release flags)"
export CGO_ENABLED=0
go build -trimpath -ldflags "-s -w" -o "$work/mono-connect" ./cmd/mono-connect
mkdir -p "$work/empty" "$work/bare"
printf 'package main\n\nfunc main() {}\n' > "$work/empty/main.go"
(cd "$work/empty" && go mod init empty >/dev/null 2>&1 && go build -trimpath -ldflags "-s -w" -o "$work/empty-go" .)

go build -o "$work/paired" ./bench/paired
mkdir -p "$work/times" "$work/tmp"
# Every command of figures 1-3, ours and the peers alike, is started by the same wrapper: a shell
# that makes a fresh temporary directory, enters it and execs the command. The wrapper costs the
# same in every row and nothing more (the empty program's row is the wrapper plus an empty Go
# process), so the ratios are the commands' own. bench/paired runs the commands in turn, run by
# run (reversed every other round), so a drift in the machine's load touches all of them alike, and
# records the load average before and after each figure. The directories go under $work/tmp,
# removed at exit (not between runs: removing them would be the wrapper's cost too).
wrap() { printf 'd=$(mktemp -d) && cd "$d" && exec %s' "$1"; }
export TMPDIR="$work/tmp"
timed() {
  local name=$1; shift
  "$work/paired" -runs "${RUNS:-200}" -warmup "${WARMUP:-10}" -out "$work/times/$name.json" "$@"
}
empty_row=("empty Go program" "$(wrap "$work/empty-go")")
# Instructions (callgrind) do not depend on the load: one run of each Go command, wrapper
# included (valgrind follows the shell into mktemp and the exec, and the processes' counts are
# summed), GODEBUG=asyncpreemptoff=1 because callgrind cannot deliver Go's preemption signals.
# Node (create-vite) is not counted: its JIT under valgrind takes minutes.
count() {
  local name=$1 label=$2 script=$3 n
  n=$(GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null sh -c "$script" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | awk '{ s += $1 } END { if (NR) print s }')
  [ -n "$n" ] || { echo "callgrind counted nothing for $label" >&2; exit 1; }
  printf '{"figure": "%s", "name": "%s", "instructions": %s}\n' "$name" "$label" "$n" >>"$work/instructions.jsonl"
}

if want 1; then
  # A bare cobra root command: the floor for any cobra CLI, with the version this module uses.
  cat > "$work/bare/main.go" <<'GO'
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	root := &cobra.Command{Use: "bare"}
	root.AddCommand(&cobra.Command{Use: "version", Run: func(*cobra.Command, []string) { fmt.Println("bare 1.0.0") }})
	if root.Execute() != nil {
		os.Exit(1)
	}
}
GO
  cobra_version=$(go list -m -f '{{.Version}}' github.com/spf13/cobra)
  (cd "$work/bare" && go mod init bare >/dev/null 2>&1 && go get "github.com/spf13/cobra@$cobra_version" >/dev/null 2>&1 && go build -trimpath -ldflags "-s -w" -o "$work/bare-cobra" .)
  echo "figure 1: version"
  timed version "${empty_row[@]}" "bare cobra root: version" "$(wrap "$work/bare-cobra version")" "mono-connect version" "$(wrap "$work/mono-connect version")"
  count version "empty Go program" "$(wrap "$work/empty-go")"
  count version "bare cobra root: version" "$(wrap "$work/bare-cobra version")"
  count version "mono-connect version" "$(wrap "$work/mono-connect version")"
fi

if want 2; then
  # create-vite, installed once so npm's own start-up is not in the measurement.
  (cd "$work" && npm init -y >/dev/null && npm install --silent create-vite@9.3.0 >/dev/null)
  create_vite="$work/node_modules/create-vite/index.js"
  echo "figure 2: init (greenfield react ts, Go server included) vs create-vite react-ts"
  timed init "${empty_row[@]}" \
    "mono-connect init app --framework react --lang ts --yes" "$(wrap "$work/mono-connect init app --framework react --lang ts --yes")" \
    "create-vite 9.3.0 app --template react-ts (peer)" "$(wrap "node $create_vite app --template react-ts --no-interactive")"
  count init "empty Go program" "$(wrap "$work/empty-go")"
  count init "mono-connect init app --framework react --lang ts --yes" "$(wrap "$work/mono-connect init app --framework react --lang ts --yes")"
  # The same in directories on tmpfs, where creating a file costs no search for a free inode:
  # on a disk other processes keep creating and deleting files in (ext4 skips inodes deleted
  # recently), that search is most of init's system time. Reported beside the goal's row.
  if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
    shm=$(mktemp -d /dev/shm/mono-connect-bench.XXXXXX)
    trap 'rm -rf "$work" "$shm"' EXIT
    TMPDIR=$shm timed init-tmpfs "${empty_row[@]}" \
      "mono-connect init app --framework react --lang ts --yes" "$(wrap "$work/mono-connect init app --framework react --lang ts --yes")" \
      "create-vite 9.3.0 app --template react-ts (peer)" "$(wrap "node $create_vite app --template react-ts --no-interactive")"
    rm -rf "$shm"
  fi
fi

if want 3; then
  echo "figure 3: generate --check"
  "$work/mono-connect" init "$work/checkapp" --framework react --lang ts --yes >/dev/null
  timed check "${empty_row[@]}" "mono-connect generate --check (react ts app)" "$(wrap "$work/mono-connect generate $work/checkapp --check")"
  count check "empty Go program" "$(wrap "$work/empty-go")"
  count check "mono-connect generate --check (react ts app)" "$(wrap "$work/mono-connect generate $work/checkapp --check")"
fi

if want 4; then
  echo "figure 4: exchange handler under load (${LOAD_SECONDS:-6} s x ${ROUNDS:-5} rounds per target)"
  bash bench/loadtest.sh "$work/mono-connect" "$work"
fi

if want 5; then
  echo "figure 5: React production bundle (7 vite builds)"
  bash bench/bundle.sh "$work/mono-connect" "$work"
  cp "$work/attribution.md" bench/attribution.md
fi

if want 6; then
  echo "figure 6: binary size by module, peak memory of init"
  # The same build without -s -w keeps the symbol table binsize reads; the code is identical.
  go build -trimpath -o "$work/mono-connect.unstripped" ./cmd/mono-connect
  go run ./bench/binsize -pkg ./cmd/mono-connect -stripped "$work/mono-connect" "$work/mono-connect.unstripped" >"$work/binsize.json"
  rss=$( { /usr/bin/time -f '%M' "$work/mono-connect" init "$work/rssapp" --framework react --lang ts --yes >/dev/null; } 2>&1 | tail -1)
  echo "{\"peak_rss_kb\": $rss}" >"$work/rss.json"
fi

python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); m["load_end"]=open("/proc/loadavg").read().split()[:3]; json.dump(m,open(sys.argv[1],"w"))' "$machine"
doc=""
[ "$figures" = " 1 2 3 4 5 6 " ] && doc=BENCHMARKS.md
python3 bench/report.py "$work" bench/results.md $doc
cat bench/results.md
