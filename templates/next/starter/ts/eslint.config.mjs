// create-next-app 16.4's --eslint setup: eslint-config-next's Core Web Vitals rules and its
// TypeScript rules.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const eslintConfig = defineConfig([
  ...nextVitals,
  ...nextTs,
  // Override default ignores of eslint-config-next.
  globalIgnores([
    // Default ignores of eslint-config-next:
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    // mono-connect's generated folder: its files' eslint-disable header keeps the rules off
    // them anyway, and ESLint would report each such directive as unused.
    "lib/mono-connect/**",
  ]),
]);

export default eslintConfig;
