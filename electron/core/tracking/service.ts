import { writeTx } from '../db/tx';
// The tracking use cases: read a case's timeline with its computed deadlines, write events (validated, in one
// transaction, with a custody entry), and keep the dashboard's derived row in step.
import { format } from 'date-fns';
import { apiError } from '../api/errors';
import { requireCase } from '../cases/api';
import { applyDerivedStatus } from '../cases/repo';
import { BELONGS_TO, RECEIVED_TYPES, type CaseEvent, type CaseTracking, type EventValues } from '../contract/tracking';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { appendCustody } from '../evidence/custody';
import { listEvidenceForCase } from '../evidence/query';
import { isoNow, type Clock } from '../util/clock';
import { newId } from '../util/ids';
import { analyseCase, computeDeadlines, deadlinesOf, nextOpen, normaliseAuthority, RULES_VERSION } from './deadlines';
import { checkTimeline, deleteEvent, getEvent, insertEvent, linkFor, listEvents, updateEvent } from './events';
import { factsOf } from './facts';
import { deriveStatus, nextStep } from './next-step';
import { caseSteps } from './steps';
import { foldForSearch } from './search';

/** Today as a calendar date in the user's own time zone. */
export const todayOf = (clock: Clock) => format(clock.now(), 'yyyy-MM-dd');

export function getTracking(ctx: CoreContext, caseId: string): CaseTracking {
  const c = requireCase(ctx, caseId);
  refreshIfStale(ctx, caseId);
  const events = listEvents(ctx.db, caseId);
  const analysis = analyseCase(c.country, events, c.region, c.platform);
  const deadlines = deadlinesOf(analysis);
  const today = todayOf(ctx.clock);
  return {
    caseId,
    today,
    events,
    deadlines,
    nextStep: nextStep(c, events, deadlines, today, analysis),
    steps: caseSteps(analysis, listEvidenceForCase(ctx, caseId).length, c.status, today),
    derivedStatus: deriveStatus(events),
    status: c.status,
    statusOverridden: Boolean(c.statusOverridden),
    statusReason: c.statusReason,
    noDeadlinesReason: analysis.noDeadlinesReason,
    noDeadlinesReasonMsg: analysis.noDeadlinesReasonMsg,
    facts: factsOf(analysis, today),
  };
}

type EventFields = Omit<EventValues, 'caseId'>;

function toEvent(ctx: CoreContext, caseId: string, input: EventFields, base?: CaseEvent): CaseEvent {
  const now = isoNow(ctx.clock);
  const evidenceIds = [...new Set(input.evidenceIds ?? [])];
  if (evidenceIds.length) {
    const known = new Set(listEvidenceForCase(ctx, caseId).map((e) => e.id));
    const missing = evidenceIds.filter((id) => !known.has(id));
    if (missing.length) throw apiError('invalid_input', 'errors.tracking.evidenceNotInCase', { ids: missing.map((m) => `"${m}"`).join(', ') });
  }
  return {
    id: base?.id ?? newId('evt'),
    caseId,
    type: input.type,
    on: input.on,
    receivedOn: RECEIVED_TYPES.includes(input.type) ? (input.receivedOn ?? null) : null,
    // A request goes by web form unless the user says otherwise (LinkedIn's objection form is the usual way).
    channel: input.channel ?? (input.type === 'request_sent' ? 'webform' : null),
    requestType: input.type === 'request_sent' ? (input.requestType ?? 'objection') : null,
    // Resolved against the timeline when written (see `withLink`): the named request, or the latest open one.
    forEventId: BELONGS_TO[input.type] ? (input.forEventId ?? null) : null,
    asks: input.type === 'clarification_requested' ? (input.asks ?? 'details') : null,
    authority: normaliseAuthority(input.authority) ?? null,
    ref: input.ref || null,
    note: input.note || null,
    evidenceIds,
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  };
}

export function addEvent(ctx: CoreContext, caseId: string, input: EventFields): CaseEvent {
  requireCase(ctx, caseId);
  const event = toEvent(ctx, caseId, input);
  return writeTx(ctx.db, () => {
    const all = [...listEvents(ctx.db, caseId), event];
    checkTimeline(all, todayOf(ctx.clock));
    withLink(all, event);
    insertEvent(ctx.db, event);
    appendCustody(ctx, caseId, 'event.add', { eventId: event.id, type: event.type, on: event.on });
    refreshIndex(ctx, caseId);
    return getEvent(ctx.db, event.id);
  });
}

export function editEvent(ctx: CoreContext, id: string, input: EventFields): CaseEvent {
  return writeTx(ctx.db, () => {
    const before = getEvent(ctx.db, id);
    const event = toEvent(ctx, before.caseId, input, before);
    const others = listEvents(ctx.db, before.caseId).filter((e) => e.id !== id);
    const all = [...others, event];
    checkTimeline(all, todayOf(ctx.clock));
    withLink(all, event);
    updateEvent(ctx.db, event);
    appendCustody(ctx, before.caseId, 'event.edit', { eventId: id, before: plain(before), after: plain(event) });
    refreshIndex(ctx, before.caseId);
    return getEvent(ctx.db, id);
  });
}

