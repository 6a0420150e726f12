import type { Case } from '../../../electron/core/contract';

/** The tracking section of the case page. Owned by the tracking work. */
export function TimelinePanel(_props: { case: Case; section: string[]; onChange(): void }) {
  return null;
}
