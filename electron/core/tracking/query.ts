import type { CaseEventSummary, DeadlineSummary } from '../contract/tracking';
import type { CoreContext } from '../context';
import { getCase } from '../cases/repo';
import { computeDeadlines } from './deadlines';
import { listEvents } from './events';

/** Events of a case in date order. This signature is used by drafting and case show. */
export function listEventsForCase(ctx: CoreContext, caseId: string): CaseEventSummary[] {
  return listEvents(ctx.db, caseId);
}

/** Deadlines computed from the case's events (never stored), each with its rule and source. */
export function deadlinesForCase(ctx: CoreContext, caseId: string): DeadlineSummary[] {
  const c = getCase(ctx.db, caseId);
  return c ? computeDeadlines(c.country, listEvents(ctx.db, caseId)) : [];
}
