// The dashboard's header and the reminders count passed and coming-up deadlines through one function
// (deadlineCounts), so the banner and the list never disagree; an ICO complaint's repeating s.166 period stands at the
// period running today, as the case page's next step says; search finds a case by the member's email too.
import { describe, expect, it } from 'vitest';
import { COMING_UP_DAYS, currentDue } from '../../electron/core/tracking/dashboard';
import { makeCore, newCase } from './helpers';

async function agree(core: ReturnType<typeof makeCore>) {
  const d = await core.api.call('tracking.dashboard', {});
  const r = await core.api.call('tracking.reminders', { withinDays: COMING_UP_DAYS, limit: 10_000 });
  expect([d.overdue, d.dueThisWeek]).toEqual([r.late, r.total - r.late]);
  // The counts are of the deadlines the reminders list.
  expect(r.items.filter((i) => i.daysLeft < 0)).toHaveLength(r.late);
  expect(r.items).toHaveLength(r.total);
  return { d, r };
}

describe('one count of passed and coming-up deadlines', () => {
  it('the dashboard header and the reminders agree on every day, whatever the filters show', async () => {
    const core = makeCore('2026-06-10');
    const api = core.api;
    const overdue = await newCase(core, { title: 'Maria in Berlin' });
    await api.call('tracking.addEvent', { caseId: overdue.id, type: 'request_sent', on: '2026-04-30' }); // Tue 2 Jun, passed
    const week = await newCase(core, { title: 'Due on Monday' });
    await api.call('tracking.addEvent', { caseId: week.id, type: 'request_sent', on: '2026-05-13' }); // Mon 15 Jun
    const gb = await newCase(core, { title: 'Tom in Manchester', country: 'GB' });
    await api.call('tracking.addEvent', { caseId: gb.id, type: 'request_sent', on: '2026-06-03' }); // Fri 3 Jul, then the ICO window
    const closed = await newCase(core, { title: 'Closed by hand' });
    await api.call('tracking.addEvent', { caseId: closed.id, type: 'request_sent', on: '2026-04-30' });
    await api.call('cases.setStatus', { id: closed.id, status: 'closed', reason: 'Withdrawn' });

    const { d } = await agree(core);
    expect([d.overdue, d.dueThisWeek]).toEqual([1, 1]);
    // A filter narrows the list, not the header's counts: they stay the banner's.
    const filtered = await api.call('tracking.dashboard', { country: 'GB' });
    expect([filtered.total, filtered.overdue, filtered.dueThisWeek]).toEqual([1, 1, 1]);

    for (const day of ['2026-06-01', '2026-06-12', '2026-06-30', '2026-07-06', '2026-09-10']) {
      core.setToday(day);
      await agree(core);
    }
    core.setToday('2026-06-30');
    const { d: late } = await agree(core);
    expect([late.overdue, late.dueThisWeek]).toEqual([2, 1]); // 2 and 15 Jun passed; 3 Jul within 7 days
  });
});

