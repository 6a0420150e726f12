import { describe, expect, it, vi } from 'vitest';

// The custody log is the evidence work's; here we check that every write reports to it.
const custody = vi.hoisted(() => ({ calls: [] as unknown[][] }));
vi.mock('../../electron/core/evidence/custody', () => ({
  appendCustody: (_ctx: unknown, ...args: unknown[]) => custody.calls.push(args),
}));
vi.mock('../../electron/core/evidence/query', () => ({
  listEvidenceForCase: (_ctx: unknown, caseId: string) => [
    { id: 'ev_reply', caseId, kind: 'correspondence', title: 'Reply email', addedAt: '', sha256: 'x', mime: 'message/rfc822', size: 1 },
  ],
  evidenceFiles: () => ({ primary: null, screenshot: null, text: null }),
}));

import { count, makeCore, newCase } from './helpers';

describe('events', () => {
  it('adding a request computes the reply date, moves the status and reports to the custody log', async () => {
    const core = makeCore('2026-05-10');
    const c = await newCase(core);
    custody.calls.length = 0;
    const e = await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30', ref: 'LI-2026-0042' });
    expect(e.channel).toBe('webform');
    const t = await core.api.call('tracking.get', { caseId: c.id });
    expect(t.deadlines.map((d) => [d.kind, d.due, d.state])).toEqual([['response_due', '2026-06-02', 'open']]);
    expect(t.derivedStatus).toBe('request_sent');
    expect(t.status).toBe('request_sent');
    expect(t.nextStep.text).toContain('2 June 2026');
    expect(custody.calls).toEqual([[c.id, 'event.add', { eventId: e.id, type: 'request_sent', on: '2026-04-30' }]]);
  });

  it('refuses an impossible date, an unknown type, a future date and a reply before the request; nothing is written', async () => {
    const core = makeCore('2026-06-10');
    const c = await newCase(core);
    await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30' });
    const bad = [
      [{ type: 'request_sent', on: '2026-02-30' }, /2026-02-30 does not exist/],
      [{ type: 'sent_by_pigeon', on: '2026-05-01' }, /Type must be one of/],
      [{ type: 'note', on: '2026-13-01' }, /does not exist/],
      [{ type: 'note', on: '30/04/2026' }, /YYYY-MM-DD/],
      [{ type: 'note', on: '2026-07-01' }, /after today/],
      [{ type: 'response_received', on: '2026-04-29' }, /before the first “Request sent” on 2026-04-30/],
      [{ type: 'authority_decision', on: '2026-05-29' }, /needs a “Complaint filed” event first/],
      [{ type: 'request_sent', on: '2026-05-02', receivedOn: '2026-05-01' }, /before the sent date/],
      [{ type: 'request_sent', on: '2026-05-02', channel: 'post' }, /received it/],
      [{ type: 'complaint_filed', on: '2026-06-03' }, /which authority/],
      [{ type: 'note', on: '2026-05-01', receivedOn: '2026-05-02' }, /only applies to a request/],
      [{ type: 'note', on: '2026-05-01', note: 'x'.repeat(10_001) }, /at most 10,000 characters/],
      [{ type: 'request_sent', on: '2026-05-02', receivedOn: '2026-02-31' }, /Received date 2026-02-31 does not exist/],
      [{ type: 'request_sent', on: '2026-05-02', channel: 'pigeon' }, /Channel must be one of: webform, email, post/],
      [{ type: 'note', on: '2026-05-01', ref: 'LI\u0007' }, /control characters/],
      [{ type: 'note', on: '2026-05-01', evidenceIds: ['ev_other'] }, /No evidence "ev_other" in this case/],
    ] as const;
    for (const [input, message] of bad) {
      await expect(core.api.call('tracking.addEvent', { caseId: c.id, ...input } as never)).rejects.toThrow(message);
    }
    expect(count(core, 'case_events')).toBe(1);
    // Empty optional fields from a form mean "not given".
    const blank = await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-05-02', receivedOn: '', channel: '', ref: '', note: '' } as never);
    expect([blank.receivedOn, blank.channel, blank.ref, blank.note]).toEqual([null, 'webform', null, null]);
    await expect(core.api.call('tracking.addEvent', { caseId: 'case_nope', type: 'note', on: '2026-05-01' })).rejects.toThrow(/No case/);
  });

  it('keeps a 10,000-character note in Greek and Polish, and attached evidence', async () => {
    const core = makeCore();
    const c = await newCase(core);
    const note = ('Zażółć gęślą jaźń — Καλημέρα κόσμε. ').repeat(400).slice(0, 10_000);
    const e = await core.api.call('tracking.addEvent', { caseId: c.id, type: 'note', on: '2026-05-01', note, evidenceIds: ['ev_reply'] });
    expect(e.note).toBe(note.trim());
    expect(e.evidenceIds).toEqual(['ev_reply']);
  });

  it('edits and deletes keep the timeline possible, and each is logged', async () => {
    const core = makeCore('2026-07-01');
    const c = await newCase(core);
    const req = await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30' });
    const resp = await core.api.call('tracking.addEvent', { caseId: c.id, type: 'response_received', on: '2026-05-20' });
    custody.calls.length = 0;
    // Moving the request after its reply would make the reply come first.
    await expect(core.api.call('tracking.updateEvent', { id: req.id, type: 'request_sent', on: '2026-05-21' })).rejects.toThrow(/before the first/);
    await expect(core.api.call('tracking.deleteEvent', { id: req.id })).rejects.toThrow(/needs a “Request sent”/);
    expect((await core.api.call('tracking.get', { caseId: c.id })).events.map((e) => e.on)).toEqual(['2026-04-30', '2026-05-20']);

    await core.api.call('tracking.updateEvent', { id: req.id, type: 'request_sent', on: '2026-04-29', ref: 'LI-1' });
    await core.api.call('tracking.deleteEvent', { id: resp.id });
    const t = await core.api.call('tracking.get', { caseId: c.id });
    expect(t.events).toHaveLength(1);
    // 29 Apr 2026 -> Fri 29 May 2026, a working day in Ireland; the deleted reply no longer meets it.
    expect(t.deadlines[0]).toMatchObject({ due: '2026-05-29', state: 'open' });
    expect(custody.calls.map((x) => x[1])).toEqual(['event.edit', 'event.delete']);
    expect(custody.calls[0][2]).toMatchObject({ before: { on: '2026-04-30' }, after: { on: '2026-04-29', ref: 'LI-1' } });
  });

  it('a status set by hand overrides the events until the user returns to the derived one', async () => {
    const core = makeCore();
    const c = await newCase(core);
    await core.api.call('cases.setStatus', { id: c.id, status: 'closed', reason: 'Settled by phone' });
    await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30' });
    let t = await core.api.call('tracking.get', { caseId: c.id });
    expect([t.status, t.derivedStatus, t.statusOverridden, t.statusReason]).toEqual(['closed', 'request_sent', true, 'Settled by phone']);
    t = await core.api.call('tracking.useDerivedStatus', { caseId: c.id });
    expect([t.status, t.statusOverridden, t.statusReason]).toEqual(['request_sent', false, null]);
    expect((await core.api.call('cases.list', { status: 'request_sent' })).map((x) => x.id)).toEqual([c.id]);
  });
});
