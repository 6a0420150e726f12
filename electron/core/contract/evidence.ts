// Contract of the evidence feature: API name -> zod input schema, and the output types.
// Owned by the evidence work; pure zod, no Node imports (the renderer type-checks against this file).

export const evidenceContract = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EvidenceOutputs {}

/**
 * What other features (drafting's evidence appendix, case show) read of an evidence item. The evidence work may add
 * fields but keeps these.
 */
export interface EvidenceSummary {
  id: string;
  caseId: string;
  /** e.g. screenshot | document | correspondence | capture | diff */
  kind: string;
  title: string;
  /** When it was added to Redress (RFC 3339 UTC). */
  addedAt: string;
  /** When the page was captured, or the date read from the file's metadata. */
  capturedAt?: string;
  sourceUrl?: string;
  /** SHA-256 of the primary file (for a capture: of its manifest). */
  sha256: string;
  mime: string;
  size: number;
  /** Original filename for imports (sanitised). */
  filename?: string;
  /** For a capture of the AI-training switch: the state, and whether it was read from the page or set by hand. */
  toggle?: { state: 'on' | 'off' | 'unknown'; confirmedBy: 'page' | 'hand' };
}
