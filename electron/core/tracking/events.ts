// Case events: rows, the order rules that keep a timeline possible, and the writes (each in one transaction).
import { apiError, notFound } from '../api/errors';
import type { CaseEvent, EventType } from '../contract/tracking';
import { BELONGS_TO } from '../contract/tracking';
import { inOrder, resolveLinks, type Linkable } from './links';
import type { Db } from '../db/open';

interface EventRow {
  id: string;
  case_id: string;
  type: string;
  on_date: string;
  received_on: string | null;
  channel: string | null;
  request_type: string | null;
  for_event_id: string | null;
  asks: string | null;
  authority: string | null;
  ref: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  evidence_ids: string | null;
}

const rowToEvent = (r: EventRow): CaseEvent => ({
  id: r.id,
  caseId: r.case_id,
  type: r.type as EventType,
  on: r.on_date,
  receivedOn: r.received_on,
  channel: r.channel,
  requestType: r.request_type,
  forEventId: r.for_event_id,
  asks: r.asks,
  authority: r.authority,
  ref: r.ref,
  note: r.note,
  evidenceIds: r.evidence_ids ? r.evidence_ids.split('\n') : [],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const SELECT = `SELECT e.*, (SELECT group_concat(evidence_id, char(10)) FROM case_event_evidence WHERE event_id = e.id) AS evidence_ids
  FROM case_events e`;

export function listEvents(db: Db, caseId: string): CaseEvent[] {
  return (db.prepare(`${SELECT} WHERE e.case_id = ? ORDER BY e.on_date, e.created_at, e.id`).all(caseId) as EventRow[]).map(rowToEvent);
}

export function getEvent(db: Db, id: string): CaseEvent {
  const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as EventRow | undefined;
  if (!row) throw notFound('event', id);
  return rowToEvent(row);
}

export function insertEvent(db: Db, e: CaseEvent): void {
  db.prepare(
    `INSERT INTO case_events (id, case_id, type, on_date, received_on, channel, request_type, for_event_id, asks, authority, ref, note,
       created_at, updated_at)
     VALUES (@id, @caseId, @type, @on, @receivedOn, @channel, @requestType, @forEventId, @asks, @authority, @ref, @note, @createdAt, @updatedAt)`,
  ).run(e);
  linkEvidence(db, e.id, e.evidenceIds);
}

export function updateEvent(db: Db, e: CaseEvent): void {
  db.prepare(
    `UPDATE case_events SET type = @type, on_date = @on, received_on = @receivedOn, channel = @channel, request_type = @requestType,
       for_event_id = @forEventId, asks = @asks, authority = @authority, ref = @ref, note = @note, updated_at = @updatedAt WHERE id = @id`,
  ).run(e);
  db.prepare('DELETE FROM case_event_evidence WHERE event_id = ?').run(e.id);
  linkEvidence(db, e.id, e.evidenceIds);
}

export function deleteEvent(db: Db, id: string): void {
  db.prepare('DELETE FROM case_events WHERE id = ?').run(id);
}

function linkEvidence(db: Db, eventId: string, ids: string[]) {
  const link = db.prepare('INSERT OR IGNORE INTO case_event_evidence (event_id, evidence_id) VALUES (?, ?)');
  for (const evidenceId of ids) link.run(eventId, evidenceId);
}

/** The event types an event may belong to, as one parameter: the catalog words each set (tracking.either.*). */
const either = (types: readonly EventType[]) => types.join('_');

type TimelineEvent = Linkable & { type: EventType };

/**
 * Throws a clear error when the timeline would be impossible: a date in the future, a reply before any request, an
 * event that names a request it cannot belong to, a clarification answer without a question. Events are linked to
 * their request or complaint as `resolveLinks` says (named, or the latest open one before them).
 */
export function checkTimeline(raw: TimelineEvent[], today: string): void {
  const events = inOrder(raw);
  const links = resolveLinks(events);
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const e of events) {
    if (e.on > today) throw apiError('invalid_input', 'errors.tracking.dateInFuture', { on: e.on, today });
    const allowed = BELONGS_TO[e.type] as readonly EventType[] | undefined;
    if (!allowed) continue;
    const link = links.get(e.id);
    const root = link ? byId.get(link) : undefined;
    if (e.forEventId && !root) {
      throw apiError('invalid_input', 'errors.tracking.linkGone', { type: e.type, on: e.on, allowed: either(allowed) });
    }
    if (e.forEventId && root && !allowed.includes(root.type)) {
      throw apiError('invalid_input', 'errors.tracking.linkWrongType', { type: e.type, allowed: either(allowed), rootType: root.type, rootOn: root.on });
    }
    if (!root) {
      const first = events.find((p) => allowed.includes(p.type));
      if (!first) throw apiError('invalid_input', 'errors.tracking.needsFirst', { type: e.type, allowed: either(allowed) });
      throw apiError('invalid_input', 'errors.tracking.beforeFirst', { type: e.type, on: e.on, firstType: first.type, firstOn: first.on });
    }
    if (root.on > e.on) {
      throw apiError('invalid_input', 'errors.tracking.beforeRoot', { type: e.type, on: e.on, rootType: root.type, rootOn: root.on });
    }
    if (e.type === 'clarification_answered') {
      const asked = events.filter((x) => x.type === 'clarification_requested' && links.get(x.id) === root.id && x.on <= e.on);
      if (!asked.length)
        throw apiError('invalid_input', 'errors.tracking.answerWithoutQuestion', { on: e.on });
    }
  }
}

/** The request or complaint an event belongs to, as stored: the named one, or the default the timeline gives it. */
export function linkFor(all: TimelineEvent[], event: TimelineEvent): string | null {
  if (!BELONGS_TO[event.type]) return null;
  return resolveLinks(inOrder(all)).get(event.id) ?? null;
}
