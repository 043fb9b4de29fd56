#!/usr/bin/env bash
# What the npm wrapper costs at start (BENCHMARKS.md, "npm wrapper"): whole processes, timed by
# hyperfine -N (no shell in between), in one run:
#
#   wrapper   node node_modules/mono-connect/bin/mono-connect.js version
#   node      node -e 0
#   binary    node_modules/@mono-connect/linux-x64/bin/mono-connect version
#
# The wrapper starts node and then the binary, so its peer is the sum of the other two medians;
# the goal is wrapper <= 1.15 x (node + binary). The runs are split into ROUNDS rounds in which
# the three commands take turns (in reverse order every other round), so load that drifts on a
# shared machine falls on all three alike; the medians pool every round.
#
#   bash bench/npm.sh            # RUNS=150 per command, ROUNDS=10
#   RUNS=30 ROUNDS=3 bash bench/npm.sh
#
# Needs Go, Node and hyperfine (Debian's; installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${RUNS:-150}
rounds=${ROUNDS:-10}
command -v hyperfine >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine) >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
# An install as npm lays it out: the wrapper, and this platform's package with a release build.
pkg=$(node -e 'const w = require(process.argv[1]); const libc = process.platform === "linux" ? w.detectLibc(require("fs").readFileSync) : undefined; console.log(w.candidates(process.platform, process.arch, libc)[0].name)' "$root/npm/mono-connect/bin/mono-connect.js")
mkdir -p "$work/node_modules/mono-connect/bin" "$work/node_modules/$pkg/bin"
cp npm/mono-connect/bin/mono-connect.js "$work/node_modules/mono-connect/bin/"
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=0.0.0-bench" -o "$work/node_modules/$pkg/bin/mono-connect" ./cmd/mono-connect
cd "$work"
wrapper=(node node_modules/mono-connect/bin/mono-connect.js version)
binary=("node_modules/$pkg/bin/mono-connect" version)
[ "$("${wrapper[@]}")" = "$("${binary[@]}")" ] || { echo "the wrapper does not print what the binary prints"; exit 1; }

per=$(( (runs + rounds - 1) / rounds ))
for r in $(seq "$rounds"); do
  cmds=("${wrapper[*]}" "node -e 0" "${binary[*]}")
  if (( r % 2 == 0 )); then cmds=("${binary[*]}" "node -e 0" "${wrapper[*]}"); fi
  hyperfine -N --warmup 3 --runs "$per" --export-json "$work/round$r.json" "${cmds[@]}" >/dev/null
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

node - "$work" "$rounds" "$load_start" "$load_end" "$(node --version)" <<'JS'
const fs = require('fs'), path = require('path');
const [dir, rounds, loadStart, loadEnd, nodeVersion] = process.argv.slice(2);
const times = {}, cpu = {};
for (let r = 1; r <= Number(rounds); r++) {
  for (const res of JSON.parse(fs.readFileSync(path.join(dir, `round${r}.json`))).results) {
    const key = res.command.startsWith('node node_modules') ? 'wrapper' : res.command === 'node -e 0' ? 'node' : 'binary';
    (times[key] ||= []).push(...res.times);
    // hyperfine gives CPU time (user + system) as a mean per round: weight it by the round's runs.
    (cpu[key] ||= []).push([(res.user + res.system) * res.times.length, res.times.length]);
  }
}
const cpuMean = (k) => cpu[k].reduce((a, [t]) => a + t, 0) / cpu[k].reduce((a, [, n]) => a + n, 0);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x * 1000).toFixed(2) + ' ms';
const w = median(times.wrapper), n = median(times.node), b = median(times.binary);
const ratio = w / (n + b);
console.log(`node ${nodeVersion}; ${times.wrapper.length} runs each in ${rounds} rounds; load average (1, 5, 15 min) at the start: ${loadStart}, at the end: ${loadEnd}`);
console.log('');
const cw = cpuMean('wrapper'), cn = cpuMean('node'), cb = cpuMean('binary');
console.log('| command | wall time, median | CPU time (user + system), mean |');
console.log('| --- | --- | --- |');
console.log(`| \`node …/mono-connect.js version\` (the wrapper) | ${ms(w)} | ${ms(cw)} |`);
console.log(`| \`node -e 0\` | ${ms(n)} | ${ms(cn)} |`);
console.log(`| the binary's own \`version\` | ${ms(b)} | ${ms(cb)} |`);
console.log(`| wrapper / (node + binary) | **${ratio.toFixed(3)}x** (goal <= 1.15x: **${ratio <= 1.15 ? 'met' : 'missed'}**); the wrapper's own: ${ms(w - n - b)} | ${(cw / (cn + cb)).toFixed(3)}x; the wrapper's own: ${ms(cw - cn - cb)} |`);
JS
