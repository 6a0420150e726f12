import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Reminder, Reminders } from '../../../electron/core/contract/tracking';
import { i18next } from '../i18n';
import { invoke } from '../api';
import { href } from '../router';
import { num, shortDate } from '../ui/dates';
import { msgText, TRACKING_CHANGED } from './format';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The window "coming up" counts in, here and in the dashboard's header: due today or in the next 7 days. It is the
 * core's COMING_UP_DAYS (electron/core/tracking/dashboard.ts), whose one function counts for both, so they agree.
 */
export const COMING_UP_DAYS = 7;

/** The two counts in words, in the language shown, the same in the banner and the dashboard header. */
export const overdueText = (late: number) => i18next.t('tracking:reminder.overdue', { count: late, n: num(late) });
export const comingUpText = (soon: number) =>
  i18next.t('tracking:reminder.comingUp', { count: soon, n: num(soon), days: num(COMING_UP_DAYS) });

const when = (r: Reminder) =>
  r.daysLeft < 0
    ? i18next.t('tracking:reminder.passedAgo', { count: -r.daysLeft, n: num(-r.daysLeft) })
    : r.daysLeft === 0
      ? i18next.t('tracking:reminder.today')
      : i18next.t('tracking:reminder.inDays', { count: r.daysLeft, n: num(r.daysLeft) });

/**
 * In-app reminder for deadlines passed or due in the next COMING_UP_DAYS. Electron shows an OS notification instead
 * (main's startReminders), so this banner is the browser host's. It checks on load, daily, and whenever events change.
 */
export function ReminderBanner() {
  const { t } = useTranslation('tracking');
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
        {late
          ? soon
            ? t('reminder.titleLateSoon', { count: late, n: num(late), soon: num(soon) })
            : t('reminder.titleLate', { count: late, n: num(late) })
          : t('reminder.titleSoon', { count: soon, n: num(soon) })}
      </h2>
      <p className="hint reminder-counts" data-late={late} data-soon={soon}>
        {t('reminder.counts', { overdue: overdueText(late), comingUp: comingUpText(soon) })}
      </p>
      <ul>
        {items.map((r, i) => (
          <li key={`${r.caseId}-${r.kind}-${i}`}>
            <Trans
              t={t}
              i18nKey="reminder.item"
              values={{ title: r.title, what: msgText(r.labelMsg, r.label), due: shortDate(r.due), when: when(r) }}
              components={{ go: <a href={href('cases', r.caseId)} translate="no" /> }}
            />
          </li>
        ))}
      </ul>
      {total > items.length ? <p className="hint">{t('reminder.more', { count: total - items.length, n: num(total - items.length) })}</p> : null}
      <button type="button" onClick={() => setHidden(true)}>
        {t('reminder.hide')}
      </button>
    </aside>
  );
}
