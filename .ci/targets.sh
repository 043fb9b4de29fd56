#!/usr/bin/env bash
# The registered targets, from `mono-connect targets --json` ($1 is the CLI), in list order, so a
# script looping over targets never keeps a list of its own:
#   bash .ci/targets.sh MC           one name a line
#   bash .ci/targets.sh MC --node    "name lang,lang" for each target whose starter runs on Node
#                                    (node: true; html's is go build alone), its languages default first
# Fails when it lists none, so a caller looping over them never loops over nothing.
set -euo pipefail
json=$("$1" targets --json)
if [ "${2:-}" = --node ]; then
  out=$(node -e '
    for (const t of JSON.parse(process.argv[1]).targets) if (t.node) console.log(t.name, t.langs.join(","));
  ' "$json")
else
  out=$(sed -n 's/^      "name": "\([a-z0-9-]*\)",$/\1/p' <<<"$json")
fi
[ -n "$out" ] || { echo "mono-connect targets --json listed no target" >&2; exit 1; }
echo "$out"
