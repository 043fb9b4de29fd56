// eslint-plugin-solid's documented flat config (its README), with the browser's globals declared
// for the page's code and Node's for the build config and scripts/.
import js from '@eslint/js';
import solid from 'eslint-plugin-solid/configs/recommended';
import globals from 'globals';

export default [
  // mono-connect's generated folder: its files' eslint-disable header keeps the rules off them
  // anyway, and ESLint would report each such directive as unused.
  { ignores: ['dist', 'src/lib/mono-connect/'] },
  js.configs.recommended,
  {
    files: ['**/*.{js,jsx}'],
    ...solid,
    languageOptions: {
      ...solid.languageOptions,
      globals: globals.browser,
    },
  },
  {
    files: ['*.config.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
];
