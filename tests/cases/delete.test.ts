import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempCore, tempDir } from '../support/tmp';
import { twoCases } from './fixture';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', 'bin', 'redress.mjs');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
}

describe('cases.delete', () => {
  it('refuses without confirm and keeps the case', async () => {
    const core = tempCore();
    const c = await core.api.call('cases.create', { title: 'Keep', country: 'GB', name: 'N', email: 'n@example.org' });
    await expect(core.api.call('cases.delete', { id: c.id } as never)).rejects.toThrow(/confirm: true/);
    await expect(core.api.call('cases.delete', { id: c.id, confirm: false } as never)).rejects.toThrow(/confirm: true/);
    expect((await core.api.call('cases.get', { id: c.id })).title).toBe('Keep');
  });

  it('removes the case with its rows and files; a file shared by content with another case stays and verifies clean', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const core = tempCore({ dataDir: data });
    const { a, b, aEv, bEv, exp } = await twoCases(core, dir);
    const exportFile = join(data, 'exports', `${exp.id}.txt`);
    expect(existsSync(exportFile)).toBe(true);
    const anchors = () => JSON.parse(readFileSync(`${join(data, 'redress.sqlite')}.custody-heads.json`, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(anchors())).toEqual(expect.arrayContaining([a.id, b.id]));
    core.close();

    // The CLI as a real process: without --yes it refuses and deletes nothing.
    const refused = await run('node', [bin, '--data-dir', data, 'case', 'delete', a.id, '--json']).catch((e) => e);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/--yes/);

    const { stdout } = await run('node', [bin, '--data-dir', data, 'case', 'delete', a.id, '--yes', '--json']);
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({ id: a.id, title: 'Case A', keptShared: 1, deleted: { events: 1, evidence: 3, files: 2, drafts: 1, exports: 1, exportFiles: 1 } });
    expect(r.deleted.custody).toBeGreaterThan(3);

    const again = tempCore({ dataDir: data });
    await expect(again.api.call('cases.get', { id: a.id })).rejects.toThrow(/No case/);
    expect((await again.api.call('cases.list', {})).map((c) => c.id)).toEqual([b.id]);
    const shared = bEv[0].sha256;
    const blobs = filesUnder(join(data, 'evidence'));
    expect(blobs).toEqual([shared]);
    for (const e of aEv.filter((e) => e.sha256 !== shared)) expect(existsSync(e.storedPath)).toBe(false);
    expect(existsSync(exportFile)).toBe(false);
    expect(filesUnder(join(data, 'exports'))).toEqual([]);
    expect(Object.keys(anchors())).toEqual([b.id]);
    const db = again.ctx.db;
    for (const t of ['custody', 'evidence', 'case_events', 'drafts', 'exports', 'case_index']) expect(db.prepare(`SELECT count(*) AS n FROM ${t} WHERE case_id = ?`).get(a.id)).toEqual({ n: 0 });

    const verify = await again.api.call('evidence.verify', { caseId: b.id });
    expect(verify.ok).toBe(true);

    const human = await run('node', [bin, '--data-dir', data, 'case', 'delete', b.id, '--yes']);
    expect(human.stdout).toMatch(/^Deleted .*Case B\n0 events, 1 evidence item \(1 file\)/);
    expect(filesUnder(join(data, 'evidence'))).toEqual([]);
  }, 60_000);
});
