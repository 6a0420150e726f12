import { EVENT_TYPE_LABELS, type EventType } from '../contract/tracking';
import type { EvidenceHolder } from '../contract/evidence';
import type { Db } from '../db/open';

/** The case events that list this evidence item among their attachments, oldest first. */
export function eventsHolding(db: Db, evidenceId: string): EvidenceHolder[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.type, e.on_date FROM case_event_evidence l JOIN case_events e ON e.id = l.event_id
       WHERE l.evidence_id = ? ORDER BY e.on_date, e.created_at, e.id`,
    )
    .all(evidenceId) as { id: string; type: string; on_date: string }[];
  return rows.map((r) => ({ eventId: r.id, type: r.type, typeLabel: EVENT_TYPE_LABELS[r.type as EventType] ?? r.type, on: r.on_date }));
}

/**
 * Inside the caller's write transaction (the one that deletes the item): takes the item off every event that holds
 * it and returns those events, for the custody entry and for the user.
 */
export function detachFromEvents(db: Db, evidenceId: string): EvidenceHolder[] {
  if (!db.inTransaction) throw new Error('detachFromEvents must run inside the write transaction that deletes the item.');
  const holders = eventsHolding(db, evidenceId);
  if (holders.length) db.prepare('DELETE FROM case_event_evidence WHERE evidence_id = ?').run(evidenceId);
  return holders;
}
