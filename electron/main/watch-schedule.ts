// The policy watch while the app is open (issue 11): a run shortly after start and then every `everyHours`, only while
// the user has turned the watch on, and an OS notification for each new AI-related change. Electron's pieces come in
// as parameters, so this runs (and is tested) without Electron.
import type { ApiInput, ApiName, ApiOutput } from '../core/contract';
import type { WatchCheck } from '../core/contract/watch';

/** What the schedule needs of the core: its API. */
export interface WatchCore {
  api: { call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>> };
}

/** The shape of Electron's Notification this module uses. */
export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}
export interface NotificationClass {
  new (options: { title: string; body: string }): NotificationLike;
  isSupported(): boolean;
}

export interface WatchScheduleOptions {
  Notification: NotificationClass;
  /** Brings the app window to the front on the Watch screen (`#/watch`). */
  showWatch: () => void;
  /** Wait after start before the first run (default 20 s: the window opens first). */
  startDelayMs?: number;
  /** While the watch is off, how often to look whether it was turned on (default 15 min). Nothing is fetched. */
  offRecheckMs?: number;
  /** Where a failed run is reported (default console.error). */
  log?: (message: string) => void;
}

export const WATCH_START_DELAY_MS = 20_000;
export const WATCH_OFF_RECHECK_MS = 15 * 60_000;
const HOUR_MS = 3600_000;

const first = (list: string[], n: number) => {
  const s = list[0] ?? '';
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
};

/** The notification of one AI-related change: the document by name, then the first added (or removed) sentence. */
export function changeNotice(c: WatchCheck & { name?: string }): { title: string; body: string } {
  const name = c.name ?? c.url;
  const body = c.added.length ? `Added: ${first(c.added, 180)}` : `Removed: ${first(c.removed, 180)}`;
  return { title: `Redress: ${name} changed (AI-related)`, body };
}

/** More changes than this in one run make one notification that names the first few, not one each. */
export const MAX_SEPARATE_NOTICES = 3;

/** One notification for many AI-related changes found in one run. */
export function manyChangesNotice(changes: (WatchCheck & { name?: string })[]): { title: string; body: string } {
  const names = changes.slice(0, MAX_SEPARATE_NOTICES).map((c) => c.name ?? c.url);
  const rest = changes.length - names.length;
  return { title: `Redress: ${changes.length} policy documents changed (AI-related)`, body: names.join('\n') + (rest ? `\nand ${rest} more` : '') };
}

/**
 * Starts the schedule; returns a function that stops it. One run at a time; a failed run is logged and the schedule
 * goes on. The core itself also refuses a scheduled run while the watch is off (`watch.run {scheduled: true}`).
 */
export function startWatchSchedule(core: WatchCore, opts: WatchScheduleOptions): () => void {
  const log = opts.log ?? ((m: string) => console.error(`redress: ${m}`));
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const later = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    (timer as { unref?: () => void }).unref?.();
  };

  const notify = (text: { title: string; body: string }) => {
    if (!opts.Notification.isSupported()) return;
    const n = new opts.Notification(text);
    n.on('click', () => opts.showWatch());
    n.show();
  };

  const tick = async () => {
    if (stopped) return;
    let next = opts.offRecheckMs ?? WATCH_OFF_RECHECK_MS;
    try {
      const settings = await core.api.call('watch.settings.get', {});
      if (settings.enabled) {
        next = settings.everyHours * HOUR_MS;
        const results = await core.api.call('watch.run', { scheduled: true });
        const ai = results.filter((r) => r.changed && r.aiRelated);
        if (ai.length && !stopped) {
          // Names come with the status's list of changes not yet seen.
          const names = new Map((await core.api.call('watch.status', {})).unseen.map((u) => [u.checkId, u.name]));
          const named = ai.map((c) => ({ ...c, name: names.get(c.checkId) }));
          if (named.length > MAX_SEPARATE_NOTICES) notify(manyChangesNotice(named));
          else for (const c of named) notify(changeNotice(c));
        }
      }
    } catch (err) {
      log(`the policy watch could not run: ${err instanceof Error ? err.message : String(err)}`);
    }
    later(next);
  };

  later(opts.startDelayMs ?? WATCH_START_DELAY_MS);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
