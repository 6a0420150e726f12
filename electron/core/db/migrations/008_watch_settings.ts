import type { Migration } from './index';

/**
 * The watch's on/off switch and the changes the user has seen (issue 11). `settings`: one JSON value per key, for any
 * feature that needs a setting kept with the data (the watch uses `watch.enabled`, `watch.everyHours`,
 * `watch.enabledAt`, `watch.lastRunAt`). `watch_checks.seen_at`: when the user marked an AI-related change as seen,
 * so the app stops pointing at it. `watch_documents.name`: what a document is called ("LinkedIn Privacy Policy") when its
 * platform's file names it, for notifications and evidence titles.
 */
export const m008WatchSettings: Migration = {
  version: 8,
  name: 'settings and seen watch changes',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      ) STRICT;
      ALTER TABLE watch_checks ADD COLUMN seen_at TEXT;
      ALTER TABLE watch_documents ADD COLUMN name TEXT;
    `);
  },
};
