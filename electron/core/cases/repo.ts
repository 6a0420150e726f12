import type { Case, CaseStatus } from '../contract';
import type { Db } from '../db/open';

interface CaseRow {
  id: string;
  title: string;
  platform: string;
  country: string;
  name: string;
  email: string;
  status: string;
  status_reason: string | null;
  created_at: string;
  updated_at: string;
}

export const rowToCase = (r: CaseRow): Case => ({
  id: r.id,
  title: r.title,
  platform: r.platform as Case['platform'],
  country: r.country,
  name: r.name,
  email: r.email,
  status: r.status as CaseStatus,
  statusReason: r.status_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function insertCase(db: Db, c: Case): void {
  db.prepare(
    `INSERT INTO cases (id, title, platform, country, name, email, status, status_reason, created_at, updated_at)
     VALUES (@id, @title, @platform, @country, @name, @email, @status, @statusReason, @createdAt, @updatedAt)`,
  ).run(c);
}

export function getCase(db: Db, id: string): Case | undefined {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
  return row && rowToCase(row);
}

export function listCases(db: Db, status?: CaseStatus): Case[] {
  const rows = status
    ? db.prepare('SELECT * FROM cases WHERE status = ? ORDER BY created_at DESC, id DESC').all(status)
    : db.prepare('SELECT * FROM cases ORDER BY created_at DESC, id DESC').all();
  return (rows as CaseRow[]).map(rowToCase);
}

export function updateStatus(db: Db, id: string, status: CaseStatus, reason: string | null, at: string): void {
  db.prepare('UPDATE cases SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?').run(status, reason, at, id);
}
