package generate

// viteDevEnv are the env files Vite's dev server loads, highest precedence first: Vite loads .env,
// .env.local, .env.[mode], .env.[mode].local, the later overriding the earlier, and `vite` (dev)
// runs in mode "development". Every Vite target shares them.
var viteDevEnv = []string{".env.development.local", ".env.local", ".env.development", ".env"}
