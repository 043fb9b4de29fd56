# Sourced by .ci/linthosts.sh: the vue lint host. host_vue writes the app under $ws/hosts/vue;
# catalog_vue prints the workspace catalog entries its package.json references.
catalog_vue() {
  cat <<'EOF'
@antfu/eslint-config 10.0.0
@vitejs/plugin-vue 6.0.11
@vue/tsconfig 0.9.1
eslint 10.16.0
prettier 3.10.1
typescript 6.0.3
vite 8.4.0
vue 3.5.45
vue-tsc 3.3.14
EOF
}

# ---- vue: Vite, @antfu/eslint-config (stylistic, import order, package.json key order) ------
# Vue is a devDependency (a static SPA build), so the host has no dependencies block: the one
# init adds must land where the preset's key order wants it (before devDependencies).
host_vue() {
  local d=$ws/hosts/vue
  mkdir -p "$d/src"
  cat >"$d/package.json" <<'EOF'
{
  "name": "vue-host",
  "type": "module",
  "version": "0.0.0",
  "private": true,
  "scripts": {
    "build": "vite build",
    "lint": "eslint . --max-warnings 0",
    "typecheck": "vue-tsc --noEmit -p tsconfig.json"
  },
  "devDependencies": {
    "@antfu/eslint-config": "catalog:",
    "@vitejs/plugin-vue": "catalog:",
    "@vue/tsconfig": "catalog:",
    "eslint": "catalog:",
    "prettier": "catalog:",
    "typescript": "catalog:",
    "vite": "catalog:",
    "vue": "catalog:",
    "vue-tsc": "catalog:"
  },
  "pnpm": {
    "overrides": {}
  }
}
EOF
  cat >"$d/tsconfig.json" <<'EOF'
{
  "extends": "@vue/tsconfig/tsconfig.dom.json",
  "compilerOptions": {
    "types": ["vite/client"],
    "noUncheckedIndexedAccess": true,
    "noEmit": true
  },
  "include": ["src/**/*.ts", "src/**/*.vue"]
}
EOF
  cat >"$d/eslint.config.js" <<'EOF'
import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
})
EOF
  vite_spa "$d" vue main.ts
  cat >"$d/src/main.ts" <<'EOF'
import { createApp } from 'vue'
import App from './App.vue'

createApp(App).mount('#app')
EOF
  cat >"$d/src/App.vue" <<'EOF'
<script setup lang="ts">
const title = 'Host'
</script>

<template>
  <h1>{{ title }}</h1>
</template>
EOF
}
