import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { CASE_STATUSES, MAX_BUNDLE_UPLOAD_BYTES, PLATFORMS, PLATFORM_LABELS, type CaseBundleImported, type CaseStatus } from '../../../electron/core/contract';
import type { Dashboard, DashboardFilter, DashboardRow } from '../../../electron/core/contract/tracking';
import { invoke } from '../api';
import { href } from '../router';
import { countryName, countryOptions } from '../ui/countries';
import { download } from '../tracking/format';
import { COMING_UP_DAYS } from '../tracking/ReminderBanner';
import { fileSize, shortDate } from '../ui/dates';
import { errorText } from '../ui/errors';
import { deadlineLabel, statusLabel, urgencyLabel } from './labels';
import './case-list.css';

const PAGE = 200;
const isFiltered = (f: DashboardFilter) => Boolean(f.q || f.status || f.country || f.platform);
const ROW_HEIGHT = 46;

/**
 * The dashboard: overdue and due-this-week first, then the rest; filters and search. Rows are fetched a page at a
 * time as they scroll into view and only the visible ones are rendered, so 10,000 cases cost the same as 20.
 */
export function CaseList() {
  const { t } = useTranslation('cases');
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
  if (error) return <p role="alert" className="error">{t('list.loadError', { error })}</p>;
  if (!head) return <p aria-busy="true">{t('list.loading')}</p>;
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
        <h1 id="cases-title">{t('list.title')}</h1>
        {/* The counts are the reminder banner's (one core function, the same window); the filters narrow only the list. */}
        <p className="summary" role="status" data-late={head.overdue} data-soon={head.dueThisWeek}>
          <span className={head.overdue ? 'count-overdue' : ''}>{t('list.overdue', { count: head.overdue })}</span> ·{' '}
          <span className={head.dueThisWeek ? 'count-week' : ''}>{t('list.comingUp', { count: head.dueThisWeek, days: COMING_UP_DAYS })}</span> ·{' '}
          {filtered ? t('list.matching', { count: head.total }) : t('list.inAll', { count: head.total })}
        </p>
      </div>
      <p className="hint count-window">
        {t('list.countWindow', { days: COMING_UP_DAYS })}
      </p>
      <Filters filter={filter} onChange={setFilter} searchRef={search} onClear={head.total ? clearFilters : undefined} />
      <ExportButtons filter={filter} />
      {head.total ? (
        <CaseTable total={head.total} rowAt={rowAt} need={need} />
      ) : (
        <div className="no-match">
          <p>{t('list.noMatch')}</p>
          <button type="button" onClick={clearFilters}>
            {t('list.clearFilters')}
          </button>
        </div>
      )}
      <ImportBundle />
    </section>
  );
}

