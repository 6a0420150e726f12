import type { ApiRegistry } from '../api/registry';
import { requireCase } from '../cases/api';
import type { CoreContext } from '../context';
import { listEvidenceForCase } from '../evidence/query';
import { dashboard } from './dashboard';
import { exportCsv, exportIcs } from './export';
import { dueReminders } from './reminders';
import { addEvent, editEvent, getTracking, rebuildStaleIndex, refreshRegionChanged, removeEvent, todayOf, useDerivedStatus } from './service';

/** Registers the tracking handlers. */
export function registerTracking(api: ApiRegistry, ctx: CoreContext): void {
  rebuildStaleIndex(ctx);
  api.register('tracking.get', ({ caseId }) => getTracking(ctx, caseId));
  api.register('tracking.addEvent', ({ caseId, ...fields }) => addEvent(ctx, caseId, fields));
  api.register('tracking.updateEvent', ({ id, ...fields }) => editEvent(ctx, id, fields));
  api.register('tracking.deleteEvent', ({ id }) => removeEvent(ctx, id));
  api.register('tracking.useDerivedStatus', ({ caseId }) => useDerivedStatus(ctx, caseId));
  api.register('tracking.evidenceOptions', ({ caseId }) => {
    requireCase(ctx, caseId);
    return listEvidenceForCase(ctx, caseId).map((e) => ({ id: e.id, title: e.title, kind: e.kind }));
  });
  // A case's region decides a US state's law; rows marked by the region trigger are rebuilt before any list is read.
  api.register('tracking.dashboard', (input) => (refreshRegionChanged(ctx), dashboard(ctx.db, input, todayOf(ctx.clock))));
  api.register('tracking.reminders', ({ withinDays, limit }) => (refreshRegionChanged(ctx), dueReminders(ctx, withinDays, limit)));
  api.register('tracking.exportIcs', ({ caseId }) => {
    if (caseId) requireCase(ctx, caseId);
    refreshRegionChanged(ctx);
    return exportIcs(ctx, caseId);
  });
  api.register('tracking.exportCsv', (filter) => (refreshRegionChanged(ctx), exportCsv(ctx, filter)));
}
