import { DEADLINE_LABELS, type DeadlineKind, type Reminders } from '../contract/tracking';
import type { CoreContext } from '../context';
import { deadlineCounts, plusDays } from './dashboard';
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
      `SELECT d.case_id, c.title, d.kind, d.label, d.due FROM case_open_deadlines d JOIN cases c ON c.id = d.case_id
       WHERE d.due <= ? AND c.status <> 'closed' ORDER BY d.due, d.case_id, d.kind, d.deadline_id LIMIT ?`,
    )
    .all(plusDays(today, withinDays), limit) as { case_id: string; title: string; kind: string; label: string; due: string }[];
  return {
    total,
    late,
    items: rows.map((r) => ({
      caseId: r.case_id,
      title: r.title,
      kind: r.kind as DeadlineKind,
      label: r.label || DEADLINE_LABELS[r.kind as DeadlineKind] || r.kind,
      due: r.due,
      daysLeft: daysFrom(today, r.due),
    })),
  };
}
