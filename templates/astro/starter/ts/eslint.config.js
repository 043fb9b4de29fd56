// create-astro ships no linter; this is the community standard the Astro docs point to,
// eslint-plugin-astro (its README's flat config), over ESLint's and typescript-eslint's
// recommended rules, with the browser's globals for the pages' scripts and Node's for the config
// and scripts/.
import js from '@eslint/js';
import eslintPluginAstro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default [
  // mono-connect's generated folder: its files' eslint-disable header keeps the rules off them
  // anyway, and ESLint would report each such directive as unused.
  { ignores: ['dist/', '.astro/', 'src/lib/mono-connect/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...eslintPluginAstro.configs.recommended,
  { languageOptions: { globals: { ...globals.browser } } },
  { files: ['*.config.mjs', 'scripts/**'], languageOptions: { globals: { ...globals.node } } },
];
