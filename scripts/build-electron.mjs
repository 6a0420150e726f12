#!/usr/bin/env node
// Bundles the Electron main process (ESM) and the preload (CommonJS: sandboxed preloads cannot be ES modules).
// Dependencies stay external: node_modules ships with the app, and native modules load at run time.
// The core's worker thread (electron/core/work/worker.ts) is its own entry, dist-electron/worker.js: the core finds it
// beside the bundled main process (electron/core/work/run.ts).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist-electron/main.js',
  format: 'esm',
  packages: 'external',
});
await build({
  ...common,
  entryPoints: ['electron/core/work/worker.ts'],
  outfile: 'dist-electron/worker.js',
  format: 'esm',
  packages: 'external',
});
await build({
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
console.log('Built dist-electron/main.js, dist-electron/worker.js and dist-electron/preload.cjs');
