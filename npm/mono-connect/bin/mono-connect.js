#!/usr/bin/env node
// The npm entry point of mono-connect. The Go binary itself lives in one package per platform
// (@mono-connect/linux-x64, …), an optional dependency of this one that the package manager
// installs only where its os/cpu/libc fields match; there is no postinstall step. This script
// finds that package and runs its binary with the arguments, stdio, exit code and signals
// passed straight through, so `npx mono-connect …` behaves as the binary does.
'use strict';

const SCOPE = '@mono-connect';

// Every platform a package is published for: process.platform-process.arch, as npm's os and
// cpu fields name them, and goreleaser's GOOS/GOARCH for the same build.
const PLATFORMS = [
  { os: 'linux', cpu: 'x64', goos: 'linux', goarch: 'amd64' },
  { os: 'linux', cpu: 'arm64', goos: 'linux', goarch: 'arm64' },
  { os: 'darwin', cpu: 'x64', goos: 'darwin', goarch: 'amd64' },
  { os: 'darwin', cpu: 'arm64', goos: 'darwin', goarch: 'arm64' },
  { os: 'win32', cpu: 'x64', goos: 'windows', goarch: 'amd64' },
  { os: 'win32', cpu: 'arm64', goos: 'windows', goarch: 'arm64' },
];

// The published packages: one per platform, and on Linux one per libc (npm's libc field), so a
// libc-aware package manager installs exactly one.
function packages() {
  const all = [];
  for (const p of PLATFORMS) {
    const base = { ...p, name: `${SCOPE}/${p.os}-${p.cpu}`, binary: p.os === 'win32' ? 'mono-connect.exe' : 'mono-connect' };
    if (p.os === 'linux') {
      all.push({ ...base, libc: 'glibc' }, { ...base, name: `${base.name}-musl`, libc: 'musl' });
    } else {
      all.push(base);
    }
  }
  return all;
}

// candidates lists the packages whose binary runs here, the best first. The Linux binaries are
// static (CGO_ENABLED=0), so either libc's package runs; the matching one comes first because it
// is the one a libc-aware package manager installs (yarn 1 ignores libc and installs both).
function candidates(platform, arch, libc) {
  const fits = packages().filter((p) => p.os === platform && p.cpu === arch);
  return fits.sort((a, b) => (b.libc === libc) - (a.libc === libc));
}

// detectLibc tells glibc from musl the way detect-libc does first: by the text of ldd, one small
// read, where process.report.getReport() would cost milliseconds on every start.
function detectLibc(readFile) {
  try {
    return readFile('/usr/bin/ldd', 'latin1').includes('musl') ? 'musl' : 'glibc';
  } catch {
    // No ldd: Alpine without musl-utils has none, glibc systems always do.
    return 'musl';
  }
}

// missingMessage is the one line printed when no platform package is installed.
function missingMessage(platform, arch, wanted) {
  if (wanted.length === 0) {
    return `mono-connect: no prebuilt binary for ${platform}-${arch}; install it with Go instead: go install github.com/mono-connect/mono-connect/cmd/mono-connect@latest`;
  }
  return `mono-connect: the platform package ${wanted[0].name} is not installed (optional dependencies were skipped, or the lockfile was made on another OS); reinstall without --omit=optional / --no-optional, or delete node_modules and the lockfile and install again`;
}

// resolveBinary returns the path of this platform's binary, or null with the packages tried.
function resolveBinary(platform, arch, libc, resolve) {
  const wanted = candidates(platform, arch, libc);
  for (const p of wanted) {
    try {
      return { path: resolve(`${p.name}/bin/${p.binary}`), wanted };
    } catch (err) {
      if (err.code !== 'MODULE_NOT_FOUND') throw err;
    }
  }
  return { path: null, wanted };
}

// The signals a terminal or a process manager sends to stop a program. The wrapper waits for the
// binary to end rather than dying first and orphaning it, and on POSIX passes them on (a `kill`
// aimed at the wrapper alone must reach the binary). Windows has no signals to pass: a console's
// Ctrl-C or Ctrl-Break reaches every process attached to it, the binary included, and killing
// the child here would end it at once, without its own clean-up.
const STOP_SIGNALS = process.platform === 'win32' ? ['SIGINT', 'SIGBREAK'] : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

function run(args) {
  const fs = require('fs');
  const libc = process.platform === 'linux' ? detectLibc(fs.readFileSync) : undefined;
  const { path, wanted } = resolveBinary(process.platform, process.arch, libc, require.resolve);
  if (path === null) {
    process.stderr.write(missingMessage(process.platform, process.arch, wanted) + '\n');
    process.exitCode = 1;
    return;
  }
  const child = require('child_process').spawn(path, args, { stdio: 'inherit' });
  const forward = (signal) => {
    if (process.platform !== 'win32' && child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const s of STOP_SIGNALS) process.on(s, forward);
  child.on('error', (err) => {
    process.stderr.write(`mono-connect: cannot run ${path}: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of STOP_SIGNALS) process.removeListener(s, forward);
    if (signal === null) {
      process.exit(code);
    }
    // Die of the same signal, so a shell sees 128+n (130 for SIGINT) and a parent sees the signal.
    process.kill(process.pid, signal);
    // A signal whose default action does not end node (or Windows, which has none): the code a
    // shell would report. Not unref'd: an empty event loop would otherwise exit 0.
    setTimeout(() => process.exit(128 + (require('os').constants.signals[signal] || 0)), 100);
  });
}

module.exports = { PLATFORMS, packages, candidates, detectLibc, missingMessage, resolveBinary, run };

if (require.main === module) {
  run(process.argv.slice(2));
}
