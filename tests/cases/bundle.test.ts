import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listEntries } from '../../electron/core/bundle/zip';
import { tempCore, tempDir } from '../support/tmp';
import { twoCases } from './fixture';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', 'bin', 'redress.mjs');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
}

async function exported() {
  const dir = tempDir();
  const core = tempCore({ dataDir: join(dir, 'data') });
  const { a, aEv, exp } = await twoCases(core, dir);
  const r = await core.api.call('cases.exportBundle', { id: a.id });
  return { core, a, aEv, exp, zip: new Uint8Array(Buffer.from(r.dataBase64!, 'base64')), r };
}

/** Rebuilds the zip with `change` applied to its entries (manifest untouched unless changed too). */
function rezip(zip: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  change(files);
  return zipSync(files);
}

async function refusedWritesNothing(zip: Uint8Array, message: RegExp) {
  const data = tempDir();
  const fresh = tempCore({ dataDir: data });
  await expect(fresh.api.call('cases.importBundle', { dataBase64: Buffer.from(zip).toString('base64') })).rejects.toThrow(message);
  expect(await fresh.api.call('cases.list', {})).toEqual([]);
  expect(filesUnder(join(data, 'evidence'))).toEqual([]);
  expect(filesUnder(join(data, 'exports'))).toEqual([]);
  expect((fresh.ctx.db.prepare('SELECT count(*) AS n FROM custody').get() as { n: number }).n).toBe(0);
}

describe('case bundle', () => {
  it('round trip: export, import on a fresh data folder, verify clean, with the chain re-anchored and the import logged', async () => {
    const { a, aEv, exp, zip, r } = await exported();
    expect(r).toMatchObject({ caseId: a.id, evidenceFiles: 3, exportFiles: 1 });
    const names = Object.keys(unzipSync(zip));
    expect(names).toEqual(expect.arrayContaining(['manifest.json', 'case.json', 'custody.json', `exports/${exp.id}.txt`, ...aEv.map((e) => `evidence/${e.sha256}`)]));
    const manifest = JSON.parse(strFromU8(unzipSync(zip)['manifest.json']));
    expect(manifest.entries.map((e: { name: string }) => e.name).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());

    const data = tempDir();
    const fresh = tempCore({ dataDir: data });
    const imp = await fresh.api.call('cases.importBundle', { dataBase64: r.dataBase64!, source: 'case-a.zip' });
    expect(imp).toMatchObject({ originalId: a.id, renamed: false, case: { id: a.id, title: 'Case A' }, imported: { events: 1, evidence: 3, files: 3, drafts: 1, exports: 1, exportFiles: 1 } });
    const verify = await fresh.api.call('evidence.verify', { caseId: a.id });
    expect(verify.ok).toBe(true);
    expect(verify.items.every((i) => i.status === 'ok')).toBe(true);
    expect(verify.custody.anchor?.status).toBe('match');
    const log = await fresh.api.call('evidence.custody', { caseId: a.id });
    const imported = log.entries.find((e) => e.action === 'case.import');
    expect(imported?.detail).toMatchObject({ source: 'case-a.zip', originalCaseId: a.id, originalHead: { seq: imp.imported.custody } });
    expect(readFileSync(join(data, 'exports', `${exp.id}.txt`), 'utf8')).toMatch(/LinkedIn|objection/i);
    const tracking = await fresh.api.call('tracking.get', { caseId: a.id });
    expect(JSON.stringify(tracking)).toContain('LI-1');

    // The same bundle again: the ids are taken, so it comes in as a new case that still verifies clean.
    const again = await fresh.api.call('cases.importBundle', { dataBase64: r.dataBase64! });
    expect(again.renamed).toBe(true);
    expect(again.case.id).not.toBe(a.id);
    expect((await fresh.api.call('evidence.verify', { caseId: again.case.id })).ok).toBe(true);
    expect(await fresh.api.call('cases.list', {})).toHaveLength(2);
  }, 60_000);

  it('refuses a bundle with one changed byte in a file, naming the entry, and writes nothing', async () => {
    const { aEv, zip } = await exported();
    const name = `evidence/${aEv[1].sha256}`;
    const bad = rezip(zip, (f) => {
      const b = new Uint8Array(f[name]);
      b[b.length - 5] ^= 1;
      f[name] = b;
    });
    await refusedWritesNothing(bad, new RegExp(`entry "${name}" does not match the SHA-256`));
  });

  it('refuses a bundle whose manifest hash was changed', async () => {
    const { zip } = await exported();
    const bad = rezip(zip, (f) => {
      const m = JSON.parse(strFromU8(f['manifest.json']));
      m.entries[0].sha256 = '0'.repeat(64);
      f['manifest.json'] = strToU8(JSON.stringify(m));
    });
    await refusedWritesNothing(bad, /entry "case.json" does not match the SHA-256 in its manifest/);
  });

  it('refuses entries that escape: ../, absolute, backslash, and a symbolic link', async () => {
    const { zip } = await exported();
    await refusedWritesNothing(rezip(zip, (f) => void (f['../../evil'] = strToU8('x'))), /"\.\.\/\.\.\/evil" climbs out/);
    await refusedWritesNothing(rezip(zip, (f) => void (f['/etc/evil'] = strToU8('x'))), /"\/etc\/evil" is an absolute path/);
    await refusedWritesNothing(rezip(zip, (f) => void (f['evidence\\..\\evil'] = strToU8('x'))), /backslash/);
    await refusedWritesNothing(rezip(zip, (f) => void (f['notes.txt'] = strToU8('x'))), /"notes.txt" is not one Redress writes/);
    const link = zipSync({ ...unzipSync(zip), 'evidence/link': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    await refusedWritesNothing(link, /"evidence\/link" is a symbolic link/);
  });

  it('refuses a zip bomb by its declared sizes before inflating', async () => {
    const bomb = zipSync({ 'evidence/a': new Uint8Array(3 * 1024 * 1024), 'evidence/b': new Uint8Array(3 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(50_000);
    expect(() => listEntries(bomb, 4 * 1024 * 1024)).toThrow(/"evidence\/b" takes the bundle past 4 MB unpacked/);
  });

  it('CLI as a real process: case export --out, case import into a fresh folder, evidence verify exits 0', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const core = tempCore({ dataDir: data });
    const { a } = await twoCases(core, dir);
    core.close();
    const out = join(dir, 'a.zip');
    const ex = JSON.parse((await run('node', [bin, '--data-dir', data, 'case', 'export', a.id, '--out', out, '--json'])).stdout);
    expect(ex).toMatchObject({ path: out, caseId: a.id });
    expect(ex.dataBase64).toBeUndefined();
    const fresh = join(dir, 'fresh');
    const imp = await run('node', [bin, '--data-dir', fresh, 'case', 'import', out]);
    expect(imp.stdout).toMatch(new RegExp(`^Imported ${a.id}: Case A\\n1 event, 3 evidence items \\(3 files\\)`));
    const v = await run('node', [bin, '--data-dir', fresh, 'evidence', 'verify', a.id, '--json']);
    expect(JSON.parse(v.stdout).ok).toBe(true);
    writeFileSync(join(dir, 'bad.zip'), 'not a zip');
    const bad = await run('node', [bin, '--data-dir', fresh, 'case', 'import', join(dir, 'bad.zip')]).catch((e) => e);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/not a zip/);
  }, 60_000);
});
