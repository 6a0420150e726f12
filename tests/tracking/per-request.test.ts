// The rules added after the first version was read against the statutes (Nov 2026): a clock per request, the UK's
// Art 12A pause, DPA 2018 s.164A and s.166, Switzerland, and US state laws. Every expected date is worked out by hand
// from the rule quoted beside it and a printed calendar, never from the code.
import { describe, expect, it } from 'vitest';
import { computeDeadlines, type EventLike } from '../../electron/core/tracking/deadlines';
import { trackingFacts } from '../../electron/core/tracking/facts';

let n = 0;
const ev = (type: EventLike['type'], on: string, extra: Partial<EventLike> = {}): EventLike => ({ id: `e${++n}`, type, on, ...extra });
const of = (country: string, events: EventLike[], region: string | null = null) => computeDeadlines(country, events, region);
const replyFor = (country: string, events: EventLike[], requestId: string, region: string | null = null) =>
  of(country, events, region).find((d) => d.kind === 'response_due' && d.fromEventId === requestId);

describe('a clock per request', () => {
  it('two requests keep two dates: objection Thu 30 Apr 2026 -> Tue 2 Jun; access Fri 15 May -> Mon 15 Jun 2026 (Ireland)', () => {
    const objection = ev('request_sent', '2026-04-30', { requestType: 'objection' });
    const access = ev('request_sent', '2026-05-15', { requestType: 'access' });
    const ds = of('DE', [objection, access]);
    expect(ds.filter((d) => d.kind === 'response_due').map((d) => [d.requestType, d.due, d.label])).toEqual([
      ['objection', '2026-06-02', 'Reply to your objection of 30 April 2026'],
      ['access', '2026-06-15', 'Reply to your access request of 15 May 2026'],
    ]);
    expect(new Set(ds.map((d) => d.id)).size).toBe(ds.length);
  });

  it('a reply belongs to the latest open request before it, unless it names one', () => {
    const objection = ev('request_sent', '2026-04-30');
    const access = ev('request_sent', '2026-05-15', { requestType: 'access' });
    // By default the reply of 20 May answers the access request (the latest still open): the objection stays open.
    let events = [objection, access, ev('response_received', '2026-05-20')];
    expect([replyFor('DE', events, objection.id)?.state, replyFor('DE', events, access.id)?.state]).toEqual(['open', 'met']);
    // Named: it answers the objection, and the access request stays open.
    events = [objection, access, ev('response_received', '2026-05-20', { forEventId: objection.id })];
    expect([replyFor('DE', events, objection.id)?.state, replyFor('DE', events, access.id)?.state]).toEqual(['met', 'open']);
    // A second reply with no name goes to the one still open.
    events = [...events, ev('response_received', '2026-05-22')];
    expect(replyFor('DE', events, access.id)?.state).toBe('met');
  });

  it('an extension moves only its own request: objection extended to Thu 30 Jul 2026, access still Mon 15 Jun', () => {
    const objection = ev('request_sent', '2026-04-30');
    const access = ev('request_sent', '2026-05-15', { requestType: 'access' });
    const events = [objection, access, ev('extension_notified', '2026-05-20', { forEventId: objection.id })];
    expect(replyFor('DE', events, objection.id)?.due).toBe('2026-07-30');
    expect(replyFor('DE', events, access.id)?.due).toBe('2026-06-15');
  });

  it('an acknowledgement is not a reply: the date stays open and the steps say so', () => {
    const r = ev('request_sent', '2026-04-30');
    const d = replyFor('DE', [r, ev('acknowledged', '2026-05-01')], r.id)!;
    expect([d.due, d.state]).toEqual(['2026-06-02', 'open']);
    expect(d.steps.join(' ')).toMatch(/acknowledged receipt on 2026-05-01.*not information on action taken/);
  });

  it('month ends: 31 Mar -> 30 Apr 2026 (Thu, England); 31 Aug -> 30 Sep 2026 (Wed); 31 Oct -> 30 Nov 2026 (Mon, Ireland)', () => {
    for (const [country, sent, due] of [
      ['GB', '2026-03-31', '2026-04-30'],
      ['GB', '2026-08-31', '2026-09-30'],
      ['IE', '2026-10-31', '2026-11-30'],
    ]) {
      const r = ev('request_sent', sent);
      expect(replyFor(country, [r], r.id)?.due).toBe(due);
    }
  });

  it('a complaint filed while a reply is still running does not make that reply date moot', () => {
    const objection = ev('request_sent', '2026-04-30'); // due 2 Jun, passed when the complaint was filed
    const access = ev('request_sent', '2026-06-05', { requestType: 'access' }); // due 6 Jul 2026 (a Monday)
    const events = [objection, access, ev('complaint_filed', '2026-06-10', { authority: 'dpc' })];
    expect(replyFor('DE', events, objection.id)?.state).toBe('moot');
    expect(replyFor('DE', events, access.id)).toMatchObject({ due: '2026-07-06', state: 'open' });
  });
});

