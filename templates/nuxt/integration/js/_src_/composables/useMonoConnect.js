// useMonoConnect, auto-imported by Nuxt from composables/. Written by mono-connect. The composable
// is Vue's own (lib/mono-connect/useMonoConnect, the same file the vue target writes): creating
// its controller is free and safe while Nuxt renders on the server, and it subscribes only in
// onMounted, which runs in the browser alone. What Nuxt adds is lib/mono-connect/config, which
// reads the key from runtimeConfig.
export { useMonoConnect } from '~/lib/mono-connect/useMonoConnect.js';
