// useMonoConnect, auto-imported by Nuxt from composables/. Written by mono-connect. The composable
// is Vue's own (lib/mono-connect/useMonoConnect, the same file the vue target writes): it makes
// its controller on the first link()/reauthorise()/pay() and only when config's `browser` is
// true, so Nuxt's server rendering makes none. What Nuxt adds is lib/mono-connect/config, which
// reads the key from runtimeConfig and sets `browser` to import.meta.client.
export { useMonoConnect } from '~/lib/mono-connect/useMonoConnect.js';
