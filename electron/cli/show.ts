import type { Core } from '../core';
import { listEvidenceForCase } from '../core/evidence/query';
import { deadlinesForCase, listEventsForCase } from '../core/tracking/query';

/** `case show`: the case with its events, evidence and computed deadlines. */
export async function showCase(core: Core, id: string): Promise<Record<string, unknown>> {
  const c = await core.api.call('cases.get', { id });
  return {
    ...c,
    events: listEventsForCase(core.ctx, id),
    evidence: listEvidenceForCase(core.ctx, id),
    deadlines: deadlinesForCase(core.ctx, id),
  };
}
