import type { Core } from '../core';
import { pickLanguage, type Language } from '../core/contract/i18n';
import { DEADLINE_LABEL_KEYS, type Reminder, type Reminders } from '../core/contract/tracking';
import { translator } from '../core/i18n';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One notification for everything due within 3 days or passed; the body names the soonest few. Worded in the member's
 * language (core catalog, tracking.notify.*); English by default.
 */
export function reminderText({ total, late, items }: Reminders, lng: Language = 'en'): { title: string; body: string } | null {
  if (!total) return null;
  const t = translator(lng);
  const title = late
    ? total > late
      ? t('tracking.notify.titleLateSoon', { count: late, soon: total - late })
      : t('tracking.notify.titleLate', { count: late })
    : t('tracking.notify.titleSoon', { count: total });
  const when = (r: Reminder) =>
    r.daysLeft < 0 ? t('tracking.notify.late', { count: -r.daysLeft }) : r.daysLeft === 0 ? t('tracking.notify.today') : t('tracking.notify.inDays', { count: r.daysLeft });
  const lines = items.slice(0, 3).map((r) => t('tracking.notify.line', { label: t(DEADLINE_LABEL_KEYS[r.kind]), when: when(r), title: r.title }));
  if (total > 3) lines.push(t('tracking.notify.more', { count: total - 3 }));
  return { title, body: lines.join('\n') };
}

/**
 * Checks on start and then once a day while the app runs, and notifies through `notify` (Electron's Notification,
 * wired by main). Returns a function that stops the checks. A failed check is reported once and does not stop them.
 * The notification speaks the language the member chose, else the first of `systemLocales` the app speaks, else English.
 */
export function startReminders(
  core: Core,
  notify: (title: string, body: string) => void,
  systemLocales: () => readonly string[] = () => [],
): () => void {
  let stopped = false;
  const language = async (): Promise<Language> => {
    try {
      return (await core.api.call('preferences.get', {})).language ?? pickLanguage(systemLocales());
    } catch {
      return pickLanguage(systemLocales());
    }
  };
  const check = async () => {
    if (stopped) return;
    const lng = await language();
    try {
      const text = reminderText(await core.api.call('tracking.reminders', { withinDays: 3, limit: 3 }), lng);
      if (text && !stopped) notify(text.title, text.body);
    } catch (err) {
      notify(translator(lng)('tracking.notify.failed'), err instanceof Error ? err.message : String(err));
    }
  };
  void check();
  const timer = setInterval(() => void check(), DAY_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
