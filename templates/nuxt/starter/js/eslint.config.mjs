// @ts-check
// Nuxt's ESLint module (@nuxt/eslint, as `npx nuxt module add eslint` sets it up): the flat config
// it generates in .nuxt/ for this project, from `nuxt prepare` (postinstall).
import withNuxt from './.nuxt/eslint.config.mjs';

export default withNuxt({
  // mono-connect's generated files: their eslint-disable header keeps the rules off them anyway,
  // and ESLint would report each such directive as unused.
  ignores: [
    'app/lib/mono-connect/**',
    'app/components/MonoConnectButton.client.vue',
    'app/composables/useMonoConnect.js',
    'modules/mono-connect.js',
  ],
});
