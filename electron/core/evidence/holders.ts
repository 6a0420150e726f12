import { EVENT_TYPE_LABELS, type EventType } from '../contract/tracking';
import type { EvidenceHolder } from '../contract/evidence';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { writeTx } from '../db/tx';
import { appendCustody } from './custody';

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

/**
 * Links left pointing at deleted evidence by an older Redress (before deletes took items off their events): dropped
 * once, at start, each case's custody log saying which events lost which ids. Reads first, so a clean database
 * (the usual case) takes no write lock.
 */
export function dropDeadLinks(ctx: CoreContext): number {
  const find = () =>
    ctx.db
      .prepare(
        `SELECT l.event_id, l.evidence_id, e.case_id FROM case_event_evidence l JOIN case_events e ON e.id = l.event_id
         WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.id = l.evidence_id) ORDER BY e.case_id, l.event_id, l.evidence_id`,
      )
      .all() as { event_id: string; evidence_id: string; case_id: string }[];
  if (!find().length) return 0;
  return writeTx(ctx.db, () => {
    const dead = find();
    const del = ctx.db.prepare('DELETE FROM case_event_evidence WHERE event_id = ? AND evidence_id = ?');
    const byCase = new Map<string, typeof dead>();
    for (const d of dead) {
      del.run(d.event_id, d.evidence_id);
      byCase.set(d.case_id, [...(byCase.get(d.case_id) ?? []), d]);
    }
    for (const [caseId, links] of byCase) {
      appendCustody(ctx, caseId, 'evidence.links.repair', {
        reason: 'events still listed evidence that had been deleted',
        links: links.map((l) => `${l.event_id} lost ${l.evidence_id}`).join('; '),
      });
    }
    return dead.length;
  });
}