describe('UK GDPR Art 12A (in force 5 Feb 2026): the clock stops for clarification', () => {
  // Art 12A, as DPA 2018 s.54(3C) words the same rule: "the period beginning with the day on which the controller makes
  // the request and ending with the day on which the controller receives the information does not count".
  it('details asked Tue 10 Mar, answered Fri 20 Mar: 11 days (both included) do not count; 2 Apr 2026 -> Mon 13 Apr 2026', () => {
    const r = ev('request_sent', '2026-03-02', { requestType: 'access' });
    const q = ev('clarification_requested', '2026-03-10', { asks: 'details' });
    const a = ev('clarification_answered', '2026-03-20');
    const d = replyFor('GB', [r, q, a], r.id)!;
    expect(d.due).toBe('2026-04-13');
    expect(d.state).toBe('open');
    expect(d.source).toMatch(/UK GDPR Arts 12\(3\) and 12A/);
    expect(d.steps.join('\n')).toMatch(/11 days do not count \(UK GDPR Art 12A\)[\s\S]*11 days did not count/);
  });

  it('while the member has not answered, the clock is paused', () => {
    const r = ev('request_sent', '2026-03-02', { requestType: 'access' });
    const d = replyFor('GB', [r, ev('clarification_requested', '2026-03-10')], r.id)!;
    expect(d.state).toBe('paused');
    expect(d.steps.join(' ')).toMatch(/clock is stopped until you answer/);
  });

  it('identity asked Wed 4 Mar, sent Mon 9 Mar: the month runs from 9 Mar -> Thu 9 Apr 2026', () => {
    const r = ev('request_sent', '2026-03-02');
    const events = [r, ev('clarification_requested', '2026-03-04', { asks: 'identity' }), ev('clarification_answered', '2026-03-09')];
    expect(replyFor('GB', events, r.id)?.due).toBe('2026-04-09');
  });

  it('the pause also moves the time for notice of an extension: notice on 10 Apr (after 2 Apr, before 13 Apr) counts; 2 Jun + 11 days = Sat 13 Jun -> Mon 15 Jun 2026', () => {
    const r = ev('request_sent', '2026-03-02');
    const events = [r, ev('clarification_requested', '2026-03-10'), ev('clarification_answered', '2026-03-20'), ev('extension_notified', '2026-04-10')];
    expect(replyFor('GB', events, r.id)?.due).toBe('2026-06-15');
  });

  it('a request received before 5 Feb 2026 follows the old rules: no pause; 3 Feb -> Tue 3 Mar 2026', () => {
    const r = ev('request_sent', '2026-02-03');
    const events = [r, ev('clarification_requested', '2026-02-10'), ev('clarification_answered', '2026-02-20')];
    const d = replyFor('GB', events, r.id)!;
    expect(d.due).toBe('2026-03-03');
    expect(d.source).not.toMatch(/12A/);
  });

  it('the EU GDPR has no pause: the date stands and the steps say why', () => {
    const r = ev('request_sent', '2026-04-30');
    const d = replyFor('DE', [r, ev('clarification_requested', '2026-05-04'), ev('clarification_answered', '2026-05-10')], r.id)!;
    expect(d.due).toBe('2026-06-02');
    expect(d.steps.join(' ')).toMatch(/no rule that stops the clock/);
  });
});

