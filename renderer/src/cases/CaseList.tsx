import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { CASE_STATUSES, CASE_STATUS_LABELS, MAX_BUNDLE_UPLOAD_BYTES, PLATFORMS, PLATFORM_LABELS, type CaseBundleImported, type CaseStatus } from '../../../electron/core/contract';
import { DEADLINE_LABELS, type Dashboard, type DashboardFilter, type DashboardRow } from '../../../electron/core/contract/tracking';
import { invoke } from '../api';
import { href } from '../router';
import { countryName, countryOptions } from '../ui/countries';
import { download, errorText } from '../tracking/format';
import { comingUpText, COMING_UP_DAYS, overdueText } from '../tracking/ReminderBanner';
import { fileSize, num, shortDate } from '../ui/dates';
import './case-list.css';

const PAGE = 200;
const isFiltered = (f: DashboardFilter) => Boolean(f.q || f.status || f.country || f.platform);
const ROW_HEIGHT = 46;
const URGENCY_LABELS: Record<DashboardRow['urgency'], string> = { overdue: 'Overdue', week: 'This week', later: '', none: '' };

/**
 * The dashboard: overdue and due-this-week first, then the rest; filters and search. Rows are fetched a page at a
 * time as they scroll into view and only the visible ones are rendered, so 10,000 cases cost the same as 20.
 */
