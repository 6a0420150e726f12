import { existsSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCore, tempDir } from '../support/tmp';
import { twoCases } from './fixture';

// A case delete renames the case's export files to trash names inside its transaction and removes them after the
// commit. A process killed between those steps leaves one of two states on disk; the next start must settle each.
describe('export files left under trash names by a delete that was cut off', () => {
  it('puts a file back when its export row survived (the delete never committed)', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const core = tempCore({ dataDir: data });
    const { a, exp } = await twoCases(core, dir);
    core.close();
    const home = join(data, 'exports', `${exp.id}.txt`);
    const before = readFileSync(home);
    const trash = join(data, 'exports', `trash-0123456789ab-${exp.id}.txt`);
    renameSync(home, trash); // the state a kill -9 before the commit leaves: row present, file renamed

    const again = tempCore({ dataDir: data });
    expect(existsSync(trash)).toBe(false);
    expect(readFileSync(home)).toEqual(before);
    expect((await again.api.call('drafting.exports', { caseId: a.id })).map((e) => e.id)).toEqual([exp.id]);
  });

  it('removes a file whose export row is gone (the delete committed), and leaves anything not of its making', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const core = tempCore({ dataDir: data });
    const { exp } = await twoCases(core, dir);
    const home = join(data, 'exports', `${exp.id}.txt`);
    const trash = join(data, 'exports', `trash-0123456789ab-${exp.id}.txt`);
    renameSync(home, trash);
    // The delete's commit: the rows go, the process dies before emptying the trash.
    core.ctx.db.prepare('DELETE FROM exports WHERE id = ?').run(exp.id);
    core.close();
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'not Redress’s');
    writeFileSync(join(data, 'exports', 'trash-notes.txt'), 'a user file with a trash-like name');
    symlinkSync(outside, join(data, 'exports', 'trash-aaaaaaaaaaaa-exp_link.txt'));

    tempCore({ dataDir: data });
    const left = readdirSync(join(data, 'exports')).sort();
    expect(left).toEqual(['trash-aaaaaaaaaaaa-exp_link.txt', 'trash-notes.txt']);
    expect(readFileSync(outside, 'utf8')).toBe('not Redress’s');
  });
});
