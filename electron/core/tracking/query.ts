import type { CaseEventSummary, DeadlineSummary, TrackingFacts } from '../contract/tracking';
import type { CoreContext } from '../context';
import { getCase } from '../cases/repo';
import { computeDeadlines } from './deadlines';
import { listEvents } from './events';
import { trackingFacts } from './facts';
import { todayOf } from './service';

/** Events of a case in date order. This signature is used by drafting and case show. */
export function listEventsForCase(ctx: CoreContext, caseId: string): CaseEventSummary[] {
  return listEvents(ctx.db, caseId);
}

/** Deadlines computed from the case's events (never stored), each with its rule and source. */
export function deadlinesForCase(ctx: CoreContext, caseId: string): DeadlineSummary[] {
  const c = getCase(ctx.db, caseId);
  return c ? computeDeadlines(c.country, listEvents(ctx.db, caseId), c.region, c.platform) : [];
}

/**
 * Per-request facts of a case on `today` (the core clock's day when not given): each request, complaint to the
 * organisation and complaint to a regulator, with its clock. Null for an unknown case. See README, "Facts for letters".
 */
export function trackingFactsForCase(ctx: CoreContext, caseId: string, today = todayOf(ctx.clock)): TrackingFacts | null {
  const c = getCase(ctx.db, caseId);
  return c ? trackingFacts(c, listEvents(ctx.db, caseId), today) : null;
}
