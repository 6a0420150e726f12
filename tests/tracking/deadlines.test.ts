// Expected dates are worked out by hand from the rules (GDPR Art 12(3), Regulation 1182/71, the ICO's three-month
// window, Art 78(2)) and the published holiday calendars; each case says how.
import { describe, expect, it } from 'vitest';
import { computeDeadlines, type EventLike } from '../../electron/core/tracking/deadlines';

let n = 0;
const ev = (type: EventLike['type'], on: string, extra: Partial<EventLike> = {}): EventLike => ({ id: `e${++n}`, type, on, ...extra });
const due = (country: string, events: EventLike[], kind = 'response_due') => computeDeadlines(country, events).find((d) => d.kind === kind)?.due;
const reply = (country: string, received: string) => due(country, [ev('request_sent', received)]);

describe('reply due (Art 12(3)): one calendar month, then weekends and public holidays', () => {
  it('journey: sent Thu 30 Apr 2026 to LinkedIn Ireland -> Sat 30 May -> Mon 1 Jun is the June bank holiday -> Tue 2 Jun', () => {
    expect(reply('DE', '2026-04-30')).toBe('2026-06-02');
  });

  it('31 January: February has no 31st, so its last day; 28 Feb 2026 is a Saturday -> Mon 2 Mar', () => {
    expect(reply('IE', '2026-01-31')).toBe('2026-03-02');
    expect(reply('GB', '2026-01-31')).toBe('2026-03-02');
  });

  it('leap year: 31 Jan 2028 -> 29 Feb 2028, a Tuesday; 29 Feb 2028 -> 29 Mar 2028, a Wednesday', () => {
    expect(reply('GB', '2028-01-31')).toBe('2028-02-29');
    expect(reply('GB', '2028-02-29')).toBe('2028-03-29');
  });

  it('Good Friday: 3 Mar 2026 -> Fri 3 Apr 2026, a bank holiday in England; in Ireland not a public holiday', () => {
    // Good Friday is an England and Wales bank holiday, but only a bank (not public) holiday in Ireland.
    expect(reply('GB', '2026-03-03')).toBe('2026-04-07'); // Fri 3 Apr holiday, Sat, Sun, Mon 6 Apr Easter Monday -> Tue 7 Apr
    expect(reply('FR', '2026-03-03')).toBe('2026-04-03'); // controller LinkedIn Ireland: Irish holidays count
  });

  it('St Brigid’s Day (Ireland, first Monday of February): 1 Jan 2027 -> Mon 1 Feb 2027 is a holiday in Ireland only', () => {
    expect(reply('IE', '2027-01-01')).toBe('2027-02-02');
    expect(reply('GB', '2027-01-01')).toBe('2027-02-01');
  });

  it('St Patrick’s Day: 17 Feb 2026 -> Tue 17 Mar 2026, a holiday in Ireland, not in England', () => {
    expect(reply('NL', '2026-02-17')).toBe('2026-03-18');
    expect(reply('GB', '2026-02-17')).toBe('2026-03-17');
  });

  it('late May bank holiday (England, last Monday in May): 25 Apr 2026 -> Mon 25 May 2026 -> Tue 26 May; not in Ireland', () => {
    expect(reply('GB', '2026-04-25')).toBe('2026-05-26');
    expect(reply('IE', '2026-04-25')).toBe('2026-05-25');
  });

  it('August: England’s is the last Monday (31 Aug 2026), Ireland’s the first (3 Aug 2026)', () => {
    expect(reply('GB', '2026-07-31')).toBe('2026-09-01');
    expect(reply('IE', '2026-07-31')).toBe('2026-08-31');
    expect(reply('GB', '2026-07-03')).toBe('2026-08-03');
    expect(reply('IE', '2026-07-03')).toBe('2026-08-04');
  });

  it('Christmas 2026 in England: Fri 25 Dec, Sat 26, Sun 27, Mon 28 Dec (Boxing Day substitute) -> Tue 29 Dec', () => {
    expect(reply('GB', '2026-11-25')).toBe('2026-12-29');
  });

  it('Christmas 2027 in England: Sat 25 and Sun 26 Dec give substitutes Mon 27 and Tue 28 -> Wed 29 Dec', () => {
    expect(reply('GB', '2027-11-27')).toBe('2027-12-29');
  });

  it('Ireland has no statutory substitute day: St Stephen’s Day on Sat 26 Dec 2026 does not make Mon 28 Dec a public holiday', () => {
    expect(reply('IE', '2026-11-25')).toBe('2026-12-28');
  });

  it('by post: the month counts from the day LinkedIn received it (5 Apr 2026, Easter Sunday) -> 5 May 2026, a Tuesday', () => {
    // Sent Thu 2 Apr, received Sun 5 Apr: 5 May 2026 is a Tuesday (4 May was the early May bank holiday, not the due date).
    expect(due('GB', [ev('request_sent', '2026-04-02', { receivedOn: '2026-04-05' })])).toBe('2026-05-05');
  });

  it('extension notified within the first month: three months from receipt, 30 Apr -> Thu 30 Jul 2026', () => {
    const d = computeDeadlines('DE', [ev('request_sent', '2026-04-30'), ev('extension_notified', '2026-05-15')])[0];
    expect(d.due).toBe('2026-07-30');
    expect(d.rule).toMatch(/Three months/);
  });

  it('an extension notified after the first month ended does not move the date (Art 12(3))', () => {
    const d = computeDeadlines('DE', [ev('request_sent', '2026-04-30'), ev('extension_notified', '2026-06-05')])[0];
    expect(d.due).toBe('2026-06-02');
    expect(d.steps.join(' ')).toMatch(/after the first month/);
  });

  it('explains every move with the holiday’s name, the rule and the source', () => {
    const d = computeDeadlines('DE', [ev('request_sent', '2026-04-30')])[0];
    expect(d.steps.join('\n')).toMatch(/30 May 2026 is a Saturday[\s\S]*1 June 2026 is a public holiday in Ireland \(First Monday in June\)/);
    expect(d.source).toMatch(/Art 12\(3\)/);
    expect(d.calendar).toBe('Ireland');
  });

  it('state: met by a reply, overtaken by a complaint, open otherwise', () => {
    const r = ev('request_sent', '2026-04-30');
    expect(computeDeadlines('DE', [r])[0].state).toBe('open');
    expect(computeDeadlines('DE', [r, ev('response_received', '2026-05-20')])[0].state).toBe('met');
    expect(computeDeadlines('DE', [r, ev('complaint_filed', '2026-06-10', { authority: 'dpc' })])[0].state).toBe('moot');
  });
});

