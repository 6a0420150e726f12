import type { CaseEventSummary, DeadlineSummary } from '../contract/tracking';
import type { CoreContext } from '../context';

/** Events of a case in date order. Owned by the tracking work (this signature is used by drafting and case show). */
export function listEventsForCase(_ctx: CoreContext, _caseId: string): CaseEventSummary[] {
  return [];
}

/** Deadlines computed from the case's events. Owned by the tracking work. */
export function deadlinesForCase(_ctx: CoreContext, _caseId: string): DeadlineSummary[] {
  return [];
}