describe('DPA 2018 s.164A: a complaint to the organisation, acknowledged within 30 days (from 19 June 2026)', () => {
  // ICO guidance: the 30 days begin the day after receipt; a last day on a weekend or bank holiday moves to the next
  // working day (England and Wales).
  const ack = (events: EventLike[]) => of('GB', events).find((d) => d.kind === 'organisation_ack_due');

  it('received Fri 19 Jun 2026: day 30 is Sun 19 Jul -> Mon 20 Jul 2026', () => {
    expect(ack([ev('organisation_complaint', '2026-06-19')])?.due).toBe('2026-07-20');
  });

  it('received Mon 2 Nov 2026 -> Wed 2 Dec 2026', () => {
    expect(ack([ev('organisation_complaint', '2026-11-02')])?.due).toBe('2026-12-02');
  });

  it('received Thu 26 Nov 2026: day 30 is Sat 26 Dec (Boxing Day), Sun 27, Mon 28 is its substitute -> Tue 29 Dec 2026', () => {
    const d = ack([ev('organisation_complaint', '2026-11-26')])!;
    expect(d.due).toBe('2026-12-29');
    expect(d.source).toMatch(/s\.164A/);
  });

  it('met by an acknowledgement that belongs to it, not before 19 June 2026, not outside the UK', () => {
    const c = ev('organisation_complaint', '2026-11-02');
    expect(ack([c, ev('acknowledged', '2026-11-05')])?.state).toBe('met');
    expect(ack([ev('organisation_complaint', '2026-06-18')])).toBeUndefined();
    expect(of('DE', [ev('organisation_complaint', '2026-11-02')])).toEqual([]);
    const facts = trackingFacts({ country: 'GB' }, [ev('organisation_complaint', '2026-06-18')], '2026-07-01');
    expect(facts.organisationComplaints[0].noDeadlineReason).toMatch(/from 19 June 2026/);
  });
});

describe('DPA 2018 s.166: three months beginning when the ICO received the complaint, no roll-over, and again each three months', () => {
  const progress = (events: EventLike[], country = 'GB') => of(country, events).find((d) => d.kind === 'authority_progress_due');

  it('received Sun 31 May 2026 -> Mon 31 Aug 2026, a bank holiday, not moved; then 30 Nov 2026, 28 Feb 2027, 31 May 2027, 31 Aug 2027', () => {
    const d = progress([ev('complaint_filed', '2026-05-31', { authority: 'ICO' })])!;
    expect(d.due).toBe('2026-08-31');
    expect(d.further).toEqual(['2026-11-30', '2027-02-28', '2027-05-31', '2027-08-31']);
    expect(d.calendar).toBeNull();
    expect(d.source).toBe('DPA 2018 s.166(1)-(2)');
    expect(d.rule).toMatch(/First-tier Tribunal/);
    expect(`${d.rule} ${d.source}`).not.toMatch(/78\(2\)|court/);
    expect(d.steps.join(' ')).toMatch(/from 1 September 2026/);
  });

  it('sent by post on 26 Nov 2026, received Mon 30 Nov: February 2027 has no 30th -> Sun 28 Feb 2027, kept', () => {
    expect(progress([ev('complaint_filed', '2026-11-26', { authority: 'ico', channel: 'post', receivedOn: '2026-11-30' })])?.due).toBe('2027-02-28');
  });

  it('facts give the period running on a given day', () => {
    const facts = trackingFacts({ country: 'GB' }, [ev('complaint_filed', '2026-05-31', { authority: 'ico' })], '2026-10-01');
    expect(facts.complaints[0]).toMatchObject({ route: 's166', clock: { due: '2026-08-31', passed: true, current: '2026-11-30' } });
  });

  it('EU authorities keep Art 78(2) in their own calendar', () => {
    expect(progress([ev('complaint_filed', '2026-06-03', { authority: 'dpc' })], 'DE')).toMatchObject({ due: '2026-09-03', source: 'GDPR Art 78(2)' });
  });
});

