import { createHash } from 'node:crypto';
import type { CoreContext } from '../context';
import type { Msg } from '../contract/i18n';
import type { WatchCheck } from '../contract/watch';
import { readTx, writeTx } from '../db/tx';
import { diffTexts, sentences } from '../evidence/policy-text';
import { discardStaged, stageBytes, type StagedFile } from '../evidence/store';
import { isoNow } from '../util/clock';
import { newId } from '../util/ids';
import { runTask, useWorker } from '../work/run';
import { copyForTransfer } from '../work/transfer';
import { extractPage, type ExtractInput, type Extracted } from './extract';
import { fetchPage, watchUserAgent, type FetchOptions } from './fetch';
import { loadAiMatcher } from './phrases';
import { reason, type Reason } from './reasons';
import { documentRows, dueAt, getCheck, getDocumentRow, insertCheck, insertSnapshot, lastCheckAt, latestSnapshot, placeWatchBlob, type DocumentRow, type SnapshotRow } from './repo';
import { createShotRenderer, screenshotsWanted, type ShotRecord, type ShotRenderer } from './screenshot';

/** Pages fetched at once in one run (each document still gets exactly one request). */
export const WATCH_CONCURRENCY = 4;
/** How long a run's claim on a document holds: longer than a fetch, a parse and a screenshot take together, short
 * enough that a run that crashed holds nothing for long. */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** From how many due documents the command line parses in the worker too: starting it costs about a second, which a
 * short run from cron does not win back (it has no window to keep responsive); a long run does (parsing beside the
 * fetching). The app and the browser host always parse there. */
export const CLI_WORKER_MIN_DOCS = 8;

export interface RunOptions {
  force?: boolean;
  id?: string;
  /** Tests and the bench: a shorter time limit, a smaller size cap. */
  fetch?: Partial<FetchOptions>;
  /** Screenshots of new snapshots (default: on unless REDRESS_WATCH_SCREENSHOTS=off). */
  screenshots?: boolean;
  /** The Chromium to render screenshots with (default REDRESS_CHROMIUM, else /usr/bin/chromium). */
  chromium?: string;
  /** Makes the screenshot renderer for this run instead of the host's or Chromium's (tests). */
  shotRenderer?: () => ShotRenderer;
}

const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

/** The documents a run considers: all with `force`, else each enabled one whose last check + every has passed. Each is
 * still claimed (`claimDocument`) before it is fetched, so another run may take some of them first. */
export function dueDocuments(ctx: CoreContext, opts: { force?: boolean; id?: string }): DocumentRow[] {
  const now = ctx.clock.now().getTime();
  return readTx(ctx.db, () => {
    const rows = opts.id ? [getDocumentRow(ctx.db, opts.id)].filter((r): r is DocumentRow => !!r) : documentRows(ctx.db).filter((r) => r.enabled === 1);
    if (opts.force) return rows;
    return rows.filter((r) => Date.parse(dueAt(r, lastCheckAt(ctx.db, r.id))) <= now);
  });
}

/**
 * Takes a document for this run under the write lock, or says another run has it: not claimed by a live lease of
 * another run, and still due (or, for a forced run, not checked by anyone since this run started). Two runs on one data
 * folder (the app's schedule and `redress watch run` from cron) thus never fetch one document twice.
 */
export function claimDocument(ctx: CoreContext, docId: string, runId: string, opts: { force?: boolean; startedAt: number }): DocumentRow | undefined {
  return writeTx(ctx.db, () => {
    const row = getDocumentRow(ctx.db, docId);
    if (!row) return undefined;
    const now = ctx.clock.now().getTime();
    if (row.claimed_by && row.claimed_by !== runId && row.claimed_until && Date.parse(row.claimed_until) > now) return undefined;
    const last = lastCheckAt(ctx.db, docId);
    if (opts.force ? last !== undefined && Date.parse(last) > opts.startedAt : Date.parse(dueAt(row, last)) > now) return undefined;
    ctx.db.prepare('UPDATE watch_documents SET claimed_until = ?, claimed_by = ? WHERE id = ?').run(new Date(now + CLAIM_LEASE_MS).toISOString(), runId, docId);
    return row;
  });
}

/** Inside the transaction that records the check (or after a failure of the run itself): the lease is given back. */
function release(ctx: CoreContext, docId: string, runId: string): void {
  ctx.db.prepare('UPDATE watch_documents SET claimed_until = NULL, claimed_by = NULL WHERE id = ? AND claimed_by = ?').run(docId, runId);
}

