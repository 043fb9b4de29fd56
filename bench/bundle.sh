#!/usr/bin/env bash
# Figure 5 of BENCHMARKS.md: what Mono Connect adds to the initial JS of the React target's
# production build. Called by bench/run.sh:
#
#   bash bench/bundle.sh MONO_CONNECT_BINARY WORK_DIR     # writes WORK_DIR/bundle.json
#
# One react-ts starter is scaffolded by `init` and installed once (the versions init pins); then
# the same project is built with five App.tsx, so the only difference between two builds is App:
#   plain       the page without Mono (heading, text, a button that counts clicks)
#   button      plain + our <MonoConnectButton> (the hook, the controller, the lazy import)
#   starter     App.tsx exactly as init writes it (useMonoConnect with a status line and events)
#   core        plain + our framework-free controller alone (createMonoConnect), for attribution
#   hook        plain + our useMonoConnect hook and a button of the page's own, for attribution
#   documented  plain + Mono's documented React pattern: a static import of @mono.co/connect.js
#   lazy        plain + a bare import('@mono.co/connect.js') in the click handler
# The initial JS is the entry script of dist/index.html plus the chunks it modulepreloads;
# gzip is level 9. bench/bundle.py reads the builds; bench/attribute.py attributes the button's
# (WORK_DIR/attribution.md, which bench/run.sh copies to bench/attribution.md).
set -euo pipefail
mc=$1 work=$2
root=$(cd "$(dirname "$0")/.." && pwd)
app="$work/bundleapp"
rm -rf "$app"
"$mc" init "$app" --framework react --lang ts --yes >/dev/null
cd "$app"
npm install --no-audit --no-fund --loglevel=error >/dev/null

cp src/App.tsx "$work/App.starter.tsx"
mkdir -p "$work/apps"
cp "$work/App.starter.tsx" "$work/apps/starter.tsx"

# app NAME REACT IMPORTS MODULE HOOK BUTTON writes apps/NAME.tsx: the plain page (a heading, a
# line of text, a button that counts clicks) importing REACT from react, then IMPORTS, with MODULE
# code before the component, HOOK code at its top and the BUTTON element after the counter. Every
# variant is this one page, so the builds differ only in what Mono adds.
app() {
  local name=$1 react=$2 imports=$3 module=$4 hook=$5 button=$6
  {
    echo "import { $react } from 'react';"
    [ -z "$imports" ] || echo "$imports"
    echo
    [ -z "$module" ] || printf '%s\n\n' "$module"
    echo 'export default function App() {'
    echo '  const [clicks, setClicks] = useState(0);'
    [ -z "$hook" ] || echo "$hook"
    cat <<'TSX'
  return (
    <main>
      <h1>Link a bank account</h1>
      <p>A plain page: the same host app without Mono Connect.</p>
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        Clicked {clicks} times
      </button>
TSX
    [ -z "$button" ] || echo "$button"
    printf '    </main>\n  );\n}\n'
  } >"$work/apps/$name.tsx"
}

# link_button ONCLICK: a "Link bank account" button of the page's own.
link_button() {
  printf '      <button type="button" onClick={() => %s}>\n        Link bank account\n      </button>' "$1"
}

app plain useState '' '' '' ''
app button useState "import { MonoConnectButton } from './lib/mono-connect/MonoConnectButton';" '' '' \
  "      <MonoConnectButton onLinked={({ accountId }) => console.info('linked', accountId)} />"
app core useState "import { createMonoConnect } from './lib/mono-connect/mono-connect.js';
import { monoConfig } from './lib/mono-connect/config';" \
  "const mono = createMonoConnect({ ...monoConfig, onLinked: ({ accountId }) => console.info('linked', accountId) });" '' \
  "$(link_button 'void mono.link().catch(() => {})')"
app hook useState "import { useMonoConnect } from './lib/mono-connect/useMonoConnect';" '' \
  "  const mono = useMonoConnect({ onLinked: ({ accountId }) => console.info('linked', accountId) });" \
  "$(link_button 'void mono.link().catch(() => {})')"

# Mono's React example: the widget is imported statically and set up in useMemo.
app documented 'useMemo, useState' "import MonoConnect from '@mono.co/connect.js';" '' "$(cat <<'TSX'
  const monoConnect = useMemo(() => {
    const monoInstance = new MonoConnect({
      onClose: () => console.log('Widget closed'),
      onLoad: () => console.log('Widget loaded successfully'),
      onSuccess: ({ code }: { code: string }) => console.log(`Linked successfully: ${code}`),
      key: import.meta.env.VITE_MONO_PUBLIC_KEY,
    });
    monoInstance.setup();
    return monoInstance;
  }, []);
TSX
)" "$(link_button 'monoConnect.open()')"

app lazy useState '' "$(cat <<'TSX'
async function link() {
  const { default: MonoConnect } = await import('@mono.co/connect.js');
  const mono = new MonoConnect({
    key: import.meta.env.VITE_MONO_PUBLIC_KEY,
    onSuccess: ({ code }: { code: string }) => console.log(`Linked successfully: ${code}`),
  });
  mono.setup();
  mono.open();
}
TSX
)" '' "$(link_button 'void link()')"

for v in plain core hook button starter documented lazy; do
  cp "$work/apps/$v.tsx" src/App.tsx
  node node_modules/vite/bin/vite.js build --logLevel error --outDir "$work/dist-$v" --emptyOutDir
done
# The button's build once more with source maps, for bench/attribute.py: which module and which
# function of ours each byte of the initial JS comes from (not measured for the figure: the maps
# add a comment line to every chunk).
cp "$work/apps/button.tsx" src/App.tsx
node node_modules/vite/bin/vite.js build --logLevel error --sourcemap --outDir "$work/dist-button-map" --emptyOutDir
cp "$work/App.starter.tsx" src/App.tsx

python3 "$root/bench/bundle.py" "$work" "$app/node_modules/@mono.co/connect.js" >"$work/bundle.json"
{
  echo "# Where the initial JS of the \`<MonoConnectButton>\` build comes from"
  echo
  echo "Written by \`bench/bundle.sh\` (figure 5 of BENCHMARKS.md) with \`bench/attribute.py\`: the \`button\`"
  echo "build made again with \`vite build --sourcemap\`, every byte of its initial JS charged to the"
  echo "module and function its source map names. Marginal gzip: what cutting that part's bytes out"
  echo "of the initial JS saves in gzip -9 (parts do not add up: gzip shares strings between them)."
  echo
  python3 "$root/bench/attribute.py" "$work/dist-button-map"
} >"$work/attribution.md"
