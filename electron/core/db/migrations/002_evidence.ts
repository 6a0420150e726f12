import type { Migration } from './index';

// Evidence items point at content-addressed files by hash; the files themselves live in `<dataDir>/evidence/`.
// `custody` is append-only and hash-chained per case (prev_hash -> hash), so an edited or removed entry shows.
export const m002Evidence: Migration = {
  version: 2,
  name: 'evidence',
  up(db) {
    db.exec(`
      CREATE TABLE evidence (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        added_at TEXT NOT NULL,
        captured_at TEXT,
        source_url TEXT,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        filename TEXT,
        purpose TEXT,
        toggle_state TEXT CHECK (toggle_state IN ('on', 'off', 'unknown')),
        toggle_confirmed_by TEXT CHECK (toggle_confirmed_by IN ('page', 'hand')),
        record TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX evidence_case ON evidence(case_id, added_at);

      CREATE TABLE evidence_files (
        evidence_id TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL,
        mime TEXT NOT NULL,
        PRIMARY KEY (evidence_id, role)
      ) STRICT;
      CREATE INDEX evidence_files_sha ON evidence_files(sha256);

      CREATE TABLE custody (
        case_id TEXT NOT NULL REFERENCES cases(id),
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (case_id, seq)
      ) STRICT;
    `);
  },
};
