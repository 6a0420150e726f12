// Case events: rows, the order rules that keep a timeline possible, and the writes (each in one transaction).
import { invalid, notFound } from '../api/errors';
import type { CaseEvent, EventType } from '../contract/tracking';
import { EVENT_TYPE_LABELS } from '../contract/tracking';
import type { Db } from '../db/open';

interface EventRow {
  id: string;
  case_id: string;
  type: string;
  on_date: string;
  received_on: string | null;
  channel: string | null;
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
    `INSERT INTO case_events (id, case_id, type, on_date, received_on, channel, authority, ref, note, created_at, updated_at)
     VALUES (@id, @caseId, @type, @on, @receivedOn, @channel, @authority, @ref, @note, @createdAt, @updatedAt)`,
  ).run(e);
  linkEvidence(db, e.id, e.evidenceIds);
}

export function updateEvent(db: Db, e: CaseEvent): void {
  db.prepare(
    `UPDATE case_events SET type = @type, on_date = @on, received_on = @receivedOn, channel = @channel, authority = @authority,
       ref = @ref, note = @note, updated_at = @updatedAt WHERE id = @id`,
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

/** An event of these types answers or follows another, so it cannot come before it. */
const NEEDS: Partial<Record<EventType, EventType>> = {
  reminder_sent: 'request_sent',
  extension_notified: 'request_sent',
  response_received: 'request_sent',
  authority_acknowledged: 'complaint_filed',
  authority_decision: 'complaint_filed',
};

/** Throws a clear error when the timeline would be impossible: a reply before any request, a date in the future. */
export function checkTimeline(events: Pick<CaseEvent, 'type' | 'on'>[], today: string): void {
  for (const e of events) {
    if (e.on > today) throw invalid(`The date ${e.on} is after today (${today}); record an event once it has happened.`);
    const need = NEEDS[e.type];
    if (!need) continue;
    const before = events.filter((p) => p.type === need).map((p) => p.on).sort();
    if (!before.length) {
      throw invalid(`“${EVENT_TYPE_LABELS[e.type]}” needs a “${EVENT_TYPE_LABELS[need]}” event first; record that one before this.`);
    }
    if (before[0] > e.on) {
      throw invalid(
        `“${EVENT_TYPE_LABELS[e.type]}” on ${e.on} would come before the first “${EVENT_TYPE_LABELS[need]}” on ${before[0]}; check both dates.`,
      );
    }
  }
}
