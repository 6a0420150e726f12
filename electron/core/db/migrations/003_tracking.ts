import { foldForSearch } from '../../tracking/search';
import type { Migration } from './index';

/**
 * Case events and their evidence links, plus two derived tables the dashboard and reminders read:
 * - `case_index`, one row per case: the case's sort and filter columns (mirrored from `cases` by triggers), the
 *   next open deadline, the status the events imply, and folded text for search;
 * - `case_open_deadlines`, every open deadline, so reminders are one indexed range query.
 * Both are rebuilt from the events whenever they change and whenever the rules change (`rules_version`): they are
 * caches for sorting, never the source of a date (the case page always recomputes).
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
        status TEXT NOT NULL,
        country TEXT NOT NULL,
        platform TEXT NOT NULL,
        created_at TEXT NOT NULL,
        derived_status TEXT NOT NULL DEFAULT 'draft',
        next_due TEXT,
        next_kind TEXT,
        -- next_due, or a far date when nothing is due or the case is closed: one column to sort and range on.
        due_sort TEXT NOT NULL DEFAULT '9999-12-31',
        refs TEXT NOT NULL DEFAULT '',
        search_text TEXT NOT NULL DEFAULT '',
        rules_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX case_index_order ON case_index(due_sort, created_at DESC, case_id DESC);
      CREATE INDEX case_index_status ON case_index(status, due_sort, created_at DESC, case_id DESC);
      CREATE INDEX case_index_country ON case_index(country, due_sort, created_at DESC, case_id DESC);

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

      INSERT INTO case_index (case_id, status, country, platform, created_at)
        SELECT id, status, country, platform, created_at FROM cases;

      -- Triggers keep the mirror right whoever writes a case; Redress refines search_text with Unicode folding.
      CREATE TRIGGER cases_index_insert AFTER INSERT ON cases BEGIN
        INSERT INTO case_index (case_id, status, country, platform, created_at, search_text)
        VALUES (new.id, new.status, new.country, new.platform, new.created_at, lower(new.title || ' ' || new.name));
      END;
      CREATE TRIGGER cases_index_status AFTER UPDATE OF status ON cases BEGIN
        UPDATE case_index SET status = new.status,
          due_sort = CASE WHEN new.status = 'closed' OR next_due IS NULL THEN '9999-12-31' ELSE next_due END
        WHERE case_id = new.id;
      END;
    `);
    const fold = db.prepare('UPDATE case_index SET search_text = ? WHERE case_id = ?');
    for (const c of db.prepare('SELECT id, title, name FROM cases').all() as { id: string; title: string; name: string }[]) {
      fold.run(foldForSearch(`${c.title} ${c.name}`), c.id);
    }
  },
};
