// "I have sent it" on a real data folder: the request is recorded with the letter as sent filed as evidence, in one
// transaction, custody-logged; bad input writes nothing; a later complaint lists the letter among its exhibits.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { resolveFile } from '../../electron/core/files';
import { pdftotext, toFile } from '../pdf/support/pdf-tools';

let core: Core;
let dir: string;
let now = new Date('2026-04-30T09:00:00.000Z');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redress-sent-'));
  now = new Date('2026-04-30T09:00:00.000Z');
  core = createCore({ dataDir: dir, host: 'cli', clock: { now: () => now } });
});
afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = <T = any>(name: string, input: unknown): Promise<T> => core.api.call(name as never, input as never) as Promise<T>;

async function objectionExported(country = 'DE') {
  const c = await call<{ id: string }>('cases.create', { title: 'AI training', country, name: 'Maria Muster', email: 'maria@example.org' });
  const values = { situation: 'I write for a living; my posts are my work.' };
  const rec = await call<{ id: string; sha256: string; size: number }>('drafting.export', { caseId: c.id, templateId: 'objection', format: 'pdf', profile: 'archive', values });
  return { c, rec };
}

const counts = (caseId: string) => ({
  events: (core.ctx.db.prepare('SELECT count(*) AS n FROM case_events WHERE case_id = ?').get(caseId) as { n: number }).n,
  evidence: (core.ctx.db.prepare('SELECT count(*) AS n FROM evidence WHERE case_id = ?').get(caseId) as { n: number }).n,
  custody: (core.ctx.db.prepare('SELECT count(*) AS n FROM custody WHERE case_id = ?').get(caseId) as { n: number }).n,
});

