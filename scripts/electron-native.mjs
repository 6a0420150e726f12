#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/better_sqlite3.node, leaving node_modules (the Node
// build used by tests, the CLI and the browser host) untouched. Electron loads it via better-sqlite3's nativeBinding.
// Needs the network: a prebuilt binary (prebuild-install) or Electron's headers (node-gyp) come from outside npm.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const out = join(root, '.electron-native');
const src = join(out, 'better-sqlite3');
const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));

rmSync(src, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(pkgDir, src, { recursive: true, filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`) });

const run = (cmd, args) => spawnSync(cmd, args, { cwd: src, stdio: 'inherit' }).status === 0;
const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
const ok =
  run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]) ||
  run('npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers']);
const built = join(src, 'build', 'Release', 'better_sqlite3.node');
if (!ok || !existsSync(built)) {
  console.error(`redress: could not get better-sqlite3 for Electron ${electronVersion} (no network to GitHub or electronjs.org?).`);
  process.exit(1);
}
cpSync(built, join(out, 'better_sqlite3.node'));
rmSync(src, { recursive: true, force: true });
console.log(`Built .electron-native/better_sqlite3.node for Electron ${electronVersion}`);
