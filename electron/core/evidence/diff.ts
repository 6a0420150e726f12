import { existsSync } from 'node:fs';
import { apiError, notFound } from '../api/errors';
import type { DiffResult, DiffSide, EvidenceSummary } from '../contract/evidence';
import type { CoreContext } from '../context';
import { newId } from '../util/ids';
import { isoNow } from '../util/clock';
import { appendCustody } from './custody';
import { diffAsText, diffTexts } from './policy-text';
import { filesFor, getRow, insertEvidence, toSummary, type EvidenceRow } from './repo';
import { blobPath, discardStaged, hashFile, placeAndRecord, stageBytes } from './store';
import { readStored } from '../util/stored-path';

function sideText(ctx: CoreContext, id: string): { side: DiffSide; text: string; row: EvidenceRow } {
  const row = getRow(ctx.db, id);
  if (!row) throw notFound('evidence item', id);
  const text = filesFor(ctx.db, id).find((f) => f.role === 'text');
  if (!text) throw apiError('invalid_input', 'errors.evidence.noPageText', { id, title: row.title });
  const path = blobPath(ctx.dataDir, text.sha256);
  if (!existsSync(path)) throw apiError('invalid_input', 'errors.evidence.textMissing', { id });
  const side: DiffSide = { id, title: row.title, sha256: row.sha256 };
  if (row.source_url) side.url = row.source_url;
  if (row.captured_at) side.capturedAt = row.captured_at;
  return { side, text: readStored(path, 'utf8'), row };
}

/** Compares the readable text of two captures. Older first regardless of the order given, so "added" means new. */
export function diffCaptures(ctx: CoreContext, fromId: string, toId: string): DiffResult {
  if (fromId === toId) throw apiError('invalid_input', 'errors.evidence.sameCapture');
  let a = sideText(ctx, fromId);
  let b = sideText(ctx, toId);
  if (a.row.case_id !== b.row.case_id) throw apiError('invalid_input', 'errors.evidence.differentCases');
  if ((a.side.capturedAt ?? '') > (b.side.capturedAt ?? '')) [a, b] = [b, a];
  const changes = diffTexts(a.text, b.text);
  const stats = { added: 0, removed: 0, same: 0 };
  for (const c of changes) stats[c.type]++;
  return { from: a.side, to: b.side, changes, stats };
}

export function diffHeader(d: DiffResult): string[] {
  const line = (label: string, s: DiffSide) => `${label}: ${s.title} | ${s.url ?? ''} | captured ${s.capturedAt ?? 'unknown'} | sha256 ${s.sha256}`;
  return ['Redress policy diff (+ added, - removed)', line('From', d.from), line('To  ', d.to)];
}

/** Keeps a diff as evidence of its own: its text (for print) and its JSON, both hashed like any other file. */
export async function saveDiff(ctx: CoreContext, fromId: string, toId: string): Promise<EvidenceSummary> {
  const d = diffCaptures(ctx, fromId, toId);
  const caseId = getRow(ctx.db, d.from.id)!.case_id;
  // The diff is only as good as its inputs: refuse to certify a comparison of files that no longer match their hashes.
  for (const id of [d.from.id, d.to.id]) {
    for (const f of filesFor(ctx.db, id)) {
      if (f.role === 'text' && (await hashFile(blobPath(ctx.dataDir, f.sha256))) !== f.sha256) {
        throw apiError('invalid_input', 'errors.evidence.textModified', { id });
      }
    }
  }
  const text = Buffer.from(diffAsText(diffHeader(d), d.changes), 'utf8');
  const json = Buffer.from(JSON.stringify(d, null, 2) + '\n', 'utf8');
  const staged = [await stageBytes(ctx.dataDir, text), await stageBytes(ctx.dataDir, json)];
  try {
    const id = newId('ev');
    const now = isoNow(ctx.clock);
    const title = `Changes: ${d.from.title} (${(d.from.capturedAt ?? '').slice(0, 10)} → ${(d.to.capturedAt ?? '').slice(0, 10)})`;
    placeAndRecord(ctx.db, ctx.dataDir, staged, () => {
      insertEvidence(ctx.db, {
        id,
        caseId,
        kind: 'diff',
        title,
        addedAt: now,
        capturedAt: now,
        sourceUrl: d.to.url,
        sha256: staged[0].sha256,
        mime: 'text/plain',
        size: staged[0].size,
        record: { source: 'diff', from: d.from, to: d.to, stats: d.stats },
        files: [
          { role: 'diff', mime: 'text/plain', sha256: staged[0].sha256, size: staged[0].size },
          { role: 'data', mime: 'application/json', sha256: staged[1].sha256, size: staged[1].size },
        ],
      });
      appendCustody(ctx, caseId, 'evidence.diff.save', { evidenceId: id, from: d.from.id, to: d.to.id, sha256: staged[0].sha256, dataSha256: staged[1].sha256, title, capturedAt: now, sourceUrl: d.to.url ?? null });
    });
    return toSummary(getRow(ctx.db, id)!);
  } catch (err) {
    await discardStaged(staged);
    throw err;
  }
}
