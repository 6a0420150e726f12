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

/** WHERE clause and parameters shared by the list, its counts and the CSV export; all on case_index columns. */
export function whereOf(f: DashboardFilter): { parts: string[]; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.status) (parts.push('i.status = ?'), params.push(f.status));
  if (f.country) (parts.push('i.country = ?'), params.push(f.country.toUpperCase()));
  if (f.platform) (parts.push('i.platform = ?'), params.push(f.platform));
  if (f.q?.trim()) (parts.push("i.search_text LIKE ? ESCAPE '\\'"), params.push(likePattern(f.q)));
  return { parts, params };
}
const where = (parts: string[]) => (parts.length ? `WHERE ${parts.join(' AND ')}` : '');

// Matches the case_index_* indexes, so SQLite walks an index in order instead of sorting every case.
export const ORDER = 'ORDER BY i.due_sort, i.created_at DESC, i.case_id DESC';
const NO_DUE = '9999-12-31';
// CROSS JOIN keeps case_index as the outer loop (SQLite does not reorder it), so cases is read only for shown rows.
const FROM = 'FROM case_index i CROSS JOIN cases c ON c.id = i.case_id';
export const COLUMNS = `c.id, c.title, c.name, i.platform, i.country, i.status, c.created_at,
  CASE WHEN i.due_sort = '${NO_DUE}' THEN NULL ELSE i.due_sort END AS next_due, i.next_kind, i.refs`;

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
  const { parts, params } = whereOf(input);
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 200;
  const week = plusDays(today, 7);
  let counts: { total: number; overdue: number; week: number };
  if (input.q?.trim()) {
    // A search has to test every row's text anyway: count everything in that one pass.
    counts = db
      .prepare(
        `SELECT count(*) AS total, coalesce(sum(i.due_sort < ?), 0) AS overdue, coalesce(sum(i.due_sort BETWEEN ? AND ?), 0) AS week
         FROM case_index i NOT INDEXED ${where(parts)}`,
      )
      .get(today, today, week, ...params) as typeof counts;
  } else {
    // Without a search, three counts that are each a range on an index beat one pass that tests every row.
    const count = (extra: string[], more: unknown[]) =>
      (db.prepare(`SELECT count(*) AS n FROM case_index i ${where([...parts, ...extra])}`).get(...params, ...more) as { n: number }).n;
    counts = { total: count([], []), overdue: count(['i.due_sort < ?'], [today]), week: count(['i.due_sort BETWEEN ? AND ?'], [today, week]) };
  }
  // A search matches few rows: scanning the table once and sorting the hits beats walking the order index and
  // fetching every row to test it (measured in bench/tracking.ts).
  const from = input.q?.trim() ? FROM.replace('case_index i', 'case_index i NOT INDEXED') : FROM;
  const rows = db.prepare(`SELECT ${COLUMNS} ${from} ${where(parts)} ${ORDER} LIMIT ? OFFSET ?`).all(...params, limit, offset) as Row[];
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
  const { parts, params } = whereOf(f);
  return (db.prepare(`SELECT ${COLUMNS} ${FROM} ${where(parts)} ${ORDER}`).all(...params) as Row[]).map((r) => toRow(r, today));
}

/** Cases whose next open deadline falls on or before `until`, closed cases aside. */
export function casesDueBy(db: Db, until: string, caseId?: string): { id: string; title: string; country: string; region: string | null }[] {
  return db
    .prepare(
      `SELECT c.id, c.title, c.country, c.region ${FROM} WHERE i.due_sort <= ? AND i.due_sort < '${NO_DUE}' ${caseId ? 'AND i.case_id = ?' : ''} ORDER BY i.due_sort`,
    )
    .all(...(caseId ? [until, caseId] : [until])) as { id: string; title: string; country: string; region: string | null }[];
}
