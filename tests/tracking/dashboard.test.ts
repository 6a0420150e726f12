import { describe, expect, it } from 'vitest';
import { makeCore, newCase } from './helpers';

describe('dashboard, reminders and exports', () => {
  async function fixture() {
    // Today is Wed 10 Jun 2026.
    const core = makeCore('2026-06-10');
    const api = core.api;
    const none = await newCase(core, { title: 'Nothing sent yet', name: 'Zofia Łukasiewicz' });
    const later = await newCase(core, { title: 'Sent last week', country: 'GB', name: 'Tom Baker' });
    // 3 Jun 2026 -> Fri 3 Jul 2026 (England): later than a week.
    await api.call('tracking.addEvent', { caseId: later.id, type: 'request_sent', on: '2026-06-03' });
    const week = await newCase(core, { title: 'Due on Monday', name: 'Νίκος Παπαδόπουλος' });
    // 13 May 2026 -> Sat 13 Jun -> Mon 15 Jun 2026 (Ireland): within the week.
    await api.call('tracking.addEvent', { caseId: week.id, type: 'request_sent', on: '2026-05-13', ref: 'LI-7788' });
    const overdue = await newCase(core, { title: 'Maria in Berlin' });
    // Journey: 30 Apr -> Tue 2 Jun 2026, passed.
    await api.call('tracking.addEvent', { caseId: overdue.id, type: 'request_sent', on: '2026-04-30' });
    const closed = await newCase(core, { title: 'Closed by hand' });
    await api.call('tracking.addEvent', { caseId: closed.id, type: 'request_sent', on: '2026-04-30' });
    await api.call('cases.setStatus', { id: closed.id, status: 'closed', reason: 'Withdrawn' });
    return { core, none, later, week, overdue, closed };
  }

  it('puts overdue first, then due this week, then the rest; closed cases have nothing due', async () => {
    const { core, none, later, week, overdue, closed } = await fixture();
    const d = await core.api.call('tracking.dashboard', {});
    expect(d.rows.map((r) => r.id)).toEqual([overdue.id, week.id, later.id, closed.id, none.id]);
    expect(d.rows.map((r) => r.urgency)).toEqual(['overdue', 'week', 'later', 'none', 'none']);
    expect([d.total, d.overdue, d.dueThisWeek]).toEqual([5, 1, 1]);
    expect(d.rows[1]).toMatchObject({ nextDue: '2026-06-15', nextKind: 'response_due', refs: 'LI-7788' });
  });

  it('filters by status and country, searches title, name and reference across scripts and case', async () => {
    const { core, later, week, none } = await fixture();
    const ids = async (input: object) => (await core.api.call('tracking.dashboard', input)).rows.map((r) => r.id);
    expect(await ids({ country: 'gb' })).toEqual([later.id]);
    expect(await ids({ status: 'draft' })).toEqual([none.id]);
    expect(await ids({ q: 'lukasiewicz' })).toEqual([none.id]);
    expect(await ids({ q: 'ŁUKA' })).toEqual([none.id]);
    expect(await ids({ q: 'παπαδοπουλος' })).toEqual([week.id]);
    expect(await ids({ q: 'li-7788' })).toEqual([week.id]);
    expect(await ids({ q: '100%' })).toEqual([]);
    const page = await core.api.call('tracking.dashboard', { offset: 1, limit: 2 });
    expect([page.total, page.rows.length, page.offset]).toEqual([5, 2, 1]);
    await expect(core.api.call('tracking.dashboard', { limit: 5000 })).rejects.toThrow(/at most 1,000/);
  });

  it('reminds of deadlines passed or within three days, not of closed cases', async () => {
    const { core, overdue, week } = await fixture();
    const now = await core.api.call('tracking.reminders', {});
    expect([now.total, now.late]).toEqual([1, 1]);
    expect(now.items.map((r) => [r.caseId, r.due, r.daysLeft])).toEqual([[overdue.id, '2026-06-02', -8]]);
    core.setToday('2026-06-12');
    const soon = await core.api.call('tracking.reminders', {});
    expect([soon.total, soon.late]).toEqual([2, 1]);
    expect((await core.api.call('tracking.reminders', { limit: 1 })).items).toHaveLength(1);
    expect(soon.items.map((r) => [r.caseId, r.daysLeft])).toEqual([
      [overdue.id, -10],
      [week.id, 3],
    ]);
  });

  it('exports open deadlines as an all-day .ics and the list as CSV that spreadsheets read safely', async () => {
    const { core } = await fixture();
    await newCase(core, { title: '=HYPERLINK("http://evil")', name: 'Ελένη' });
    const ics = await core.api.call('tracking.exportIcs', {});
    expect(ics.content).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.content.match(/BEGIN:VEVENT/g)).toHaveLength(4); // overdue, week, later (reply + ICO window)
    expect(ics.content).toContain('DTSTART;VALUE=DATE:20260602');
    expect(ics.content).toContain('DTSTART;VALUE=DATE:20260615');
    const csv = await core.api.call('tracking.exportCsv', {});
    const lines = csv.content.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,title,name,platform,country,status,next_deadline,next_deadline_kind,urgency,references,created_at');
    expect(lines).toHaveLength(7);
    expect(csv.content).toContain(`"'=HYPERLINK(""http://evil"")",Ελένη`);
  });

  it('the .ics file keeps to RFC 5545: lines of at most 75 octets, folded without breaking a character', async () => {
    const { core } = await fixture();
    await core.api.call('tracking.addEvent', { caseId: (await newCase(core, { title: 'Υπόθεση Παπαδοπούλου — ελληνικά' })).id, type: 'request_sent', on: '2026-06-01' });
    const { content } = await core.api.call('tracking.exportIcs', {});
    expect(content.endsWith('\r\n')).toBe(true);
    for (const line of content.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    const unfolded = content.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:Reply due: Υπόθεση Παπαδοπούλου — ελληνικά');
    expect(unfolded).toContain('the ICO’s online form is open every day');
    expect(unfolded).not.toContain('\ufffd');
  });

});
