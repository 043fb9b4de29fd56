// eslint-config-preact, the lint setup create-preact adds when asked "Use ESLint?" (it ships flat
// config; create-preact still writes the older package.json "eslintConfig", which ESLint 9 ignores),
// with typescript-eslint's recommended rules, whose parser reads the .ts and .tsx files.
import preact from 'eslint-config-preact';
import tseslint from 'typescript-eslint';

export default [
  // mono-connect's generated folder: its files' eslint-disable header keeps the rules off them
  // anyway, and ESLint would report each such directive as unused.
  { ignores: ['dist', 'src/lib/mono-connect/'] },
  ...preact,
  ...tseslint.configs.recommended,
];