describe('DPA 2018 s.166: the dashboard and the next step name the same period', () => {
  it('currentDue: the first date until it passes, then the period running today, then the first again', () => {
    const d = { due: '2026-08-31', further: ['2026-11-30', '2027-02-28', '2027-05-31', '2027-08-31'] };
    expect(currentDue(d, '2026-06-01')).toBe('2026-08-31');
    expect(currentDue(d, '2026-08-31')).toBe('2026-08-31');
    expect(currentDue(d, '2026-09-01')).toBe('2026-11-30');
    expect(currentDue(d, '2027-03-01')).toBe('2027-05-31');
    expect(currentDue(d, '2027-09-01')).toBe('2026-08-31');
    expect(currentDue({ due: '2026-06-02' }, '2026-06-10')).toBe('2026-06-02');
  });

  it('an ICO complaint is not overdue on the dashboard once its first three months pass: the next period counts', async () => {
    // Tom's complaint reached the ICO on Sun 31 May 2026: three months to 31 Aug, then 30 Nov, 28 Feb, 31 May, 31 Aug.
    const core = makeCore('2026-06-01');
    const c = await newCase(core, { country: 'GB', title: 'Tom and the ICO' });
    await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-03-02' });
    await core.api.call('tracking.addEvent', { caseId: c.id, type: 'complaint_filed', on: '2026-05-31', authority: 'ico' });
    const seen: Record<string, unknown> = {};
    for (const day of ['2026-06-01', '2026-08-31', '2026-09-01', '2026-09-15', '2026-11-25', '2026-12-15', '2027-06-01']) {
      core.setToday(day);
      const { d, r } = await agree(core);
      const step = (await core.api.call('tracking.get', { caseId: c.id })).nextStep;
      const row = d.rows[0];
      expect(row.nextDue, day).toBe(step.due);
      expect(row.urgency, day).not.toBe('overdue');
      expect(d.overdue, day).toBe(0);
      seen[day] = [row.nextDue, row.urgency, r.items.map((i) => i.due)];
    }
    expect(seen).toEqual({
      '2026-06-01': ['2026-08-31', 'later', []],
      '2026-08-31': ['2026-08-31', 'week', ['2026-08-31']],
      '2026-09-01': ['2026-11-30', 'later', []],
      '2026-09-15': ['2026-11-30', 'later', []],
      '2026-11-25': ['2026-11-30', 'week', ['2026-11-30']],
      '2026-12-15': ['2027-02-28', 'later', []],
      '2027-06-01': ['2027-08-31', 'later', []],
    });
    // A new event rebuilds the row from the events; the next read moves it to the running period again.
    await core.api.call('tracking.addEvent', { caseId: c.id, type: 'note', on: '2027-06-01', note: 'Wrote to the ICO again' });
    expect((await core.api.call('tracking.dashboard', {})).rows[0].nextDue).toBe('2027-08-31');
    // The CSV export reads the same rows.
    expect((await core.api.call('tracking.exportCsv', {})).content).toContain('2027-08-31');
  });
});

describe('Art 78(2): a progress date that does not repeat stays overdue, on the dashboard as in the next step', () => {
  it('a complaint to the DPC three months on is overdue in both', async () => {
    const core = makeCore('2026-06-01');
    const c = await newCase(core, { country: 'DE', title: 'Maria and the DPC' });
    await core.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-03-02' });
    await core.api.call('tracking.addEvent', { caseId: c.id, type: 'complaint_filed', on: '2026-05-29', authority: 'dpc' });
    for (const day of ['2026-06-01', '2026-09-15', '2026-12-15']) {
      core.setToday(day);
      const { d } = await agree(core);
      const step = (await core.api.call('tracking.get', { caseId: c.id })).nextStep;
      expect(d.rows[0].nextDue, day).toBe(step.due);
      expect(d.rows[0].urgency === 'overdue', day).toBe(step.tone === 'overdue');
    }
    expect((await core.api.call('tracking.dashboard', {})).overdue).toBe(1);
  });
});

describe('search', () => {
  it('finds a case by the member’s email, in any case, and not by a part of another field', async () => {
    const core = makeCore('2026-06-10');
    const maria = await newCase(core, { title: 'Objection', name: 'Maria Müller' });
    const tom = await core.api.call('cases.create', { title: 'Objection', country: 'GB', name: 'Tom Baker', email: 'Tom.Baker@Example.co.uk' });
    const ids = async (q: string) => (await core.api.call('tracking.dashboard', { q })).rows.map((r) => r.id);
    expect(await ids('maria@example.org')).toEqual([maria.id]);
    expect(await ids('tom.baker@example')).toEqual([tom.id]);
    expect(await ids('TOM.BAKER@EXAMPLE.CO.UK')).toEqual([tom.id]);
    expect(await ids('example.co.uk')).toEqual([tom.id]);
    expect(await ids('baker@')).toEqual([tom.id]);
    expect(await ids('nobody@example.org')).toEqual([]);
    // % and _ typed into the search are literal, in the email too.
    expect(await ids('tom_baker')).toEqual([]);
    const d = await core.api.call('tracking.dashboard', { q: 'maria@' });
    expect(d.total).toBe(1);
    expect((await core.api.call('tracking.exportCsv', { q: 'tom.baker@' })).content).toContain('Tom Baker');
  });
});
