import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../open';
import { MIGRATIONS } from './index';

describe('migration 4 (drafts, exports)', () => {
  it('migrates a version-3 database with a case forward one step and enforces its constraints', () => {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'redress-m4-')), 'old.sqlite'));
    db.pragma('foreign_keys = ON');
    expect(migrate(db, MIGRATIONS, 3)).toBe(3);
    db.prepare(
      `INSERT INTO cases (id, title, platform, country, name, email, status, created_at, updated_at)
       VALUES ('case_old', 'Old', 'linkedin', 'DE', 'Ζωή', 'z@example.org', 'draft', '2026-01-01', '2026-01-01')`,
    ).run();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'drafts'").get()).toBeUndefined();

    expect(migrate(db, MIGRATIONS, 4)).toBe(4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    db.prepare("INSERT INTO drafts (case_id, template_id, values_json, updated_at) VALUES ('case_old', 'linkedin-objection', '{\"a\":\"b\"}', 'now')").run();
    const exp = db.prepare(
      `INSERT INTO exports (id, case_id, template_id, format, profile, file, filename, sha256, size, created_at)
       VALUES (?, 'case_old', 't', ?, ?, 'exports/x', 'x', ?, 1, 'now')`,
    );
    exp.run('e1', 'pdf', 'archive', 'a'.repeat(64));
    expect(() => exp.run('e2', 'docx', null, 'a'.repeat(64))).toThrow(/CHECK/);
    expect(() => exp.run('e3', 'pdf', 'archive', 'short')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO drafts (case_id, template_id, values_json, updated_at) VALUES ('case_old', 'x', 'not json', 'now')").run()).toThrow(/CHECK/);
    // STRICT: bytes where text belongs is refused, not silently stored.
    expect(() => db.prepare("INSERT INTO drafts (case_id, template_id, values_json, updated_at) VALUES ('case_old', 'y', '{}', x'00')").run()).toThrow(/cannot store BLOB/);
    expect(() => db.prepare("INSERT INTO drafts (case_id, template_id, values_json, updated_at) VALUES ('nope', 'y', '{}', 'now')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM cases WHERE id = 'case_old'").run();
    expect(db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM exports').get()).toEqual({ n: 0 });
  });
});
