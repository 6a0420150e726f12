// The prebuilt CLI (scripts/build-cli.mjs -> dist-cli/): built into a temp package root beside a copy of the launcher,
// then run as real processes. Checks what only a bundle can get wrong: templates and facts found from the launcher, the
// worker thread found beside the bundle (a PDF is built there), the lazy PDF chunk, and when the launcher prefers
// the bundle over the TypeScript sources.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg } from '../evidence/helpers';
import { tempCore, tempDir } from '../support/tmp';

const ROOT = join(import.meta.dirname, '..', '..');
let pkg: string;

beforeAll(() => {
  pkg = join(mkdtempSync(join(tmpdir(), 'redress-pkg-')), 'redress'); // not tempDir(): that goes after each test
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'redress.mjs'), join(pkg, 'bin', 'redress.mjs'));
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'redress', type: 'module' }));
  for (const d of ['node_modules', 'templates', 'data']) symlinkSync(join(ROOT, d), join(pkg, d), 'dir');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), '--outdir', join(pkg, 'dist-cli')], { encoding: 'utf8' });
});
afterAll(() => rmSync(dirname(pkg), { recursive: true, force: true }));

// The launcher, not the test's environment, must say where templates and facts are.
const env = (extra: Record<string, string> = {}) => {
  const e: Record<string, string | undefined> = { ...process.env, ...extra };
  if (!extra.REDRESS_CLI) delete e.REDRESS_CLI;
  delete e.REDRESS_TEMPLATES_DIR;
  delete e.REDRESS_FACTS_DIR;
  return e;
};
const run = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(pkg, 'bin', 'redress.mjs'), '--data-dir', dataDir, ...args], { encoding: 'utf8', env: env() });

describe('the prebuilt CLI (no TypeScript sources beside it)', () => {
  it('writes the bundle, its worker, its lazy chunks and the list of sources, and ignores itself in git', () => {
    const files = readdirSync(join(pkg, 'dist-cli'));
    expect(files).toEqual(expect.arrayContaining(['redress.mjs', 'worker.js', 'inputs.json', '.gitignore']));
    expect(files.some((f) => f.startsWith('render-'))).toBe(true); // import('./render') stayed lazy
    expect(readFileSync(join(pkg, 'dist-cli', 'redress.mjs'), 'utf8')).not.toMatch(/^import .* from "(pdf-lib|jsdom|playwright-core)"/m);
    const inputs = JSON.parse(readFileSync(join(pkg, 'dist-cli', 'inputs.json'), 'utf8'));
    expect(inputs).toContain('electron/cli/main.ts');
    expect(inputs).toContain('electron/core/work/worker.ts');
    // Every one is a file of the checkout, or the launcher would never find the bundle fresh.
    for (const f of inputs) expect(existsSync(join(ROOT, f)), f).toBe(true);
    // The packages only one command needs are loaded on first use, not when the CLI starts.
    expect(readFileSync(join(pkg, 'dist-cli', 'redress.mjs'), 'utf8')).not.toMatch(/^import .* from "(date-holidays|file-type|exifr|ics)"/m);
  });

  it('creates, lists and shows a case, lists templates, adds evidence, and drafts a PDF through its worker', async () => {
    const dir = tempDir();
    const made = run(dir, 'case', 'create', '--title', 'T', '--country', 'IE', '--name', 'Ελένη Żółć', '--email', 'e@example.org', '--json');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const id = JSON.parse(made.stdout).id;
    expect(JSON.parse(run(dir, 'case', 'list', '--json').stdout)).toHaveLength(1);
    // A month from 3 July 2026 is Monday 3 August, Ireland's August bank holiday: the calendar must know it, as from source.
    expect(run(dir, 'event', 'add', id, '--type', 'request_sent', '--on', '2026-07-03', '--json').status).toBe(0);
    const shown = JSON.parse(run(dir, 'case', 'show', id, '--json').stdout);
    const core = tempCore();
    const same = await core.api.call('cases.create', { title: 'T', country: 'IE', name: 'N', email: 'e@example.org' });
    await core.api.call('tracking.addEvent', { caseId: same.id, type: 'request_sent', on: '2026-07-03' });
    const fromSource = (await core.api.call('tracking.get', { caseId: same.id })).deadlines;
    expect(shown.deadlines.map((d: { kind: string; due: string }) => [d.kind, d.due])).toEqual(fromSource.map((d) => [d.kind, d.due]));
    expect(shown.deadlines.map((d: { due: string }) => d.due)).toContain('2026-08-04');

    const templates = run(dir, 'templates', '--json');
    expect(templates.status).toBe(0);
    expect(JSON.parse(templates.stdout).map((t: { id: string }) => t.id)).toContain('objection');

    // The file's type (file-type) and the time in its EXIF (exifr), both loaded on first use in the bundle.
    const jpeg = join(dir, 'shot.jpg');
    writeFileSync(jpeg, makeJpeg('2026:05:01 10:20:30', '+02:00'));
    const added = run(dir, 'evidence', 'add', id, jpeg, '--kind', 'screenshot', '--json');
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout)[0]).toMatchObject({ mime: 'image/jpeg', capturedAt: '2026-05-01T08:20:30.000Z' });

    const values = join(dir, 'values.json');
    writeFileSync(values, JSON.stringify({ situation: 'Moje teksty są moim źródłem utrzymania.' }));
    const out = join(dir, 'objection.pdf');
    const drafted = run(dir, 'draft', id, '--template', 'objection', '--format', 'pdf', '--out', out, '--values', values, '--json');
    // Only the notes the app shows beside the draft reach stderr; no error.
    expect(drafted.stderr).toMatch(/^(Before you send: [^\n]*\n)*$/);
    expect(drafted.status).toBe(0);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('Ελένη Żółć');
  });
});

describe('the launcher picks the bundle only while it is newer than its sources', () => {
  it('runs the bundle when fresh, and the TypeScript source once a source is newer', () => {
    // A stand-in source tree: the launcher's fallback imports ../electron/cli/main.ts, here a stub that says so.
    mkdirSync(join(pkg, 'electron', 'cli'), { recursive: true });
    const main = join(pkg, 'electron', 'cli', 'main.ts');
    writeFileSync(main, "const from: string = 'source';\nconsole.log(`from ${from}`);\n");
    const inputs = join(pkg, 'dist-cli', 'inputs.json');
    const saved = readFileSync(inputs, 'utf8');
    try {
      writeFileSync(inputs, JSON.stringify(['electron/cli/main.ts']));
      const old = new Date(Date.now() - 3600_000);
      utimesSync(main, old, old);
      const dir = tempDir();
      expect(run(dir, 'case', 'list').stdout).toContain('No cases yet');

      const later = new Date(Date.now() + 60_000);
      utimesSync(main, later, later);
      expect(run(dir, 'case', 'list').stdout).toBe('from source\n');

      utimesSync(main, old, old);
      expect(spawnSync(process.execPath, [join(pkg, 'bin', 'redress.mjs')], { encoding: 'utf8', env: env({ REDRESS_CLI: 'source' }) }).stdout).toBe(
        'from source\n',
      );

      // A source the bundle was built from has gone (renamed, deleted): the bundle is stale.
      writeFileSync(inputs, JSON.stringify(['electron/cli/main.ts', 'electron/cli/gone.ts']));
      expect(run(dir, 'case', 'list').stdout).toBe('from source\n');
    } finally {
      writeFileSync(inputs, saved);
      rmSync(join(pkg, 'electron'), { recursive: true, force: true });
    }
  });
});
