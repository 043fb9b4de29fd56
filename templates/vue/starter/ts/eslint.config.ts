// create-vue's --eslint --prettier setup (create-vue 3.24): ESLint with eslint-plugin-vue and
// @vue/eslint-config-typescript, oxlint first for speed, Prettier's rules off (it formats).
import { globalIgnores } from 'eslint/config'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import pluginVue from 'eslint-plugin-vue'
import pluginOxlint from 'eslint-plugin-oxlint'
import skipFormatting from 'eslint-config-prettier/flat'

export default defineConfigWithVueTs(
  {
    name: 'app/files-to-lint',
    files: ['**/*.{vue,ts,mts,tsx}'],
  },

  // mono-connect's generated folder too: its files' eslint-disable header keeps the rules off
  // them anyway, and ESLint would report each such directive as unused.
  globalIgnores(['**/dist/**', '**/dist-ssr/**', '**/coverage/**', 'src/lib/mono-connect/**']),

  ...pluginVue.configs['flat/essential'],
  vueTsConfigs.recommended,

  ...pluginOxlint.buildFromOxlintConfigFile('.oxlintrc.json'),

  skipFormatting,
)
