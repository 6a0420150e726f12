import type { EvidenceSummary } from '../contract/evidence';
import { readStored, type StoredPath } from '../util/stored-path';
import type { CoreContext } from '../context';
import { filesFor, getRow, rowsForCase, toSummary } from './repo';
import { blobPath } from './store';

/** The evidence items of a case, oldest first. Used by drafting and `case show`. */
export function listEvidenceForCase(ctx: CoreContext, caseId: string): EvidenceSummary[] {
  return rowsForCase(ctx.db, caseId).map(toSummary);
}

/**
 * An item's stored files for the PDF appendix. Paths and contents are different types: `primary` and `screenshot`
 * name files in the store (`StoredPath`, made only from the hashes of the item's own file rows); `text` is the
 * readable text itself (a capture's page text or a saved diff), read from the store here and never a path.
 */
export interface ItemFiles {
  primary: StoredPath | null;
  screenshot: { path: StoredPath; mime: 'image/png' | 'image/jpeg' } | null;
  text: { content: string } | null;
}

export function evidenceFiles(ctx: CoreContext, evidenceId: string): ItemFiles {
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
    text: textPath ? { content: readStored(textPath, 'utf8') } : null,
  };
}
