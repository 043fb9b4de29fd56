# Sourced by .ci/linthosts.sh: the nuxt lint host. host_nuxt writes the app under $ws/hosts/nuxt;
# catalog_nuxt prints the workspace catalog entries its package.json references.
catalog_nuxt() {
  cat <<'EOF'
@antfu/eslint-config 10.0.0
eslint 10.16.0
nuxt 4.5.2
prettier 3.10.1
typescript 6.0.3
vue 3.5.45
vue-router 5.5.1
vue-tsc 3.3.14
EOF
}

# ---- nuxt: Nuxt 4 (app/ folder), @antfu/eslint-config, Prettier, the hook ------------------
host_nuxt() {
  local d=$ws/hosts/nuxt
  mkdir -p "$d/app"
  cat >"$d/package.json" <<'EOF'
{
  "name": "nuxt-host",
  "type": "module",
  "private": true,
  "scripts": {
    "build": "nuxt build",
    "lint": "eslint . --max-warnings 0",
    "postinstall": "nuxt prepare",
    "typecheck": "nuxt typecheck"
  },
  "dependencies": {
    "nuxt": "catalog:",
    "vue": "catalog:",
    "vue-router": "catalog:"
  },
  "devDependencies": {
    "@antfu/eslint-config": "catalog:",
    "eslint": "catalog:",
    "prettier": "catalog:",
    "typescript": "catalog:",
    "vue-tsc": "catalog:"
  }
}
EOF
  cat >"$d/nuxt.config.ts" <<'EOF'
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  devtools: { enabled: false },
})
EOF
  cat >"$d/tsconfig.json" <<'EOF'
{
  "references": [
    { "path": "./.nuxt/tsconfig.app.json" },
    { "path": "./.nuxt/tsconfig.server.json" },
    { "path": "./.nuxt/tsconfig.shared.json" },
    { "path": "./.nuxt/tsconfig.node.json" }
  ],
  "files": []
}
EOF
  printf "import antfu from '@antfu/eslint-config'\n\nexport default antfu({ vue: true, typescript: true })\n" >"$d/eslint.config.js"
  printf '{ "semi": false, "singleQuote": true }\n' >"$d/.prettierrc.json"
  printf 'node_modules\n.nuxt\n.output\n.data\n.nitro\n.cache\ndist\n' >"$d/.gitignore"
  lint_staged "$d" "*.{js,ts,vue,json}"
  cat >"$d/app/app.vue" <<'EOF'
<template>
  <main>
    <h1>Host</h1>
  </main>
</template>
EOF
}
