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
# gzip is level 9. bench/bundle.py reads the builds.
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

cat >"$work/apps/plain.tsx" <<'TSX'
import { useState } from 'react';

export default function App() {
  const [clicks, setClicks] = useState(0);
  return (
    <main>
      <h1>Link a bank account</h1>
      <p>A plain page: the same host app without Mono Connect.</p>
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        Clicked {clicks} times
      </button>
    </main>
  );
}
TSX

cat >"$work/apps/button.tsx" <<'TSX'
import { useState } from 'react';
import { MonoConnectButton } from './lib/mono-connect/MonoConnectButton';

export default function App() {
  const [clicks, setClicks] = useState(0);
  return (
    <main>
      <h1>Link a bank account</h1>
      <p>A plain page: the same host app without Mono Connect.</p>
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        Clicked {clicks} times
      </button>
      <MonoConnectButton onLinked={({ accountId }) => console.info('linked', accountId)} />
    </main>
  );
}
TSX

cat >"$work/apps/core.tsx" <<'TSX'
import { useState } from 'react';
import { createMonoConnect } from './lib/mono-connect/mono-connect.js';
import { monoConfig } from './lib/mono-connect/config';

const mono = createMonoConnect({ ...monoConfig, onLinked: ({ accountId }) => console.info('linked', accountId) });

export default function App() {
  const [clicks, setClicks] = useState(0);
  return (
    <main>
      <h1>Link a bank account</h1>
      <p>A plain page: the same host app without Mono Connect.</p>
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        Clicked {clicks} times
      </button>
      <button type="button" onClick={() => void mono.link().catch(() => {})}>
        Link bank account
      </button>
    </main>
  );
}
TSX

cat >"$work/apps/hook.tsx" <<'TSX'
import { useState } from 'react';
import { useMonoConnect } from './lib/mono-connect/useMonoConnect';

export default function App() {
  const [clicks, setClicks] = useState(0);
  const mono = useMonoConnect({ onLinked: ({ accountId }) => console.info('linked', accountId) });
  return (
    <main>
      <h1>Link a bank account</h1>
      <p>A plain page: the same host app without Mono Connect.</p>
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        Clicked {clicks} times
      </button>
      <button type="button" onClick={() => void mono.link().catch(() => {})}>
        Link bank account
      </button>
    </main>
  );
}
TSX

# Mono's React example: the widget is imported statically and set up in useMemo.
cat >"$work/apps/documented.tsx" <<'TSX'
import { useMemo, useState } from 'react';
import MonoConnect from '@mono.co/connect.js';

export default function App() {
  const [clicks, setClicks] = useState(0);
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
  return (
    <main>
      <h1>Link a bank account</h1>
      <p>A plain page: the same host app without Mono Connect.</p>
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        Clicked {clicks} times
      </button>
      <button type="button" onClick={() => monoConnect.open()}>
        Link bank account
      </button>
    </main>
  );
}
TSX

cat >"$work/apps/lazy.tsx" <<'TSX'
import { useState } from 'react';

async function link() {
  const { default: MonoConnect } = await import('@mono.co/connect.js');
  const mono = new MonoConnect({
    key: import.meta.env.VITE_MONO_PUBLIC_KEY,
    onSuccess: ({ code }: { code: string }) => console.log(`Linked successfully: ${code}`),
  });
  mono.setup();
  mono.open();
}

export default function App() {
  const [clicks, setClicks] = useState(0);
  return (
    <main>
      <h1>Link a bank account</h1>
      <p>A plain page: the same host app without Mono Connect.</p>
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        Clicked {clicks} times
      </button>
      <button type="button" onClick={() => void link()}>
        Link bank account
      </button>
    </main>
  );
}
TSX

for v in plain core hook button starter documented lazy; do
  cp "$work/apps/$v.tsx" src/App.tsx
  node node_modules/vite/bin/vite.js build --logLevel error --outDir "$work/dist-$v" --emptyOutDir
done
cp "$work/App.starter.tsx" src/App.tsx

python3 "$root/bench/bundle.py" "$work" "$app/node_modules/@mono.co/connect.js" >"$work/bundle.json"