describe('Switzerland', () => {
  it('access received Mon 2 Feb 2026: GDPR Art 12(3) -> Mon 2 Mar; FADP Art 25(7) 30 days -> Wed 4 Mar 2026', () => {
    const r = ev('request_sent', '2026-02-02', { requestType: 'access' });
    const ds = of('CH', [r]);
    expect(ds.map((d) => [d.kind, d.due, d.law])).toEqual([
      ['response_due', '2026-03-02', 'GDPR'],
      ['fadp_access_due', '2026-03-04', 'FADP'],
    ]);
    expect(ds[1].source).toMatch(/FADP Art 25\(7\)/);
  });

  it('an objection gets the GDPR date only', () => {
    expect(of('CH', [ev('request_sent', '2026-02-02')]).map((d) => d.kind)).toEqual(['response_due']);
  });

  it('a report to the FDPIC has no clock (FADP Art 49); a complaint to the DPC keeps Art 78(2): 4 Jun -> Fri 4 Sep 2026', () => {
    const fdpic = ev('complaint_filed', '2026-06-03', { authority: 'FDPIC' });
    const dpc = ev('complaint_filed', '2026-06-04', { authority: 'DPC' });
    const ds = of('CH', [fdpic, dpc]);
    expect(ds.filter((d) => d.kind === 'authority_progress_due').map((d) => [d.fromEventId, d.due, d.source])).toEqual([[dpc.id, '2026-09-04', 'GDPR Art 78(2)']]);
    const facts = trackingFacts({ country: 'CH' }, [fdpic], '2026-07-01');
    expect(facts.complaints[0]).toMatchObject({ route: 'none', clock: null });
    expect(facts.complaints[0].noClockReason).toMatch(/FADP Art 49[\s\S]*DPC/);
  });
});

describe('United States: the member’s state decides', () => {
  const noGdpr = (d: { rule: string; source: string; steps: string[]; label: string }) =>
    expect(`${d.label} ${d.rule} ${d.source} ${d.steps.join(' ')}`).not.toMatch(/GDPR|\bArt(icle)?\b/);

  it('California (CCPA): access received Thu 1 Oct 2026 -> 45 days -> Sun 15 Nov 2026, not moved', () => {
    const r = ev('request_sent', '2026-10-01', { requestType: 'access' });
    const d = replyFor('US', [r], r.id, 'US-CA')!;
    expect([d.due, d.law, d.calendar]).toEqual(['2026-11-15', 'CCPA', null]);
    expect(d.source).toMatch(/1798\.130\(a\)\(2\)/);
    expect(d.label).toMatch(/request to know/);
    noGdpr(d);
  });

  it('CCPA extension once by 45 with notice in the first 45 days: notice 10 Nov -> Wed 30 Dec 2026; notice 16 Nov is late -> 15 Nov stands', () => {
    const r = ev('request_sent', '2026-10-01', { requestType: 'erasure' });
    expect(replyFor('US', [r, ev('extension_notified', '2026-11-10')], r.id, 'US-CA')?.due).toBe('2026-12-30');
    const late = replyFor('US', [r, ev('extension_notified', '2026-11-16')], r.id, 'US-CA')!;
    expect(late.due).toBe('2026-11-15');
    noGdpr(late);
  });

  it('Iowa gives 90 days: 1 Oct 2026 -> Wed 30 Dec 2026; Virginia 45: -> 15 Nov 2026', () => {
    const r = ev('request_sent', '2026-10-01', { requestType: 'access' });
    expect(replyFor('US', [r], r.id, 'US-IA')?.due).toBe('2026-12-30');
    expect(replyFor('US', [r], r.id, 'US-VA')?.due).toBe('2026-11-15');
  });

  it('a state without a comprehensive privacy law gets no invented deadline, and says so', () => {
    const events = [ev('request_sent', '2026-10-01', { requestType: 'access' })];
    expect(of('US', events, 'US-WY')).toEqual([]);
    const facts = trackingFacts({ country: 'US', region: 'US-WY' }, events, '2026-11-24');
    expect(facts.noDeadlinesReason).toMatch(/Wyoming has no comprehensive consumer privacy law/);
    expect(trackingFacts({ country: 'US' }, events, '2026-11-24').noDeadlinesReason).toMatch(/say which state/);
  });

  it('no date for an objection (not a right these laws list), nor for a request received before the law applied', () => {
    const objection = ev('request_sent', '2026-10-01');
    expect(of('US', [objection], 'US-CA')).toEqual([]);
    expect(trackingFacts({ country: 'US', region: 'US-CA' }, [objection], '2026-11-24').requests[0].noDeadlineReason).toMatch(/not one of the rights/);
    const early = ev('request_sent', '2025-12-15', { requestType: 'access' });
    expect(of('US', [early], 'US-IN')).toEqual([]);
  });

  it('an unconfirmed rule says so', () => {
    const r = ev('request_sent', '2026-10-01', { requestType: 'access' });
    expect(replyFor('US', [r], r.id, 'US-NH')?.unverified).toMatch(/extension/);
  });
});

