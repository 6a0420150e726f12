#!/usr/bin/env node
// `npm start`: build the UI, then open the Electron window; where the Electron runtime cannot be had (offline, or a
// machine that cannot download it), say so in one line and serve the same UI to a browser on 127.0.0.1 instead.
// Flags after `--` are passed on: --data-dir DIR, --port N (browser host), --browser (skip Electron).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser') || process.env.REDRESS_BROWSER === '1';
const passOn = args.filter((a) => a !== '--browser');

function run(cmd, argv, opts = {}) {
  const res = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', ...opts });
  return res.status === 0;
}

function electronBinary() {
  try {
    const path = require('electron'); // throws when the binary was never downloaded
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'])) {
  console.error('redress: building the UI failed (see above).');
  process.exit(1);
}

let electron = forceBrowser ? null : electronBinary();
if (!electron && !forceBrowser) {
  // Electron's own installer, once; it downloads the runtime and fails fast when that host is unreachable.
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (existsSync(installer)) {
    spawnSync(process.execPath, [installer], { cwd: join(root, 'node_modules', 'electron'), stdio: 'ignore', timeout: 120_000 });
    electron = electronBinary();
  }
}

if (electron) {
  if (!run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')])) process.exit(1);
  if (!existsSync(join(root, '.electron-native', 'better_sqlite3.node'))) {
    if (!run(process.execPath, [join(root, 'scripts', 'electron-native.mjs')])) {
      console.error('redress: could not build better-sqlite3 for Electron; run `npm run electron:native` to see why.');
      process.exit(1);
    }
  }
  const child = spawn(electron, [root, ...passOn], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceBrowser) {
    console.log('redress: the Electron runtime is not available on this machine (download failed); serving Redress to your browser instead.');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'host', 'index.ts'), ...passOn], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
