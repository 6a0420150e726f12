import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makePng, tempCore, type TempCore } from './helpers';

let t: TempCore;
beforeEach(async () => {
  t = await tempCore();
});
afterEach(() => t.close());

async function addTwo() {
  const dir = join(t.dir, 'src');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.png'), makePng());
  writeFileSync(join(dir, 'letter.txt'), 'Dear LinkedIn, I object.');
  return t.core.api.call('evidence.add', { caseId: t.caseId, paths: [join(dir, 'settings.png'), join(dir, 'letter.txt')] });
}

const eventsNow = async () => (await t.core.api.call('tracking.get', { caseId: t.caseId })).events.map((e) => ({ id: e.id, evidenceIds: e.evidenceIds }));

test('deleting an item that events hold names them first, then takes it off them in the same write and logs which', async () => {
  const [shot, letter] = await addTwo();
  const sent = await t.core.api.call('tracking.addEvent', { caseId: t.caseId, type: 'request_sent', on: '2026-04-30', evidenceIds: [shot.id, letter.id] });
  const note = await t.core.api.call('tracking.addEvent', { caseId: t.caseId, type: 'note', on: '2026-05-02', note: 'Screenshot again', evidenceIds: [shot.id] });

  const held = await t.core.api.call('evidence.holders', { id: shot.id });
  expect(held.events).toEqual([
    { eventId: sent.id, type: 'request_sent', typeLabel: 'Request sent', on: '2026-04-30' },
    { eventId: note.id, type: 'note', typeLabel: 'Note', on: '2026-05-02' },
  ]);
  expect((await t.core.api.call('evidence.holders', { id: letter.id })).events.map((e) => e.eventId)).toEqual([sent.id]);

  const r = await t.core.api.call('evidence.delete', { id: shot.id, confirm: true });
  expect(r).toEqual({ deleted: shot.id, detachedFrom: held.events });

  // Read back from the file, not from anything the open core may hold.
  await t.reopen();
  const events = await eventsNow();
  expect(events.find((e) => e.id === sent.id)?.evidenceIds).toEqual([letter.id]);
  expect(events.find((e) => e.id === note.id)?.evidenceIds).toEqual([]);
  const links = t.core.ctx.db.prepare('SELECT count(*) AS n FROM case_event_evidence WHERE evidence_id = ?').get(shot.id) as { n: number };
  expect(links.n).toBe(0);

  const log = await t.core.api.call('evidence.custody', { caseId: t.caseId });
  expect(log.ok).toBe(true);
  const entry = log.entries.find((e) => e.action === 'evidence.delete');
  expect(entry?.detail).toMatchObject({
    evidenceId: shot.id,
    detachedFromEvents: [sent.id, note.id],
    detachedFrom: 'Request sent on 2026-04-30; Note on 2026-05-02',
  });
  expect((await t.core.api.call('evidence.verify', { caseId: t.caseId })).ok).toBe(true);
});

test('an item no event holds deletes as before, and a failed delete leaves the events holding it', async () => {
  const [shot, letter] = await addTwo();
  expect((await t.core.api.call('evidence.holders', { id: letter.id })).events).toEqual([]);
  expect(await t.core.api.call('evidence.delete', { id: letter.id, confirm: true })).toEqual({ deleted: letter.id, detachedFrom: [] });
  const log = await t.core.api.call('evidence.custody', { caseId: t.caseId });
  expect(log.entries.find((e) => e.action === 'evidence.delete')?.detail).not.toHaveProperty('detachedFromEvents');

  const sent = await t.core.api.call('tracking.addEvent', { caseId: t.caseId, type: 'request_sent', on: '2026-04-30', evidenceIds: [shot.id] });
  // A custody write that fails inside the transaction rolls the whole delete back: the link stays with the row.
  t.core.ctx.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON custody WHEN NEW.action = 'evidence.delete' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
  await expect(t.core.api.call('evidence.delete', { id: shot.id, confirm: true })).rejects.toThrow(/refused/);
  t.core.ctx.db.exec('DROP TRIGGER refuse');
  expect((await eventsNow()).find((e) => e.id === sent.id)?.evidenceIds).toEqual([shot.id]);
  expect((await t.core.api.call('evidence.list', { caseId: t.caseId })).map((e) => e.id)).toContain(shot.id);
  await expect(t.core.api.call('evidence.holders', { id: 'ev_missing' })).rejects.toThrow(/No evidence item/);
});

test('dead ids an older Redress left on events are dropped once at start, and the custody log says which', async () => {
  const [shot] = await addTwo();
  const sent = await t.core.api.call('tracking.addEvent', { caseId: t.caseId, type: 'request_sent', on: '2026-04-30', evidenceIds: [shot.id] });
  // What a delete did before this fix: the item's row went, its link from the event stayed.
  t.core.ctx.db.prepare('INSERT INTO case_event_evidence (event_id, evidence_id) VALUES (?, ?)').run(sent.id, 'ev_gone');
  const entries = async () => (await t.core.api.call('evidence.custody', { caseId: t.caseId })).entries;
  const before = (await entries()).length;
  await t.reopen();
  expect((await eventsNow()).find((e) => e.id === sent.id)?.evidenceIds).toEqual([shot.id]);
  const log = await t.core.api.call('evidence.custody', { caseId: t.caseId });
  expect(log.ok).toBe(true);
  expect(log.entries.length).toBe(before + 1);
  expect(log.entries.at(-1)).toMatchObject({ action: 'evidence.links.repair', detail: { links: `${sent.id} lost ev_gone` } });
  // A clean database is left alone: nothing more is logged on the next start.
  await t.reopen();
  expect((await entries()).length).toBe(before + 1);
  expect((await t.core.api.call('evidence.verify', { caseId: t.caseId })).ok).toBe(true);
});
