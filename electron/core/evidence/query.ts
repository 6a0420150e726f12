import type { EvidenceSummary } from '../contract/evidence';
import type { CoreContext } from '../context';

/** The evidence items of a case, oldest first. Owned by the evidence work (this signature is used by drafting). */
export function listEvidenceForCase(_ctx: CoreContext, _caseId: string): EvidenceSummary[] {
  return [];
}

/**
 * Absolute paths of an item's stored files, for the PDF appendix: `primary` is the file itself (for an import) or
 * null; `screenshot` is a PNG or JPEG to show on its own page, if any; `text` is readable text (a policy's text or a
 * diff rendered as text) to print, if any.
 */
export function evidenceFiles(
  _ctx: CoreContext,
  _evidenceId: string,
): { primary: string | null; screenshot: { path: string; mime: 'image/png' | 'image/jpeg' } | null; text: string | null } {
  return { primary: null, screenshot: null, text: null };
}
