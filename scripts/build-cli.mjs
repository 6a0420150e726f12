#!/usr/bin/env node
// Bundles the `redress` command into dist-cli/ so a call starts without compiling TypeScript (bin/redress.mjs runs it
// when it is newer than every source it was built from, else falls back to tsx).
//   dist-cli/redress.mjs   the CLI (ESM, dependencies external); lazy import()s stay lazy as chunks beside it
//   dist-cli/worker.js     the core's worker thread: electron/core/work/run.ts looks for ./worker.js beside the module
//                          that holds it, which is redress.mjs or one of its chunks, all in dist-cli/
//   dist-cli/inputs.json   the sources it was built from, for bin/redress.mjs's freshness check
// Each file is written to a temp name and renamed, the entry last, so a CLI starting meanwhile sees a whole build.
// `--if-possible` (npm's prepare): without esbuild (a production install), say so and exit 0.
// `--outdir DIR` builds elsewhere (tests); inputs.json still names the sources relative to the checkout.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const at = process.argv.indexOf('--outdir');
const out = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'dist-cli');
const optional = process.argv.includes('--if-possible');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  if (!optional) throw new Error('esbuild is not installed: run npm install first.');
  console.log('build:cli skipped (no esbuild): the redress command will run from source through tsx.');
  process.exit(0);
}

// Packages stay external (node_modules is there at run time), except the few whose root import loads far more than
// the CLI uses: date-fns's index pulls in all of its ~250 functions (about 200 ms); bundled, only those used remain.
const INLINE = /^date-fns(\/|$)/;
const externals = {
  name: 'externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (INLINE.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

const started = performance.now();
const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', plugins: [externals], absWorkingDir: root, write: false, metafile: true, logLevel: 'warning' };
const [cli, worker] = await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: { redress: 'electron/cli/main.ts' },
    outdir: out,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
  }),
  esbuild.build({ ...common, entryPoints: ['electron/core/work/worker.ts'], outfile: join(out, 'worker.js') }),
]);

mkdirSync(out, { recursive: true });
// Build output, never committed: ignore the whole folder without touching the project's .gitignore.
writeFileSync(join(out, '.gitignore'), '*\n');
const entry = join(out, 'redress.mjs');
const files = [...cli.outputFiles, ...worker.outputFiles].sort((a, b) => (a.path === entry) - (b.path === entry));
const inputs = [...new Set([...Object.keys(cli.metafile.inputs), ...Object.keys(worker.metafile.inputs)])]
  .filter((f) => !f.startsWith('node_modules/') && !f.includes(':')) // not inlined packages
  .sort();
const put = (path, contents) => {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
};
put(join(out, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
for (const f of files) put(f.path, f.contents);

// Chunks of earlier builds go, once old enough that no CLI started before this build can still be loading them.
const keep = new Set(files.map((f) => basename(f.path)));
for (const name of readdirSync(out)) {
  if (!name.endsWith('.mjs') || keep.has(name)) continue;
  const path = join(out, name);
  if (Date.now() - statSync(path).mtimeMs > 10 * 60_000) rmSync(path, { force: true });
}
const ms = Math.round(performance.now() - started);
console.log(`Built ${relative(root, entry)} (+ ${files.length - 1} files, from ${inputs.length} sources) in ${ms} ms`);