describe('ICO complaint window (GB): three months from the last meaningful contact, not moved for weekends', () => {
  it('counts from the latest contact: reminder on 30 Nov 2026 -> 28 Feb 2027 (February has no 30th; a Sunday, kept)', () => {
    const events = [ev('request_sent', '2026-10-12'), ev('reminder_sent', '2026-11-30')];
    expect(due('GB', events, 'ico_complaint_window_ends')).toBe('2027-02-28');
  });

  it('only for UK cases', () => {
    expect(due('DE', [ev('request_sent', '2026-10-12')], 'ico_complaint_window_ends')).toBeUndefined();
  });
});

describe('authority progress (Art 78(2)): three months after the complaint, in the authority’s calendar', () => {
  it('DPC: complaint 3 Jun 2026 -> Thu 3 Sep 2026', () => {
    expect(due('DE', [ev('request_sent', '2026-04-30'), ev('complaint_filed', '2026-06-03', { authority: 'dpc' })], 'authority_progress_due')).toBe('2026-09-03');
  });

  it('CNIL: complaint 14 Apr 2026 -> Tue 14 Jul 2026, Bastille Day in France -> Wed 15 Jul', () => {
    expect(due('FR', [ev('complaint_filed', '2026-04-14', { authority: 'CNIL' })], 'authority_progress_due')).toBe('2026-07-15');
  });

  it('Hamburg: complaint 31 Jul 2025 -> Fri 31 Oct 2025, Reformation Day in Hamburg -> Mon 3 Nov 2025', () => {
    expect(due('DE', [ev('complaint_filed', '2025-07-31', { authority: 'hmbbfdi' })], 'authority_progress_due')).toBe('2025-11-03');
  });

  it('BayLDA, found by its short name in the authority data: complaint 1 Aug 2027 -> Mon 1 Nov 2027, All Saints in Bavaria -> Tue 2 Nov', () => {
    expect(due('DE', [ev('complaint_filed', '2027-08-01', { authority: 'BayLDA' })], 'authority_progress_due')).toBe('2027-11-02');
    // Berlin keeps no All Saints holiday: the same dates end on the Monday.
    expect(due('DE', [ev('complaint_filed', '2027-08-01', { authority: 'blnbdi' })], 'authority_progress_due')).toBe('2027-11-01');
  });

});

describe('no GDPR, no invented deadline', () => {
  it('a US case has none', () => {
    expect(computeDeadlines('US', [ev('request_sent', '2026-04-30'), ev('complaint_filed', '2026-06-03', { authority: 'cppa' })])).toEqual([]);
  });
});
