import { createHash } from 'node:crypto';
import type { CoreContext } from '../context';
import type { WatchCheck } from '../contract/watch';
import { readTx, writeTx } from '../db/tx';
import { diffTexts, sentences } from '../evidence/policy-text';
import { discardStaged, stageBytes, type StagedFile } from '../evidence/store';
import { isoNow } from '../util/clock';
import { newId } from '../util/ids';
import { extractText } from './extract';
import { decodeBody, fetchPage, watchUserAgent, type FetchOptions } from './fetch';
import { loadAiMatcher } from './phrases';
import { documentRows, dueAt, getCheck, getDocumentRow, insertCheck, insertSnapshot, lastCheckAt, latestSnapshot, placeWatchBlob, type DocumentRow, type SnapshotRow } from './repo';

/** Pages fetched at once in one run (each document still gets exactly one request). */
export const WATCH_CONCURRENCY = 4;

export interface RunOptions {
  force?: boolean;
  id?: string;
  /** Tests and the bench: a shorter time limit, a smaller size cap. */
  fetch?: Partial<FetchOptions>;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The documents a run checks: all with `force`, else each enabled one whose last check + every has passed. */
export function dueDocuments(ctx: CoreContext, opts: { force?: boolean; id?: string }): DocumentRow[] {
  const now = ctx.clock.now().getTime();
  return readTx(ctx.db, () => {
    const rows = opts.id ? [getDocumentRow(ctx.db, opts.id)].filter((r): r is DocumentRow => !!r) : documentRows(ctx.db).filter((r) => r.enabled === 1);
    if (opts.force) return rows;
    return rows.filter((r) => Date.parse(dueAt(r, lastCheckAt(ctx.db, r.id))) <= now);
  });
}

/** Checks every due document once; the results in the order the documents were added. */
export async function runWatch(ctx: CoreContext, opts: RunOptions = {}): Promise<WatchCheck[]> {
  const docs = dueDocuments(ctx, opts);
  const fetchOpts: FetchOptions = { userAgent: watchUserAgent(ctx.app.version), ...opts.fetch };
  const results: WatchCheck[] = new Array(docs.length);
  let next = 0;
  const worker = async () => {
    while (next < docs.length) {
      const i = next++;
      results[i] = await checkDocument(ctx, docs[i], fetchOpts);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WATCH_CONCURRENCY, docs.length) }, worker));
  return results;
}

/** Added and removed sentences between two kept texts, from the policy diff the evidence compare uses. */
export function sentenceChanges(before: string, after: string): { added: string[]; removed: string[] } {
  const added: string[] = [];
  const removed: string[] = [];
  for (const c of diffTexts(before, after)) {
    if (c.type === 'added') added.push(...sentences(c.text).list);
    else if (c.type === 'removed') removed.push(...sentences(c.text).list);
  }
  return { added, removed };
}

