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
    await expect(core.api.call('tracking.updateEvent', { id: req.id, type: 'request_sent', on: '2026-05-21' })).rejects.toThrow(
      /“Response received” on 2026-05-20 would come before the “Request sent” it belongs to, on 2026-05-21/,
    );
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

  it('requests have a type, answers store the request they belong to, and a wrong link is refused with a reason', async () => {
    const core = makeCore('2026-06-20');
    const c = await newCase(core, { country: 'GB' });
    const objection = await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30' });
    const access = await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-05-04', requestType: 'access' });
    expect([objection.requestType, access.requestType]).toEqual(['objection', 'access']);
    // Stored when written: the latest open request before it.
    const ack = await core.api.call('tracking.addEvent', { caseId: c.id, type: 'acknowledged', on: '2026-05-05' });
    expect(ack.forEventId).toBe(access.id);
    const reply = await core.api.call('tracking.addEvent', { caseId: c.id, type: 'response_received', on: '2026-05-20', forEventId: objection.id });
    expect(reply.forEventId).toBe(objection.id);
    const q = await core.api.call('tracking.addEvent', { caseId: c.id, type: 'clarification_requested', on: '2026-05-06', asks: 'identity' });
    expect([q.forEventId, q.asks]).toEqual([access.id, 'identity']);
    for (const [input, message] of [
      [{ type: 'response_received', on: '2026-05-21', forEventId: 'evt_nope' }, /not in this case/],
      [{ type: 'response_received', on: '2026-05-21', forEventId: ack.id }, /can belong to a “Request sent” or “Complaint to the organisation”, not to a “Receipt acknowledged”/],
      [{ type: 'extension_notified', on: '2026-04-29', forEventId: access.id }, /would come before the “Request sent” it belongs to, on 2026-05-04/],
      [{ type: 'clarification_answered', on: '2026-05-10', forEventId: objection.id }, /needs a “Clarification requested” for the same request/],
      [{ type: 'note', on: '2026-05-10', forEventId: objection.id }, /does not answer another event/],
      [{ type: 'note', on: '2026-05-10', requestType: 'access' }, /only applies to a request/],
      [{ type: 'request_sent', on: '2026-05-10', requestType: 'portability' }, /Request type must be one of: objection, access, erasure, other/],
      [{ type: 'response_received', on: '2026-05-10', asks: 'identity' }, /only applies to a clarification request/],
      [{ type: 'organisation_complaint', on: '2026-06-19', channel: 'post' }, /received/],
    ] as const) {
      await expect(core.api.call('tracking.addEvent', { caseId: c.id, ...input } as never)).rejects.toThrow(message);
    }
    // A request with events that belong to it cannot be deleted, nor turned into another type.
    await expect(core.api.call('tracking.deleteEvent', { id: access.id })).rejects.toThrow(/needs a “Request sent”/);
    await expect(core.api.call('tracking.updateEvent', { id: access.id, type: 'note', on: '2026-05-04' })).rejects.toThrow(/not to a “Note”/);
    const t = await core.api.call('tracking.get', { caseId: c.id });
    // The objection is answered; the access request waits for the proof of identity (Art 12A): its clock is paused.
    expect(t.deadlines.filter((d) => d.kind === 'response_due').map((d) => [d.requestType, d.state])).toEqual([
      ['objection', 'met'],
      ['access', 'paused'],
    ]);
    expect(t.facts.requests.map((r) => [r.type, r.reply?.on ?? null, r.acknowledgements.length])).toEqual([
      ['objection', '2026-05-20', 0],
      ['access', null, 1],
    ]);
    expect(t.nextStep.text).toMatch(/asked you for proof of identity on 6 May 2026 about your access request: the clock is stopped/);
  });
});
