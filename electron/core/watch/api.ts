import type { ApiRegistry } from '../api/registry';
import { apiError } from '../api/errors';
import type { CoreContext } from '../context';
import { WATCH_DEFAULT_EVERY, type WatchPlatformAdded } from '../contract/watch';
import { readTx, writeTx } from '../db/tx';
import { platformsInUse } from '../platforms';
import { isoNow } from '../util/clock';
import { newId } from '../util/ids';
import { checkSelectors, SelectorError } from './extract';
import { deleteDocument, getDocumentRow, insertDocument, listChecks, listDocuments, toDocument } from './repo';
import { runWatch } from './run';
import { markSeen, recordRun, setWatchSettings, watchSettings, watchStatus } from './settings';
import { switchesStatus } from './switches';
import { changeToCase } from './to-case';

const selectorsOk = (list: string[]) => {
  try {
    checkSelectors(list);
  } catch (err) {
    if (err instanceof SelectorError) throw apiError('invalid_input', 'watch.errors.notSelector', { selector: err.selector });
    throw err;
  }
};

/** Every policy document a platform's file declares, each with its own selectors; those already watched are skipped. */
function addPlatform(ctx: CoreContext, platformId: string, every: number | undefined): WatchPlatformAdded {
  const all = platformsInUse();
  const p = all.find((x) => x.id === platformId);
  if (!p) throw apiError('not_found', 'watch.errors.noPlatform', { platform: platformId, known: all.map((x) => x.id).join(', ') });
  for (const d of p.policies) selectorsOk([...d.select, ...d.remove]);
  const createdAt = isoNow(ctx.clock);
  return writeTx(ctx.db, () => {
    const out: WatchPlatformAdded = { platform: p.id, platformName: p.name, added: [], skipped: [] };
    const same = ctx.db.prepare('SELECT id, name FROM watch_documents WHERE url = ? AND (platform_id = ? OR (select_json = ? AND remove_json = ?)) LIMIT 1');
    for (const d of p.policies) {
      const name = `${p.name} ${d.name}`;
      const found = same.get(d.url, p.id, JSON.stringify(d.select), JSON.stringify(d.remove)) as { id: string; name: string | null } | undefined;
      if (found) {
        out.skipped.push({ id: found.id, url: d.url, name: found.name ?? name });
        continue;
      }
      const id = newId('wd');
      insertDocument(ctx.db, { id, url: d.url, select: d.select, remove: d.remove, every: every ?? WATCH_DEFAULT_EVERY, platformId: p.id, name, createdAt });
      out.added.push(toDocument(ctx.db, getDocumentRow(ctx.db, id)!, ctx.clock.now().getTime()));
    }
    if (!out.added.length) {
      throw apiError('conflict', 'watch.errors.platformWatched', { platform: p.name, ids: out.skipped.map((s) => s.id).join(', ') });
    }
    return out;
  });
}

/**
 * The policy watch (issue 11): watch.add / list / remove / log / run, the on/off setting and status, marking changes
 * seen, adding a change to a case, and "check my switches". Only `watch.run` reaches the internet: one GET per due
 * document, see fetch.ts.
 */
export function registerWatch(api: ApiRegistry, ctx: CoreContext): void {
  api.register('watch.add', ({ url, platform, select, remove, every }) => {
    if (platform) return addPlatform(ctx, platform, every);
    selectorsOk([...select, ...remove]);
    const id = newId('wd');
    return writeTx(ctx.db, () => {
      const same = ctx.db
        .prepare('SELECT id FROM watch_documents WHERE url = ? AND select_json = ? AND remove_json = ?')
        .get(url, JSON.stringify(select), JSON.stringify(remove)) as { id: string } | undefined;
      if (same) throw apiError('conflict', 'watch.errors.urlWatched', { url: url!, id: same.id });
      insertDocument(ctx.db, { id, url: url!, select, remove, every: every ?? WATCH_DEFAULT_EVERY, platformId: null, createdAt: isoNow(ctx.clock) });
      return toDocument(ctx.db, getDocumentRow(ctx.db, id)!, ctx.clock.now().getTime());
    });
  });
  api.register('watch.list', () => listDocuments(ctx.db, ctx.clock.now().getTime()));
  api.register('watch.remove', ({ id }) => {
    if (!deleteDocument(ctx, id)) throw apiError('not_found', 'watch.errors.noDocument', { id });
    return { id, removed: true as const };
  });
  api.register('watch.log', ({ id, limit }) =>
    readTx(ctx.db, () => {
      if (id && !getDocumentRow(ctx.db, id)) throw apiError('not_found', 'watch.errors.noDocument', { id });
      return listChecks(ctx.db, id, limit ?? 1000);
    }),
  );
  api.register('watch.run', async ({ force, id, scheduled }) => {
    // The app's own runs wait for the user to turn the watch on; a run the user asks for always runs.
    if (scheduled && !watchSettings(ctx.db).enabled) return [];
    if (id && !readTx(ctx.db, () => getDocumentRow(ctx.db, id))) throw apiError('not_found', 'watch.errors.noDocument', { id });
    const startedAt = isoNow(ctx.clock);
    const results = await runWatch(ctx, { force, id });
    recordRun(ctx, startedAt);
    return results;
  });
  api.register('watch.settings.get', () => watchSettings(ctx.db));
  api.register('watch.settings.set', (input) => setWatchSettings(ctx, input));
  api.register('watch.status', () => watchStatus(ctx));
  api.register('watch.markSeen', ({ checkIds }) => markSeen(ctx, checkIds));
  api.register('watch.toCase', (input) => changeToCase(ctx, input));
  api.register('switches.status', () => switchesStatus(ctx));
}
