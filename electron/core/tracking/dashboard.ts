// Dashboard queries over `case_index` (one derived row per case): overdue and due-this-week first, then the rest.
import { addDays, addMonths, format, parseISO } from 'date-fns';
import { getCase } from '../cases/repo';
import type { CaseStatus } from '../contract';
import type { Dashboard, DashboardFilter, DashboardInput, DashboardRow, DeadlineKind } from '../contract/tracking';
import type { Db } from '../db/open';
import { computeDeadlines, normaliseAuthority } from './deadlines';
import { listEvents } from './events';
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

/** "Coming up" on the dashboard: due from today to this many days on (the urgency `week`, `dueThisWeek`). */
export const COMING_UP_DAYS = 7;

/**
 * The one count of open deadlines behind the dashboard's header and the reminders (banner, notifications, CLI):
 * deadlines of cases not closed that passed before `today` (`late`), and all that fall on or before `today +
 * withinDays` (`total`, the passed ones included). Counted per deadline, as the reminders list them.
 */
export function deadlineCounts(db: Db, today: string, withinDays = COMING_UP_DAYS): { late: number; total: number; withinDays: number } {
  rollRepeatingPeriods(db, today);
  const until = plusDays(today, withinDays);
  // Every deadline in range (a count on the due index alone), less those of closed cases (few, found by status).
  const all = db
    .prepare('SELECT count(*) AS total, coalesce(sum(due < ?), 0) AS late FROM case_open_deadlines WHERE due <= ?')
    .get(today, until) as { total: number; late: number };
  const closed = db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(d.due < ?), 0) AS late
       FROM case_index i JOIN case_open_deadlines d ON d.case_id = i.case_id WHERE i.status = 'closed' AND d.due <= ?`,
    )
    .get(today, until) as { total: number; late: number };
  return { total: all.total - closed.total, late: all.late - closed.late, withinDays };
}

/**
 * The date a deadline stands at on `today`. Most are one date. A DPA 2018 s.166 period repeats (the ICO must report
 * progress in the first three months and in each further three months), so once the first has passed the date that
 * counts is the end of the period running today, as the case page's next step says: `[due, ...further]`, the first
 * on or after today; the first date again once every period has ended.
 */
export function currentDue(d: { due: string; further?: string[] }, today: string): string {
  if (!d.further?.length || d.due >= today) return d.due;
  return d.further.find((x) => x >= today) ?? d.due;
}

const PROGRESS = 'authority_progress_due:';

/** Per database: rows that never move, and the day and write count of the last look that found nothing to move. */
const MEMO = new WeakMap<Db, { fixed: Set<string>; checked: string }>();

/**
 * `case_open_deadlines` and `case_index` are rebuilt from the events when they change (service.ts, refreshIndex),
 * with each deadline's first date. A repeating period moves on with the calendar instead, so before a count or a list
 * the rows of s.166 periods that ended are moved to the period running today. Only deadlines whose first date passed
 * within the last 13 months are looked at (the fifth and last further period ends 12 months after the first).
 */
export function rollRepeatingPeriods(db: Db, today: string): void {
  const since = format(addMonths(parseISO(today), -13), 'yyyy-MM-dd');
  // Rows looked at that do not move (an Art 78(2) period, or an s.166 one whose last period has ended) never will, on
  // a later day either, until the events rebuild them: remember them so each list costs only the range query.
  let memo = MEMO.get(db);
  if (!memo) MEMO.set(db, (memo = { fixed: new Set(), checked: '' }));
  const fixed = memo.fixed;
  // Nothing written since the last look on the same day (by this connection or another): nothing can have moved.
  const version = `${today}|${(db.prepare('SELECT total_changes() AS n').get() as { n: number }).n}|${db.pragma('data_version', { simple: true })}`;
  if (memo.checked === version) return;
  // The deadline's id starts with its kind and sits in the due index, so the range is read from the index alone.
  const rows = (
    db
      .prepare(
        `SELECT d.case_id, d.deadline_id, d.due, c.country, e.authority FROM case_open_deadlines d
         JOIN cases c ON c.id = d.case_id LEFT JOIN case_events e ON e.id = substr(d.deadline_id, ${PROGRESS.length + 1})
         WHERE d.due < ? AND d.due >= ? AND d.deadline_id LIKE 'authority\\_progress\\_due:%' ESCAPE '\\'`,
      )
      .all(today, since) as { case_id: string; deadline_id: string; due: string; country: string; authority: string | null }[]
  ).filter((r) => !fixed.has(`${r.case_id}|${r.deadline_id}|${r.due}`));
  // Only a complaint to the ICO, or one by a member in the UK, can run under s.166; the rest (Art 78(2)) never move.
  const stale = rows.filter((r) => r.country === 'GB' || normaliseAuthority(r.authority) === 'ico');
  for (const r of rows) if (!stale.includes(r)) fixed.add(`${r.case_id}|${r.deadline_id}|${r.due}`);
  if (!stale.length) {
    memo.checked = version;
    return;
  }
  const byCase = new Map<string, { deadline_id: string; due: string }[]>();
  for (const r of stale) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r]);
  const move = db.prepare('UPDATE case_open_deadlines SET due = ? WHERE case_id = ? AND deadline_id = ?');
  const next = db.prepare('SELECT due, kind FROM case_open_deadlines WHERE case_id = ? ORDER BY due LIMIT 1');
  const index = db.prepare(
    `UPDATE case_index SET next_due = ?, next_kind = ?, due_sort = CASE WHEN status = 'closed' THEN '${NO_DUE}' ELSE ? END WHERE case_id = ?`,
  );
  db.transaction(() => {
    for (const [caseId, rows] of byCase) {
      const c = getCase(db, caseId);
      if (!c) continue;
      const deadlines = computeDeadlines(c.country, listEvents(db, caseId), c.region, c.platform);
      let moved = false;
      for (const r of rows) {
        const d = deadlines.find((x) => x.id === r.deadline_id);
        const due = d ? currentDue(d, today) : r.due;
        if (due !== r.due) (move.run(due, caseId, r.deadline_id), (moved = true));
        else if (!d?.further?.length || d.further.every((x) => x < today)) fixed.add(`${caseId}|${r.deadline_id}|${r.due}`);
      }
      if (!moved) continue;
      const first = next.get(caseId) as { due: string; kind: string } | undefined;
      if (first) index.run(first.due, first.kind, first.due, caseId);
    }
  })();
  memo.checked = `${today}|${(db.prepare('SELECT total_changes() AS n').get() as { n: number }).n}|${db.pragma('data_version', { simple: true })}`;
}

/** WHERE clause and parameters shared by the list, its counts and the CSV export; all on case_index columns. */
export function whereOf(f: DashboardFilter): { parts: string[]; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.status) (parts.push('i.status = ?'), params.push(f.status));
  if (f.country) (parts.push('i.country = ?'), params.push(f.country.toUpperCase()));
  if (f.platform) (parts.push('i.platform = ?'), params.push(f.platform));
  if (f.q?.trim()) {
    // Title, name and references are folded into search_text; the member's email is matched on the case itself.
    const pattern = likePattern(f.q);
    // (LIKE ignores ASCII case, which is what an address has; the subquery scans the cases once, not once per row.)
    parts.push("(i.search_text LIKE ? ESCAPE '\\' OR i.case_id IN (SELECT id FROM cases WHERE email LIKE ? ESCAPE '\\'))");
    params.push(pattern, pattern);
  }
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
  return due <= plusDays(today, COMING_UP_DAYS) ? 'week' : 'later';
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
  // The header's overdue and coming-up counts are the reminders' counts, over every open case (filters aside), so
  // the list and the reminder banner never disagree.
  const counts = deadlineCounts(db, today, COMING_UP_DAYS);
  // A search has to test every row's text anyway: it scans the table once; otherwise the count is a range on an index.
  const total = (
    db.prepare(`SELECT count(*) AS n FROM case_index i${input.q?.trim() ? ' NOT INDEXED' : ''} ${where(parts)}`).get(...params) as { n: number }
  ).n;
  // A search matches few rows: scanning the table once and sorting the hits beats walking the order index and
  // fetching every row to test it (measured in bench/tracking.ts).
  const from = input.q?.trim() ? FROM.replace('case_index i', 'case_index i NOT INDEXED') : FROM;
  const rows = db.prepare(`SELECT ${COLUMNS} ${from} ${where(parts)} ${ORDER} LIMIT ? OFFSET ?`).all(...params, limit, offset) as Row[];
  return {
    today,
    total,
    overdue: counts.late,
    dueThisWeek: counts.total - counts.late,
    offset,
    rows: rows.map((r) => toRow(r, today)),
  };
}

/** Every matching row, for the CSV export. */
export function allRows(db: Db, f: DashboardFilter, today: string): DashboardRow[] {
  rollRepeatingPeriods(db, today);
  const { parts, params } = whereOf(f);
  return (db.prepare(`SELECT ${COLUMNS} ${FROM} ${where(parts)} ${ORDER}`).all(...params) as Row[]).map((r) => toRow(r, today));
}

/** Cases whose next open deadline falls on or before `until`, closed cases aside. */
export function casesDueBy(db: Db, until: string, caseId?: string): { id: string; title: string; country: string; region: string | null; platform: string }[] {
  return db
    .prepare(
      `SELECT c.id, c.title, c.country, c.region, c.platform ${FROM} WHERE i.due_sort <= ? AND i.due_sort < '${NO_DUE}' ${caseId ? 'AND i.case_id = ?' : ''} ORDER BY i.due_sort`,
    )
    .all(...(caseId ? [until, caseId] : [until])) as { id: string; title: string; country: string; region: string | null; platform: string }[];
}
