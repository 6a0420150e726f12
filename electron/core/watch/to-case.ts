import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { ApiError, apiError } from '../api/errors';
import type { CoreContext } from '../context';
import type { Case, CaseCreateInput } from '../contract';
import type { WatchToCaseResult } from '../contract/watch';
import { getCase, insertCase } from '../cases/repo';
import { readTx } from '../db/tx';
import { appendCustody } from '../evidence/custody';
import { getRow, insertEvidence, toSummary } from '../evidence/repo';
import { discardStaged, placeAndRecord, stageBytes, type StagedFile } from '../evidence/store';
import { isoNow } from '../util/clock';
import { newId } from '../util/ids';
import { loadAiMatcher } from './phrases';
import { captureOf, documentLabel, getCheck, getDocumentRow, SNAPSHOT_COLUMNS, watchBlobPath, type SnapshotRow } from './repo';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-11-03T…` -> `3 Nov 2026` (UTC). */
export const dayLabel = (iso: string) => {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'document';

interface Side {
  snapshot: SnapshotRow;
}

/**
 * The change a check found, checked before anything is written: a `changed` check of a document that still has the
 * snapshot before it and the one it recorded.
 */
function loadChange(ctx: CoreContext, checkId: string) {
  return readTx(ctx.db, () => {
    const exists = ctx.db.prepare('SELECT id FROM watch_checks WHERE id = ?').get(checkId);
    if (!exists) throw apiError('not_found', 'watch.errors.noChange', { id: checkId });
    const check = getCheck(ctx.db, checkId);
    const doc = getDocumentRow(ctx.db, check.id)!;
    const label = documentLabel(doc);
    if (check.outcome === 'failed') throw apiError('invalid_input', 'watch.errors.failedCheck', { checkId, label, reason: check.failed ?? '' });
    if (check.outcome === 'baseline') throw apiError('invalid_input', 'watch.errors.baseline', { checkId, label });
    if (check.outcome === 'unchanged') throw apiError('invalid_input', 'watch.errors.unchanged', { checkId, label });
    const after = check.snapshotId
      ? (ctx.db.prepare(`SELECT ${SNAPSHOT_COLUMNS}, rowid AS rid FROM watch_snapshots WHERE id = ?`).get(check.snapshotId) as (SnapshotRow & { rid: number }) | undefined)
      : undefined;
    if (!after) throw apiError('invalid_input', 'watch.errors.laterGone', { checkId });
    const before = ctx.db
      .prepare(
        `SELECT ${SNAPSHOT_COLUMNS} FROM watch_snapshots WHERE document_id = ? AND (checked_at < ? OR (checked_at = ? AND rowid < ?)) ORDER BY checked_at DESC, rowid DESC LIMIT 1`,
      )
      .get(doc.id, after.checked_at, after.checked_at, after.rid) as SnapshotRow | undefined;
    if (!before) throw apiError('invalid_input', 'watch.errors.earlierGone', { checkId, label });
    return { check, doc, label, before: { snapshot: before } as Side, after: { snapshot: after } as Side };
  });
}

/** A change already in the case (its items still there) is not added a second time. */
function refuseTwice(ctx: CoreContext, caseId: string, checkId: string): void {
  const entries = ctx.db
    .prepare("SELECT detail FROM custody WHERE case_id = ? AND action = 'watch.import' AND json_extract(detail, '$.checkId') = ?")
    .all(caseId, checkId) as { detail: string }[];
  const present = ctx.db.prepare('SELECT 1 FROM evidence WHERE id = ? AND case_id = ?');
  for (const e of entries) {
    const ids = (JSON.parse(e.detail) as { evidenceIds?: unknown }).evidenceIds;
    const kept = Array.isArray(ids) ? ids.filter((id) => typeof id === 'string' && present.get(id, caseId)) : [];
    if (kept.length) throw apiError('conflict', 'watch.errors.alreadyInCase', { caseId, ids: kept.join(', ') });
  }
}

/** The sentence diff as a document a person reads: both versions named with time and hashes, then + and - lines. */
export function changesText(c: Change): string {
  const m = loadAiMatcher();
  const mark = (s: string) => (m.match(s).length ? ' [AI-related]' : '');
  const side = (label: string, s: SnapshotRow) =>
    `${label}: text of ${dayLabel(s.checked_at)} (fetched ${s.checked_at}, HTTP ${s.http_status ?? 'unknown'}, text sha256 ${s.text_sha256}, page sha256 ${s.raw_sha256 ?? 'not kept'}${s.shot_sha256 ? `, screenshot sha256 ${s.shot_sha256}` : ''})`;
  const lines = [
    `Changes between ${dayLabel(c.before.snapshot.checked_at)} and ${dayLabel(c.after.snapshot.checked_at)}: ${c.label}`,
    `Address: ${c.doc.url}`,
    side('Earlier', c.before.snapshot),
    side('Later  ', c.after.snapshot),
    `Found by the Redress policy watch, check ${c.check.checkId}. Sentences marked [AI-related] mention AI, models or training.`,
    '',
    `Added sentences (${c.check.added.length}):`,
    ...c.check.added.map((s) => `+ ${s}${mark(s)}`),
    '',
    `Removed sentences (${c.check.removed.length}):`,
    ...c.check.removed.map((s) => `- ${s}${mark(s)}`),
  ];
  return lines.join('\n') + '\n';
}

type Role = 'earlier' | 'later' | 'changes' | 'earlier-page' | 'earlier-screenshot' | 'later-page' | 'later-screenshot';

interface Item {
  role: Role;
  kind: 'document' | 'screenshot';
  mime: string;
  title: string;
  filename: string;
  capturedAt: string;
  bytes: Buffer;
  sha256: string;
  record: Record<string, unknown>;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** What the records and the custody log say about one snapshot: where, when, how it answered, and its hashes. */
const sideFacts = (snap: SnapshotRow) => ({
  snapshotId: snap.id,
  fetchedAt: snap.checked_at,
  httpStatus: snap.http_status,
  textSha256: snap.text_sha256,
  rawSha256: snap.raw_sha256,
  screenshotSha256: snap.shot_sha256,
});

/** The earlier and the later kept text and the sentence diff. */
function textItems(c: Change): Item[] {
  const s = JSON.parse(c.doc.select_json) as unknown;
  const r = JSON.parse(c.doc.remove_json) as unknown;
  const text = (snap: SnapshotRow, role: 'earlier' | 'later'): Item => {
    const bytes = Buffer.from(snap.text, 'utf8');
    return {
      role,
      kind: 'document',
      mime: 'text/plain',
      title: `${c.label}, text of ${dayLabel(snap.checked_at)}`,
      filename: `${slug(c.label)}-${snap.checked_at.slice(0, 10)}.txt`,
      capturedAt: snap.checked_at,
      bytes,
      sha256: sha(bytes),
      record: {
        source: 'watch',
        part: role,
        watchedDocumentId: c.doc.id,
        checkId: c.check.checkId,
        snapshotId: snap.id,
        url: c.doc.url,
        fetchedAt: snap.checked_at,
        httpStatus: snap.http_status,
        rawSha256: snap.raw_sha256,
        textSha256: snap.text_sha256,
        select: s,
        remove: r,
      },
    };
  };
  const diff = Buffer.from(changesText(c), 'utf8');
  return [
    text(c.before.snapshot, 'earlier'),
    text(c.after.snapshot, 'later'),
    {
      role: 'changes',
      kind: 'document',
      mime: 'text/plain',
      title: `Changes between ${dayLabel(c.before.snapshot.checked_at)} and ${dayLabel(c.after.snapshot.checked_at)}: ${c.label}`,
      filename: `${slug(c.label)}-changes-${c.after.snapshot.checked_at.slice(0, 10)}.txt`,
      capturedAt: c.after.snapshot.checked_at,
      bytes: diff,
      sha256: sha(diff),
      record: {
        source: 'watch',
        part: 'changes',
        watchedDocumentId: c.doc.id,
        checkId: c.check.checkId,
        url: c.doc.url,
        aiRelated: c.check.aiRelated,
        added: c.check.added,
        removed: c.check.removed,
        earlier: sideFacts(c.before.snapshot),
        later: sideFacts(c.after.snapshot),
      },
    },
  ];
}

/** A file of the watch folder, read only if it still hashes to what the snapshot recorded. */
function watchFile(ctx: CoreContext, c: Change, snap: SnapshotRow, hash: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(watchBlobPath(ctx.dataDir, hash));
  } catch {
    throw apiError('invalid_input', 'watch.errors.pageGone', { checkId: c.check.checkId, fetchedAt: snap.checked_at });
  }
  if (sha(bytes) !== hash) throw apiError('invalid_input', 'watch.errors.pageGone', { checkId: c.check.checkId, fetchedAt: snap.checked_at });
  return bytes;
}

/** One snapshot's raw page (HTML, exactly as fetched) and its screenshot (rendered offline from it), each when kept. */
function pageItems(ctx: CoreContext, c: Change, snap: SnapshotRow, side: 'earlier' | 'later'): Item[] {
  const capture = captureOf(snap);
  const fetched = (capture?.fetch ?? {}) as Record<string, unknown>;
  const day = dayLabel(snap.checked_at);
  const base = slug(c.label);
  const common = {
    source: 'watch',
    watchedDocumentId: c.doc.id,
    checkId: c.check.checkId,
    snapshotId: snap.id,
    url: c.doc.url,
    finalUrl: typeof fetched.finalUrl === 'string' ? fetched.finalUrl : c.doc.url,
    fetchedAt: snap.checked_at,
    httpStatus: snap.http_status,
    textSha256: snap.text_sha256,
    rawSha256: snap.raw_sha256,
    rawSize: snap.raw_size,
  };
  const out: Item[] = [];
  if (snap.raw_sha256) {
    const bytes = watchFile(ctx, c, snap, snap.raw_sha256);
    const contentType = typeof fetched.contentType === 'string' ? fetched.contentType : '';
    const mime = /^text\/plain/i.test(contentType) ? 'text/plain' : 'text/html';
    out.push({
      role: `${side}-page`,
      kind: 'document',
      mime,
      title: `${c.label}, page as fetched on ${day}`,
      filename: `${base}-page-${snap.checked_at.slice(0, 10)}.${mime === 'text/html' ? 'html' : 'txt'}`,
      capturedAt: snap.checked_at,
      bytes,
      sha256: snap.raw_sha256,
      record: { ...common, part: `${side}-page`, contentType, fetch: capture?.fetch ?? null },
    });
  }
  if (snap.shot_sha256) {
    const bytes = watchFile(ctx, c, snap, snap.shot_sha256);
    out.push({
      role: `${side}-screenshot`,
      kind: 'screenshot',
      mime: 'image/png',
      title: `${c.label}, screenshot of the page fetched on ${day}`,
      filename: `${base}-screenshot-${snap.checked_at.slice(0, 10)}.png`,
      capturedAt: snap.checked_at,
      bytes,
      sha256: snap.shot_sha256,
      record: {
        ...common,
        part: `${side}-screenshot`,
        screenshotSha256: snap.shot_sha256,
        renderedOffline: true,
        rendering: 'rendered offline from the fetched HTML (no external styles or images); not a picture of the live site',
        screenshot: capture?.screenshot ?? null,
      },
    });
  }
  return out;
}

type Change = ReturnType<typeof loadChange>;

/**
 * Adds a change to a case, in one write transaction (with the case itself when `newCase` is given): the earlier and
 * the later kept text and the sentence diff (three `document` items), then for each of the two snapshots its raw page
 * as fetched (a `document`, HTML) and its screenshot rendered offline from that page (a `screenshot`), when kept.
 * Each arrival is logged as `evidence.add` (what Verify checks the row against) with the watch's facts, then one
 * `watch.import` entry ties them all to the change.
 */
export async function changeToCase(ctx: CoreContext, input: { checkId: string; caseId?: string; newCase?: CaseCreateInput & { platform: Case['platform'] } }): Promise<WatchToCaseResult> {
  const c = loadChange(ctx, input.checkId);
  if (input.caseId) {
    if (!readTx(ctx.db, () => getCase(ctx.db, input.caseId!))) throw apiError('not_found', 'watch.errors.noCase', { id: input.caseId });
    readTx(ctx.db, () => refuseTwice(ctx, input.caseId!, c.check.checkId));
  }
  const items: Item[] = [...textItems(c), ...pageItems(ctx, c, c.before.snapshot, 'earlier'), ...pageItems(ctx, c, c.after.snapshot, 'later')];
  const staged: StagedFile[] = [];
  try {
    for (const it of items) staged.push(await stageBytes(ctx.dataDir, it.bytes));
    const addedAt = isoNow(ctx.clock);
    // Sorted, so that a list by time then id shows them in the order of `items`: texts, diff, then pages and screenshots.
    const ids = items.map(() => newId('ev')).sort();
    const { result } = placeAndRecord(ctx.db, ctx.dataDir, staged, () => {
      let caseId = input.caseId;
      let createdCase = false;
      if (input.newCase) {
        const n = input.newCase;
        const kase: Case = {
          id: newId('case'),
          ...n,
          region: n.region ?? null,
          givenName: n.givenName ?? null,
          familyName: n.familyName ?? null,
          status: 'draft',
          statusReason: null,
          createdAt: addedAt,
          updatedAt: addedAt,
        };
        insertCase(ctx.db, kase);
        caseId = kase.id;
        createdCase = true;
      } else {
        if (!getCase(ctx.db, caseId!)) throw apiError('not_found', 'watch.errors.noCase', { id: caseId! });
        refuseTwice(ctx, caseId!, c.check.checkId);
      }
      items.forEach((it, i) => {
        const st = staged[i];
        if (st.sha256 !== it.sha256) throw new Error(`the ${it.role} file changed while it was being added`);
        insertEvidence(ctx.db, {
          id: ids[i],
          caseId: caseId!,
          kind: it.kind,
          title: it.title,
          addedAt,
          capturedAt: it.capturedAt,
          sourceUrl: c.doc.url,
          sha256: st.sha256,
          mime: it.mime,
          size: st.size,
          filename: it.filename,
          record: it.record,
          files: [{ role: 'primary', sha256: st.sha256, size: st.size, mime: it.mime }],
        });
        appendCustody(ctx, caseId!, 'evidence.add', {
          evidenceId: ids[i],
          sha256: st.sha256,
          filename: it.filename,
          size: st.size,
          mime: it.mime,
          kind: it.kind,
          title: it.title,
          capturedAt: it.capturedAt,
          addedAt,
          via: 'watch.import',
          url: c.doc.url,
          part: it.role,
        });
      });
      appendCustody(ctx, caseId!, 'watch.import', {
        checkId: c.check.checkId,
        watchedDocumentId: c.doc.id,
        url: c.doc.url,
        evidenceIds: ids,
        earlier: sideFacts(c.before.snapshot),
        later: sideFacts(c.after.snapshot),
        parts: items.map((it, i) => ({ evidenceId: ids[i], part: it.role, sha256: it.sha256 })),
        aiRelated: c.check.aiRelated,
        createdCase,
      });
      return { caseId: caseId!, createdCase };
    });
    return { ...result, evidence: readTx(ctx.db, () => ids.map((id) => toSummary(getRow(ctx.db, id)!))) };
  } catch (err) {
    await discardStaged(staged);
    if (err instanceof ApiError) throw err;
    throw apiError('failed', 'watch.errors.toCaseFailed', { detail: err instanceof Error ? err.message : String(err) });
  }
}
