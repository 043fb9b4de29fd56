// Package e2e builds every generated app with its framework's own toolchain, serves it, and drives
// it in headless Chromium with the Mono widget and the Mono API faked on loopback.
//
// Run it with `bash .ci/e2e.sh`, or directly:
//
//	go test -tags e2e -timeout 40m -v ./e2e/
//
// Environment:
//
//	E2E_FRAMEWORKS  comma list of frameworks (default: every target `mono-connect targets --json` lists)
//	E2E_LANGS       "ts", "js" or "ts,js": languages to scaffold (default: ts everywhere, js too unless the recipe sets tsOnlyByDefault: next, nuxt, svelte)
//	E2E_BROWNFIELD  "0" skips the brownfield apps (default: one per framework)
//	E2E_MUTATE      break the generated wrapper or a binding on purpose (see mutate_test.go): proves the suite notices
//	E2E_ARTIFACTS   where failing flows leave screenshots, HTML and logs (default e2e/artifacts)
//	E2E_WORKDIR     where apps are scaffolded (default a temp dir, removed after a passing run)
//	E2E_KEEP        "1" keeps E2E_WORKDIR even after a passing run
//	CHROMIUM        the browser binary (default /usr/bin/chromium)
//	E2E_WRITE_HOST  with E2E_HOST_DIR: write that target's hand-made brownfield host there and stop (for CI)
//
// One target's e2e material is one file, target_<name>_test.go: see README.md "Files".
//
// Nothing leaves loopback: Chromium resolves no host but 127.0.0.1, every https://connect.mono.co
// request is answered by a fake widget page, every other request is aborted and fails the flow,
// and the generated Go server runs with a proxy trap that fails the test if it dials anything but
// the fake Mono API.
package e2e
