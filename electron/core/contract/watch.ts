// Contract of the policy watch (issue 11): watched documents, their checks and snapshots.
// Pure zod, no Node imports (the renderer type-checks against this file).
import { z } from 'zod';
import { CaseCreateInput, CaseId } from './cases';
import type { EvidenceSummary, ToggleState } from './evidence';
import type { Msg } from './i18n';

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

/** A platform's id as its file in data/platforms/ names it (`linkedin`, `facebook`, …). */
export const WatchPlatformId = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A platform id is a short name such as linkedin or facebook (see `redress platforms`)');

/** One page by URL, or every policy document a platform's file declares (`platform`), each with its own selectors. */
export const WatchAddInput = z
  .object({
    url: WatchUrl.optional(),
    platform: WatchPlatformId.optional(),
    select: Selectors,
    remove: Selectors,
    every: WatchEvery.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.url && !v.platform) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Give the URL of a page to watch, or a platform whose policies to watch' });
    if (v.url && v.platform) ctx.addIssue({ code: 'custom', path: ['platform'], message: 'Give either a URL or a platform, not both' });
    if (v.platform && (v.select.length || v.remove.length)) {
      ctx.addIssue({ code: 'custom', path: ['select'], message: "A platform's documents come with their own selectors; --select and --remove are for a single URL" });
    }
  });
export const WatchListInput = z.object({}).default({});
export const WatchRemoveInput = z.object({ id: WatchId });
export const WatchLogInput = z
  .object({ id: WatchId.optional(), limit: z.number().int().min(1).max(10_000).optional() })
  .default({});
/** `scheduled`: a run the app starts on its own, which does nothing while the watch is off (a user's run always runs). */
export const WatchRunInput = z.object({ force: z.boolean().optional(), id: WatchId.optional(), scheduled: z.boolean().optional() }).default({});

/** How often the app runs the watch while it is open, in hours. */
export const WATCH_DEFAULT_EVERY_HOURS = 6;
export const WatchSettingsGetInput = z.object({}).default({});
export const WatchSettingsSetInput = z.object({
  enabled: z.boolean({ error: 'Say whether the watch is on (true) or off (false)' }),
  everyHours: z.number().int('Give whole hours').min(1, 'Run at most once an hour').max(168, 'Run at least once a week (168 hours)').optional(),
});
export const WatchStatusInput = z.object({}).default({});
export const WatchCheckId = z.string().trim().regex(/^wc_[A-Za-z0-9]{1,40}$/, 'A change id looks like wc_… (see `redress watch log`)');
export const WatchMarkSeenInput = z.object({ checkIds: z.array(WatchCheckId).min(1, 'Name at least one change').max(1000) });

/** The member's details for a case started from a change (the fields of cases.create). */
export const WatchToCaseInput = z
  .object({ checkId: WatchCheckId, caseId: CaseId.optional(), newCase: CaseCreateInput.optional() })
  .superRefine((v, ctx) => {
    if (!v.caseId && !v.newCase) ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'Name the case to add the change to, or give the details of a new case' });
    if (v.caseId && v.newCase) ctx.addIssue({ code: 'custom', path: ['newCase'], message: 'Either add to an existing case or start a new one, not both' });
  });

/** Days after which a switch is due to be captured again. */
export const SWITCH_RECAPTURE_DAYS = 30;
export const SwitchesStatusInput = z.object({}).default({});

export const watchContract = {
  'watch.add': WatchAddInput,
  'watch.list': WatchListInput,
  'watch.remove': WatchRemoveInput,
  'watch.log': WatchLogInput,
  'watch.run': WatchRunInput,
  'watch.settings.get': WatchSettingsGetInput,
  'watch.settings.set': WatchSettingsSetInput,
  'watch.status': WatchStatusInput,
  'watch.markSeen': WatchMarkSeenInput,
  'watch.toCase': WatchToCaseInput,
  'switches.status': SwitchesStatusInput,
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
  /** What the document is called when its platform's file names it ("LinkedIn Privacy Policy"); else null. */
  name: string | null;
  enabled: boolean;
  createdAt: string;
  lastCheckedAt: string | null;
  lastOutcome: WatchOutcome | null;
  /** The last check that found a change (not the baseline). */
  lastChangedAt: string | null;
  /** When the next run checks it (created or last checked + every). */
  dueAt: string;
  snapshots: number;
  /** A run (this app's schedule, `redress watch run` from cron, another window) holds the document right now: it is
   * being fetched and checked, and another run leaves it alone until that run records its check. */
  checking: boolean;
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
  /** The added and removed sentences that name AI, models or training (data/ai-phrases.json), for a screen to mark. */
  aiSentences: string[];
  /** The snapshot whose text holds after this check (null when none was ever recorded). */
  snapshotId: string | null;
  httpStatus: number | null;
  /** Why the check failed, in plain words; absent when it did not. */
  failed?: string;
  /** The same reason as a message of the core catalog (`watch.reason.*`), for a screen to word in the member's
   * language; absent when the check did not fail, or failed before reasons had keys. */
  reasonMsg?: Msg;
}

/** `watch.add {platform}`: the documents added, and those skipped because they were already watched. */
export interface WatchPlatformAdded {
  platform: string;
  platformName: string;
  added: WatchedDocument[];
  skipped: { id: string; url: string; name: string | null }[];
}

export interface WatchSettings {
  enabled: boolean;
  everyHours: number;
  /** When the watch was last turned on (null when never). */
  enabledAt: string | null;
}

/** An AI-related change the user has not marked seen. */
export interface WatchUnseenChange extends WatchCheck {
  /** The document's name, or its address when it has none. */
  name: string;
}

export interface WatchStatus extends WatchSettings {
  /** The last run of the watch, by the app or the command line (null when never). */
  lastRunAt: string | null;
  /** When the app runs it next while open (null while the watch is off). */
  nextRunAt: string | null;
  documents: number;
  unseen: WatchUnseenChange[];
}

export interface WatchToCaseResult {
  caseId: string;
  /** True when the case was started for this change. */
  createdCase: boolean;
  /** The earlier text, the new text and the changes between them, in that order; then the earlier snapshot's raw page
   * and screenshot, then the new one's (each when it was kept). */
  evidence: EvidenceSummary[];
}

/** "Check my switches": one platform the member's cases are about, and its last captured switch state. */
export interface SwitchStatus {
  platform: string;
  platformName: string;
  caseIds: string[];
  last: { evidenceId: string; caseId: string; state: ToggleState; confirmedBy: 'page' | 'hand'; capturedAt: string; url: string | null } | null;
  /** Whole days since that capture (null when none). */
  daysSince: number | null;
  /** No capture, or the last is older than SWITCH_RECAPTURE_DAYS: time to capture the switch again. */
  due: boolean;
}

export interface WatchOutputs {
  'watch.add': WatchedDocument | WatchPlatformAdded;
  'watch.settings.get': WatchSettings;
  'watch.settings.set': WatchSettings;
  'watch.status': WatchStatus;
  'watch.markSeen': { seen: number };
  'watch.toCase': WatchToCaseResult;
  'switches.status': SwitchStatus[];
  'watch.list': WatchedDocument[];
  'watch.remove': { id: string; removed: true };
  'watch.log': WatchCheck[];
  'watch.run': WatchCheck[];
}
