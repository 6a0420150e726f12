import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { appendCustody } from '../../electron/core/evidence/custody';
import { makePng, tempCore, type TempCore } from './helpers';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.close());

async function addTwo() {
  const dir = join(t.dir, 'src');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a.png'), makePng());
  writeFileSync(join(dir, 'b.txt'), 'A letter to LinkedIn.');
  return t.core.api.call('evidence.add', { caseId: t.caseId, paths: [join(dir, 'a.png'), join(dir, 'b.txt')] });
}

test('the custody log is a hash chain that other features append to', async () => {
  await addTwo();
  appendCustody(t.core.ctx, t.caseId, 'draft.export', { template: 'objection', sha256: 'b'.repeat(64) });
  const log = await t.core.api.call('evidence.custody', { caseId: t.caseId });
  expect(log.ok).toBe(true);
  expect(log.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
  expect(log.entries[0].prevHash).toBe('0'.repeat(64));
  expect(log.entries[1].prevHash).toBe(log.entries[0].hash);
  expect(log.entries[2]).toMatchObject({ action: 'draft.export', detail: { template: 'objection' } });
});

test('verify reports ok, then modified and missing files, and a row removed behind Redress back', async () => {
  const [a, b] = await addTwo();
  let r = await t.core.api.call('evidence.verify', { caseId: t.caseId });
  expect(r.ok).toBe(true);
  expect(r.items.map((i) => i.status)).toEqual(['ok', 'ok']);

  appendFileSync(a.storedPath, 'x');
  rmSync(b.storedPath);
  r = await t.core.api.call('evidence.verify', { caseId: t.caseId });
  expect(r.ok).toBe(false);
  expect(Object.fromEntries(r.items.map((i) => [i.id, i.status]))).toEqual({ [a.id]: 'modified', [b.id]: 'missing' });

  t.core.ctx.db.prepare('DELETE FROM evidence WHERE id = ?').run(b.id);
  r = await t.core.api.call('evidence.verify', { caseId: t.caseId });
  expect(r.items.find((i) => i.id === b.id)).toMatchObject({ status: 'missing', problems: ['its record was removed outside Redress'] });
  // Each verification is itself in the log.
  const log = await t.core.api.call('evidence.custody', { caseId: t.caseId });
  expect(log.entries.filter((e) => e.action === 'evidence.verify')).toHaveLength(3);
});

test('an edited or removed custody entry breaks the chain, and verify says which', async () => {
  await addTwo();
  await t.core.api.call('evidence.verify', { caseId: t.caseId });
  const db = t.core.ctx.db;
  db.prepare("UPDATE custody SET detail = '{\"evidenceId\":\"forged\"}' WHERE case_id = ? AND seq = 2").run(t.caseId);
  let r = await t.core.api.call('evidence.verify', { caseId: t.caseId });
  expect(r.ok).toBe(false);
  expect(r.custody).toMatchObject({ ok: false, problem: 'Entry 2 (evidence.add) was changed after it was written.' });

  db.prepare("UPDATE custody SET detail = '{}' WHERE case_id = ? AND seq = 2").run(t.caseId);
  db.prepare('DELETE FROM custody WHERE case_id = ? AND seq = 2').run(t.caseId);
  r = await t.core.api.call('evidence.verify', { caseId: t.caseId });
  expect(r.custody.problem).toBe('Entry 2 is missing (the log jumps to 3).');
});

test('entries cut from the end of the log are noticed through the items they recorded', async () => {
  const [, b] = await addTwo();
  t.core.ctx.db.prepare('DELETE FROM custody WHERE case_id = ? AND seq = 2').run(t.caseId);
  let r = await t.core.api.call('evidence.verify', { caseId: t.caseId });
  expect(r.ok).toBe(false);
  // The head anchored beside the database shows the cut first ...
  expect(r.custody.problem).toBe('The log ends at entry 1, but its anchored head was entry 2: entries were cut from its end.');
  expect(r.custody.anchor?.status).toBe('truncated');
  // ... and once the copy has moved on (this verification was logged and anchored), the item whose arrival is no
  // longer logged still gives it away.
  r = await t.core.api.call('evidence.verify', { caseId: t.caseId });
  expect(r.ok).toBe(false);
  expect(r.custody.problem).toBe(`The log has no entry for the arrival of ${b.id}: entries were removed from its end.`);
});

test('delete needs confirmation, removes the row and the unshared file, and is logged', async () => {
  const [a] = await addTwo();
  await expect(t.core.api.call('evidence.delete', { id: a.id })).rejects.toThrow(/confirm: true/);
  await t.core.api.call('evidence.delete', { id: a.id, confirm: true });
  const list = await t.core.api.call('evidence.list', { caseId: t.caseId });
  expect(list.map((e) => e.id)).not.toContain(a.id);
  const { existsSync } = await import('node:fs');
  expect(existsSync(a.storedPath)).toBe(false);
  const r = await t.core.api.call('evidence.verify', { caseId: t.caseId });
  expect(r.ok).toBe(true);
  const log = await t.core.api.call('evidence.custody', { caseId: t.caseId });
  expect(log.entries.map((e) => e.action)).toContain('evidence.delete');
});