/** One request, one check row; a snapshot only when the kept text differs from the last one. */
export async function checkDocument(ctx: CoreContext, doc: DocumentRow, fetchOpts: FetchOptions): Promise<WatchCheck> {
  const checkedAt = isoNow(ctx.clock);
  const select = JSON.parse(doc.select_json) as string[];
  const remove = JSON.parse(doc.remove_json) as string[];
  const fail = (reason: string, status: number | null) =>
    writeTx(ctx.db, () => {
      const id = newId('wc');
      insertCheck(ctx.db, {
        id,
        documentId: doc.id,
        checkedAt,
        outcome: 'failed',
        reason,
        httpStatus: status,
        added: [],
        removed: [],
        aiRelated: false,
        snapshotId: latestSnapshot(ctx.db, doc.id)?.id ?? null,
      });
      return getCheck(ctx.db, id);
    });

  const page = await fetchPage(doc.url, fetchOpts);
  if (!page.ok) return fail(page.reason, page.status);
  let text: string;
  try {
    const extracted = extractText(decodeBody(page.body, page.contentType), { url: page.finalUrl, contentType: page.contentType, select, remove });
    text = extracted.text;
    if (!text) {
      const why = select.length
        ? `the selectors ${select.map((s) => JSON.stringify(s)).join(', ')} left no text${extracted.unmatched.length === select.length ? ' (nothing matched them)' : ''}: the page's layout may have changed`
        : "the page has no readable text (it may need scripts, or block automated checks)";
      return fail(why, page.status);
    }
  } catch (err) {
    return fail(`the page could not be read (${err instanceof Error ? err.message : String(err)})`, page.status);
  }
  const textSha = sha256(text);

  let staged: StagedFile | undefined;
  try {
    // Up to three tries: the comparison is made outside the write lock, and holds only if no other run (the app beside
    // the CLI) recorded a newer snapshot of this document meanwhile.
    for (let attempt = 0; ; attempt++) {
      const prev = readTx(ctx.db, () => latestSnapshot(ctx.db, doc.id));
      const same = prev?.text_sha256 === textSha;
      const diff = prev && !same ? sentenceChanges(prev.text, text) : { added: [], removed: [] };
      const matcher = loadAiMatcher();
      const aiRelated = [...diff.added, ...diff.removed].some((s) => matcher.match(s).length > 0);
      if (!same && !staged) staged = await stageBytes(ctx.dataDir, page.body);
      const result = writeTx(ctx.db, () => {
        const now = latestSnapshot(ctx.db, doc.id);
        if (now?.id !== prev?.id) return undefined;
        if (!getDocumentRow(ctx.db, doc.id)) return null; // removed while its page was being fetched
        return record(ctx, doc, { prev, same, diff, aiRelated, text, textSha, checkedAt, status: page.status, staged });
      });
      if (result === null) return removedMeanwhile(doc, checkedAt);
      if (result) return result;
      if (attempt >= 2) return fail('another run recorded this document at the same time; check again', page.status);
    }
  } finally {
    if (staged) await discardStaged([staged]);
  }
}

function record(
  ctx: CoreContext,
  doc: DocumentRow,
  r: { prev: SnapshotRow | undefined; same: boolean; diff: { added: string[]; removed: string[] }; aiRelated: boolean; text: string; textSha: string; checkedAt: string; status: number; staged?: StagedFile },
): WatchCheck {
  const checkId = newId('wc');
  let snapshotId = r.prev?.id ?? null;
  if (!r.same) {
    snapshotId = newId('ws');
    if (r.staged) placeWatchBlob(ctx.dataDir, r.staged);
    insertSnapshot(ctx.db, {
      id: snapshotId,
      documentId: doc.id,
      checkedAt: r.checkedAt,
      textSha256: r.textSha,
      text: r.text,
      rawSha256: r.staged?.sha256 ?? null,
      rawSize: r.staged?.size ?? null,
      httpStatus: r.status,
    });
  }
  // A text that differs only in how it is cut into paragraphs has no added or removed sentence: kept, but no change.
  const outcome = !r.prev ? 'baseline' : r.same || (!r.diff.added.length && !r.diff.removed.length) ? 'unchanged' : 'changed';
  insertCheck(ctx.db, {
    id: checkId,
    documentId: doc.id,
    checkedAt: r.checkedAt,
    outcome,
    reason: null,
    httpStatus: r.status,
    added: outcome === 'changed' ? r.diff.added : [],
    removed: outcome === 'changed' ? r.diff.removed : [],
    aiRelated: outcome === 'changed' && r.aiRelated,
    snapshotId,
  });
  return getCheck(ctx.db, checkId);
}

function removedMeanwhile(doc: DocumentRow, checkedAt: string): WatchCheck {
  return {
    id: doc.id,
    checkId: '',
    url: doc.url,
    checkedAt,
    outcome: 'failed',
    changed: false,
    baseline: false,
    aiRelated: false,
    added: [],
    removed: [],
    aiSentences: [],
    snapshotId: null,
    httpStatus: null,
    failed: 'the document was removed from the watch while it was being checked',
  };
}
