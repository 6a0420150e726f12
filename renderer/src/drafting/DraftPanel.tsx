import type { Case } from '../../../electron/core/contract';

/** The drafting section of the case page. Owned by the drafting work. */
export function DraftPanel(_props: { case: Case; section: string[]; onChange(): void }) {
  return null;
}
