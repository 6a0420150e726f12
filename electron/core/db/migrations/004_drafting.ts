import type { Migration } from './index';

// Drafts: one autosaved set of field values per case and template (the latest wins; a draft is work in progress).
// Exports: every file produced, with its hash, so the case can show what was sent where and prove it unchanged.
export const m004Drafting: Migration = {
  version: 4,
  name: 'drafting',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        template_id TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'en',
        values_json TEXT NOT NULL CHECK (json_valid(values_json)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (case_id, template_id)
      ) STRICT;
      CREATE TABLE exports (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        template_id TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('text', 'eml', 'pdf', 'json')),
        profile TEXT CHECK (profile IS NULL OR profile IN ('archive', 'upload')),
        file TEXT NOT NULL,
        filename TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        detail_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail_json)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX exports_case ON exports(case_id, created_at);
    `);
  },
};
