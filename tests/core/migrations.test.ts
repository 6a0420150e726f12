import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabaseFile } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from '../support/tmp';

describe('database', () => {
  it('opens with WAL, foreign keys and every migration applied', () => {
    const db = openDatabaseFile(join(tempDir(), 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    db.close();
  });

  it('numbers migrations 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('001 creates a STRICT cases table that refuses wrong types', () => {
    const db = new Database(join(tempDir(), 'b.sqlite'));
    migrate(db, MIGRATIONS, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'cases'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT/);
    expect(() =>
      db.prepare("INSERT INTO cases VALUES ('x', 't', 'linkedin', 'GB', 'n', 'e', 'draft', NULL, 'now', X'01')").run(),
    ).toThrow(/cannot store BLOB value in TEXT column/);
    db.close();
  });

  it('a failing migration rolls back and leaves user_version where it was', () => {
    const db = new Database(join(tempDir(), 'c.sqlite'));
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      { version: 2, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE t (a TEXT) STRICT; SELECT nope FROM nowhere;') },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 't'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a data folder written by a newer version', () => {
    const file = join(tempDir(), 'd.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabaseFile(file)).toThrow(/newer Redress/);
  });
});
