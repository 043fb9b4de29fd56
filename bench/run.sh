#!/usr/bin/env bash
# Whole-process benchmarks for BENCHMARKS.md. Every figure is a ratio against a peer measured in
# the same run, on the same machine, by the same method (hyperfine -N: no shell in between).
#
#   bash bench/run.sh            # prints the table; writes bench/results.md
#
# Installs hyperfine (Debian) and create-vite (npm) if missing. Needs Go and Node.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export npm_config_cache="${NPM_CACHE:-$HOME/.npm}"

if ! command -v hyperfine >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq hyperfine) >/dev/null
fi

echo "building (release flags)"
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$work/mono-connect" ./cmd/mono-connect
mkdir -p "$work/empty" "$work/bare"
printf 'package main\n\nfunc main() {}\n' > "$work/empty/main.go"
(cd "$work/empty" && go mod init empty >/dev/null 2>&1 && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$work/empty-go" .)
# A bare cobra root command: the floor for any cobra CLI.
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
(cd "$work/bare" && go mod init bare >/dev/null 2>&1 && go get "github.com/spf13/cobra@$cobra_version" >/dev/null 2>&1 && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$work/bare-cobra" .)

# create-vite, installed once so npm's own start-up is not in the measurement.
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent create-vite@9.3.0 >/dev/null)
create_vite="$work/node_modules/create-vite/index.js"

# Each scaffold runs in a fresh directory, made and removed by the same tiny wrapper for every
# command, so the wrapper's cost is in the peer's figure too.
wrap() { printf 'sh -c %q' "d=\$(mktemp -d) && cd \"\$d\" && $1 >/dev/null && cd / && rm -rf \"\$d\""; }

json="$work/hf"
mkdir -p "$json"
hf() { local name=$1; shift; hyperfine -N --warmup 10 --runs "${RUNS:-100}" --export-json "$json/$name.json" "$@" >/dev/null; }

echo "1/4 version"
hf version -n "empty Go program" "$work/empty-go" -n "bare cobra root: version" "$work/bare-cobra version" -n "mono-connect version" "$work/mono-connect version"
echo "2/4 init (greenfield react ts, Go server included) vs create-vite react-ts"
hf init -n "empty Go program (in the temp-dir wrapper)" "$(wrap "$work/empty-go")" \
  -n "mono-connect init app --framework react --lang ts --yes" "$(wrap "$work/mono-connect init app --framework react --lang ts --yes")" \
  -n "create-vite 9.3.0 app --template react-ts (peer)" "$(wrap "node $create_vite app --template react-ts --no-interactive")"
echo "3/4 generate --check"
(cd "$work" && ./mono-connect init checkapp --framework react --lang ts --yes >/dev/null)
hf check -n "empty Go program" "$work/empty-go" -n "mono-connect generate --check (react ts app)" "$work/mono-connect generate $work/checkapp --check"
echo "4/4 binary size and peak memory"
size=$(stat -c %s "$work/mono-connect")
rss=$( { /usr/bin/time -f '%M' "$work/mono-connect" init "$work/rssapp" --framework react --lang ts --yes >/dev/null; } 2>&1 | tail -1)

python3 - "$json" "$size" "$rss" <<'PY' | tee bench/results.md
import json, sys, os
d, size, rss = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def load(n):
    return [(r["command"], r["median"] * 1000, r["mean"] * 1000, r["stddev"] * 1000) for r in json.load(open(os.path.join(d, n + ".json")))["results"]]
print("| figure | command | median ms | ratio to empty Go |")
print("| --- | --- | --- | --- |")
for name in ["version", "init", "check"]:
    rows = load(name)
    base = rows[0][1]
    for cmd, med, mean, sd in rows:
        print(f"| {name} | {cmd} | {med:.2f} | {med / base:.2f}x |")
print()
print(f"release binary (stripped): {size / 1e6:.1f} MB; peak RSS of a greenfield init: {int(rss) / 1024:.1f} MB")
PY