export function CaseList() {
  const [filter, setFilter] = useState<DashboardFilter>({});
  // `filtered`: whether the counts shown were loaded for a filtered list (the empty state is only for no cases at all).
  const [head, setHead] = useState<(Omit<Dashboard, 'rows' | 'offset'> & { filtered: boolean }) | null>(null);
  const [pages, setPages] = useState<Map<number, DashboardRow[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const requested = useRef(new Set<number>());
  const search = useRef<HTMLInputElement>(null);
  // Clearing the filters removes the button that did it: the search field, the first filter, takes the focus.
  const clearFilters = () => {
    setFilter({});
    requestAnimationFrame(() => search.current?.focus());
  };

  const loadPage = useCallback((page: number, gen: number, f: DashboardFilter) => {
    requested.current.add(page);
    invoke('tracking.dashboard', { ...f, offset: page * PAGE, limit: PAGE }).then(
      (d) => {
        if (gen !== generation.current) return; // a newer filter has replaced this one
        setHead({ today: d.today, total: d.total, overdue: d.overdue, dueThisWeek: d.dueThisWeek, filtered: isFiltered(f) });
        setPages((m) => new Map(m).set(page, d.rows));
      },
      (err: unknown) => gen === generation.current && setError(errorText(err)),
    );
  }, []);

  useEffect(() => {
    const gen = ++generation.current;
    requested.current = new Set();
    setPages(new Map());
    setError(null);
    loadPage(0, gen, filter);
  }, [filter, loadPage]);

  const filtered = isFiltered(filter);
  if (error) return <p role="alert" className="error">Could not load cases: {error}</p>;
  if (!head) return <p aria-busy="true">Loading cases…</p>;
  // Not while the counts of a filtered list are still shown (just after "Clear filters"): that would unmount the filters.
  if (!head.total && !filtered && !head.filtered) return <EmptyState />;

  const rowAt = (i: number) => pages.get(Math.floor(i / PAGE))?.[i % PAGE];
  const need = (i: number) => {
    const p = Math.floor(i / PAGE);
    if (!requested.current.has(p)) loadPage(p, generation.current, filter);
  };

  return (
    <section aria-labelledby="cases-title" className="dashboard">
      <div className="dashboard-head">
        <h1 id="cases-title">Cases</h1>
        {/* The counts are the reminder banner's (one core function, the same window); the filters narrow only the list. */}
        <p className="summary" role="status" data-late={head.overdue} data-soon={head.dueThisWeek}>
          <span className={head.overdue ? 'count-overdue' : ''}>{overdueText(head.overdue)}</span> ·{' '}
          <span className={head.dueThisWeek ? 'count-week' : ''}>{comingUpText(head.dueThisWeek)}</span> ·{' '}
          {filtered ? `${num(head.total)} matching` : `${num(head.total)} ${head.total === 1 ? 'case' : 'cases'} in all`}
        </p>
      </div>
      <p className="hint count-window">
        Deadlines of all open cases, one count per deadline: overdue means the date has passed; coming up means due today or in the next {COMING_UP_DAYS} days.
      </p>
      <Filters filter={filter} onChange={setFilter} searchRef={search} onClear={head.total ? clearFilters : undefined} />
      <ExportButtons filter={filter} />
      {head.total ? (
        <CaseTable total={head.total} rowAt={rowAt} need={need} />
      ) : (
        <div className="no-match">
          <p>No cases match these filters.</p>
          <button type="button" onClick={clearFilters}>
            Clear filters
          </button>
        </div>
      )}
      <ImportBundle />
    </section>
  );
}

/** Exports run in the core and can take seconds for thousands of cases; the button says so while it works. */
function ExportButtons({ filter }: { filter: DashboardFilter }) {
  const [busy, setBusy] = useState<'csv' | 'ics' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'csv' | 'ics') => {
    setBusy(kind);
    setError(null);
    try {
      download(kind === 'csv' ? await invoke('tracking.exportCsv', filter) : await invoke('tracking.exportIcs', {}));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="actions">
      <button type="button" disabled={busy !== null} onClick={() => void run('csv')}>
        {busy === 'csv' ? 'Preparing CSV…' : 'Export list as CSV'}
      </button>
      <button type="button" disabled={busy !== null} onClick={() => void run('ics')}>
        {busy === 'ics' ? 'Preparing calendar…' : 'Export all deadlines (.ics)'}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function EmptyState() {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title">Push back on AI training with your data</h1>
      <p>
        Redress helps you gather evidence of how a platform uses your data, object to it, complain to a regulator, and
        keep track of every deadline. Everything stays on this computer.
      </p>
      <a className="button primary" href={href('new')}>
        Start a case
      </a>
      <ImportBundle />
    </section>
  );
}

function Filters({
  filter,
  onChange,
  searchRef,
  onClear,
}: {
  filter: DashboardFilter;
  onChange(f: DashboardFilter): void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Shown while a filter is set and cases match; with no match the button sits by the message instead. */
  onClear?: () => void;
}) {
  const set = (patch: DashboardFilter) => onChange({ ...filter, ...patch });
  const active = isFiltered(filter);
  return (
    <form className="filters" role="search" aria-label="Filter cases" onSubmit={(e) => e.preventDefault()}>
      <label>
        Search
        <input
          ref={searchRef}
          type="search"
          value={filter.q ?? ''}
          maxLength={200}
          placeholder="Title, name, email or reference"
          onChange={(e) => set({ q: e.target.value || undefined })}
        />
      </label>
      <label>
        Status
        <select value={filter.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as CaseStatus | undefined })}>
          <option value="">Any status</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CASE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Country
        <select value={filter.country ?? ''} onChange={(e) => set({ country: e.target.value || undefined })}>
          <option value="">Any country</option>
          {countryOptions().map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
      </label>
      <label>
        Platform
        <select value={filter.platform ?? ''} onChange={(e) => set({ platform: (e.target.value || undefined) as DashboardFilter['platform'] })}>
          <option value="">Any platform</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      {active && onClear ? (
        <button type="button" className="clear-filters" onClick={onClear}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}

function CaseTable({ total, rowAt, need }: { total: number; rowAt(i: number): DashboardRow | undefined; need(i: number): void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = v.getVirtualItems();
  useEffect(() => {
    for (const it of items) if (!rowAt(it.index)) need(it.index);
  });
  const top = items[0]?.start ?? 0;
  const bottom = v.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="case-scroller" ref={scroller} tabIndex={0} role="region" aria-label="Case list, scrollable">
      <table className="cases" aria-rowcount={total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Title</th>
            <th scope="col">Name</th>
            <th scope="col">Platform</th>
            <th scope="col">Country</th>
            <th scope="col">Status</th>
            <th scope="col">Next deadline</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
          {items.map((it) => {
            const r = rowAt(it.index);
            if (!r) {
              return (
                <tr key={`loading-${it.index}`} aria-rowindex={it.index + 2} style={{ height: ROW_HEIGHT }}>
                  <td colSpan={7} className="hint">
                    Loading…
                  </td>
                </tr>
              );
            }
            return (
              <tr key={r.id} aria-rowindex={it.index + 2} className={`urgency-${r.urgency}`} style={{ height: ROW_HEIGHT }}>
                <td className="cell-title">
                  <a href={href('cases', r.id)} title={r.title}>
                    {r.title}
                  </a>
                </td>
                <td title={r.name}>{r.name}</td>
                <td>{PLATFORM_LABELS[r.platform]}</td>
                <td>
                  <abbr title={countryName(r.country)}>{r.country}</abbr>
                </td>
                <td className="cell-status">
                  <span className={`status status-${r.status}`}>{CASE_STATUS_LABELS[r.status]}</span>
                </td>
                <td className="cell-due">
                  {r.nextDue && r.nextKind ? (
                    <>
                      <span className="due-when">
                        {URGENCY_LABELS[r.urgency] ? <span className={`badge badge-${r.urgency}`}>{URGENCY_LABELS[r.urgency]}</span> : null}{' '}
                        <time dateTime={r.nextDue}>{shortDate(r.nextDue)}</time>
                      </span>{' '}
                      <span className="hint due-kind" title={DEADLINE_LABELS[r.nextKind]}>
                        {DEADLINE_LABELS[r.nextKind]}
                      </span>
                    </>
                  ) : (
                    <span className="hint">None</span>
                  )}
                </td>
                <td>
                  <time dateTime={r.createdAt}>{shortDate(r.createdAt.slice(0, 10))}</time>
                </td>
              </tr>
            );
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A case bundle from another computer or a colleague. The core checks every file against the bundle's manifest before
 * it writes anything; a bundle that fails is refused whole, with the entry that failed named.
 */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function ImportBundle() {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CaseBundleImported | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setDone(null);
    setError(null);
    if (file.size > MAX_BUNDLE_UPLOAD_BYTES) {
      setError(`${file.name} is over ${fileSize(MAX_BUNDLE_UPLOAD_BYTES)}, more than the app takes in one upload. Import it with the command line: redress case import ${file.name}`);
      return;
    }
    setBusy(true);
    try {
      const dataBase64 = await new Promise<string>((ok, fail) => {
        const r = new FileReader();
        r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''));
        r.onerror = () => fail(r.error ?? new Error('Could not read the file.'));
        r.readAsDataURL(file);
      });
      setDone(await invoke('cases.importBundle', { dataBase64, source: file.name.slice(0, 300) }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className="import-bundle">
      <label htmlFor="import-bundle">Import case bundle (.zip)</label>
      <input id="import-bundle" ref={input} type="file" accept=".zip,application/zip" disabled={busy} aria-describedby="import-bundle-hint" onChange={(e) => void pick(e.target.files?.[0])} />
      <p className="hint" id="import-bundle-hint">
        A case exported from Redress on another computer. Every file is checked against the bundle before anything is saved.
      </p>
      {busy || done ? (
        // Shown only while it has something to say: the dashboard's own summary is the page's status line.
        <p role="status" className="ok">
          {busy ? 'Checking and importing…' : null}
          {done ? (
            <>
              Imported <a href={href('cases', done.case.id)}>{done.case.title}</a>: {count(done.imported.evidence, 'evidence item', 'evidence items')}, {count(done.imported.events, 'event', 'events')},{' '}
              {count(done.imported.exports, 'exported letter', 'exported letters')}
              {done.renamed ? ' (it got a new id: a case with its id is already here)' : ''}.
            </>
          ) : null}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error import-error">
          Not imported: {error}
        </p>
      ) : null}
    </div>
  );
}
