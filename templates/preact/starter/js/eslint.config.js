// eslint-config-preact, the lint setup create-preact adds when asked "Use ESLint?" (it ships flat
// config; create-preact still writes the older package.json "eslintConfig", which ESLint 9 ignores).
import preact from 'eslint-config-preact';

export default [
  // mono-connect's generated folder: its files' eslint-disable header keeps the rules off them
  // anyway, and ESLint would report each such directive as unused.
  { ignores: ['dist', 'src/lib/mono-connect/'] },
  ...preact,
  // ESLint lints .js files by itself, .jsx only when a config names them.
  { files: ['**/*.jsx'] },
];
