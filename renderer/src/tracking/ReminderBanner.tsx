import { useEffect, useState } from 'react';
import { DEADLINE_LABELS, type Reminder, type Reminders } from '../../../electron/core/contract/tracking';
import { invoke } from '../api';
import { href } from '../router';
import { shortDate, TRACKING_CHANGED } from './format';

const DAY_MS = 24 * 60 * 60 * 1000;
const when = (r: Reminder) => (r.daysLeft < 0 ? `passed ${-r.daysLeft} day${r.daysLeft === -1 ? '' : 's'} ago` : r.daysLeft === 0 ? 'today' : `in ${r.daysLeft} day${r.daysLeft === 1 ? '' : 's'}`);

/**
 * In-app reminder for deadlines within 3 days or passed. Electron shows an OS notification instead (main's
 * startReminders), so this banner is the browser host's. It checks on load, daily, and whenever events change.
 */
export function ReminderBanner() {
  const [data, setData] = useState<Reminders | null>(null);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    if (window.redress) return;
    let live = true;
    const load = () =>
      invoke('tracking.reminders', { withinDays: 3, limit: 5 }).then(
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
  return (
    <aside className={`reminder-banner${late ? ' has-late' : ''}`} aria-labelledby="reminder-title">
      <h2 id="reminder-title">
        {late ? `${late} deadline${late === 1 ? ' has' : 's have'} passed` : 'Deadlines within 3 days'}
        {total > late && late ? `, ${total - late} coming up` : ''}
      </h2>
      <ul>
        {items.map((r, i) => (
          <li key={`${r.caseId}-${r.kind}-${i}`}>
            <a href={href('cases', r.caseId)}>{r.title}</a>: {r.label || DEADLINE_LABELS[r.kind]}, due {shortDate(r.due)} ({when(r)})
          </li>
        ))}
      </ul>
      {total > items.length ? <p className="hint">and {(total - items.length).toLocaleString('en-GB')} more; the case list shows them first.</p> : null}
      <button type="button" onClick={() => setHidden(true)}>
        Hide for now
      </button>
    </aside>
  );
}
