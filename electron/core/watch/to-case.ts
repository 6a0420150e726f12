import { ApiError, invalid, notFound } from '../api/errors';
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
import { documentLabel, getCheck, getDocumentRow, type SnapshotRow } from './repo';

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

const SNAPSHOT_COLUMNS = 'id, document_id, checked_at, text_sha256, text, raw_sha256, http_status';

/**
 * The change a check found, checked before anything is written: a `changed` check of a document that still has the
 * snapshot before it and the one it recorded.
 */
function loadChange(ctx: CoreContext, checkId: string) {
  return readTx(ctx.db, () => {
    const exists = ctx.db.prepare('SELECT id FROM watch_checks WHERE id = ?').get(checkId);
    if (!exists) throw notFound('watch change', checkId);
    const check = getCheck(ctx.db, checkId);
    const doc = getDocumentRow(ctx.db, check.id)!;
    const label = documentLabel(doc);
    if (check.outcome === 'failed') throw invalid(`${checkId} is a failed check of ${label} (${check.failed}); there is no new text to add. Pick a change from \`redress watch log\`.`);
    if (check.outcome === 'baseline') throw invalid(`${checkId} is the first recorded version of ${label}: there is no earlier version to compare it with. Pick a later change.`);
    if (check.outcome === 'unchanged') throw invalid(`${checkId} found no change in ${label}; pick a check that found one (CHANGED in \`redress watch log\`).`);
    const after = check.snapshotId
      ? (ctx.db.prepare(`SELECT ${SNAPSHOT_COLUMNS}, rowid AS rid FROM watch_snapshots WHERE id = ?`).get(check.snapshotId) as (SnapshotRow & { rid: number }) | undefined)
      : undefined;
    if (!after) throw invalid(`The text ${checkId} recorded is no longer kept; it cannot be added to a case.`);
    const before = ctx.db
      .prepare(
        `SELECT ${SNAPSHOT_COLUMNS} FROM watch_snapshots WHERE document_id = ? AND (checked_at < ? OR (checked_at = ? AND rowid < ?)) ORDER BY checked_at DESC, rowid DESC LIMIT 1`,
      )
      .get(doc.id, after.checked_at, after.checked_at, after.rid) as SnapshotRow | undefined;
    if (!before) throw invalid(`The version of ${label} before ${checkId} is no longer kept; it cannot be added to a case.`);
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
    if (kept.length) throw new ApiError('conflict', `This change is already in case ${caseId} (${kept.join(', ')}); it was not added again.`);
  }
}

/** The sentence diff as a document a person reads: both versions named with time and hashes, then + and - lines. */
export function changesText(c: ReturnType<typeof loadChange>): string {
  const m = loadAiMatcher();
  const mark = (s: string) => (m.match(s).length ? ' [AI-related]' : '');
  const side = (label: string, s: SnapshotRow) =>
    `${label}: text of ${dayLabel(s.checked_at)} (fetched ${s.checked_at}, HTTP ${s.http_status ?? 'unknown'}, text sha256 ${s.text_sha256}, page sha256 ${s.raw_sha256 ?? 'not kept'})`;
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

/**
 * Adds a change to a case: the earlier and the later kept text and the sentence diff, as three `document` items, in one
 * write transaction (with the case itself when `newCase` is given). Each arrival is logged as `evidence.add` (what
 * Verify checks the row against) with the watch's facts, then one `watch.import` entry ties the three to the change.
 */
export async function changeToCase(ctx: CoreContext, input: { checkId: string; caseId?: string; newCase?: CaseCreateInput & { platform: Case['platform'] } }): Promise<WatchToCaseResult> {
  const c = loadChange(ctx, input.checkId);
  if (input.caseId) {
    if (!readTx(ctx.db, () => getCase(ctx.db, input.caseId!))) throw notFound('case', input.caseId);
    readTx(ctx.db, () => refuseTwice(ctx, input.caseId!, c.check.checkId));
  }
  const s = c.doc.select_json;
  const r = c.doc.remove_json;
  const items = [
    {
      side: c.before.snapshot,
      title: `${c.label}, text of ${dayLabel(c.before.snapshot.checked_at)}`,
      bytes: Buffer.from(c.before.snapshot.text, 'utf8'),
      role: 'earlier',
    },
    {
      side: c.after.snapshot,
      title: `${c.label}, text of ${dayLabel(c.after.snapshot.checked_at)}`,
      bytes: Buffer.from(c.after.snapshot.text, 'utf8'),
      role: 'later',
    },
    {
      side: c.after.snapshot,
      title: `Changes between ${dayLabel(c.before.snapshot.checked_at)} and ${dayLabel(c.after.snapshot.checked_at)}: ${c.label}`,
      bytes: Buffer.from(changesText(c), 'utf8'),
      role: 'changes',
    },
  ];
  const staged: StagedFile[] = [];
  try {
    for (const it of items) staged.push(await stageBytes(ctx.dataDir, it.bytes));
    const addedAt = isoNow(ctx.clock);
    // Sorted, so that a list by time then id shows them in this order: earlier, later, changes.
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
        if (!getCase(ctx.db, caseId!)) throw notFound('case', caseId!);
        refuseTwice(ctx, caseId!, c.check.checkId);
      }
      items.forEach((it, i) => {
        const st = staged[i];
        const filename = `${slug(c.label)}-${it.role === 'changes' ? 'changes-' : ''}${it.side.checked_at.slice(0, 10)}.txt`;
        const snap = it.side;
        const record: Record<string, unknown> =
          it.role === 'changes'
            ? {
                source: 'watch',
                part: 'changes',
                watchedDocumentId: c.doc.id,
                checkId: c.check.checkId,
                url: c.doc.url,
                aiRelated: c.check.aiRelated,
                added: c.check.added,
                removed: c.check.removed,
                earlier: { snapshotId: c.before.snapshot.id, fetchedAt: c.before.snapshot.checked_at, textSha256: c.before.snapshot.text_sha256, rawSha256: c.before.snapshot.raw_sha256, httpStatus: c.before.snapshot.http_status },
                later: { snapshotId: c.after.snapshot.id, fetchedAt: c.after.snapshot.checked_at, textSha256: c.after.snapshot.text_sha256, rawSha256: c.after.snapshot.raw_sha256, httpStatus: c.after.snapshot.http_status },
              }
            : {
                source: 'watch',
                part: it.role,
                watchedDocumentId: c.doc.id,
                checkId: c.check.checkId,
                snapshotId: snap.id,
                url: c.doc.url,
                fetchedAt: snap.checked_at,
                httpStatus: snap.http_status,
                rawSha256: snap.raw_sha256,
                textSha256: snap.text_sha256,
                select: JSON.parse(s),
                remove: JSON.parse(r),
              };
        insertEvidence(ctx.db, {
          id: ids[i],
          caseId: caseId!,
          kind: 'document',
          title: it.title,
          addedAt,
          capturedAt: snap.checked_at,
          sourceUrl: c.doc.url,
          sha256: st.sha256,
          mime: 'text/plain',
          size: st.size,
          filename,
          record,
          files: [{ role: 'primary', sha256: st.sha256, size: st.size, mime: 'text/plain' }],
        });
        appendCustody(ctx, caseId!, 'evidence.add', {
          evidenceId: ids[i],
          sha256: st.sha256,
          filename,
          size: st.size,
          mime: 'text/plain',
          kind: 'document',
          title: it.title,
          capturedAt: snap.checked_at,
          addedAt,
          via: 'watch.import',
          url: c.doc.url,
        });
      });
      appendCustody(ctx, caseId!, 'watch.import', {
        checkId: c.check.checkId,
        watchedDocumentId: c.doc.id,
        url: c.doc.url,
        evidenceIds: ids,
        earlier: { snapshotId: c.before.snapshot.id, fetchedAt: c.before.snapshot.checked_at, rawSha256: c.before.snapshot.raw_sha256, httpStatus: c.before.snapshot.http_status },
        later: { snapshotId: c.after.snapshot.id, fetchedAt: c.after.snapshot.checked_at, rawSha256: c.after.snapshot.raw_sha256, httpStatus: c.after.snapshot.http_status },
        aiRelated: c.check.aiRelated,
        createdCase,
      });
      return { caseId: caseId!, createdCase };
    });
    return { ...result, evidence: readTx(ctx.db, () => ids.map((id) => toSummary(getRow(ctx.db, id)!))) };
  } catch (err) {
    await discardStaged(staged);
    if (err instanceof ApiError) throw err;
    throw new ApiError('failed', `Could not add the change to the case: ${err instanceof Error ? err.message : String(err)}`);
  }
}
