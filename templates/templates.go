// Package templates holds every file mono-connect writes, embedded into the binary.
//
// The layout is described in README.md beside this file. Only files ending in .tmpl are rendered
// (by package generate); every other file is copied byte for byte.
package templates

import "embed"

// FS is the template tree. The all: prefix keeps files whose names start with _ or . (such as
// _gitignore), which embed would otherwise drop.
//
//go:embed all:core all:vite all:style all:server all:vanilla all:react all:next all:vue all:nuxt all:angular all:svelte all:solid all:preact
var FS embed.FS
