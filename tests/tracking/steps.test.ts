// Where the case stands on its path (evidence -> request -> reply due -> reminder -> complaint -> decision).
import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../electron/core/contract';
import { analyseCase, type EventLike } from '../../electron/core/tracking/deadlines';
import { deriveStatus } from '../../electron/core/tracking/next-step';
import { caseSteps } from '../../electron/core/tracking/steps';

let n = 0;
const ev = (type: EventLike['type'], on: string, extra: Partial<EventLike> = {}): EventLike => ({ id: `e${++n}`, type, on, ...extra });
const steps = (country: string, events: EventLike[], evidence: number, today: string, status: CaseStatus = deriveStatus(events)) =>
  caseSteps(analyseCase(country, events, null), evidence, status, today);
const states = (s: ReturnType<typeof steps>) => Object.fromEntries(s.map((x) => [x.key, x.state]));
const current = (s: ReturnType<typeof steps>) => s.filter((x) => x.state === 'current').map((x) => x.key);

describe('case steps', () => {
  it('a fresh case starts with the evidence; with evidence, the request is current', () => {
    const fresh = steps('IE', [], 0, '2026-04-01');
    expect(fresh.map((s) => s.key)).toEqual(['evidence', 'request', 'reply', 'reminder', 'complaint', 'decision']);
    expect(states(fresh)).toEqual({ evidence: 'current', request: 'upcoming', reply: 'upcoming', reminder: 'upcoming', complaint: 'upcoming', decision: 'upcoming' });
    const withEvidence = steps('IE', [], 2, '2026-04-01');
    expect(withEvidence[0]).toEqual({ key: 'evidence', state: 'done', count: 2 });
    expect(current(withEvidence)).toEqual(['request']);
  });

  it('request sent: the reply is current, with its date; no evidence is passed by, not current', () => {
    const s = steps('IE', [ev('request_sent', '2026-04-30')], 0, '2026-05-10');
    expect(states(s)).toMatchObject({ evidence: 'passed', request: 'done', reply: 'current', reminder: 'upcoming' });
    expect(s.find((x) => x.key === 'request')?.on).toBe('2026-04-30');
    expect(s.find((x) => x.key === 'reply')?.due).toBe('2026-06-02');
  });

  it('no reply by the date: the reply is passed by, the reminder is current; then the complaint', () => {
    const late = steps('IE', [ev('request_sent', '2026-04-30')], 1, '2026-06-03');
    expect(states(late)).toMatchObject({ request: 'done', reply: 'passed', reminder: 'current', complaint: 'upcoming' });
    expect(late.find((x) => x.key === 'reply')).toMatchObject({ due: '2026-06-02', note: 'No reply by the date' });
    const reminded = steps('IE', [ev('request_sent', '2026-04-30'), ev('reminder_sent', '2026-06-05')], 1, '2026-06-20');
    expect(states(reminded)).toMatchObject({ reply: 'passed', reminder: 'done', complaint: 'current', decision: 'upcoming' });
  });

  it('a reply makes the reminder unnecessary; the complaint is the possible next step', () => {
    const s = steps('GB', [ev('request_sent', '2026-03-02'), ev('response_received', '2026-04-02')], 1, '2026-04-03');
    expect(states(s)).toMatchObject({ reply: 'done', reminder: 'passed', complaint: 'current', decision: 'upcoming' });
    expect(s.find((x) => x.key === 'reminder')?.note).toBe('Not needed: LinkedIn replied');
  });

  it('complaint filed: the decision is current, due when the authority should report progress', () => {
    const events = [ev('request_sent', '2026-04-30'), ev('reminder_sent', '2026-06-05'), ev('complaint_filed', '2026-06-20', { authority: 'dpc' })];
    const s = steps('IE', events, 1, '2026-06-21');
    expect(states(s)).toMatchObject({ complaint: 'done', decision: 'current' });
    expect(s.find((x) => x.key === 'decision')?.due).toBe('2026-09-21');
    const decided = steps('IE', [...events, ev('authority_decision', '2026-08-01', { authority: 'dpc' })], 1, '2026-08-02');
    expect(current(decided)).toEqual([]);
    expect(decided.every((x) => x.state === 'done' || x.state === 'passed')).toBe(true);
  });

  it('a closed case (by event or by hand) has no current step; what was not done is passed by', () => {
    const byEvent = steps('IE', [ev('request_sent', '2026-04-30'), ev('response_received', '2026-05-10'), ev('closed', '2026-05-11')], 1, '2026-05-12');
    expect(current(byEvent)).toEqual([]);
    expect(byEvent.at(-1)).toEqual({ key: 'decision', state: 'done', on: '2026-05-11', note: 'Case closed', noteMsg: { key: 'tracking.stepNote.closed' } });
    expect(states(byEvent)).toMatchObject({ complaint: 'passed' });
    const byHand = steps('IE', [], 0, '2026-04-01', 'closed');
    expect(current(byHand)).toEqual([]);
    expect(states(byHand)).toMatchObject({ evidence: 'passed', request: 'passed', decision: 'done' });
  });

  it('exactly one current step while the case is open', () => {
    const cases: EventLike[][] = [[], [ev('request_sent', '2026-04-30')], [ev('request_sent', '2026-04-30'), ev('reminder_sent', '2026-06-05')]];
    for (const events of cases) expect(current(steps('DE', events, 1, '2026-06-20'))).toHaveLength(1);
  });
});
