// create-vue's --eslint --prettier setup (create-vue 3.24): ESLint with eslint-plugin-vue, oxlint
// first for speed, Prettier's rules off (it formats). Node's globals for scripts/ (npm run dev).
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import pluginOxlint from 'eslint-plugin-oxlint'
import skipFormatting from 'eslint-config-prettier/flat'

export default defineConfig([
  {
    name: 'app/files-to-lint',
    files: ['**/*.{vue,js,mjs,jsx}'],
  },

  // mono-connect's generated folder too: its files' eslint-disable header keeps the rules off
  // them anyway, and ESLint would report each such directive as unused.
  globalIgnores(['**/dist/**', '**/dist-ssr/**', '**/coverage/**', 'src/lib/mono-connect/**']),

  {
    languageOptions: {
      globals: {
        ...globals.browser,
      },
    },
  },

  {
    files: ['scripts/**'],
    languageOptions: {
      globals: {
        ...globals.node,
      },
    },
  },

  js.configs.recommended,
  ...pluginVue.configs['flat/essential'],

  ...pluginOxlint.buildFromOxlintConfigFile('.oxlintrc.json'),

  skipFormatting,
])
