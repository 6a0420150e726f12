import { foldForSearch } from '../../tracking/search';
import type { Migration } from './index';

/**
 * Case events, their evidence links, and two derived tables: `case_index`, one row per case (next open deadline,
 * status the events imply, searchable text), and `case_open_deadlines`. Both are rebuilt from events whenever they change and whenever the deadline
 * rules change (`rules_version`), so it is a cache for the dashboard's sorting, never the source of a date.
 */
export const m003Tracking: Migration = {
  version: 3,
  name: 'tracking',
  up(db) {
    db.exec(`
      CREATE TABLE case_events (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        received_on TEXT,
        channel TEXT,
        authority TEXT,
        ref TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_events_case ON case_events(case_id, on_date, created_at);

      CREATE TABLE case_event_evidence (
        event_id TEXT NOT NULL REFERENCES case_events(id) ON DELETE CASCADE,
        evidence_id TEXT NOT NULL,
        PRIMARY KEY (event_id, evidence_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE case_index (
        case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        derived_status TEXT NOT NULL DEFAULT 'draft',
        next_due TEXT,
        next_kind TEXT,
        refs TEXT NOT NULL DEFAULT '',
        search_text TEXT NOT NULL DEFAULT '',
        rules_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX case_index_due ON case_index(next_due);

      -- Every open deadline of every case, derived like case_index, so reminders are one indexed range query.
      CREATE TABLE case_open_deadlines (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        due TEXT NOT NULL,
        PRIMARY KEY (case_id, kind)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_open_deadlines_due ON case_open_deadlines(due);

      -- Until now the status could only be set by hand, so every status that is not the starting one is an override.
      ALTER TABLE cases ADD COLUMN status_overridden INTEGER NOT NULL DEFAULT 0 CHECK (status_overridden IN (0, 1));
      UPDATE cases SET status_overridden = 1 WHERE status <> 'draft';
      CREATE INDEX cases_country ON cases(country);
    `);
    const insert = db.prepare('INSERT INTO case_index (case_id, search_text) VALUES (?, ?)');
    for (const c of db.prepare('SELECT id, title, name FROM cases').all() as { id: string; title: string; name: string }[]) {
      insert.run(c.id, foldForSearch(`${c.title} ${c.name}`));
    }
  },
};
