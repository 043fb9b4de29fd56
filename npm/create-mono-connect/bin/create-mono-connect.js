#!/usr/bin/env node
// `npm create mono-connect [DIR] [flags]` (and `npm init mono-connect`, `pnpm create`, `yarn create`,
// `bun create`) is `mono-connect init [DIR] [flags]`, through the same wrapper.
'use strict';
require('mono-connect/bin/mono-connect.js').run(['init', ...process.argv.slice(2)]);
