// The facts layer: which request each later event belongs to, each request's own deadline (dates counted by hand from
// Art 12(3) and the Irish and English holiday calendars), the names on the case, the switch captures.
import { describe, expect, it } from 'vitest';
import { contextVars, CONTEXT_NAMES } from '../../electron/core/drafting/prefill';
import { letterFacts, type CaseFacts, type FactEvent } from '../../electron/core/drafting/facts';
import { loadTemplates } from '../../electron/core/drafting/templates';
import { draftFor } from './support/draft';
import { mkCase } from './support/histories';

const ev = (e: Omit<FactEvent, 'caseId'>): FactEvent => ({ caseId: 'case_1', ...e });
const facts = (country: string, events: Omit<FactEvent, 'caseId'>[], today: string, over: Partial<CaseFacts> = {}): CaseFacts => ({
  case: mkCase(country),
  events: events.map(ev),
  evidence: [],
  deadlines: [],
  today: new Date(`${today}T12:00:00`),
  ...over,
});
const objection = loadTemplates().find((t) => t.manifest.id === 'objection')!;
const reminder = loadTemplates().find((t) => t.manifest.id === 'reminder')!;

describe('facts of a case', () => {
  it('gives every name a template may use a value, so no fact is ever left as written', () => {
    const vars = contextVars(facts('DE', [], '2026-06-20'), objection.manifest);
    expect(CONTEXT_NAMES.filter((n) => !(n in vars))).toEqual([]);
  });

  it('counts each request from its own receipt, with its own calendar', () => {
    const f = letterFacts(
      facts('DE', [
        // 31 January + one month: no 31 February, so 28 February 2026, a Saturday: Monday 2 March.
        { id: 'a', type: 'request_sent', on: '2026-01-31', requestType: 'access' },
        // 30 April + one month: Saturday 30 May; Monday 1 June is an Irish public holiday: Tuesday 2 June.
        { id: 'b', type: 'request_sent', on: '2026-04-30' },
      ], '2026-06-20'),
    );
    expect(f.requests.map((r) => [r.kind, r.due, r.duePassed])).toEqual([
      ['access', '2026-03-02', true],
      ['objection', '2026-06-02', true],
    ]);
    const gb = letterFacts(facts('GB', [{ id: 'b', type: 'request_sent', on: '2026-04-30' }], '2026-06-01'));
    // England and Wales: Monday 1 June is a working day, and it is not yet passed on that day.
    expect([gb.requests[0].due, gb.requests[0].duePassed]).toEqual(['2026-06-01', false]);
  });

  it('gives a later event to the request it names, else to the latest open one (tracking links them)', () => {
    const f = letterFacts(
      facts('IE', [
        { id: 'a', type: 'request_sent', on: '2026-03-02', requestType: 'access', ref: 'ACC-1' },
        { id: 'b', type: 'request_sent', on: '2026-04-30' },
        { id: 'x', type: 'extension_notified', on: '2026-05-10', forEventId: 'a' }, // late for a (due 2 April)
        { id: 'p', type: 'response_received', on: '2026-05-20', forEventId: 'a' },
        { id: 'k', type: 'acknowledged', on: '2026-05-01' },
      ], '2026-06-20'),
    );
    const [a, b] = f.requests;
    expect(a).toMatchObject({ replyOn: '2026-05-20', extension: { on: '2026-05-10', inTime: false }, due: '2026-04-02', acknowledgedOn: null });
    expect(b).toMatchObject({ replyOn: null, extension: null, acknowledgedOn: '2026-05-01', due: '2026-06-02', duePassed: true });
    // The reminder chases the oldest request that is unanswered and overdue.
    expect(f.focus?.id).toBe('b');
  });

  it('moves the date to three months only for an extension notified within the first month', () => {
    const inTime = letterFacts(facts('IE', [{ id: 'r', type: 'request_sent', on: '2026-04-30' }, { id: 'x', type: 'extension_notified', on: '2026-06-02' }], '2026-06-20'));
    expect(inTime.requests[0]).toMatchObject({ due: '2026-07-30', firstDue: '2026-06-02', extension: { inTime: true }, duePassed: false });
    const late = letterFacts(facts('IE', [{ id: 'r', type: 'request_sent', on: '2026-04-30' }, { id: 'x', type: 'extension_notified', on: '2026-06-03' }], '2026-06-20'));
    expect(late.requests[0]).toMatchObject({ due: '2026-06-02', extension: { inTime: false }, duePassed: true });
  });

  it('a request sent by post counts from the day it was received', () => {
    // Received Monday 4 May: one month is Thursday 4 June.
    const f = letterFacts(facts('IE', [{ id: 'r', type: 'request_sent', on: '2026-04-30', channel: 'post', receivedOn: '2026-05-04' }], '2026-06-20'));
    expect(f.requests[0]).toMatchObject({ receivedOn: '2026-05-04', due: '2026-06-04' });
  });

  it('reads the switch from the earliest capture that shows it off, and the earliest that shows it on', () => {
    const cap = (id: string, at: string, state: 'on' | 'off' | 'unknown') => ({
      id, caseId: 'case_1', kind: 'capture', title: id, addedAt: at, capturedAt: at, sha256: 'a'.repeat(64), mime: 'application/json', size: 1, purpose: 'setting' as const, toggle: { state, confirmedBy: 'page' as const },
    });
    const f = letterFacts(facts('DE', [], '2026-06-20', { evidence: [cap('c3', '2026-05-02T08:00:00Z', 'off'), cap('c1', '2026-04-01T08:00:00Z', 'on'), cap('c2', '2026-04-20T08:00:00Z', 'off'), cap('c0', '2026-03-01T08:00:00Z', 'unknown')] }));
    expect([f.switchOnSeenOn, f.switchOffSeenOn]).toEqual(['2026-04-01', '2026-04-20']);
  });

  it('uses the given and family name the case records, and never guesses them from a split', () => {
    const h = { events: [], today: '2026-06-20' };
    const named = draftFor(objection, mkCase('DE', { name: 'Maria de la Cruz Pérez', givenName: 'Maria', familyName: 'de la Cruz Pérez' }), h);
    expect([named.fields.first_name, named.fields.last_name, named.cautions]).toEqual(['Maria', 'de la Cruz Pérez', []]);
    const unnamed = draftFor(objection, mkCase('DE', { name: 'Maria de la Cruz Pérez', givenName: null, familyName: null }), h);
    expect([unnamed.fields.first_name, unnamed.fields.last_name]).toEqual(['Maria de la Cruz Pérez', '']);
    expect(unnamed.cautions).toEqual([expect.stringContaining('does not guess them')]);
  });

  it('says why a reminder cannot be sent yet, with the request’s own date', () => {
    const d = draftFor(reminder, mkCase('DE'), { events: [{ id: 'r', type: 'request_sent', on: '2026-04-30' }, { id: 'x', type: 'extension_notified', on: '2026-05-15' }], today: '2026-07-01' });
    expect(d.ready).toBe(false);
    expect(d.reasons).toEqual([
      'LinkedIn has until 30 July 2026 to answer your request of 30 April 2026 (it extended the time on 15 May 2026): a reminder now would claim a delay that has not happened.',
    ]);
    // Worded from the record if the member insists: no claim that the time has run out.
    expect(d.letter).toContain('so the time to answer runs until 30 July 2026');
    expect(d.letter).toContain('I have not had an answer yet. Please make sure you answer by 30 July 2026.');
  });
});