/**
 * The renderer of this run's screenshots: the one the options give (tests), else the host's (the app's hidden Electron
 * window, `ctx.shotRenderer`), else a system Chromium. A Chromium named by the options or by REDRESS_CHROMIUM wins over
 * the host's renderer, so one can still be chosen in the app. Screenshots turned off (`screenshots: false`,
 * REDRESS_WATCH_SCREENSHOTS=off) use the Chromium renderer, which renders nothing and says they are off.
 */
function chooseShotRenderer(ctx: CoreContext, opts: RunOptions): ShotRenderer {
  const enabled = opts.screenshots ?? screenshotsWanted();
  const chromium = { enabled, executablePath: opts.chromium, now: () => ctx.clock.now() };
  if (!enabled) return createShotRenderer(chromium);
  if (opts.shotRenderer) return opts.shotRenderer();
  if (ctx.shotRenderer && !opts.chromium && !process.env.REDRESS_CHROMIUM) return ctx.shotRenderer();
  return createShotRenderer(chromium);
}

/** Checks every due document once; the results in the order the documents were added. A document another run is
 * checking at the same moment is left to it (and not in the results). */
export async function runWatch(ctx: CoreContext, opts: RunOptions = {}): Promise<WatchCheck[]> {
  const docs = dueDocuments(ctx, opts);
  const runId = newId('wr');
  const startedAt = ctx.clock.now().getTime();
  const fetchOpts: FetchOptions = { userAgent: watchUserAgent(ctx.app.version), ...opts.fetch };
  const shots = chooseShotRenderer(ctx, opts);
  const inWorker = useWorker() && (ctx.app.host !== 'cli' || docs.length >= CLI_WORKER_MIN_DOCS);
  const results: (WatchCheck | undefined)[] = new Array(docs.length);
  let next = 0;
  const worker = async () => {
    while (next < docs.length) {
      const i = next++;
      const doc = claimDocument(ctx, docs[i].id, runId, { force: opts.force, startedAt });
      if (!doc) continue;
      try {
        results[i] = await checkDocument(ctx, doc, fetchOpts, { shots, runId, inWorker });
      } finally {
        writeTx(ctx.db, () => release(ctx, doc.id, runId));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(WATCH_CONCURRENCY, docs.length) }, worker));
  } finally {
    await shots.close();
  }
  return results.filter((r): r is WatchCheck => !!r);
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

/** The page's kept text, parsed in the core's worker (a big page never stalls the app's thread) unless already in it. */
async function extract(input: ExtractInput, inWorker: boolean): Promise<Extracted> {
  if (!inWorker || !useWorker()) return extractPage(input);
  const { value, transfer } = copyForTransfer(input);
  return runTask('watch.extract', value, transfer);
}

/** One request, one check row; a snapshot only when the kept text differs from the last one, with the raw page and a
 * screenshot rendered offline from it. */