export function removeEvent(ctx: CoreContext, id: string): { id: string; caseId: string } {
  const before = writeTx(ctx.db, () => {
    const before = getEvent(ctx.db, id);
    const rest = listEvents(ctx.db, before.caseId).filter((e) => e.id !== id);
    checkTimeline(rest, '9999-12-31');
    deleteEvent(ctx.db, id);
    appendCustody(ctx, before.caseId, 'event.delete', { eventId: id, event: plain(before) });
    refreshIndex(ctx, before.caseId);
    return before;
  });
  return { id, caseId: before.caseId };
}

/** Stores which request or complaint the event belongs to, so a later request never silently takes it over. */
function withLink(all: CaseEvent[], event: CaseEvent): void {
  event.forEventId = linkFor(all, event);
}

/** What the custody log keeps of an event: its content, not the bookkeeping timestamps. */
const plain = (e: CaseEvent) => ({
  type: e.type,
  on: e.on,
  receivedOn: e.receivedOn,
  channel: e.channel,
  requestType: e.requestType,
  forEventId: e.forEventId,
  asks: e.asks,
  authority: e.authority,
  ref: e.ref,
  note: e.note,
  evidenceIds: e.evidenceIds,
});

/** Rebuilds the dashboard row of one case from its events, and moves the status unless the user overrode it. */
export function refreshIndex(ctx: CoreContext, caseId: string): void {
  const c = requireCase(ctx, caseId);
  const events = listEvents(ctx.db, caseId);
  const deadlines = computeDeadlines(c.country, events, c.region, c.platform);
  const next = nextOpen(deadlines);
  ctx.db.prepare('DELETE FROM case_open_deadlines WHERE case_id = ?').run(caseId);
  const open = ctx.db.prepare('INSERT INTO case_open_deadlines (case_id, deadline_id, kind, due, label) VALUES (?, ?, ?, ?, ?)');
  for (const d of deadlines) if (d.state === 'open') open.run(caseId, d.id, d.kind, d.due, d.label);
  const refs = [...new Set(events.map((e) => e.ref).filter(Boolean))].join(' ');
  ctx.db
    .prepare(
      `UPDATE case_index SET derived_status = @status, next_due = @due, next_kind = @kind, refs = @refs, search_text = @search,
         rules_version = @version, due_sort = CASE WHEN status = 'closed' OR @due IS NULL THEN '9999-12-31' ELSE @due END
       WHERE case_id = @caseId`,
    )
    .run({
      caseId,
      status: deriveStatus(events),
      due: next?.due ?? null,
      kind: next?.kind ?? null,
      refs,
      search: foldForSearch(`${c.title} ${c.name} ${refs}`),
      version: RULES_VERSION,
    });
  applyDerivedStatus(ctx.db, caseId, deriveStatus(events), isoNow(ctx.clock));
}

/** Rebuilds the derived rows of cases whose region changed (a trigger marks them -1), before a list or reminders. */
export function refreshRegionChanged(ctx: CoreContext): void {
  const ids = ctx.db.prepare('SELECT case_id AS id FROM case_index WHERE rules_version = -1').all() as { id: string }[];
  if (ids.length) writeTx(ctx.db, () => ids.forEach((r) => refreshIndex(ctx, r.id)));
}

/** Rebuilds the case's derived row when it was built by older rules or its region changed since (a trigger marks it). */
function refreshIfStale(ctx: CoreContext, caseId: string): void {
  const row = ctx.db.prepare('SELECT rules_version AS v FROM case_index WHERE case_id = ?').get(caseId) as { v: number } | undefined;
  if (row && row.v !== RULES_VERSION) writeTx(ctx.db, () => refreshIndex(ctx, caseId));
}

/** Returns the status to the one the events imply, dropping the user's override and its reason. */
export function useDerivedStatus(ctx: CoreContext, caseId: string): CaseTracking {
  requireCase(ctx, caseId);
  applyDerivedStatus(ctx.db, caseId, deriveStatus(listEvents(ctx.db, caseId)), isoNow(ctx.clock), true);
  return getTracking(ctx, caseId);
}

/**
 * Rows the index lacks (cases written by another path) or built by older rules are rebuilt once at start, so a
 * change of rule or holiday data never leaves a stale date on the dashboard.
 */
export function rebuildStaleIndex(ctx: CoreContext): number {
  const db: Db = ctx.db;
  db.prepare(
    `INSERT INTO case_index (case_id, status, country, platform, created_at)
     SELECT id, status, country, platform, created_at FROM cases WHERE id NOT IN (SELECT case_id FROM case_index)`,
  ).run();
  const stale = db
    .prepare(
      `SELECT i.case_id AS id FROM case_index i
       WHERE i.rules_version <> ? AND (i.search_text = '' OR EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = i.case_id))`,
    )
    .all(RULES_VERSION) as { id: string }[];
  writeTx(db, () => stale.forEach((s) => refreshIndex(ctx, s.id)));
  return stale.length;
}
