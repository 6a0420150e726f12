// Contract of the policy watch (issue 11): watched documents, their checks and snapshots.
// Pure zod, no Node imports (the renderer type-checks against this file).
import { z } from 'zod';

/** Default and bounds of how often a document is checked, in seconds. */
export const WATCH_DEFAULT_EVERY = 24 * 60 * 60;
export const WATCH_MIN_EVERY = 15 * 60;
export const WATCH_MAX_EVERY = 365 * 24 * 60 * 60;

const UNITS: Record<string, number> = { m: 60, h: 3600, d: 86400, w: 7 * 86400 };

/** `30m`, `6h`, `1d`, `7d`, `2w` -> seconds; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d{1,6})\s*([mhdw])\s*$/i.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * UNITS[m[2].toLowerCase()];
}

/** Seconds -> the shortest exact `7d` / `6h` / `30m` form (or `Ns`). */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of [['w', UNITS.w], ['d', UNITS.d], ['h', UNITS.h], ['m', UNITS.m]] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

export const WatchId = z.string().trim().regex(/^wd_[A-Za-z0-9]{1,40}$/, 'A watched document id looks like wd_…');

/** Only http(s) pages, without user names or passwords in them (the watch never sends credentials). */
export const WatchUrl = z
  .string()
  .trim()
  .max(2000, 'The URL is too long (2000 characters at most)')
  .superRefine((value, ctx) => {
    let u: URL;
    try {
      u = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Not a URL: give a full address such as https://example.com/privacy' });
      return;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: `Only http and https pages can be watched, not "${u.protocol.replace(/:$/, '')}:" addresses` });
    } else if (u.username || u.password) {
      ctx.addIssue({ code: 'custom', message: 'The URL must not hold a user name or password: the watch never sends credentials' });
    }
  })
  .transform((value) => {
    const u = new URL(value);
    u.hash = '';
    return u.href;
  });

const Selector = z.string().trim().min(1, 'A selector cannot be empty').max(500, 'A selector is 500 characters at most');
const Selectors = z.array(Selector).max(20, '20 selectors at most').default([]);

/** Seconds, or a duration such as `6h`, `1d`, `7d`. */
export const WatchEvery = z
  .union([z.number().int(), z.string()])
  .transform((v, ctx) => {
    const seconds = typeof v === 'number' ? v : parseDuration(v);
    if (seconds === undefined) {
      ctx.addIssue({ code: 'custom', message: 'Give how often as a duration such as 6h, 1d or 7d (m, h, d, w)' });
      return z.NEVER;
    }
    if (seconds < WATCH_MIN_EVERY || seconds > WATCH_MAX_EVERY) {
      ctx.addIssue({ code: 'custom', message: 'Check between every 15 minutes (15m) and once a year (52w)' });
      return z.NEVER;
    }
    return seconds;
  });

export const WatchAddInput = z.object({
  url: WatchUrl,
  select: Selectors,
  remove: Selectors,
  every: WatchEvery.optional(),
});
export const WatchListInput = z.object({}).default({});
export const WatchRemoveInput = z.object({ id: WatchId });
export const WatchLogInput = z
  .object({ id: WatchId.optional(), limit: z.number().int().min(1).max(10_000).optional() })
  .default({});
export const WatchRunInput = z.object({ force: z.boolean().optional(), id: WatchId.optional() }).default({});

export const watchContract = {
  'watch.add': WatchAddInput,
  'watch.list': WatchListInput,
  'watch.remove': WatchRemoveInput,
  'watch.log': WatchLogInput,
  'watch.run': WatchRunInput,
} as const;

export type WatchOutcome = 'baseline' | 'changed' | 'unchanged' | 'failed';

export interface WatchedDocument {
  id: string;
  url: string;
  select: string[];
  remove: string[];
  /** Seconds between checks. */
  every: number;
  platformId: string | null;
  enabled: boolean;
  createdAt: string;
  lastCheckedAt: string | null;
  lastOutcome: WatchOutcome | null;
  /** The last check that found a change (not the baseline). */
  lastChangedAt: string | null;
  /** When the next run checks it (created or last checked + every). */
  dueAt: string;
  snapshots: number;
}

/** One check of one document, as `watch run` reports it and `watch log` lists it. */
export interface WatchCheck {
  /** The watched document's id. */
  id: string;
  checkId: string;
  url: string;
  checkedAt: string;
  outcome: WatchOutcome;
  changed: boolean;
  /** The first successful check: the text is recorded, nothing is compared. */
  baseline: boolean;
  aiRelated: boolean;
  added: string[];
  removed: string[];
  /** The snapshot whose text holds after this check (null when none was ever recorded). */
  snapshotId: string | null;
  httpStatus: number | null;
  /** Why the check failed, in plain words; absent when it did not. */
  failed?: string;
}

export interface WatchOutputs {
  'watch.add': WatchedDocument;
  'watch.list': WatchedDocument[];
  'watch.remove': { id: string; removed: true };
  'watch.log': WatchCheck[];
  'watch.run': WatchCheck[];
}
