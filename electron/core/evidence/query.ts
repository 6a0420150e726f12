import { existsSync, readFileSync } from 'node:fs';
import type { EvidenceSummary } from '../contract/evidence';
import type { CoreContext } from '../context';
import { filesFor, getRow, rowsForCase, toSummary } from './repo';
import { blobPath } from './store';

/** The evidence items of a case, oldest first. Used by drafting and `case show`. */
export function listEvidenceForCase(ctx: CoreContext, caseId: string): EvidenceSummary[] {
  return rowsForCase(ctx.db, caseId).map(toSummary);
}

/**
 * Absolute paths of an item's stored files, for the PDF appendix: `primary` is the file itself (for an import) or
 * null; `screenshot` is a PNG or JPEG to show on its own page, if any; `text` is readable text (a policy's text or a
 * diff rendered as text) to print, if any.
 */
export function evidenceFiles(
  ctx: CoreContext,
  evidenceId: string,
): { primary: string | null; screenshot: { path: string; mime: 'image/png' | 'image/jpeg' } | null; text: string | null } {
  const row = getRow(ctx.db, evidenceId);
  if (!row) return { primary: null, screenshot: null, text: null };
  const files = new Map(filesFor(ctx.db, evidenceId).map((f) => [f.role, f]));
  const path = (role: string) => {
    const f = files.get(role);
    return f ? blobPath(ctx.dataDir, f.sha256) : null;
  };
  const primary = files.get('primary');
  const shot = files.get('screenshot') ?? (primary && (primary.mime === 'image/png' || primary.mime === 'image/jpeg') ? primary : undefined);
  const textPath = path('text') ?? path('diff');
  return {
    primary: row.kind === 'capture' || row.kind === 'diff' ? null : path('primary'),
    screenshot: shot ? { path: blobPath(ctx.dataDir, shot.sha256), mime: shot.mime as 'image/png' | 'image/jpeg' } : null,
    text: textPath && existsSync(textPath) ? readFileSync(textPath, 'utf8') : null,
  };
}
