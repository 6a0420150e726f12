import { useEffect, useState } from 'react';
import { DEADLINE_LABELS, type Reminder } from '../../../electron/core/contract/tracking';
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
  const [list, setList] = useState<Reminder[]>([]);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    if (window.redress) return;
    let live = true;
    const load = () =>
      invoke('tracking.reminders', { withinDays: 3 }).then(
        (r) => live && setList(r),
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
  if (hidden || !list.length) return null;
  const late = list.filter((r) => r.daysLeft < 0).length;
  return (
    <aside className={`reminder-banner${late ? ' has-late' : ''}`} aria-labelledby="reminder-title">
      <h2 id="reminder-title">
        {late ? `${late} deadline${late === 1 ? ' has' : 's have'} passed` : 'Deadlines within 3 days'}
        {list.length > late && late ? `, ${list.length - late} coming up` : ''}
      </h2>
      <ul>
        {list.slice(0, 5).map((r) => (
          <li key={`${r.caseId}-${r.kind}`}>
            <a href={href('cases', r.caseId)}>{r.title}</a>: {DEADLINE_LABELS[r.kind]} {shortDate(r.due)} ({when(r)})
          </li>
        ))}
      </ul>
      {list.length > 5 ? <p className="hint">and {list.length - 5} more; the case list shows them first.</p> : null}
      <button type="button" onClick={() => setHidden(true)}>
        Hide until next start
      </button>
    </aside>
  );
}
