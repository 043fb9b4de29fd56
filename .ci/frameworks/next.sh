#!/usr/bin/env bash
# Next.js (App Router): the ts and js starters build with `next build` (which type-checks the ts
# app under its strict tsconfig) and prerender the page holding the button, proof that nothing
# touches `document` on the server. Then init inside a fresh create-next-app project adds only the
# integration, the project builds, and a Server Component page rendering <MonoConnectButton />
# prerenders too.
set -euo pipefail
mc=$1 scratch=$2
source "$(dirname "$0")/../lib.sh"
export NEXT_TELEMETRY_DISABLED=1

# prerendered DIR: `next build` wrote / as static HTML, and the button is in it.
prerendered() {
  local html="$1/.next/server/app/index.html"
  [ -f "$html" ] || fail "$html is missing: / was not prerendered"
  grep -q 'data-mono-connect' "$html" || fail "$html has no data-mono-connect button"
  say "prerendered: $html holds the button"
}

greenfield_build next ts
prerendered "$scratch/next-ts"
greenfield_build next js
prerendered "$scratch/next-js"

say "brownfield host: create-next-app 16.4.3 (its default: TypeScript, App Router, app/ at the root)"
(cd "$scratch" && npm exec --yes -- create-next-app@16.4.3 host --ts --app --no-eslint --no-tailwind \
  --no-src-dir --import-alias '@/*' --use-npm --skip-install --disable-git --yes >/dev/null)
host="$scratch/host"

# create-next-app's layout loads Geist with next/font/google, which `next build` downloads from
# Google. Offline, Next's own test hook stands in (as e2e/target_next_test.go uses it):
# NEXT_FONT_GOOGLE_MOCKED_RESPONSES names a module mapping each Google CSS URL to a stylesheet whose
# font URLs a loopback server answers from the Geist files next ships for its dev overlay (Turbopack
# fetches them over HTTP; a file path does not do). Both files live outside the host, so git never
# sees them. The server reads the font directory per request, so it may start before npm install
# creates it.
say "loopback font server for the host's next/font/google (NEXT_FONT_GOOGLE_MOCKED_RESPONSES)"
cat >"$scratch/font-server.cjs" <<'JS'
const http = require('http'), fs = require('fs'), path = require('path');
const dir = process.argv[2];
const server = http.createServer((req, res) => {
  const file = path.join(dir, path.basename(new URL(req.url, 'http://127.0.0.1').pathname));
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': 'font/woff2' });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
JS
node "$scratch/font-server.cjs" "$host/node_modules/next/dist/next-devtools/server/font" >"$scratch/font-port" &
font_pid=$!
trap 'kill "$font_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do [ -s "$scratch/font-port" ] && break; sleep 0.2; done
[ -s "$scratch/font-port" ] || fail "the loopback font server did not start"
fonts="http://127.0.0.1:$(cat "$scratch/font-port")"
cat >"$scratch/next-fonts.cjs" <<JS
const face = (family, file) => "@font-face {\\n  font-family: '" + family + "';\\n  font-style: normal;\\n  font-weight: 100 900;\\n  font-display: swap;\\n  src: url($fonts/" + file + ") format('woff2');\\n  unicode-range: U+0000-00FF;\\n}\\n";
module.exports = {
  'https://fonts.googleapis.com/css2?family=Geist:wght@100..900&display=swap': face('Geist', 'geist-latin.woff2'),
  'https://fonts.googleapis.com/css2?family=Geist+Mono:wght@100..900&display=swap': face('Geist Mono', 'geist-mono-latin.woff2'),
};
JS
export NEXT_FONT_GOOGLE_MOCKED_RESPONSES="$scratch/next-fonts.cjs"
export NO_PROXY="127.0.0.1${NO_PROXY:+,$NO_PROXY}" no_proxy="127.0.0.1${no_proxy:+,$no_proxy}"

core=lib/mono-connect
brownfield_check "$host" .env.example .gitignore mono-connect.json package.json \
  $core/MonoConnectButton.tsx $core/config.ts \
  $core/useMonoConnect.ts \
  $(core_ts_files "$core")

say "brownfield: the host's Server Component page renders <MonoConnectButton />, which prerenders"
page="$host/app/page.tsx"
grep -q '^import styles from "./page.module.css";$' "$page" || fail "$page is not the create-next-app page this script knows"
mount_button "$host" app/page.tsx \
  's#^import styles from "./page.module.css";$#&\nimport { MonoConnectButton } from "@/lib/mono-connect/MonoConnectButton";#' \
  's#^\( *\)<main className={styles.main}>$#&\n\1  <MonoConnectButton />#'
prerendered "$host"
