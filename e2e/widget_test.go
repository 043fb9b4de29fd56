//go:build e2e

package e2e

// widgetOrigin is where connect.js points its iframe; the browser answers it with fakeWidgetHTML.
const widgetOrigin = "https://connect.mono.co"

// fakeWidgetHTML is served for every https://connect.mono.co/ document. It shows the query it was
// opened with, tells the page it loaded (an e2e.* message nobody but the test listens for), and
// speaks Mono's widget protocol (shared/docs/mono-facts.md) when the test asks it to, either with
// its buttons or with a postMessage {e2e: {cmd, ...}} from the page.
const fakeWidgetHTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake Mono Connect</title>
<style>
 body { margin: 0; font: 15px/1.4 sans-serif; background: #f4f6fb; display: grid; place-items: center; min-height: 100vh; }
 main { background: #fff; border-radius: 12px; padding: 24px; width: 420px; box-shadow: 0 8px 30px rgba(0,0,0,.2); }
 pre { white-space: pre-wrap; word-break: break-all; background: #eef; padding: 8px; font-size: 12px; }
 button { margin-right: 8px; padding: 8px 14px; }
</style></head>
<body><main>
<h1>Fake Mono Connect</h1>
<p>Opened with:</p><pre id="query"></pre>
<button id="link" type="button">Link (code_button)</button>
<button id="exit" type="button">Exit</button>
</main>
<script>
(() => {
  const params = new URLSearchParams(location.search);
  const rows = [];
  for (const [k, v] of params) rows.push(k + ' = ' + v);
  document.getElementById('query').textContent = rows.join('\n');
  const reference = params.get('reference') || '';
  const send = (type, data) => window.parent.postMessage({ type, data: Object.assign({ reference, timestamp: Date.now() }, data || {}) }, '*');
  const institution = { id: '5f2d08be60b92e2888287702', name: 'E2E Bank' };
  const actions = {
    success(cmd) {
      send('mono.connect.institution_selected', { institution });
      send('mono.connect.login_attempt', { institution });
      send('mono.connect.account_linked', { institution });
      send('mono.connect.widget.account_linked', cmd.code === null ? {} : { code: cmd.code });
    },
    charge(cmd) {
      send('mono.connect.widget.charge_complete', { id: cmd.id || 'txn_e2e', status: 'successful', amount: cmd.amount || 0 });
    },
    exit() {
      send('mono.connect.on_exit', { pageName: 'e2e' });
      send('mono.connect.widget.closed', {});
    },
    error(cmd) {
      send('mono.connect.error_occured', { errorType: 'E2E', errorMessage: cmd.message || 'fake failure' });
    },
    raw(cmd) {
      window.parent.postMessage(cmd.message, '*');
    },
  };
  window.addEventListener('message', (event) => {
    const cmd = event.data && event.data.e2e;
    if (cmd && actions[cmd.cmd]) actions[cmd.cmd](cmd);
  });
  document.getElementById('link').onclick = () => actions.success({ code: 'code_button' });
  document.getElementById('exit').onclick = () => actions.exit();
  window.parent.postMessage({ type: 'e2e.widget.ready', search: location.search }, '*');
})();
</script>
</body></html>
`

// pageInstrumentation runs in the app's page before any of its own scripts. It records what the
// assertions need without touching the app: every load of the fake widget (with the query it
// saw), and every widget iframe inserted into the document.
const pageInstrumentation = `(() => {
  if (window.top !== window || window.__e2e) return;
  const s = window.__e2e = { ready: [], framesInserted: 0, messages: [] };
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (d && d.type === 'e2e.widget.ready') s.ready.push(d.search);
    else if (d && typeof d.type === 'string' && d.type.startsWith('mono.connect.')) s.messages.push(d.type);
  }, true);
  const frames = new WeakSet();
  const seen = (f) => { if (!frames.has(f)) { frames.add(f); s.framesInserted++; } };
  const count = (node) => {
    if (node.nodeType !== 1) return;
    if (node.id === 'mono-connect--frame-id') seen(node);
    if (node.querySelectorAll) node.querySelectorAll('#mono-connect--frame-id').forEach(seen);
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) count(n);
  }).observe(document, { childList: true, subtree: true });
})();`
