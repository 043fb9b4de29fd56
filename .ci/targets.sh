#!/usr/bin/env bash
# Prints the registered targets' names, one a line, from `mono-connect targets --json` ($1 is the
# CLI); fails when it lists none, so a caller looping over them never loops over nothing.
set -euo pipefail
names=$("$1" targets --json | sed -n 's/^      "name": "\([a-z0-9-]*\)",$/\1/p')
[ -n "$names" ] || { echo "mono-connect targets --json listed no target" >&2; exit 1; }
echo "$names"
