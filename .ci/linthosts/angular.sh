# Sourced by .ci/linthosts.sh: the angular lint host. host_angular writes the app under
# $ws/hosts/angular; catalog_angular prints the workspace catalog entries its package.json
# references. The versions are templates/angular/starter's.
catalog_angular() {
  cat <<'EOF'
@angular/build 22.2.7
@angular/cli 22.2.7
@angular/common 22.2.6
@angular/compiler 22.2.6
@angular/compiler-cli 22.2.6
@angular/core 22.2.6
@angular/forms 22.2.6
@angular/platform-browser 22.2.6
@angular/router 22.2.6
@eslint/js 10.0.1
angular-eslint 22.5.0
eslint 10.16.0
prettier 3.10.1
rxjs 7.8.2
tslib 2.8.1
typescript 6.0.3
typescript-eslint 8.74.0
EOF
}

# ---- angular: `ng new` 22 (standalone, zoneless, Prettier), `ng add angular-eslint`'s config and
# lint target (`ng lint`) with typescript-eslint's strictTypeChecked (type information from the
# project service) ----------------------------------------------------------------------------
host_angular() {
  local d=$ws/hosts/angular
  mkdir -p "$d/src/app"
  cat >"$d/package.json" <<'EOF'
{
  "name": "angular-host",
  "version": "0.0.0",
  "private": true,
  "scripts": {
    "ng": "ng",
    "start": "ng serve",
    "build": "ng build",
    "watch": "ng build --watch --configuration development",
    "lint": "ng lint",
    "typecheck": "tsc -p tsconfig.app.json --noEmit"
  },
  "dependencies": {
    "@angular/common": "catalog:",
    "@angular/compiler": "catalog:",
    "@angular/core": "catalog:",
    "@angular/forms": "catalog:",
    "@angular/platform-browser": "catalog:",
    "@angular/router": "catalog:",
    "rxjs": "catalog:",
    "tslib": "catalog:"
  },
  "devDependencies": {
    "@angular/build": "catalog:",
    "@angular/cli": "catalog:",
    "@angular/compiler-cli": "catalog:",
    "@eslint/js": "catalog:",
    "angular-eslint": "catalog:",
    "eslint": "catalog:",
    "prettier": "catalog:",
    "typescript": "catalog:",
    "typescript-eslint": "catalog:"
  }
}
EOF
  cat >"$d/angular.json" <<'EOF'
{
  "$schema": "./node_modules/@angular/cli/lib/config/schema.json",
  "version": 1,
  "cli": {
    "packageManager": "pnpm",
    "analytics": false,
    "schematicCollections": ["angular-eslint"]
  },
  "newProjectRoot": "projects",
  "projects": {
    "angular-host": {
      "projectType": "application",
      "schematics": {},
      "root": "",
      "sourceRoot": "src",
      "prefix": "app",
      "architect": {
        "build": {
          "builder": "@angular/build:application",
          "options": {
            "browser": "src/main.ts",
            "tsConfig": "tsconfig.app.json",
            "styles": ["src/styles.css"]
          },
          "configurations": {
            "production": {
              "budgets": [
                {
                  "type": "initial",
                  "maximumWarning": "500kB",
                  "maximumError": "1MB"
                },
                {
                  "type": "anyComponentStyle",
                  "maximumWarning": "4kB",
                  "maximumError": "8kB"
                }
              ],
              "outputHashing": "all"
            },
            "development": {
              "optimization": false,
              "extractLicenses": false,
              "sourceMap": true
            }
          },
          "defaultConfiguration": "production"
        },
        "serve": {
          "builder": "@angular/build:dev-server",
          "configurations": {
            "production": {
              "buildTarget": "angular-host:build:production"
            },
            "development": {
              "buildTarget": "angular-host:build:development"
            }
          },
          "defaultConfiguration": "development"
        },
        "lint": {
          "builder": "@angular-eslint/builder:lint",
          "options": {
            "lintFilePatterns": ["src/**/*.ts", "src/**/*.html"],
            "maxWarnings": 0
          }
        }
      }
    }
  }
}
EOF
  cat >"$d/tsconfig.json" <<'EOF'
/* To learn more about Typescript configuration file: https://www.typescriptlang.org/docs/handbook/tsconfig-json.html. */
/* To learn more about Angular compiler options: https://angular.dev/reference/configs/angular-compiler-options. */
{
  "compileOnSave": false,
  "compilerOptions": {
    "strict": true,
    "noImplicitOverride": true,
    "noPropertyAccessFromIndexSignature": true,
    "noImplicitReturns": true,
    "noFallthroughCasesInSwitch": true,
    "skipLibCheck": true,
    "isolatedModules": true,
    "experimentalDecorators": true,
    "importHelpers": true,
    "target": "ES2022",
    "module": "preserve"
  },
  "angularCompilerOptions": {
    "enableI18nLegacyMessageIdFormat": false,
    "strictInjectionParameters": true,
    "strictInputAccessModifiers": true,
    "strictTemplates": true
  },
  "files": [],
  "references": [
    {
      "path": "./tsconfig.app.json"
    }
  ]
}
EOF
  cat >"$d/tsconfig.app.json" <<'EOF'
/* To learn more about Typescript configuration file: https://www.typescriptlang.org/docs/handbook/tsconfig-json.html. */
/* To learn more about Angular compiler options: https://angular.dev/reference/configs/angular-compiler-options. */
{
  "extends": "./tsconfig.json",
  "compilerOptions": {
    "outDir": "./out-tsc/app",
    "types": []
  },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts"]
}
EOF
  # angular-eslint's config as `ng add angular-eslint` writes it (CommonJS: `ng new` makes no
  # "type": "module" package), with typescript-eslint's strictTypeChecked and stylisticTypeChecked
  # in place of its recommended and stylistic, which need the project's types.
  cat >"$d/eslint.config.js" <<'EOF'
// @ts-check
const eslint = require('@eslint/js');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');

module.exports = defineConfig([
  {
    files: ['**/*.ts'],
    extends: [
      eslint.configs.recommended,
      tseslint.configs.strictTypeChecked,
      tseslint.configs.stylisticTypeChecked,
      angular.configs.tsRecommended,
    ],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'app', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'app', style: 'kebab-case' },
      ],
    },
  },
  {
    files: ['**/*.html'],
    extends: [angular.configs.templateRecommended, angular.configs.templateAccessibility],
    rules: {},
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
]);
EOF
  # Prettier as `ng new` 22 configures it.
  cat >"$d/.prettierrc" <<'EOF'
{
  "printWidth": 100,
  "singleQuote": true,
  "overrides": [
    {
      "files": "*.html",
      "options": {
        "parser": "angular"
      }
    }
  ]
}
EOF
  printf '# See https://docs.github.com/get-started/getting-started-with-git/ignoring-files for more about ignoring files.\n\n# Compiled output\n/dist\n/tmp\n/out-tsc\n/bazel-out\n\n# Node\n/node_modules\nnpm-debug.log\nyarn-error.log\n\n# Miscellaneous\n/.angular/cache\n.sass-cache/\n/connect.lock\n/coverage\n/libpeerconnection.log\ntestem.log\n/typings\n__screenshots__/\n\n# System files\n.DS_Store\nThumbs.db\n' >"$d/.gitignore"
  lint_staged "$d" "*.{ts,html,json}"
  cat >"$d/src/index.html" <<'EOF'
<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>AngularHost</title>
    <base href="/" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
  </head>
  <body>
    <app-root></app-root>
  </body>
</html>
EOF
  printf '/* You can add global styles to this file, and also import other style files */\n' >"$d/src/styles.css"
  cat >"$d/src/main.ts" <<'EOF'
import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';

bootstrapApplication(App, appConfig).catch((err: unknown) => {
  console.error(err);
});
EOF
  cat >"$d/src/app/app.config.ts" <<'EOF'
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';

import { routes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [provideBrowserGlobalErrorListeners(), provideRouter(routes)],
};
EOF
  cat >"$d/src/app/app.routes.ts" <<'EOF'
import { Routes } from '@angular/router';

export const routes: Routes = [];
EOF
  cat >"$d/src/app/app.ts" <<'EOF'
import { Component, signal } from '@angular/core';
import { RouterOutlet } from '@angular/router';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  protected readonly title = signal('angular-host');
}
EOF
  cat >"$d/src/app/app.html" <<'EOF'
<main>
  <h1>Hello, {{ title() }}</h1>
</main>

<router-outlet />
EOF
  : >"$d/src/app/app.css"
}
