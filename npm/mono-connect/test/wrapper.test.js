// Tests of the npm wrapper: which package it looks for where, the message when that package is
// missing, and that arguments, stdio, exit codes and signals pass through a real process tree
// (an install laid out in a temporary node_modules with a fake binary). Run: node --test npm/
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const wrapperFile = path.join(__dirname, '..', 'bin', 'mono-connect.js');
const wrapper = require(wrapperFile);

test('every platform has its package, and Linux one per libc', () => {
  assert.deepStrictEqual(wrapper.packages().map((p) => p.name), [
    '@mono-connect/linux-x64',
    '@mono-connect/linux-x64-musl',
    '@mono-connect/linux-arm64',
    '@mono-connect/linux-arm64-musl',
    '@mono-connect/darwin-x64',
    '@mono-connect/darwin-arm64',
    '@mono-connect/win32-x64',
    '@mono-connect/win32-arm64',
  ]);
  for (const p of wrapper.packages()) {
    assert.strictEqual(p.binary, p.os === 'win32' ? 'mono-connect.exe' : 'mono-connect', p.name);
  }
});

test('resolution table: the packages tried on each platform, best first', () => {
  const table = [
    ['linux', 'x64', 'glibc', ['@mono-connect/linux-x64', '@mono-connect/linux-x64-musl']],
    ['linux', 'x64', 'musl', ['@mono-connect/linux-x64-musl', '@mono-connect/linux-x64']],
    ['linux', 'arm64', 'glibc', ['@mono-connect/linux-arm64', '@mono-connect/linux-arm64-musl']],
    ['linux', 'arm64', 'musl', ['@mono-connect/linux-arm64-musl', '@mono-connect/linux-arm64']],
    ['darwin', 'x64', undefined, ['@mono-connect/darwin-x64']],
    ['darwin', 'arm64', undefined, ['@mono-connect/darwin-arm64']],
    ['win32', 'x64', undefined, ['@mono-connect/win32-x64']],
    ['win32', 'arm64', undefined, ['@mono-connect/win32-arm64']],
    ['linux', 'ia32', 'glibc', []],
    ['freebsd', 'x64', undefined, []],
    ['win32', 'ia32', undefined, []],
  ];
  for (const [platform, arch, libc, want] of table) {
    const got = wrapper.candidates(platform, arch, libc).map((p) => p.name);
    assert.deepStrictEqual(got, want, `${platform}-${arch} ${libc}`);
  }
});

test('libc is read from ldd', () => {
  const ldd = (text) => () => text;
  assert.strictEqual(wrapper.detectLibc(ldd('#!/bin/sh\n# musl libc (x86_64)\nexec /lib/ld-musl-x86_64.so.1 --list "$@"\n')), 'musl');
  assert.strictEqual(wrapper.detectLibc(ldd('#! /bin/bash\n# This file is part of the GNU C Library.\n')), 'glibc');
  const none = () => {
    throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  };
  assert.strictEqual(wrapper.detectLibc(none), 'musl');
});

test('resolveBinary falls back to the other libc and passes other errors on', () => {
  const installed = (names) => (request) => {
    const name = request.split('/').slice(0, 2).join('/');
    if (names.includes(name)) return `/nm/${request}`;
    throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
  };
  let r = wrapper.resolveBinary('linux', 'x64', 'glibc', installed(['@mono-connect/linux-x64', '@mono-connect/linux-x64-musl']));
  assert.strictEqual(r.path, '/nm/@mono-connect/linux-x64/bin/mono-connect');
  r = wrapper.resolveBinary('linux', 'x64', 'glibc', installed(['@mono-connect/linux-x64-musl']));
  assert.strictEqual(r.path, '/nm/@mono-connect/linux-x64-musl/bin/mono-connect');
  r = wrapper.resolveBinary('win32', 'arm64', undefined, installed(['@mono-connect/win32-arm64']));
  assert.strictEqual(r.path, '/nm/@mono-connect/win32-arm64/bin/mono-connect.exe');
  r = wrapper.resolveBinary('darwin', 'arm64', undefined, installed(['@mono-connect/darwin-x64']));
  assert.strictEqual(r.path, null);
  assert.deepStrictEqual(r.wanted.map((p) => p.name), ['@mono-connect/darwin-arm64']);
  const broken = () => {
    throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
  };
  assert.throws(() => wrapper.resolveBinary('darwin', 'x64', undefined, broken), /EACCES/);
});

test('the missing-package message is one line naming the package and the fix', () => {
  const msg = wrapper.missingMessage('linux', 'x64', wrapper.candidates('linux', 'x64', 'musl'));
  assert.ok(!msg.includes('\n'));
  assert.match(msg, /^mono-connect: the platform package @mono-connect\/linux-x64-musl is not installed/);
  assert.match(msg, /--omit=optional/);
  assert.match(msg, /lockfile was made on another OS/);
  const none = wrapper.missingMessage('freebsd', 'x64', []);
  assert.ok(!none.includes('\n'));
  assert.match(none, /no prebuilt binary for freebsd-x64; install it with Go instead: go install /);
});

// install lays out node_modules/mono-connect (this wrapper) and, unless binary is null, this
// platform's package holding binary as its executable.
function install(binary) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mono-connect-wrapper-'));
  const bin = path.join(dir, 'node_modules', 'mono-connect', 'bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.copyFileSync(wrapperFile, path.join(bin, 'mono-connect.js'));
  const libc = process.platform === 'linux' ? wrapper.detectLibc(fs.readFileSync) : undefined;
  const [pkg] = wrapper.candidates(process.platform, process.arch, libc);
  if (binary !== null) {
    const pkgBin = path.join(dir, 'node_modules', ...pkg.name.split('/'), 'bin');
    fs.mkdirSync(pkgBin, { recursive: true });
    fs.writeFileSync(path.join(pkgBin, pkg.binary), binary, { mode: 0o755 });
  }
  return { dir, entry: path.join(bin, 'mono-connect.js'), pkg };
}

