import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { migrate } from '../../electron/core/db/open';
import { tempDir } from '../support/tmp';

describe('migration 8: settings and seen watch changes', () => {
  it('migrates a version-7 database with watched documents and checks forward, keeping them, unseen and unnamed', () => {
    const db = new Database(join(tempDir(), 'old.sqlite'));
    db.pragma('foreign_keys = ON');
    expect(migrate(db, MIGRATIONS, 7)).toBe(7);
    db.prepare("INSERT INTO watch_documents (id, url, platform_id, created_at) VALUES ('wd_1', 'https://e.org/p', 'linkedin', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO watch_checks (id, document_id, checked_at, outcome, ai_related) VALUES ('wc_1', 'wd_1', '2026-01-02T00:00:00Z', 'changed', 1)").run();

    expect(migrate(db, MIGRATIONS)).toBeGreaterThanOrEqual(8);
    expect(db.prepare('SELECT id, url, platform_id, name FROM watch_documents').all()).toEqual([{ id: 'wd_1', url: 'https://e.org/p', platform_id: 'linkedin', name: null }]);
    expect(db.prepare('SELECT id, outcome, ai_related, seen_at FROM watch_checks').all()).toEqual([{ id: 'wc_1', outcome: 'changed', ai_related: 1, seen_at: null }]);
    expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    // A setting is JSON, and the table is STRICT.
    expect(() => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('watch.enabled', 'not json', 'x')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('watch.enabled', 'true', '2026-01-03T00:00:00Z')").run();
    db.close();
  });
});
