import type { Reminder } from '../contract/tracking';
import type { CoreContext } from '../context';
import { casesDueBy, plusDays } from './dashboard';
import { computeDeadlines } from './deadlines';
import { listEvents } from './events';
import { daysFrom } from './next-step';
import { todayOf } from './service';

/** Every open deadline that has passed or falls within `withinDays`, soonest first. */
export function dueReminders(ctx: CoreContext, withinDays = 3): Reminder[] {
  const today = todayOf(ctx.clock);
  const until = plusDays(today, withinDays);
  const out: Reminder[] = [];
  for (const c of casesDueBy(ctx.db, until)) {
    for (const d of computeDeadlines(c.country, listEvents(ctx.db, c.id))) {
      if (d.state === 'open' && d.due <= until) out.push({ caseId: c.id, title: c.title, kind: d.kind, due: d.due, daysLeft: daysFrom(today, d.due) });
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.caseId.localeCompare(b.caseId)));
}
