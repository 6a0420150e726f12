import { getCase } from '../cases/repo';
import type { Msg } from '../contract/i18n';
import { DEADLINE_LABELS, type DeadlineKind, type Reminders } from '../contract/tracking';
import type { CoreContext } from '../context';
import { deadlineCounts, plusDays } from './dashboard';
import { computeDeadlines, kindLabel } from './deadlines';
import { listEvents } from './events';
import { daysFrom } from './next-step';
import { todayOf } from './service';

/**
 * Every open deadline that has passed or falls within `withinDays`, soonest first; closed cases aside. The counts come
 * from `deadlineCounts`, the same function as the dashboard's header, so the two always agree for the same window.
 */
export function dueReminders(ctx: CoreContext, withinDays = 3, limit = 100): Reminders {
  const today = todayOf(ctx.clock);
  const { total, late } = deadlineCounts(ctx.db, today, withinDays);
  const rows = ctx.db
    .prepare(
      `SELECT d.case_id, d.deadline_id, c.title, d.kind, d.label, d.due FROM case_open_deadlines d JOIN cases c ON c.id = d.case_id
       WHERE d.due <= ? AND c.status <> 'closed' ORDER BY d.due, d.case_id, d.kind, d.deadline_id LIMIT ?`,
    )
    .all(plusDays(today, withinDays), limit) as { case_id: string; deadline_id: string; title: string; kind: string; label: string; due: string }[];
  // The stored row keeps the label in English; its message comes from the case's deadlines, worked out again here
  // (a few cases at most), or the kind's label where the case no longer gives that deadline.
  const labels = new Map<string, Msg>();
  const platforms = new Map<string, string>();
  for (const caseId of new Set(rows.map((r) => r.case_id))) {
    const c = getCase(ctx.db, caseId);
    if (!c) continue;
    platforms.set(caseId, c.platform);
    for (const d of computeDeadlines(c.country, listEvents(ctx.db, caseId), c.region, c.platform)) labels.set(`${caseId} ${d.id}`, d.labelMsg);
  }
  return {
    total,
    late,
    items: rows.map((r) => ({
      caseId: r.case_id,
      title: r.title,
      kind: r.kind as DeadlineKind,
      label: r.label || (DEADLINE_LABELS[r.kind as DeadlineKind] ? kindLabel(r.kind as DeadlineKind, platforms.get(r.case_id)).text : r.kind),
      labelMsg: labels.get(`${r.case_id} ${r.deadline_id}`) ?? kindLabel(r.kind as DeadlineKind, platforms.get(r.case_id)).msg,
      due: r.due,
      daysLeft: daysFrom(today, r.due),
    })),
  };
}
