import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { migrate } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('migration 2 moves a version-1 database with cases forward and adds strict evidence tables', () => {
  dir = mkdtempSync(join(tmpdir(), 'redress-mig-'));
  const db = new Database(join(dir, 'old.sqlite'));
  db.pragma('foreign_keys = ON');
  expect(migrate(db, MIGRATIONS, 1)).toBe(1);
  db.prepare(
    `INSERT INTO cases (id, title, platform, country, name, email, status, created_at, updated_at)
     VALUES ('case_old', 'Old case', 'linkedin', 'GB', 'Tom', 't@example.org', 'draft', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  ).run();

  expect(migrate(db, MIGRATIONS, 2)).toBe(2);
  expect(db.pragma('user_version', { simple: true })).toBe(2);
  expect(db.prepare('SELECT title FROM cases WHERE id = ?').get('case_old')).toEqual({ title: 'Old case' });

  const sha = 'a'.repeat(64);
  db.prepare(
    `INSERT INTO evidence (id, case_id, kind, title, added_at, sha256, mime, size) VALUES ('ev_1', 'case_old', 'document', 'x', 'now', ?, 'text/plain', 3)`,
  ).run(sha);
  // STRICT: a size that is not an integer is refused, and so is a row for a case that does not exist.
  expect(() =>
    db.prepare(`INSERT INTO evidence (id, case_id, kind, title, added_at, sha256, mime, size) VALUES ('ev_2', 'case_old', 'd', 'x', 'now', ?, 'm', 'big')`).run(sha),
  ).toThrow(/cannot store TEXT value in INTEGER column/);
  expect(() =>
    db.prepare(`INSERT INTO evidence (id, case_id, kind, title, added_at, sha256, mime, size) VALUES ('ev_3', 'nope', 'd', 'x', 'now', ?, 'm', 1)`).run(sha),
  ).toThrow(/FOREIGN KEY/);
  expect(() => db.prepare(`INSERT INTO evidence_files VALUES ('ev_1', 'primary', 'short', 1, 'm')`).run()).toThrow(/CHECK/);
  db.close();
});
