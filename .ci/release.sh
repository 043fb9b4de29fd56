#!/usr/bin/env bash
# Release check: goreleaser's config and a full snapshot build (nothing published), then the
# linux/amd64 archive is unpacked and its binary run. goreleaser is pinned and built from source.
# The snapshot's dist/ is left at the repository's root (gitignored) for .ci/npm.sh, which builds
# the npm packages from it, so one CI run builds the release once.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

GORELEASER_VERSION=v2.15.1
GOBIN_DIR="${GOBIN:-$(go env GOPATH)/bin}"
if ! "$GOBIN_DIR/goreleaser" --version 2>/dev/null | grep -q "${GORELEASER_VERSION#v}"; then
  echo "installing goreleaser $GORELEASER_VERSION"
  go install "github.com/goreleaser/goreleaser/v2@$GORELEASER_VERSION"
fi
GR="$GOBIN_DIR/goreleaser"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Build from a clone of what is committed: goreleaser reads the commit, its date and the remote
# from git, exactly as a release from a tag would.
git clone -q . "$tmp/src"
cd "$tmp/src"
"$GR" check
# The cask needs a token only to publish; a snapshot never publishes.
HOMEBREW_TAP_TOKEN=unused "$GR" release --snapshot --clean --skip=publish

count=$(ls dist/*.tar.gz dist/*.zip | wc -l)
echo "archives: $count"
ls -1 dist/*.tar.gz dist/*.zip
[ "$count" -eq 6 ] || { echo "want 6 archives"; exit 1; }
grep -q 'linux_amd64.tar.gz' dist/checksums.txt
commit=$(git rev-parse HEAD)

tar -xzf dist/mono-connect_*_linux_amd64.tar.gz -C "$tmp"
echo "archive contents:"; (cd "$tmp" && find . -type f | sort)
for f in mono-connect README.md LICENSE completions/mono-connect.bash completions/_mono-connect completions/mono-connect.fish manpages/mono-connect.1 manpages/mono-connect-init.1; do
  [ -f "$tmp/$f" ] || { echo "archive lacks $f"; exit 1; }
done
"$tmp/mono-connect" version
"$tmp/mono-connect" version | grep -q -- '-snapshot' || { echo "version does not carry the snapshot version"; exit 1; }
"$tmp/mono-connect" version | grep -q -- "commit $commit" || { echo "version does not carry the commit"; exit 1; }
(cd "$tmp" && ./mono-connect init demo --framework react --lang ts --dry-run --yes)
[ ! -e "$tmp/demo" ] || { echo "--dry-run wrote files"; exit 1; }

# `go install` builds have no ldflags: the version comes from the module's VCS stamp. Install from
# a throwaway clone tagged v1.9.9 and check the binary says so.
clone="$tmp/clone"
git clone -q "$tmp/src" "$clone"
git -C "$clone" -c user.name=ci -c user.email=ci@invalid tag v1.9.9
(cd "$clone" && GOBIN="$tmp/gobin" GOFLAGS=-buildvcs=true go install ./cmd/mono-connect)
"$tmp/gobin/mono-connect" version
"$tmp/gobin/mono-connect" version | grep -q 'mono-connect v1.9.9 ' || { echo "go install from a tag does not report the tag"; exit 1; }

# Hand the snapshot on (binaries, archives, artifacts.json, metadata.json): paths in
# artifacts.json are relative to the folder goreleaser ran in, so dist/ keeps its name.
rm -rf "$root/dist"
cp -a "$tmp/src/dist" "$root/dist"
echo "release check passed; the snapshot is in dist/"
