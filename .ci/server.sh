#!/usr/bin/env bash
# The generated Go server, as a user gets it: for the standalone starter and for a package inside
# someone's module, with every feature on and off: go vet, staticcheck, tests under the race
# detector, and the handler's fuzz targets for a fixed time. Offline apart from installing the
# pinned staticcheck.
set -euo pipefail
cd "$(dirname "$0")/.."

STATICCHECK_VERSION=v0.8.2 # 2026.2.2
GOBIN_DIR="$(go env GOPATH)/bin"
if ! "$GOBIN_DIR/staticcheck" -version 2>/dev/null | grep -q "(${STATICCHECK_VERSION#v})"; then
  go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
fi
staticcheck="$GOBIN_DIR/staticcheck"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/mono-connect" ./cmd/mono-connect
mc="$work/mono-connect"

check_module() { # DIR: a Go module root
  echo "--- $1"
  # (a variable, not tee /dev/stderr: reopening stderr truncates a log file CI may be writing)
  local unformatted
  unformatted=$(cd "$1" && gofmt -l .)
  [ -z "$unformatted" ] || { echo "gofmt would change files in $1:"; echo "$unformatted"; exit 1; }
  (cd "$1" && GOFLAGS=-mod=mod GOPROXY=off go vet ./...)
  (cd "$1" && GOFLAGS=-mod=mod GOPROXY=off "$staticcheck" ./...)
  (cd "$1" && GOFLAGS=-mod=mod GOPROXY=off go test -race -count=1 ./...)
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

# The handler's fuzz targets, if the generated tests have them.
pkg="$work/full/server/monoconnect"
for target in $(cd "$pkg" && grep -ho '^func Fuzz[A-Za-z0-9_]*' ./*_test.go | sed 's/^func //'); do
  echo "--- fuzz $target (30 s)"
  (cd "$pkg" && GOFLAGS=-mod=mod GOPROXY=off go test -run '^$' -fuzz "^$target\$" -fuzztime 30s .)
done
echo "generated server checks passed"
