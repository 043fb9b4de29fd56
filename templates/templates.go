// Package templates holds every file mono-connect writes, embedded into the binary.
//
// The layout is described in README.md beside this file. Only files ending in .tmpl are rendered
// (by package generate); every other file is copied byte for byte.
package templates

import "embed"

// FS is the template tree: every folder here, so a new target's folder is embedded without
// editing this line (the pattern also takes this file and README.md, a few kilobytes). The all:
// prefix keeps files whose names start with _ or . (such as _gitignore), which embed would
// otherwise drop.
//
//go:embed all:*
var FS embed.FS
