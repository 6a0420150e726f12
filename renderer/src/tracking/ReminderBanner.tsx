import { useEffect, useState } from 'react';
import { DEADLINE_LABELS, type Reminder, type Reminders } from '../../../electron/core/contract/tracking';
import { invoke } from '../api';
import { href } from '../router';
import { num, shortDate } from '../ui/dates';
import { TRACKING_CHANGED } from './format';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The window "coming up" counts in, here and in the dashboard's header: due today or in the next 7 days. It is the
 * core's COMING_UP_DAYS (electron/core/tracking/dashboard.ts), whose one function counts for both, so they agree.
 */
export const COMING_UP_DAYS = 7;

const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;

/** The two counts in words, the same in the banner and the dashboard header. */
export const overdueText = (late: number) => `${num(late)} overdue`;
export const comingUpText = (soon: number) => `${num(soon)} coming up in the next ${COMING_UP_DAYS} days`;

const when = (r: Reminder) =>
  r.daysLeft < 0 ? `passed ${plural(-r.daysLeft, 'day')} ago` : r.daysLeft === 0 ? 'today' : `in ${plural(r.daysLeft, 'day')}`;

/**
 * In-app reminder for deadlines passed or due in the next COMING_UP_DAYS. Electron shows an OS notification instead
 * (main's startReminders), so this banner is the browser host's. It checks on load, daily, and whenever events change.
 */
export function ReminderBanner() {
  const [data, setData] = useState<Reminders | null>(null);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    if (window.redress) return;
    let live = true;
    const load = () =>
      invoke('tracking.reminders', { withinDays: COMING_UP_DAYS, limit: 5 }).then(
        (r) => live && setData(r),
        () => undefined, // a failed check must not break the page; the next one tries again
      );
    void load();
    const timer = setInterval(load, DAY_MS);
    window.addEventListener(TRACKING_CHANGED, load);
    window.addEventListener('hashchange', load);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(TRACKING_CHANGED, load);
      window.removeEventListener('hashchange', load);
    };
  }, []);
  if (hidden || !data?.total) return null;
  const { late, total, items } = data;
  const soon = total - late;
  return (
    <aside className={`reminder-banner${late ? ' has-late' : ''}`} aria-labelledby="reminder-title">
      <h2 id="reminder-title">
        {late ? `${plural(late, 'deadline has', 'deadlines have')} passed` : `${plural(soon, 'deadline')} coming up`}
        {late > 0 && soon > 0 ? `, ${num(soon)} coming up` : ''}
      </h2>
      <p className="hint reminder-counts" data-late={late} data-soon={soon}>
        {overdueText(late)} · {comingUpText(soon)}. Counted over all open cases, one per deadline.
      </p>
      <ul>
        {items.map((r, i) => (
          <li key={`${r.caseId}-${r.kind}-${i}`}>
            <a href={href('cases', r.caseId)}>{r.title}</a>: {r.label || DEADLINE_LABELS[r.kind]}, due {shortDate(r.due)} ({when(r)})
          </li>
        ))}
      </ul>
      {total > items.length ? <p className="hint">and {num(total - items.length)} more; the case list shows them first.</p> : null}
      <button type="button" onClick={() => setHidden(true)}>
        Hide for now
      </button>
    </aside>
  );
}
