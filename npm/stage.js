#!/usr/bin/env node
// Builds the npm packages of a release from goreleaser's dist/ and packs them:
//
//   node npm/stage.js [DIST_DIR]      # default: dist/ at the repository's root
//
// It reads DIST_DIR/metadata.json (the version) and DIST_DIR/artifacts.json (where each
// platform's binary is), lays out one package per platform (binary, LICENSE, a README line,
// os/cpu/libc fields, no scripts) and the wrapper and create-mono-connect packages, all at the
// release's version, then `npm pack`s each into DIST_DIR/npm/. DIST_DIR/npm/packages.json maps
// every package name to its tarball, platform packages first (the order to publish them in).
// Nothing is published. No dependencies beyond Node itself and npm.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const wrapper = require('./mono-connect/bin/mono-connect.js');

const root = path.resolve(__dirname, '..');

function readJSON(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${file}: ${err.message} (run goreleaser first: bash .ci/release.sh)`);
  }
}

// npmVersion is the release's version as npm spells it. A tag vX.Y.Z gives X.Y.Z unchanged;
// a snapshot's build metadata (+<commit>) is dropped because npm drops it anyway (semver
// ignores it, so it could not tell two such versions apart).
function npmVersion(version) {
  const v = version.replace(/^v/, '').replace(/\+.*$/, '');
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(v)) {
    throw new Error(`goreleaser's version ${JSON.stringify(version)} is not a semver version npm can publish`);
  }
  return v;
}

// binaryFor finds the artifact goreleaser built for one platform. Paths in artifacts.json are
// relative to the directory goreleaser ran in, the parent of dist/.
function binaryFor(artifacts, distDir, platform) {
  const found = artifacts.filter((a) => a.type === 'Binary' && a.goos === platform.goos && a.goarch === platform.goarch);
  if (found.length !== 1) {
    throw new Error(`artifacts.json has ${found.length} binaries for ${platform.goos}/${platform.goarch}, want 1`);
  }
  const file = path.resolve(path.dirname(distDir), found[0].path);
  if (!fs.existsSync(file)) throw new Error(`${file} (from artifacts.json) does not exist`);
  return file;
}

function writeJSON(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

function platformPackage(pkg, version, binary, dir) {
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  fs.copyFileSync(binary, path.join(dir, 'bin', pkg.binary));
  fs.chmodSync(path.join(dir, 'bin', pkg.binary), 0o755);
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(dir, 'LICENSE'));
  const where = `${pkg.os} ${pkg.cpu}${pkg.libc ? ` (${pkg.libc})` : ''}`;
  fs.writeFileSync(path.join(dir, 'README.md'), `The ${where} binary of [mono-connect](https://github.com/mono-connect/mono-connect); install \`mono-connect\` instead, which picks this package on this platform.\n`);
  const manifest = {
    name: pkg.name,
    version,
    description: `The ${where} binary of mono-connect`,
    license: 'MIT',
    homepage: 'https://github.com/mono-connect/mono-connect',
    repository: { type: 'git', url: 'git+https://github.com/mono-connect/mono-connect.git' },
    os: [pkg.os],
    cpu: [pkg.cpu],
    ...(pkg.libc ? { libc: [pkg.libc] } : {}),
    // yarn's Plug'n'Play keeps packages zipped; a binary must be unpacked to be run.
    preferUnplugged: true,
    files: [`bin/${pkg.binary}`],
  };
  writeJSON(path.join(dir, 'package.json'), manifest);
}

// jsPackage copies a package from npm/ and sets its version and its dependencies' versions.
function jsPackage(name, version, dir, edit) {
  const src = path.join(__dirname, name);
  fs.cpSync(src, dir, { recursive: true, filter: (f) => !f.split(path.sep).includes('test') });
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(dir, 'LICENSE'));
  const manifest = readJSON(path.join(dir, 'package.json'));
  manifest.version = version;
  edit(manifest);
  writeJSON(path.join(dir, 'package.json'), manifest);
}

// pack packs every staged directory in one npm run (npm starts slowly) and returns each
// package's tarball by name.
function pack(dirs, out) {
  const stdout = execFileSync('npm', ['pack', '--json', '--pack-destination', out, ...dirs], { encoding: 'utf8' });
  return Object.fromEntries(JSON.parse(stdout).map((r) => [r.name, path.join(out, r.filename)]));
}

function stage(distDir) {
  const metadata = readJSON(path.join(distDir, 'metadata.json'));
  const artifacts = readJSON(path.join(distDir, 'artifacts.json'));
  const version = npmVersion(metadata.version);
  const out = path.join(distDir, 'npm');
  fs.rmSync(out, { recursive: true, force: true });
  const work = path.join(out, 'stage');
  fs.mkdirSync(work, { recursive: true });

  const staged = {};
  for (const pkg of wrapper.packages()) {
    staged[pkg.name] = path.join(work, pkg.name.replace('/', '+'));
    platformPackage(pkg, version, binaryFor(artifacts, distDir, pkg), staged[pkg.name]);
  }
  const optional = Object.fromEntries(wrapper.packages().map((p) => [p.name, version]));
  staged['mono-connect'] = path.join(work, 'mono-connect');
  jsPackage('mono-connect', version, staged['mono-connect'], (m) => {
    m.optionalDependencies = optional;
  });
  staged['create-mono-connect'] = path.join(work, 'create-mono-connect');
  jsPackage('create-mono-connect', version, staged['create-mono-connect'], (m) => {
    m.dependencies = { 'mono-connect': version };
  });
  const packed = pack(Object.values(staged), out);
  const tarballs = Object.fromEntries(Object.keys(staged).map((name) => [name, packed[name]]));
  const unpacked = Object.keys(staged).filter((name) => !packed[name] || !fs.existsSync(packed[name]));
  if (unpacked.length > 0) throw new Error(`npm pack made no tarball for ${unpacked.join(', ')}`);
  fs.rmSync(work, { recursive: true });

  writeJSON(path.join(out, 'packages.json'), { version, full_version: metadata.version, tarballs });
  return { version, tarballs };
}

module.exports = { npmVersion, binaryFor, stage };

if (require.main === module) {
  try {
    const { version, tarballs } = stage(path.resolve(process.argv[2] || path.join(root, 'dist')));
    console.log(`npm packages ${version}:`);
    for (const t of Object.values(tarballs)) console.log(`  ${path.relative(process.cwd(), t)}`);
  } catch (err) {
    console.error(`stage: ${err.message}`);
    process.exit(1);
  }
}
