import type { Migration } from './index';

/**
 * A clock per request. Case events learn what a request asks for (`request_type`: objection, access, erasure, other),
 * which request or complaint an answer belongs to (`for_event_id`), and what a clarification asked for (`asks`:
 * details or identity). Rows written before this point are linked the way the rules then read them: each answer,
 * reminder or extension to the latest request on or before it, each authority letter to the latest complaint.
 * `case_open_deadlines` held one row per case and kind; a case now has a deadline per request, so it is keyed by the
 * deadline's id and carries its label. It is a cache (rebuilt from the events), so it is recreated empty and filled
 * again at start because RULES_VERSION changed with this migration. A trigger marks a case's derived row stale when
 * its region changes (a US state's law decides its dates).
 */
export const m006EventThreads: Migration = {
  version: 6,
  name: 'event threads (a clock per request)',
  up(db) {
    db.exec(`
      ALTER TABLE case_events ADD COLUMN request_type TEXT
        CHECK (request_type IS NULL OR request_type IN ('objection', 'access', 'erasure', 'other'));
      ALTER TABLE case_events ADD COLUMN for_event_id TEXT;
      ALTER TABLE case_events ADD COLUMN asks TEXT CHECK (asks IS NULL OR asks IN ('details', 'identity'));
      CREATE INDEX case_events_thread ON case_events(for_event_id) WHERE for_event_id IS NOT NULL;

      UPDATE case_events SET request_type = 'objection' WHERE type = 'request_sent';
      UPDATE case_events SET for_event_id = (
        SELECT r.id FROM case_events r
        WHERE r.case_id = case_events.case_id AND r.type = 'request_sent'
          AND (r.on_date < case_events.on_date OR (r.on_date = case_events.on_date AND r.created_at <= case_events.created_at))
        ORDER BY r.on_date DESC, r.created_at DESC LIMIT 1)
      WHERE type IN ('reminder_sent', 'extension_notified', 'response_received');
      UPDATE case_events SET for_event_id = (
        SELECT c.id FROM case_events c
        WHERE c.case_id = case_events.case_id AND c.type = 'complaint_filed'
          AND (c.on_date < case_events.on_date OR (c.on_date = case_events.on_date AND c.created_at <= case_events.created_at))
        ORDER BY c.on_date DESC, c.created_at DESC LIMIT 1)
      WHERE type IN ('authority_acknowledged', 'authority_decision');

      DROP TABLE case_open_deadlines;
      CREATE TABLE case_open_deadlines (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        deadline_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        due TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (case_id, deadline_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_open_deadlines_due ON case_open_deadlines(due);
      UPDATE case_index SET rules_version = 0;

      -- A US state's law depends on the case's region: when it changes, mark the derived row (-1) so the next read of
      -- the case, of the list or of the reminders rebuilds it, whoever changed it. The partial index finds them.
      CREATE TRIGGER cases_index_region AFTER UPDATE OF region, country ON cases BEGIN
        UPDATE case_index SET rules_version = -1 WHERE case_id = new.id;
      END;
      CREATE INDEX case_index_region_changed ON case_index(rules_version) WHERE rules_version = -1;
    `);
  },
};
