import type { WatchCheck, WatchedDocument } from '../../../electron/core/contract/watch';
import { num } from '../ui/dates';

/** Sent when the watch's documents, checks or seen marks change, so the banner and the screen load again. */
export const WATCH_CHANGED = 'redress:watch-changed';
export const watchChanged = () => window.dispatchEvent(new Event(WATCH_CHANGED));

export const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;

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
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return n === 1 ? `every ${unit}` : `every ${num(n)} ${unit}s`;
    }
  }
  return `every ${plural(seconds, 'second')}`;
}

/** "3 documents checked: 1 changed (AI-related), 1 failed." */
export function runSummary(results: WatchCheck[]): string {
  if (!results.length) return 'Nothing to check: add a document to watch first.';
  const changed = results.filter((r) => r.outcome === 'changed');
  const ai = changed.filter((r) => r.aiRelated).length;
  const parts: string[] = [];
  if (changed.length) {
    parts.push(`${num(changed.length)} changed${ai ? (ai === changed.length ? ' (AI-related)' : ` (${num(ai)} AI-related)`) : ''}`);
  }
  const base = results.filter((r) => r.outcome === 'baseline').length;
  if (base) parts.push(`${plural(base, 'first version')} recorded`);
  const same = results.filter((r) => r.outcome === 'unchanged').length;
  if (same) parts.push(`${num(same)} unchanged`);
  const failed = results.filter((r) => r.outcome === 'failed').length;
  if (failed) parts.push(`${num(failed)} failed`);
  return `${plural(results.length, 'document')} checked: ${parts.join(', ')}.`;
}

/** The outcome of a check in plain words; a failure always with its reason. */
export function outcomeText(c: Pick<WatchCheck, 'outcome' | 'failed' | 'aiRelated'>): string {
  switch (c.outcome) {
    case 'baseline':
      return 'First version recorded (nothing to compare with yet)';
    case 'unchanged':
      return 'No change';
    case 'changed':
      return c.aiRelated ? 'Changed, AI-related' : 'Changed';
    case 'failed':
      return `Failed: ${c.failed ?? 'the page could not be checked'}`;
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

