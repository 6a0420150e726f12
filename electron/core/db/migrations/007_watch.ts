import type { Migration } from './index';

/**
 * The policy watch (issue 11). `watch_documents`: what is watched (URL, the CSS selectors that keep and drop parts of
 * the page, how often, optionally the platform it was declared for). `watch_snapshots`: the kept, normalised text of a
 * document each time it changed, with the hash of that text and of the raw page (a content-addressed file under
 * `watch/`). `watch_checks`: every run's outcome per document, a failure included, with the added and removed
 * sentences and whether any of them is about AI.
 */
export const m007Watch: Migration = {
  version: 7,
  name: 'policy watch',
  up(db) {
    db.exec(`
      CREATE TABLE watch_documents (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        select_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(select_json)),
        remove_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(remove_json)),
        every_seconds INTEGER NOT NULL DEFAULT 86400 CHECK (every_seconds > 0),
        platform_id TEXT,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE watch_snapshots (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES watch_documents(id) ON DELETE CASCADE,
        checked_at TEXT NOT NULL,
        text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64),
        text TEXT NOT NULL,
        raw_sha256 TEXT CHECK (raw_sha256 IS NULL OR length(raw_sha256) = 64),
        raw_size INTEGER,
        http_status INTEGER
      ) STRICT;
      CREATE INDEX watch_snapshots_document ON watch_snapshots(document_id, checked_at);
      CREATE INDEX watch_snapshots_raw ON watch_snapshots(raw_sha256) WHERE raw_sha256 IS NOT NULL;

      CREATE TABLE watch_checks (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES watch_documents(id) ON DELETE CASCADE,
        checked_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('baseline', 'changed', 'unchanged', 'failed')),
        reason TEXT,
        http_status INTEGER,
        added_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(added_json)),
        removed_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(removed_json)),
        ai_related INTEGER NOT NULL DEFAULT 0 CHECK (ai_related IN (0, 1)),
        snapshot_id TEXT REFERENCES watch_snapshots(id) ON DELETE SET NULL,
        CHECK ((outcome = 'failed') = (reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX watch_checks_document ON watch_checks(document_id, checked_at);
      CREATE INDEX watch_checks_time ON watch_checks(checked_at);
    `);
  },
};
