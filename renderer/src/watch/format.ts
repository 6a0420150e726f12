import type { WatchCheck, WatchedDocument } from '../../../electron/core/contract/watch';
import { i18next } from '../i18n';
import { msgText } from '../ui/errors';

/** Sent when the watch's documents, checks or seen marks change, so the banner and the screen load again. */
export const WATCH_CHANGED = 'redress:watch-changed';
export const watchChanged = () => window.dispatchEvent(new Event(WATCH_CHANGED));

/** What a document is called: its platform's name for it, else its address. */
export const docLabel = (d: Pick<WatchedDocument, 'name' | 'url'>) => d.name ?? d.url;

/** Seconds between checks in words: "every day", "every 6 hours", "every 2 weeks". */
export function everyText(seconds: number): string {
  const units: [number, string][] = [
    [7 * 86400, 'week'],
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size && seconds % size === 0) return i18next.t(`watch:every.${unit}`, { count: seconds / size });
  }
  return i18next.t('watch:every.second', { count: seconds });
}

/** "3 documents checked: 1 changed (AI-related), 1 failed." */
export function runSummary(results: WatchCheck[], leftToOtherRun = 0): string {
  const elsewhere = leftToOtherRun ? i18next.t('watch:summary.elsewhere', { count: leftToOtherRun }) : '';
  if (!results.length) return elsewhere || i18next.t('watch:summary.nothing');
  const changed = results.filter((r) => r.outcome === 'changed');
  const ai = changed.filter((r) => r.aiRelated).length;
  const parts: string[] = [];
  if (changed.length) {
    const key = ai ? (ai === changed.length ? 'summary.changedAi' : 'summary.changedSomeAi') : 'summary.changed';
    parts.push(i18next.t(`watch:${key}`, { count: changed.length, ai }));
  }
  const count = (outcome: WatchCheck['outcome']) => results.filter((r) => r.outcome === outcome).length;
  for (const [outcome, key] of [
    ['baseline', 'summary.baseline'],
    ['unchanged', 'summary.unchanged'],
    ['failed', 'summary.failed'],
  ] as const) {
    const n = count(outcome);
    if (n) parts.push(i18next.t(`watch:${key}`, { count: n }));
  }
  const total = i18next.t('watch:summary.total', { count: results.length, parts: parts.join(i18next.t('watch:summary.separator')) });
  return elsewhere ? `${total} ${elsewhere}` : total;
}

/**
 * Why a check failed, in the language shown: worded from the core's message reference when the check carries one,
 * else the core's English reason.
 */
export function failedReason(c: Pick<WatchCheck, 'failed' | 'reasonMsg'>): string {
  return msgText(c.reasonMsg, c.failed ?? i18next.t('watch:outcome.failedUnknown'));
}

/** The outcome of a check in plain words; a failure always with its reason. */
export function outcomeText(c: Pick<WatchCheck, 'outcome' | 'failed' | 'reasonMsg' | 'aiRelated'>): string {
  switch (c.outcome) {
    case 'baseline':
      return i18next.t('watch:outcome.baseline');
    case 'unchanged':
      return i18next.t('watch:outcome.unchanged');
    case 'changed':
      return i18next.t(c.aiRelated ? 'watch:outcome.changedAi' : 'watch:outcome.changed');
    case 'failed':
      return i18next.t('watch:outcome.failed', { reason: failedReason(c) });
  }
}

/** Focus an element once it is on the page (after a reload renders it). */
export function focusWhenShown(id: string, timeoutMs = 3000) {
  const started = performance.now();
  const tick = () => {
    const el = document.getElementById(id);
    if (el) {
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
      el.focus();
      return;
    }
    if (performance.now() - started < timeoutMs) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

