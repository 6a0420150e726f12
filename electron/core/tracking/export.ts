// Exports: every open deadline as an .ics calendar (the `ics` package), and the case list as CSV.
import type { EventAttributes } from 'ics';
import { apiError } from '../api/errors';
import { type DashboardRow, type ExportFile } from '../contract/tracking';
import { CASE_STATUS_LABELS } from '../contract';
import type { CoreContext } from '../context';
import { allRows, casesDueBy, type DashboardFilter } from './dashboard';
import { computeDeadlines, kindLabel } from './deadlines';
import { listEvents } from './events';
import { todayOf } from './service';

const stamp = (today: string) => today.replace(/-/g, '');

/**
 * `ics` validates each event (about half a millisecond each), so 10,000 cases take seconds: the async variant
 * yields to the event loop while it works, so the app stays responsive during a large export.
 */
export async function exportIcs(ctx: CoreContext, caseId?: string): Promise<ExportFile> {
  const today = todayOf(ctx.clock);
  const events: EventAttributes[] = [];
  for (const c of casesDueBy(ctx.db, '9999-12-31', caseId)) {
    for (const d of computeDeadlines(c.country, listEvents(ctx.db, c.id), c.region, c.platform)) {
      if (d.state !== 'open') continue;
      // A DPA 2018 s.166 period repeats: each further three months is a date of its own in the calendar.
      const dates = [d.due, ...(d.further ?? [])];
      dates.forEach((due, n) => {
        const [y, m, day] = due.split('-').map(Number);
        events.push({
          // One uid per deadline, the same in every export, so a calendar that imports the file again updates the
          // event instead of adding a copy: the case, the deadline's kind and the event its date counts from (a case has
          // a reply date per request), and for a further s.166 period its number.
          uid: icsUid(c.id, d.id, n),
          title: `${kindLabel(d.kind, c.platform).text}${n ? ` (further period ${n})` : ''}: ${c.title}`,
          description: `${d.label}.\n${d.rule}\nSource: ${d.source}${d.unverified ? `\nNot confirmed: ${d.unverified}` : ''}\n\n${d.steps.join('\n')}`,
          // All-day: a deadline is a calendar date, not an instant, so no time zone can shift it.
          start: [y, m, day],
          duration: { days: 1 },
          categories: ['Redress'],
          alarms: [{ action: 'display', description: `${kindLabel(d.kind, c.platform).text} in 3 days`, trigger: { days: 3, before: true } }],
        });
      });
    }
  }
  if (!events.length) return { filename: `redress-deadlines-${stamp(today)}.ics`, mime: 'text/calendar', content: emptyCalendar() };
  const { createEventsAsync } = await import('ics'); // only an export needs it: the CLI starts without it
  const { error, value } = await createEventsAsync(events, { productId: 'redress/deadlines', calName: 'Redress deadlines' });
  if (error || !value) throw apiError('invalid_input', 'errors.tracking.calendarFailed', { reason: error?.message ?? 'unknown error' });
  return { filename: `redress-deadlines-${stamp(today)}.ics`, mime: 'text/calendar', content: foldOctets(rfcDurations(value)) };
}

/** The calendar uid of a deadline (and of its `period`-th further s.166 period): stable across exports, one per date. */
export function icsUid(caseId: string, deadlineId: string, period = 0): string {
  return `${caseId}.${deadlineId.replace(/:/g, '.')}${period ? `.p${period}` : ''}@redress.local`;
}

/**
 * `ics` (3.12, the latest) writes every duration with a "T" (`DURATION:P1DT`, `TRIGGER:-P3DT`), which RFC 5545 §3.3.6
 * does not allow: after "T" there must be hours, minutes or seconds. A duration of whole days or weeks drops the empty
 * "T" (`P1D`, `-P3D`): still a nominal day, so an alarm three days before stays right across a change of clock.
 */
export function rfcDurations(ics: string): string {
  return ics.replace(/^((?:DURATION|TRIGGER)(?:;[^:\r\n]*)?:[+-]?P(?:\d+W(?:\d+D)?|\d+D))T(?=\r?$)/gm, '$1');
}

/**
 * RFC 5545 §3.1 limits a line to 75 octets; `ics` folds by characters, so a line with "’" or Greek runs over and
 * strict calendar apps reject it. Unfold, then refold by UTF-8 octets without splitting a character.
 */
export function foldOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: string[] = [];
  for (const line of lines) {
    let rest = line;
    let limit = 75;
    while (Buffer.byteLength(rest) > limit) {
      let cut = 0;
      let bytes = 0;
      for (const ch of rest) {
        const size = Buffer.byteLength(ch);
        if (bytes + size > limit) break;
        bytes += size;
        cut += ch.length;
      }
      out.push((limit === 75 ? '' : ' ') + rest.slice(0, cut));
      rest = rest.slice(cut);
      limit = 74; // a continuation line starts with a space, which counts
    }
    out.push((limit === 75 ? '' : ' ') + rest);
  }
  return out.join('\r\n');
}

// `ics` refuses an empty list; a valid empty calendar still imports cleanly and says "nothing due".
const emptyCalendar = () =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:redress/deadlines', 'X-WR-CALNAME:Redress deadlines', 'END:VCALENDAR', ''].join('\r\n');

/** Spreadsheet apps run a cell that starts with = + - @ as a formula; a leading apostrophe keeps it text. */
export function csvCell(value: unknown): string {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const COLUMNS: [string, (r: DashboardRow) => unknown][] = [
  ['id', (r) => r.id],
  ['title', (r) => r.title],
  ['name', (r) => r.name],
  ['platform', (r) => r.platform],
  ['country', (r) => r.country],
  ['status', (r) => CASE_STATUS_LABELS[r.status] ?? r.status],
  ['next_deadline', (r) => r.nextDue ?? ''],
  ['next_deadline_kind', (r) => (r.nextKind ? kindLabel(r.nextKind, r.platform).text : '')],
  ['urgency', (r) => r.urgency],
  ['references', (r) => r.refs],
  ['created_at', (r) => r.createdAt],
];

export function exportCsv(ctx: CoreContext, filter: DashboardFilter): ExportFile {
  const today = todayOf(ctx.clock);
  const lines = [COLUMNS.map(([h]) => h).join(',')];
  for (const r of allRows(ctx.db, filter, today)) lines.push(COLUMNS.map(([, get]) => csvCell(get(r))).join(','));
  // A BOM so spreadsheet apps read the UTF-8 names (Greek, Polish) correctly.
  return { filename: `redress-cases-${stamp(today)}.csv`, mime: 'text/csv', content: '\ufeff' + lines.join('\r\n') + '\r\n' };
}

