import type { Core } from '../core';
import { DEADLINE_LABELS, type Reminder, type Reminders } from '../core/contract/tracking';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One notification for everything due within 3 days or passed; the body names the soonest few. */
export function reminderText({ total, late, items }: Reminders): { title: string; body: string } | null {
  if (!total) return null;
  const title = late
    ? `Redress: ${late} deadline${late === 1 ? ' has' : 's have'} passed${total > late ? `, ${total - late} due soon` : ''}`
    : `Redress: ${total} deadline${total === 1 ? '' : 's'} within 3 days`;
  const when = (r: Reminder) => (r.daysLeft < 0 ? `${-r.daysLeft} day(s) late` : r.daysLeft === 0 ? 'today' : `in ${r.daysLeft} day(s)`);
  const lines = items.slice(0, 3).map((r) => `${DEADLINE_LABELS[r.kind]} ${when(r)}: ${r.title}`);
  if (total > 3) lines.push(`and ${total - 3} more`);
  return { title, body: lines.join('\n') };
}

/**
 * Checks on start and then once a day while the app runs, and notifies through `notify` (Electron's Notification,
 * wired by main). Returns a function that stops the checks. A failed check is reported once and does not stop them.
 */
export function startReminders(core: Core, notify: (title: string, body: string) => void): () => void {
  let stopped = false;
  const check = async () => {
    if (stopped) return;
    try {
      const text = reminderText(await core.api.call('tracking.reminders', { withinDays: 3, limit: 3 }));
      if (text && !stopped) notify(text.title, text.body);
    } catch (err) {
      notify('Redress could not check deadlines', err instanceof Error ? err.message : String(err));
    }
  };
  void check();
  const timer = setInterval(() => void check(), DAY_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
