import type { CoreContext } from '../context';
import { WATCH_DEFAULT_EVERY_HOURS, type WatchSettings, type WatchStatus, type WatchUnseenChange } from '../contract/watch';
import type { Db } from '../db/open';
import { readTx, writeTx } from '../db/tx';
import { apiError } from '../api/errors';
import { isoNow } from '../util/clock';
import { getSetting, putSetting } from '../db/settings';

export { getSetting, putSetting };
import { documentLabel, getCheck } from './repo';

const KEYS = { enabled: 'watch.enabled', everyHours: 'watch.everyHours', enabledAt: 'watch.enabledAt', lastRunAt: 'watch.lastRunAt' } as const;

/** The watch is off until the user turns it on. */
export function watchSettings(db: Db): WatchSettings {
  return readTx(db, () => ({
    enabled: getSetting<unknown>(db, KEYS.enabled, false) === true,
    everyHours: validHours(getSetting<unknown>(db, KEYS.everyHours, WATCH_DEFAULT_EVERY_HOURS)),
    enabledAt: getSetting<string | null>(db, KEYS.enabledAt, null),
  }));
}

const validHours = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 168 ? v : WATCH_DEFAULT_EVERY_HOURS);

export function setWatchSettings(ctx: CoreContext, input: { enabled: boolean; everyHours?: number }): WatchSettings {
  const now = isoNow(ctx.clock);
  writeTx(ctx.db, () => {
    const was = watchSettings(ctx.db);
    putSetting(ctx.db, KEYS.enabled, input.enabled, now);
    if (input.enabled && !was.enabled) putSetting(ctx.db, KEYS.enabledAt, now, now);
    if (input.everyHours !== undefined) putSetting(ctx.db, KEYS.everyHours, input.everyHours, now);
  });
  return watchSettings(ctx.db);
}

/** Called after every run, by the app or the command line. */
export function recordRun(ctx: CoreContext, at: string): void {
  putSetting(ctx.db, KEYS.lastRunAt, at, at);
}

/** AI-related changes not marked seen, newest first. */
export function unseenChanges(db: Db, limit = 100): WatchUnseenChange[] {
  const rows = db
    .prepare(
      `SELECT c.id, d.name, d.url FROM watch_checks c JOIN watch_documents d ON d.id = c.document_id
       WHERE c.outcome = 'changed' AND c.ai_related = 1 AND c.seen_at IS NULL ORDER BY c.checked_at DESC, c.rowid DESC LIMIT ?`,
    )
    .all(limit) as { id: string; name: string | null; url: string }[];
  return rows.map((r) => ({ ...getCheck(db, r.id), name: documentLabel(r) }));
}

export function watchStatus(ctx: CoreContext): WatchStatus {
  return readTx(ctx.db, () => {
    const settings = watchSettings(ctx.db);
    const lastRunAt = getSetting<string | null>(ctx.db, KEYS.lastRunAt, null);
    const documents = (ctx.db.prepare('SELECT count(*) AS n FROM watch_documents').get() as { n: number }).n;
    let nextRunAt: string | null = null;
    if (settings.enabled) {
      const now = ctx.clock.now().getTime();
      const after = lastRunAt ? Date.parse(lastRunAt) + settings.everyHours * 3600_000 : now;
      nextRunAt = new Date(Math.max(after, now)).toISOString();
    }
    return { ...settings, lastRunAt, nextRunAt, documents, unseen: unseenChanges(ctx.db) };
  });
}

/** Marks AI-related changes as seen; an unknown id is an error and nothing is marked. */
export function markSeen(ctx: CoreContext, checkIds: string[]): { seen: number } {
  const now = isoNow(ctx.clock);
  return writeTx(ctx.db, () => {
    const exists = ctx.db.prepare('SELECT 1 FROM watch_checks WHERE id = ?');
    for (const id of checkIds) if (!exists.get(id)) throw apiError('not_found', 'watch.errors.noChange', { id });
    const mark = ctx.db.prepare('UPDATE watch_checks SET seen_at = ? WHERE id = ? AND seen_at IS NULL');
    let seen = 0;
    for (const id of new Set(checkIds)) seen += mark.run(now, id).changes;
    return { seen };
  });
}