describe('drafting.markSent', () => {
  it('records the request with the exported letter filed as evidence, same hash, custody logged', async () => {
    const { c, rec } = await objectionExported();
    const r = await call('drafting.markSent', { caseId: c.id, templateId: 'objection', exportId: rec.id, on: '2026-04-30', channel: 'webform', ref: 'LI-12345' });
    expect(r.eventType).toBe('request_sent');
    expect(r.evidenceTitle).toBe('Objection as sent, 30 April 2026');
    expect(r.sha256).toBe(rec.sha256);

    const t = await call('tracking.get', { caseId: c.id });
    const ev = t.events.find((e: { id: string }) => e.id === r.eventId);
    expect(ev).toMatchObject({ type: 'request_sent', on: '2026-04-30', channel: 'webform', requestType: 'objection', ref: 'LI-12345', evidenceIds: [r.evidenceId] });

    const items = await call<{ id: string; kind: string; sha256: string; title: string }[]>('evidence.list', { caseId: c.id });
    expect(items).toEqual([expect.objectContaining({ id: r.evidenceId, kind: 'document', sha256: rec.sha256, title: 'Objection as sent, 30 April 2026' })]);
    // The stored file is the export's bytes.
    const f = resolveFile(core.ctx, 'evidence', r.evidenceId);
    expect(f).toBeTruthy();
    expect(sha(readFileSync(f!.path))).toBe(rec.sha256);

    const log = await call<{ entries: { action: string; detail: Record<string, unknown> }[] }>('evidence.custody', { caseId: c.id });
    const actions = log.entries.map((e) => e.action);
    expect(actions.slice(-3)).toEqual(['evidence.add', 'event.add', 'draft.sent']);
    expect(log.entries.at(-1)!.detail).toMatchObject({ exportId: rec.id, evidenceId: r.evidenceId, eventId: r.eventId, sha256: rec.sha256 });
    const v = await call<{ ok: boolean }>('evidence.verify', { caseId: c.id });
    expect(v.ok).toBe(true);
  });

  it('refuses an unknown export, another case’s export, another document’s export and a bad date, writing nothing', async () => {
    const { c, rec } = await objectionExported();
    const other = await objectionExported();
    const access = await call<{ id: string }>('drafting.export', { caseId: c.id, templateId: 'access-request', format: 'text' });
    const before = counts(c.id);
    const base = { caseId: c.id, templateId: 'objection', on: '2026-04-30', channel: 'webform' };
    await expect(call('drafting.markSent', { ...base, exportId: 'exp_nope' })).rejects.toThrow(/No export "exp_nope" in this case/);
    await expect(call('drafting.markSent', { ...base, exportId: other.rec.id })).rejects.toThrow(/in this case/);
    await expect(call('drafting.markSent', { ...base, exportId: access.id })).rejects.toThrow(/another document/);
    await expect(call('drafting.markSent', { ...base, exportId: rec.id, on: '2026-05-09' })).rejects.toThrow(/after today/);
    await expect(call('drafting.markSent', { ...base, exportId: rec.id, channel: 'post' })).rejects.toThrow(/received/);
    expect(counts(c.id)).toEqual(before);
    expect(counts(other.c.id).events).toBe(0);
  });

  it('files a web form’s fields as sent when there is no export', async () => {
    const c = await call<{ id: string }>('cases.create', { title: 'AI training', country: 'IE', name: 'Aoife Byrne', email: 'aoife@example.org' });
    await call('drafting.save', { caseId: c.id, templateId: 'objection', values: { situation: 'My posts are my work.' } });
    const r = await call('drafting.markSent', { caseId: c.id, templateId: 'objection', on: '2026-04-30', channel: 'webform' });
    expect(r.evidenceTitle).toBe('Objection as sent through the web form, 30 April 2026');
    const f = resolveFile(core.ctx, 'evidence', r.evidenceId)!;
    const text = readFileSync(f.path, 'utf8');
    expect(text).toContain('Explanation (for the form');
    expect(text).toContain('My particular situation: My posts are my work.');
    expect(text).not.toContain('{{');
  });

  it('a later DPC complaint lists the objection as sent among its exhibits, and records the complaint with its authority', async () => {
    const { c, rec } = await objectionExported('DE');
    await call('drafting.markSent', { caseId: c.id, templateId: 'objection', exportId: rec.id, on: '2026-04-30', channel: 'webform', ref: 'LI-12345' });
    now = new Date('2026-06-10T09:00:00.000Z');
    const view = await call('drafting.get', { caseId: c.id, templateId: 'dpc-complaint' });
    expect(view.readiness.ready).toBe(true);
    const missing = Object.fromEntries(view.template.fields.filter((f: { required: boolean; type: string; name: string }) => f.required && !view.values[f.name]).map((f: { type: string; name: string }) => [f.name, f.type === 'check' ? 'yes' : 'Filled in for the test.']));
    const complaint = await call<{ id: string; exhibits: number }>('drafting.export', { caseId: c.id, templateId: 'dpc-complaint', format: 'pdf', profile: 'upload', values: { ...view.values, ...missing } });
    expect(complaint.exhibits).toBe(1);
    const text = pdftotext(toFile(readFileSync(resolveFile(core.ctx, 'export', complaint.id)!.path)));
    expect(text).toContain('Objection as sent, 30 April 2026');
    expect(text).toContain(rec.sha256);
    const filed = await call('drafting.markSent', { caseId: c.id, templateId: 'dpc-complaint', exportId: complaint.id, on: '2026-06-10', channel: 'webform', ref: 'DPC-1' });
    expect(filed.eventType).toBe('complaint_filed');
    expect(filed.evidenceTitle).toBe('Complaint to the DPC as sent, 10 June 2026');
    const t = await call('tracking.get', { caseId: c.id });
    expect(t.events.find((e: { id: string }) => e.id === filed.eventId)).toMatchObject({ authority: 'dpc', ref: 'DPC-1' });
  });

  it('a reminder is recorded as sent for the request it chases', async () => {
    const c = await call<{ id: string }>('cases.create', { title: 'AI training', country: 'IE', name: 'Aoife Byrne', email: 'aoife@example.org' });
    const first = await call<{ id: string }>('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-03-02', requestType: 'access' });
    await call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-20', requestType: 'objection' });
    now = new Date('2026-05-20T09:00:00.000Z');
    const rec = await call<{ id: string }>('drafting.export', { caseId: c.id, templateId: 'reminder', format: 'eml' });
    const r = await call('drafting.markSent', { caseId: c.id, templateId: 'reminder', exportId: rec.id, on: '2026-05-20', channel: 'email' });
    expect(r).toMatchObject({ eventType: 'reminder_sent', evidenceTitle: 'Reminder as sent, 20 May 2026' });
    const t = await call('tracking.get', { caseId: c.id });
    // The access request of 2 March is overdue (due early April); the objection of 20 April is not yet.
    expect(t.events.find((e: { id: string }) => e.id === r.eventId)).toMatchObject({ type: 'reminder_sent', forEventId: first.id, channel: 'email', evidenceIds: [r.evidenceId] });
    const items = await call<{ id: string; mime: string }[]>('evidence.list', { caseId: c.id });
    expect(items).toEqual([expect.objectContaining({ id: r.evidenceId, mime: 'message/rfc822' })]);
  });
});