export async function checkDocument(
  ctx: CoreContext,
  doc: DocumentRow,
  fetchOpts: FetchOptions,
  run: { shots?: ShotRenderer; runId?: string; inWorker?: boolean } = {},
): Promise<WatchCheck> {
  const checkedAt = isoNow(ctx.clock);
  const select = JSON.parse(doc.select_json) as string[];
  const remove = JSON.parse(doc.remove_json) as string[];
  const fail = (why: Reason | { text: string; msg: Msg }, status: number | null) =>
    writeTx(ctx.db, () => {
      const id = newId('wc');
      insertCheck(ctx.db, {
        id,
        documentId: doc.id,
        checkedAt,
        outcome: 'failed',
        reason: why.text,
        reasonMsg: why.msg,
        httpStatus: status,
        added: [],
        removed: [],
        aiRelated: false,
        snapshotId: latestSnapshot(ctx.db, doc.id)?.id ?? null,
      });
      if (run.runId) release(ctx, doc.id, run.runId);
      return getCheck(ctx.db, id);
    });

  const page = await fetchPage(doc.url, fetchOpts);
  if (!page.ok) return fail({ text: page.reason, msg: page.reasonMsg }, page.status);
  let text: string;
  let via: Extracted['via'];
  try {
    const extracted = await extract({ body: page.body, contentType: page.contentType, url: page.finalUrl, select, remove }, run.inWorker ?? useWorker());
    text = extracted.text;
    via = extracted.via;
    if (!text) {
      if (!select.length) return fail(reason('noReadableText'), page.status);
      const selectors = select.map((s) => JSON.stringify(s)).join(', ');
      return fail(reason(extracted.unmatched.length === select.length ? 'selectorsUnmatched' : 'selectorsEmpty', { selectors }), page.status);
    }
  } catch (err) {
    return fail(reason('unreadable', { detail: err instanceof Error ? err.message : String(err) }), page.status);
  }
  const textSha = sha256(text);
  const capture: Record<string, unknown> = {
    source: 'watch',
    fetch: {
      url: doc.url,
      finalUrl: page.finalUrl,
      redirects: page.redirects,
      httpStatus: page.status,
      contentType: page.contentType,
      fetchedAt: checkedAt,
      userAgent: fetchOpts.userAgent,
      proxy: page.via,
      requests: 1 + page.redirects.length,
      cookies: 'none sent, none kept',
      rawSha256: sha256(page.body),
      rawSize: page.body.length,
    },
    text: { sha256: textSha, via, select, remove },
  };

  const staged: StagedFile[] = [];
  let shot: { staged: StagedFile; record: ShotRecord } | undefined;
  try {
    // Up to three tries: the comparison is made outside the write lock, and holds only if no other run (the app beside
    // the CLI) recorded a newer snapshot of this document meanwhile.
    for (let attempt = 0; ; attempt++) {
      const prev = readTx(ctx.db, () => latestSnapshot(ctx.db, doc.id));
      const same = prev?.text_sha256 === textSha;
      const diff = prev && !same ? sentenceChanges(prev.text, text) : { added: [], removed: [] };
      const matcher = loadAiMatcher();
      const aiRelated = [...diff.added, ...diff.removed].some((s) => matcher.match(s).length > 0);
      if (!same && !staged.length) {
        staged.push(await stageBytes(ctx.dataDir, page.body));
        // The screenshot only for a snapshot that is kept (the baseline or a changed text), from the fetched bytes.
        const r = run.shots ? await run.shots.render(page.body, page.contentType) : undefined;
        if (r?.ok) {
          const st = await stageBytes(ctx.dataDir, r.png);
          staged.push(st);
          shot = { staged: st, record: { ...r.record, sha256: st.sha256, size: st.size } };
          capture.screenshot = shot.record;
        } else {
          capture.screenshot = null;
          capture.noScreenshot = r ? { reason: r.reason, reasonMsg: r.reasonMsg } : { reason: 'no renderer was given' };
        }
      }
      const result = writeTx(ctx.db, () => {
        const now = latestSnapshot(ctx.db, doc.id);
        if (now?.id !== prev?.id) return undefined;
        if (!getDocumentRow(ctx.db, doc.id)) return null; // removed while its page was being fetched
        const check = record(ctx, doc, { prev, same, diff, aiRelated, text, textSha, checkedAt, status: page.status, raw: staged[0], shot, capture });
        if (run.runId) release(ctx, doc.id, run.runId);
        return check;
      });
      if (result === null) return removedMeanwhile(doc, checkedAt);
      if (result) return result;
      if (attempt >= 2) return fail(reason('concurrent'), page.status);
    }
  } finally {
    if (staged.length) await discardStaged(staged);
  }
}

function record(
  ctx: CoreContext,
  doc: DocumentRow,
  r: {
    prev: SnapshotRow | undefined;
    same: boolean;
    diff: { added: string[]; removed: string[] };
    aiRelated: boolean;
    text: string;
    textSha: string;
    checkedAt: string;
    status: number;
    raw?: StagedFile;
    shot?: { staged: StagedFile; record: ShotRecord };
    capture: Record<string, unknown>;
  },
): WatchCheck {
  const checkId = newId('wc');
  let snapshotId = r.prev?.id ?? null;
  if (!r.same) {
    snapshotId = newId('ws');
    if (r.raw) placeWatchBlob(ctx.dataDir, r.raw);
    if (r.shot) placeWatchBlob(ctx.dataDir, r.shot.staged);
    insertSnapshot(ctx.db, {
      id: snapshotId,
      documentId: doc.id,
      checkedAt: r.checkedAt,
      textSha256: r.textSha,
      text: r.text,
      rawSha256: r.raw?.sha256 ?? null,
      rawSize: r.raw?.size ?? null,
      httpStatus: r.status,
      shotSha256: r.shot?.staged.sha256 ?? null,
      shotSize: r.shot?.staged.size ?? null,
      capture: { ...r.capture, snapshotId },
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
  const why = reason('removedMeanwhile');
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
    failed: why.text,
    reasonMsg: why.msg,
  };
}