/** Exports run in the core and can take seconds for thousands of cases; the button says so while it works. */
function ExportButtons({ filter }: { filter: DashboardFilter }) {
  const { t } = useTranslation('cases');
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
        {busy === 'csv' ? t('export.csvBusy') : t('export.csv')}
      </button>
      <button type="button" disabled={busy !== null} onClick={() => void run('ics')}>
        {busy === 'ics' ? t('export.icsBusy') : t('export.ics')}
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
  const { t } = useTranslation('cases');
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title">{t('empty.title')}</h1>
      <p>{t('empty.text')}</p>
      <a className="button primary" href={href('new')}>
        {t('empty.start')}
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
  const { t } = useTranslation('cases');
  const set = (patch: DashboardFilter) => onChange({ ...filter, ...patch });
  const active = isFiltered(filter);
  return (
    <form className="filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('filters.search')}
        <input
          ref={searchRef}
          type="search"
          value={filter.q ?? ''}
          maxLength={200}
          placeholder={t('filters.searchPlaceholder')}
          onChange={(e) => set({ q: e.target.value || undefined })}
        />
      </label>
      <label>
        {t('filters.status')}
        <select value={filter.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as CaseStatus | undefined })}>
          <option value="">{t('filters.anyStatus')}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.country')}
        <select value={filter.country ?? ''} onChange={(e) => set({ country: e.target.value || undefined })}>
          <option value="">{t('filters.anyCountry')}</option>
          {countryOptions().map((c) => (
            <option key={c.code} value={c.code}>
              {t('filters.countryOption', { name: c.name, code: c.code })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.platform')}
        <select value={filter.platform ?? ''} onChange={(e) => set({ platform: (e.target.value || undefined) as DashboardFilter['platform'] })}>
          <option value="">{t('filters.anyPlatform')}</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p} translate="no">
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      {active && onClear ? (
        <button type="button" className="clear-filters" onClick={onClear}>
          {t('list.clearFilters')}
        </button>
      ) : null}
    </form>
  );
}

function CaseTable({ total, rowAt, need }: { total: number; rowAt(i: number): DashboardRow | undefined; need(i: number): void }) {
  const { t } = useTranslation('cases');
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = v.getVirtualItems();
  useEffect(() => {
    for (const it of items) if (!rowAt(it.index)) need(it.index);
  });
  const top = items[0]?.start ?? 0;
  const bottom = v.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="case-scroller" ref={scroller} tabIndex={0} role="region" aria-label={t('table.label')}>
      <table className="cases" aria-rowcount={total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('table.title')}</th>
            <th scope="col">{t('table.name')}</th>
            <th scope="col">{t('table.platform')}</th>
            <th scope="col">{t('table.country')}</th>
            <th scope="col">{t('table.status')}</th>
            <th scope="col">{t('table.nextDeadline')}</th>
            <th scope="col">{t('table.created')}</th>
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
                    {t('table.loading')}
                  </td>
                </tr>
              );
            }
            return (
              <tr key={r.id} aria-rowindex={it.index + 2} className={`urgency-${r.urgency}`} style={{ height: ROW_HEIGHT }}>
                <td className="cell-title" translate="no">
                  <a href={href('cases', r.id)} title={r.title}>
                    {r.title}
                  </a>
                </td>
                <td title={r.name} translate="no">
                  {r.name}
                </td>
                <td translate="no">{PLATFORM_LABELS[r.platform]}</td>
                <td>
                  <abbr title={countryName(r.country)} translate="no">
                    {r.country}
                  </abbr>
                </td>
                <td className="cell-status">
                  <span className={`status status-${r.status}`}>{statusLabel(r.status)}</span>
                </td>
                <td className="cell-due">
                  {r.nextDue && r.nextKind ? (
                    <>
                      <span className="due-when">
                        {urgencyLabel(r.urgency) ? <span className={`badge badge-${r.urgency}`}>{urgencyLabel(r.urgency)}</span> : null}{' '}
                        <time dateTime={r.nextDue}>{shortDate(r.nextDue)}</time>
                      </span>{' '}
                      <span className="hint due-kind" title={deadlineLabel(r.nextKind, PLATFORM_LABELS[r.platform])}>
                        {deadlineLabel(r.nextKind, PLATFORM_LABELS[r.platform])}
                      </span>
                    </>
                  ) : (
                    <span className="hint">{t('table.none')}</span>
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
function ImportBundle() {
  const { t } = useTranslation('cases');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CaseBundleImported | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setDone(null);
    setError(null);
    if (file.size > MAX_BUNDLE_UPLOAD_BYTES) {
      setError(t('import.tooBig', { file: file.name, size: fileSize(MAX_BUNDLE_UPLOAD_BYTES), command: `redress case import ${file.name}` }));
      return;
    }
    setBusy(true);
    try {
      const dataBase64 = await new Promise<string>((ok, fail) => {
        const r = new FileReader();
        r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''));
        r.onerror = () => fail(r.error ?? new Error(t('import.readError')));
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
      <label htmlFor="import-bundle">{t('import.label')}</label>
      <input id="import-bundle" ref={input} type="file" accept=".zip,application/zip" disabled={busy} aria-describedby="import-bundle-hint" onChange={(e) => void pick(e.target.files?.[0])} />
      <p className="hint" id="import-bundle-hint">
        {t('import.hint')}
      </p>
      {busy || done ? (
        // Shown only while it has something to say: the dashboard's own summary is the page's status line.
        <p role="status" className="ok">
          {busy ? t('import.busy') : null}
          {done ? (
            <Trans
              t={t}
              i18nKey={done.renamed ? 'import.doneRenamed' : 'import.done'}
              values={{
                title: done.case.title,
                evidence: t('count.evidenceItems', { count: done.imported.evidence }),
                events: t('count.events', { count: done.imported.events }),
                exports: t('count.exportedLetters', { count: done.imported.exports }),
              }}
              components={{ case: <a href={href('cases', done.case.id)} translate="no" /> }}
            />
          ) : null}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error import-error">
          {t('import.error', { error })}
        </p>
      ) : null}
    </div>
  );
}
