package generate

// viteDevEnv are the env files Vite's dev server loads, highest precedence first: Vite loads .env,
// .env.local, .env.[mode], .env.[mode].local, the later overriding the earlier, and `vite` (dev)
// runs in mode "development". Every Vite target shares them.
var viteDevEnv = []string{".env.development.local", ".env.local", ".env.development", ".env"}

// viteAppDev is plain `vite` serving an index.html app (vanilla, React, Vue): port 5173,
// server.proxy in vite.config, and a CSP from index.html's meta tag.
var viteAppDev = DevServer{Tool: "Vite", EnvFiles: viteDevEnv, Port: 5173, Proxy: ProxyInConfig,
	ProxyConfig: "vite.config", CSPHTML: []string{"index.html"}}

// viteFrameworkDev is a framework's dev command running Vite underneath (react-router dev, astro
// dev): Vite's env files and server.proxy in config, which is also where a CSP header is set
// (server.headers), since there is no index.html of the app's own. LISTEN: its host and port
// flags when they are not Vite's (DevServer.ListenArgs).
func viteFrameworkDev(tool string, port int, config string, listen ...string) DevServer {
	return DevServer{Tool: tool, EnvFiles: viteDevEnv, Port: port, Proxy: ProxyInConfig,
		ProxyConfig: config, CSPConfigs: []string{config}, ListenArgs: listen}
}

// viteProxyHint is the DevProxy hint of every target whose vite.config holds server.proxy.
const viteProxyHint = "in development, forward /api/mono to the Go server: server.proxy {'/api/mono': 'http://localhost:%d'} in vite.config"

// viteApp fills in what every index.html app on plain Vite shares (vanilla, React, Vue, Solid,
// Preact): Vite's dev server and proxy hint, VITE_ env, the config module of templates/vite, and
// the starter's style and Vite files. A definition passes only what tells its framework apart.
func viteApp(t *Target) *Target {
	t.Dev, t.EnvPrefix, t.DevProxy, t.Base = viteAppDev, "VITE_", viteProxyHint, "vite"
	t.StarterBases = append([]string{"style", "vite"}, t.StarterBases...)
	return t
}
