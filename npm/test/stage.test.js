// Tests of the staging script's checks on goreleaser's output. The whole staging (every package
// packed and installed) is rehearsed by .ci/npm.sh on the real dist/.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { npmVersion, binaryFor, stage } = require('../stage.js');

test('npm versions: a tag as is, a snapshot without its build metadata', () => {
  assert.strictEqual(npmVersion('1.4.0'), '1.4.0');
  assert.strictEqual(npmVersion('v1.4.0'), '1.4.0');
  assert.strictEqual(npmVersion('1.4.0-rc.1'), '1.4.0-rc.1');
  assert.strictEqual(npmVersion('0.0.1-snapshot+00d26f1'), '0.0.1-snapshot');
  assert.throws(() => npmVersion('latest'), /not a semver version npm can publish/);
  assert.throws(() => npmVersion('1.4'), /not a semver version/);
});

test('binaryFor: exactly one existing binary per platform', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mono-connect-stage-'));
  const dist = path.join(root, 'dist');
  fs.mkdirSync(path.join(dist, 'mono-connect_linux_amd64_v1'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'mono-connect_linux_amd64_v1', 'mono-connect'), 'bin');
  const linux = { goos: 'linux', goarch: 'amd64' };
  const artifact = { type: 'Binary', goos: 'linux', goarch: 'amd64', path: 'dist/mono-connect_linux_amd64_v1/mono-connect' };
  const archive = { type: 'Archive', goos: 'linux', goarch: 'amd64', path: 'dist/x.tar.gz' };
  assert.strictEqual(binaryFor([archive, artifact], dist, linux), path.join(dist, 'mono-connect_linux_amd64_v1', 'mono-connect'));
  assert.throws(() => binaryFor([archive], dist, linux), /0 binaries for linux\/amd64, want 1/);
  assert.throws(() => binaryFor([artifact, artifact], dist, linux), /2 binaries/);
  assert.throws(() => binaryFor([{ ...artifact, path: 'dist/gone' }], dist, linux), /does not exist/);
  fs.rmSync(root, { recursive: true });
});

test('stage: a dist/ without goreleaser metadata is refused', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'mono-connect-stage-'));
  assert.throws(() => stage(dist), /metadata\.json.*run goreleaser first/);
  fs.rmSync(dist, { recursive: true });
});
