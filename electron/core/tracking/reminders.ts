import { DEADLINE_LABELS, type DeadlineKind, type Reminders } from '../contract/tracking';
import type { CoreContext } from '../context';
import { plusDays } from './dashboard';
import { daysFrom } from './next-step';
import { todayOf } from './service';

/** Every open deadline that has passed or falls within `withinDays`, soonest first; closed cases aside. */
export function dueReminders(ctx: CoreContext, withinDays = 3, limit = 100): Reminders {
  const today = todayOf(ctx.clock);
  const until = plusDays(today, withinDays);
  const from = `FROM case_open_deadlines d JOIN cases c ON c.id = d.case_id WHERE d.due <= ? AND c.status <> 'closed'`;
  const counts = ctx.db.prepare(`SELECT count(*) AS total, coalesce(sum(d.due < ?), 0) AS late ${from}`).get(today, until) as { total: number; late: number };
  const rows = ctx.db
    .prepare(`SELECT d.case_id, c.title, d.kind, d.label, d.due ${from} ORDER BY d.due, d.case_id, d.kind, d.deadline_id LIMIT ?`)
    .all(until, limit) as { case_id: string; title: string; kind: string; label: string; due: string }[];
  return {
    ...counts,
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