describe('trackingFacts: per request, on a given day', () => {
  it('type, dates, due and passed, extension in time or late, acknowledgement, clarification pause, replies and reminders', () => {
    const objection = ev('request_sent', '2026-03-02', { ref: 'LI-1' });
    const access = ev('request_sent', '2026-03-05', { requestType: 'access', channel: 'post', receivedOn: '2026-03-09' });
    const events = [
      objection,
      access,
      ev('acknowledged', '2026-03-03', { forEventId: objection.id }),
      ev('clarification_requested', '2026-03-10', { forEventId: access.id }),
      ev('clarification_answered', '2026-03-12', { forEventId: access.id }),
      ev('extension_notified', '2026-04-07', { forEventId: objection.id }),
      ev('reminder_sent', '2026-04-08', { forEventId: objection.id }),
    ];
    const f = trackingFacts({ country: 'GB' }, events, '2026-04-12');
    const [o, a] = f.requests;
    // Objection: 2 Mar -> Thu 2 Apr 2026; the extension on 7 Apr came after the month, so it does not count.
    expect(o).toMatchObject({ type: 'objection', sentOn: '2026-03-02', receivedOn: '2026-03-02', ref: 'LI-1', reply: null });
    expect(o.due).toMatchObject({ due: '2026-04-02', state: 'open', passed: true });
    expect(o.extension).toMatchObject({ notifiedOn: '2026-04-07', inTime: false, firstPeriodEnd: '2026-04-02' });
    expect(o.acknowledgements.map((x) => x.on)).toEqual(['2026-03-03']);
    expect(o.reminders.map((x) => x.on)).toEqual(['2026-04-08']);
    // Access: received Mon 9 Mar -> 9 Apr; 10 to 12 Mar (3 days) do not count -> Sun 12 Apr -> Mon 13 Apr 2026.
    expect(a).toMatchObject({ type: 'access', receivedOn: '2026-03-09', channel: 'post' });
    expect(a.due).toMatchObject({ due: '2026-04-13', passed: false });
    expect(a.clarifications).toEqual([
      expect.objectContaining({ requestedOn: '2026-03-10', asks: 'details', answeredOn: '2026-03-12', pausedDays: 3, pausing: false }),
    ]);
    expect(f.icoWindow?.due).toBe('2026-07-08'); // last contact (the reminder) 8 Apr 2026 + three months
  });
});
