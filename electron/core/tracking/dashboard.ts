// Dashboard queries over `case_index` (one derived row per case): overdue and due-this-week first, then the rest.
import { addDays, format, parseISO } from 'date-fns';
import type { CaseStatus } from '../contract';
import type { Dashboard, DashboardFilter, DashboardInput, DashboardRow, DeadlineKind } from '../contract/tracking';
import type { Db } from '../db/open';
import { likePattern } from './search';

export type { DashboardFilter };

interface Row {
  id: string;
  title: string;
  name: string;
  platform: string;
  country: string;
  status: string;
  created_at: string;
  next_due: string | null;
  next_kind: string | null;
  refs: string;
}

export const plusDays = (iso: string, n: number) => format(addDays(parseISO(iso), n), 'yyyy-MM-dd');

/** WHERE clause and parameters shared by the list, its counts and the CSV export. */
export function whereOf(f: DashboardFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.status) (parts.push('c.status = ?'), params.push(f.status));
  if (f.country) (parts.push('c.country = ?'), params.push(f.country.toUpperCase()));
  if (f.platform) (parts.push('c.platform = ?'), params.push(f.platform));
  if (f.q?.trim()) (parts.push("i.search_text LIKE ? ESCAPE '\\'"), params.push(likePattern(f.q)));
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

// A closed case has nothing due, whatever its last computed date; `due` is null for it so it sorts with the rest.
const DUE = "CASE WHEN c.status = 'closed' THEN NULL ELSE i.next_due END";
export const ORDER = `ORDER BY (${DUE}) IS NULL, ${DUE}, c.created_at DESC, c.id DESC`;
export const COLUMNS = `c.id, c.title, c.name, c.platform, c.country, c.status, c.created_at, ${DUE} AS next_due, i.next_kind, i.refs`;

export function urgencyOf(due: string | null, today: string): DashboardRow['urgency'] {
  if (!due) return 'none';
  if (due < today) return 'overdue';
  return due <= plusDays(today, 7) ? 'week' : 'later';
}

export const toRow = (r: Row, today: string): DashboardRow => ({
  id: r.id,
  title: r.title,
  name: r.name,
  platform: r.platform as DashboardRow['platform'],
  country: r.country,
  status: r.status as CaseStatus,
  createdAt: r.created_at,
  nextDue: r.next_due,
  nextKind: r.next_due ? (r.next_kind as DeadlineKind) : null,
  refs: r.refs,
  urgency: urgencyOf(r.next_due, today),
});

export function dashboard(db: Db, input: DashboardInput, today: string): Dashboard {
  const { sql, params } = whereOf(input);
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 200;
  const counts = db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(${DUE} < ?), 0) AS overdue, coalesce(sum(${DUE} BETWEEN ? AND ?), 0) AS week
       FROM case_index i JOIN cases c ON c.id = i.case_id ${sql}`,
    )
    .get(today, today, plusDays(today, 7), ...params) as { total: number; overdue: number; week: number };
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM case_index i JOIN cases c ON c.id = i.case_id ${sql} ${ORDER} LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as Row[];
  return {
    today,
    total: counts.total,
    overdue: counts.overdue,
    dueThisWeek: counts.week,
    offset,
    rows: rows.map((r) => toRow(r, today)),
  };
}

/** Every matching row, for the CSV export. */
export function allRows(db: Db, f: DashboardFilter, today: string): DashboardRow[] {
  const { sql, params } = whereOf(f);
  return (db.prepare(`SELECT ${COLUMNS} FROM case_index i JOIN cases c ON c.id = i.case_id ${sql} ${ORDER}`).all(...params) as Row[]).map(
    (r) => toRow(r, today),
  );
}

/** Cases whose next open deadline falls on or before `until`, closed cases aside. */
export function casesDueBy(db: Db, until: string, caseId?: string): { id: string; title: string; country: string }[] {
  return db
    .prepare(
      `SELECT c.id, c.title, c.country FROM case_index i JOIN cases c ON c.id = i.case_id
       WHERE i.next_due IS NOT NULL AND i.next_due <= ? AND c.status <> 'closed' ${caseId ? 'AND c.id = ?' : ''}
       ORDER BY i.next_due`,
    )
    .all(...(caseId ? [until, caseId] : [until])) as { id: string; title: string; country: string }[];
}