// A stand-in for the Go binary: a node script whose first argument says what to do.
const fake = `#!${process.execPath}
const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'args') console.log(JSON.stringify(rest));
if (cmd === 'stdin') process.stdin.pipe(process.stdout);
if (cmd === 'stderr') process.stderr.write('to stderr\\n');
if (cmd === 'exit') process.exit(Number(rest[0]));
if (cmd === 'die') process.kill(process.pid, rest[0]);
if (cmd === 'wait' || cmd === 'catch') {
  // Orphaned (the wrapper was killed by a test's hang guard): end too, so nothing lingers.
  const parent = process.ppid;
  setInterval(() => { if (process.ppid !== parent) process.exit(99); }, 200);
  if (cmd === 'catch') process.on('SIGINT', () => { console.log('child got SIGINT'); process.exit(130); });
  console.log('ready');
}
`;

const posix = process.platform !== 'win32';

test('missing platform package: the one-line remedy and exit 1', () => {
  const { dir, entry, pkg } = install(null);
  const r = spawnSync(process.execPath, [entry, 'version'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true });
  assert.strictEqual(r.status, 1);
  assert.strictEqual(r.stdout, '');
  const lines = r.stderr.split('\n').filter(Boolean);
  assert.strictEqual(lines.length, 1, r.stderr);
  assert.ok(lines[0].startsWith(`mono-connect: the platform package ${pkg.name} is not installed`), lines[0]);
});

test('arguments, stdin, stdout and stderr pass through', { skip: !posix && 'the fake binary is a script' }, () => {
  const { dir, entry } = install(fake);
  const args = ['init', 'my app', '', '--framework=react', '"quoted"', 'ünï'];
  let r = spawnSync(process.execPath, [entry, 'args', ...args], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  assert.deepStrictEqual(JSON.parse(r.stdout), args);
  r = spawnSync(process.execPath, [entry, 'stdin'], { input: 'line one\nline two\n', encoding: 'utf8' });
  assert.strictEqual(r.stdout, 'line one\nline two\n');
  r = spawnSync(process.execPath, [entry, 'stderr'], { encoding: 'utf8' });
  assert.strictEqual(r.stderr, 'to stderr\n');
  fs.rmSync(dir, { recursive: true });
});

test('exit codes pass through', { skip: !posix && 'the fake binary is a script' }, () => {
  const { dir, entry } = install(fake);
  for (const code of [0, 1, 2, 3, 4, 130]) {
    const r = spawnSync(process.execPath, [entry, 'exit', String(code)], { encoding: 'utf8' });
    assert.strictEqual(r.status, code, r.stderr);
  }
  fs.rmSync(dir, { recursive: true });
});

test('a binary killed by a signal: the wrapper dies of the same signal (a shell sees 130)', { skip: !posix && 'POSIX signals' }, () => {
  const { dir, entry } = install(fake);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    const r = spawnSync(process.execPath, [entry, 'die', signal], { encoding: 'utf8' });
    assert.strictEqual(r.signal, signal, r.stderr);
  }
  const sh = spawnSync('/bin/sh', ['-c', '"$0" "$1" die SIGINT; echo "exit $?"', process.execPath, entry], { encoding: 'utf8' });
  assert.strictEqual(sh.stdout.trim(), 'exit 130');
  fs.rmSync(dir, { recursive: true });
});

// runUntilReady starts the wrapper, waits for the binary's "ready", sends signal to the wrapper
// alone (not its process group), and resolves with how the wrapper ended and what it printed.
// A wrapper that swallowed the signal would wait forever: after a minute it is killed and the
// test fails (a hang guard, not a timed assertion).
function runUntilReady(entry, cmd, signal) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, cmd], { stdio: ['ignore', 'pipe', 'pipe'] });
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the wrapper did not end after ${signal}; output: ${out}`));
    }, 60_000);
    child.on('close', () => clearTimeout(guard));
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      const first = !out.includes('ready');
      out += chunk;
      if (first && out.includes('ready')) child.kill(signal);
    });
    child.on('error', reject);
    child.on('close', (code, sig) => resolve({ code, signal: sig, out }));
  });
}

test('SIGINT sent to the wrapper reaches the binary; its exit 130 passes through', { skip: !posix && 'POSIX signals' }, async () => {
  const { dir, entry } = install(fake);
  const r = await runUntilReady(entry, 'catch', 'SIGINT');
  fs.rmSync(dir, { recursive: true });
  assert.strictEqual(r.out, 'ready\nchild got SIGINT\n');
  assert.strictEqual(r.code, 130);
});

test('SIGINT and SIGTERM sent to the wrapper end the binary, and the wrapper re-raises them', { skip: !posix && 'POSIX signals' }, async () => {
  const { dir, entry } = install(fake);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    const r = await runUntilReady(entry, 'wait', signal);
    assert.strictEqual(r.signal, signal);
    assert.strictEqual(r.out, 'ready\n');
  }
  fs.rmSync(dir, { recursive: true });
});

test('a binary that cannot be run: one line and exit 1', { skip: !posix && 'file modes' }, () => {
  const { dir, entry, pkg } = install(fake);
  fs.chmodSync(path.join(dir, 'node_modules', ...pkg.name.split('/'), 'bin', pkg.binary), 0o644);
  const r = spawnSync(process.execPath, [entry, 'version'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true });
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /^mono-connect: cannot run .*: spawn .* EACCES\n$/);
});
