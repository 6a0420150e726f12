import type { Migration } from './index';

export const m001Cases: Migration = {
  version: 1,
  name: 'cases',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        platform TEXT NOT NULL,
        country TEXT NOT NULL CHECK (length(country) = 2),
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft',
        status_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_status ON cases(status);
      CREATE INDEX cases_created ON cases(created_at);
    `);
  },
};
