// The core's worker loads in every way the core runs: under tsx registered by the CLI's launcher, under the tsx
// command (the browser host), bundled by esbuild beside the main process as the Electron build does (plain Node, no
// tsx at all), and under vitest (every other test here). Each process must also exit by itself once the PDF is made.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(import.meta.dirname, 'fixtures');
const away = mkdtempSync(join(tmpdir(), 'redress-work-'));
afterAll(() => rmSync(away, { recursive: true, force: true }));

/** Runs a process from a folder outside the checkout; a process that does not exit by itself fails on the timeout. */
function run(args: string[]) {
  const res = spawnSync(process.execPath, args, { cwd: away, encoding: 'utf8', timeout: 60_000 });
  expect(res.error, res.stderr).toBeUndefined();
  expect(res.status, res.stderr).toBe(0);
  const out = JSON.parse(res.stdout.trim().split('\n').pop()!) as { pages: number; pdf: string; main: number; worker: number; starts: number };
  expect(out).toMatchObject({ pages: 1, pdf: '%PDF-', main: 0, starts: 1 });
  expect(out.worker).toBeGreaterThan(0);
  return out;
}

describe('the core worker in each host', () => {
  it('the CLI: tsx registered by a launcher script, from another working folder', () => {
    run([join(fixtures, 'cli-like.mjs')]);
  });

  it('the browser host: under the tsx command', () => {
    run([join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(fixtures, 'build-twice.ts')]);
  });

  it('Electron: bundled by esbuild as scripts/build-electron.mjs does, the worker found beside the main bundle', async () => {
    const out = join(away, 'dist-electron');
    const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'silent' } as const;
    await build({ ...common, entryPoints: [join(root, 'electron', 'core', 'work', 'worker.ts')], outfile: join(out, 'worker.js') });
    await build({ ...common, entryPoints: [join(fixtures, 'build-twice.ts')], outfile: join(out, 'main.js') });
    expect(existsSync(join(out, 'worker.js'))).toBe(true);
    // As in the app folder: package.json says ESM, node_modules sits beside dist-electron/.
    writeFileSync(join(away, 'package.json'), '{ "type": "module" }');
    symlinkSync(join(root, 'node_modules'), join(away, 'node_modules'), 'dir');
    run([join(out, 'main.js')]);
  });

  it('the calling thread loads neither pdf-lib nor the image codecs: the worker does', () => {
    const res = spawnSync(process.execPath, [join(fixtures, 'cli-like.mjs'), 'main-modules.ts'], { cwd: away, encoding: 'utf8', timeout: 60_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout.trim().split('\n').pop()!)).toEqual([]);
  });
});
