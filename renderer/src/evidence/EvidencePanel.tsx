import type { Case } from '../../../electron/core/contract';

/** The evidence section of the case page. Owned by the evidence work. */
export function EvidencePanel(_props: { case: Case; section: string[]; onChange(): void }) {
  return null;
}
