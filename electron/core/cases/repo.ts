import type { Case, CaseStatus } from '../contract';
import type { Db } from '../db/open';
import { foldForSearch } from '../tracking/search';

interface CaseRow {
  id: string;
  title: string;
  platform: string;
  country: string;
  name: string;
  email: string;
  region?: string | null;
  given_name?: string | null;
  family_name?: string | null;
  status: string;
  status_reason: string | null;
  created_at: string;
  updated_at: string;
  status_overridden?: number;
}

export const rowToCase = (r: CaseRow): Case => ({
  id: r.id,
  title: r.title,
  platform: r.platform as Case['platform'],
  country: r.country,
  name: r.name,
  email: r.email,
  region: r.region ?? null,
  givenName: r.given_name ?? null,
  familyName: r.family_name ?? null,
  status: r.status as CaseStatus,
  statusReason: r.status_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  statusOverridden: r.status_overridden === 1,
});

export function insertCase(db: Db, c: Case): void {
  db.prepare(
    `INSERT INTO cases (id, title, platform, country, name, email, region, given_name, family_name, status, status_reason, created_at, updated_at)
     VALUES (@id, @title, @platform, @country, @name, @email, @region, @givenName, @familyName, @status, @statusReason, @createdAt, @updatedAt)`,
  ).run(c);
  // A trigger adds the dashboard's row; SQLite's lower() only folds ASCII, so fold names like Łukasiewicz here.
  db.prepare('UPDATE case_index SET search_text = ? WHERE case_id = ?').run(foldForSearch(`${c.title} ${c.name}`), c.id);
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

/** A status the user sets by hand: it overrides the status the events imply until the user returns to the derived one. */
export function updateStatus(db: Db, id: string, status: CaseStatus, reason: string | null, at: string): void {
  db.prepare('UPDATE cases SET status = ?, status_reason = ?, status_overridden = 1, updated_at = ? WHERE id = ?').run(
    status,
    reason,
    at,
    id,
  );
}

/** The status the events imply; written only while the user has not overridden it, unless `clearOverride`. */
export function applyDerivedStatus(db: Db, id: string, status: CaseStatus, at: string, clearOverride = false): void {
  if (clearOverride) {
    db.prepare('UPDATE cases SET status = ?, status_reason = NULL, status_overridden = 0, updated_at = ? WHERE id = ?').run(status, at, id);
  } else {
    db.prepare('UPDATE cases SET status = ?, updated_at = ? WHERE id = ? AND status_overridden = 0 AND status <> ?').run(status, at, id, status);
  }
}

/** Sets the given columns (title, name, email, region, name parts) and refreshes the dashboard's search text. */
export type CaseEditable = Pick<Case, 'title' | 'name' | 'email' | 'country' | 'platform' | 'region' | 'givenName' | 'familyName'>;

export function updateCase(db: Db, id: string, fields: Partial<CaseEditable>, at: string): void {
  const cols: Record<string, string> = { title: 'title', name: 'name', email: 'email', country: 'country', platform: 'platform', region: 'region', givenName: 'given_name', familyName: 'family_name' };
  const set = Object.keys(fields).filter((k) => k in cols && (fields as Record<string, unknown>)[k] !== undefined);
  if (!set.length) return;
  db.prepare(`UPDATE cases SET ${set.map((k) => `${cols[k]} = @${k}`).join(', ')}, updated_at = @at WHERE id = @id`).run({ ...Object.fromEntries(set.map((k) => [k, (fields as Record<string, unknown>)[k]])), at, id });
  const c = db.prepare('SELECT title, name FROM cases WHERE id = ?').get(id) as { title: string; name: string };
  db.prepare('UPDATE case_index SET search_text = ? WHERE case_id = ?').run(foldForSearch(`${c.title} ${c.name}`), id);  // The dashboard's mirror keeps country and platform for its filters; the region trigger marks the row for rebuild.
  if (fields.country !== undefined || fields.platform !== undefined) {
    db.prepare('UPDATE case_index SET country = (SELECT country FROM cases WHERE id = @id), platform = (SELECT platform FROM cases WHERE id = @id) WHERE case_id = @id').run({ id });
  }
}
