import type { ApiRegistry } from '../api/registry';
import { ApiError, invalid, notFound } from '../api/errors';
import type { CoreContext } from '../context';
import { WATCH_DEFAULT_EVERY } from '../contract/watch';
import { readTx, writeTx } from '../db/tx';
import { isoNow } from '../util/clock';
import { newId } from '../util/ids';
import { checkSelectors, SelectorError } from './extract';
import { deleteDocument, getDocumentRow, insertDocument, listChecks, listDocuments, toDocument } from './repo';
import { runWatch } from './run';

/**
 * watch.add / watch.list / watch.remove / watch.log / watch.run: the policy watch (issue 11). Only `watch.run`
 * reaches the internet: one GET per due document, see fetch.ts.
 */
export function registerWatch(api: ApiRegistry, ctx: CoreContext): void {
  api.register('watch.add', ({ url, select, remove, every }) => {
    try {
      checkSelectors([...select, ...remove]);
    } catch (err) {
      if (err instanceof SelectorError) throw invalid(err.message);
      throw err;
    }
    const id = newId('wd');
    return writeTx(ctx.db, () => {
      const same = ctx.db
        .prepare('SELECT id FROM watch_documents WHERE url = ? AND select_json = ? AND remove_json = ?')
        .get(url, JSON.stringify(select), JSON.stringify(remove)) as { id: string } | undefined;
      if (same) throw new ApiError('conflict', `${url} is already watched with these selectors, as ${same.id}.`);
      insertDocument(ctx.db, { id, url, select, remove, every: every ?? WATCH_DEFAULT_EVERY, platformId: null, createdAt: isoNow(ctx.clock) });
      return toDocument(ctx.db, getDocumentRow(ctx.db, id)!);
    });
  });
  api.register('watch.list', () => listDocuments(ctx.db));
  api.register('watch.remove', ({ id }) => {
    if (!deleteDocument(ctx, id)) throw notFound('watched document', id);
    return { id, removed: true as const };
  });
  api.register('watch.log', ({ id, limit }) =>
    readTx(ctx.db, () => {
      if (id && !getDocumentRow(ctx.db, id)) throw notFound('watched document', id);
      return listChecks(ctx.db, id, limit ?? 1000);
    }),
  );
  api.register('watch.run', ({ force, id }) => {
    if (id && !readTx(ctx.db, () => getDocumentRow(ctx.db, id))) throw notFound('watched document', id);
    return runWatch(ctx, { force, id });
  });
}
