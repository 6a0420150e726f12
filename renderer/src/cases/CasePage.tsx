import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CaseUpdateInput,
  PLATFORMS,
  PLATFORM_LABELS,
  REGIONS,
  regionName,
  type Case,
  type CaseStatus,
} from '../../../electron/core/contract';
import { ApiCallError, invoke } from '../api';
import { DraftPanel } from '../drafting/DraftPanel';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { href, navigate } from '../router';
import { CaseSteps, NextStepBox, TimelinePanel } from '../tracking/TimelinePanel';
import { countryName, countryOptions } from '../ui/countries';
import { dateTime, fileSize } from '../ui/dates';
import { Field } from '../ui/Field';
import { NameParts } from '../ui/NameParts';
import { RegionOptions, regionFieldLabel } from '../ui/regions';
import { useAsync } from '../ui/useAsync';
import { JurisdictionSummary } from './JurisdictionSummary';
import { askRegion, useRegionFollowsCountry } from './case-form';
import './case-page.css';

const FOCUSED_SECTIONS = new Set(['evidence', 'compare', 'draft']);

export function CasePage({ id, section }: { id: string; section: string[] }) {
  const { data: c, error, reload } = useAsync(() => invoke('cases.get', { id }), [id]);
  const where = section.join('/');
  // A new view of the case starts at the top, where the member is looking.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [id, where]);
  if (error) {
    return (
      <section>
        <h1>Case not found</h1>
        <p role="alert" className="error">
          {error}
        </p>
        <a href={href()}>Back to cases</a>
      </section>
    );
  }
  if (!c) return <p aria-busy="true">Loading case…</p>;
  if (FOCUSED_SECTIONS.has(section[0])) return <FocusedView case={c} section={section} onChange={reload} />;
  return <CaseOverview case={c} section={section} reload={reload} />;
}

/**
 * An evidence item, a comparison or a draft has the page to itself: the breadcrumb leads back to the case, and only
 * the panel that owns the view is shown, so it opens where the member is looking.
 */
function FocusedView({ case: c, section, onChange }: { case: Case; section: string[]; onChange(): void }) {
  return (
    <article aria-labelledby="case-title" className="case-page case-focused">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href={href()}>Cases</a> / <a href={href('cases', c.id)}>{c.title}</a>
      </nav>
      <h1 id="case-title">{c.title}</h1>
      {section[0] === 'draft' ? <DraftPanel case={c} section={section} onChange={onChange} /> : <EvidencePanel case={c} section={section} onChange={onChange} />}
    </article>
  );
}

/** The case page: where the case stands and what to do next first, then its details, timeline, evidence and letters. */
function CaseOverview({ case: c, section, reload }: { case: Case; section: string[]; reload(): void }) {
  const tracking = useAsync(() => invoke('tracking.get', { caseId: c.id }), [c.id, c.status, c.updatedAt]);
  const t = tracking.data;
  const changed = () => {
    reload();
    tracking.reload();
  };
  return (
    <article aria-labelledby="case-title" className="case-page">
      <p className="breadcrumb">
        <a href={href()}>Cases</a> / {c.title}
      </p>
      <h1 id="case-title">{c.title}</h1>
      <SectionNav />
      {tracking.error ? (
        <p role="alert" className="error">
          Could not load the timeline: {tracking.error}
        </p>
      ) : !t ? (
        <p aria-busy="true">Loading where the case stands…</p>
      ) : (
        <>
          <CaseSteps steps={t.steps} />
          <NextStepBox t={t} />
          <CaseDetails case={c} hasRequest={t.events.some((e) => e.type === 'request_sent')} onSaved={changed} />
          <TimelinePanel case={c} tracking={t} onChange={changed} />
        </>
      )}
      <EvidencePanel case={c} section={section} onChange={changed} />
      <DraftPanel case={c} section={section} onChange={changed} />
      <CaseOwner case={c} onSaved={changed} />
    </article>
  );
}

const detailsKey = (id: string) => `redress:case-details-open:${id}`;

function readChoice(id: string): boolean | null {
  try {
    const v = window.localStorage.getItem(detailsKey(id));
    return v === null ? null : v === '1';
  } catch {
    return null;
  }
}

/**
 * The case's details and what applies where the member lives: read once, then folded away. Open until the first
 * request is recorded, folded after; the member's own choice, once made, is remembered for the case.
 */
function CaseDetails({ case: c, hasRequest, onSaved }: { case: Case; hasRequest: boolean; onSaved(): void }) {
  const [open, setOpen] = useState(() => readChoice(c.id) ?? !hasRequest);
  const toggle = () => {
    const next = !open;
    setOpen(next);
    try {
      window.localStorage.setItem(detailsKey(c.id), next ? '1' : '0');
    } catch {
      // storage refused (private mode): the choice lasts for this visit
    }
  };
  const place = c.region ? `${countryName(c.country)}, ${regionName(c.region) ?? c.region}` : countryName(c.country);
  return (
    <section aria-labelledby="details-title" className="card case-details">
      <h2 id="details-title" className="disclosure">
        <button type="button" aria-expanded={open} aria-controls="case-details-body" onClick={toggle}>
          <span className="disclosure-mark" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>{' '}
          Details
        </button>
      </h2>
      {open ? null : (
        <p className="details-summary">
          {c.name} · {PLATFORM_LABELS[c.platform]} · {place} · Status: {CASE_STATUS_LABELS[c.status]}
        </p>
      )}
      <div id="case-details-body" hidden={!open}>
        <div className="case-grid">
          <div>
            <dl className="details">
              <dt>Member</dt>
              <dd>
                {c.name} &lt;{c.email}&gt;
              </dd>
              <dt>Platform</dt>
              <dd>{PLATFORM_LABELS[c.platform]}</dd>
              <dt>Country</dt>
              <dd>
                {countryName(c.country)} ({c.country})
              </dd>
              <dt>Created</dt>
              <dd>
                <time dateTime={c.createdAt}>{dateTime(c.createdAt)}</time>
              </dd>
            </dl>
            <StatusControl id={c.id} status={c.status} reason={c.statusReason} onSaved={onSaved} />
          </div>
          <JurisdictionSummary country={c.country} region={c.region} platform={c.platform} caseId={c.id} onRegionSaved={onSaved} headingLevel={3} />
        </div>
      </div>
    </section>
  );
}

function StatusControl(props: { id: string; status: CaseStatus; reason: string | null; onSaved(): void }) {
  const [status, setStatus] = useState<CaseStatus>(props.status);
  const [reason, setReason] = useState(props.reason ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // Events can move the status (tracking); follow it when the case reloads.
  useEffect(() => {
    setStatus(props.status);
    setReason(props.reason ?? '');
  }, [props.status, props.reason]);
  const changed = status !== props.status || reason !== (props.reason ?? '');

  const save = async () => {
    setSaving(true);
    setMessage(null);
    try {
      await invoke('cases.setStatus', { id: props.id, status, reason: reason || undefined });
      setMessage({ kind: 'ok', text: `Status saved: ${CASE_STATUS_LABELS[status]}.` });
      props.onSaved();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="status-control"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="case-status">Status</label>
      <div className="row">
        <select id="case-status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CASE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!changed || saving}>
          {saving ? 'Saving…' : 'Save status'}
        </button>
      </div>
      <label htmlFor="status-reason">Reason (optional)</label>
      <input id="status-reason" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      <p role="status" className={message?.kind === 'error' ? 'error' : 'ok'}>
        {message?.text}
      </p>
    </form>
  );
}

const SECTIONS = [
  { target: 'next-step', label: 'Next step' },
  { target: 'timeline-title', label: 'Timeline' },
  { target: 'evidence-title', label: 'Evidence' },
  { target: 'drafts-title', label: 'Letters' },
  { target: 'owner-title', label: 'This case' },
];

/** Jumps within the case page, focus included. Buttons, not #anchors: the hash is the router's. */
function SectionNav() {
  const jump = (id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  return (
    <nav aria-label="On this page" className="section-nav">
      {SECTIONS.map((s) => (
        <button key={s.target} type="button" className="link-button" onClick={() => jump(s.target)}>
          {s.label}
        </button>
      ))}
    </nav>
  );
}

// ---- The case is the member's: edit it, carry it (bundle), forget it. ----

const EditSchema = CaseUpdateInput.omit({ id: true }).superRefine(askRegion);
type EditIn = z.input<typeof EditSchema>;
/** An emptied name field removes the name part (null), so forms fall back to the full name. */
const clearedToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
type EditOut = z.output<typeof EditSchema>;

function CaseOwner({ case: c, onSaved }: { case: Case; onSaved(): void }) {
  const [open, setOpen] = useState<'edit' | 'delete' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // Focus returns to the button that opened the form, so keyboard users stay where they were.
  const close = (from: 'edit' | 'delete', text?: string) => {
    setOpen(null);
    if (text) setMessage(text);
    requestAnimationFrame(() => (from === 'edit' ? editButton : deleteButton).current?.focus());
  };
  return (
    <section aria-labelledby="owner-title" className="card">
      <h2 id="owner-title">This case</h2>
      <p className="hint">Change what the case says about you, take it to another computer or a colleague, or delete it.</p>
      <div className="actions">
        <button
          type="button"
          ref={editButton}
          aria-expanded={open === 'edit'}
          onClick={() => {
            setMessage(null);
            setNote(null);
            setOpen(open === 'edit' ? null : 'edit');
          }}
        >
          Edit case
        </button>
        <ExportBundleButton id={c.id} onNote={setNote} />
        <button
          type="button"
          className="danger"
          ref={deleteButton}
          aria-expanded={open === 'delete'}
          onClick={() => {
            setMessage(null);
            setNote(null);
            setOpen(open === 'delete' ? null : 'delete');
          }}
        >
          Delete case…
        </button>
      </div>
      {message ? (
        <p role="status" className="ok">
          {message}
        </p>
      ) : null}
      {note ? (
        <p role={note.ok ? 'status' : 'alert'} className={note.ok ? 'ok' : 'error'}>
          {note.text}
        </p>
      ) : null}
      {open === 'edit' ? (
        <EditCaseForm
          case={c}
          onCancel={() => close('edit')}
          onSaved={() => {
            onSaved();
            close('edit', 'Case saved. The change is in the custody log.');
          }}
        />
      ) : null}
      {open === 'delete' ? <DeleteCase case={c} onCancel={() => close('delete')} /> : null}
    </section>
  );
}

function EditCaseForm(props: { case: Case; onCancel(): void; onSaved(): void }) {
  const c = props.case;
  const [serverError, setServerError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditIn, unknown, EditOut>({
    resolver: zodResolver(EditSchema),
    defaultValues: { title: c.title, name: c.name, givenName: c.givenName, familyName: c.familyName, email: c.email, country: c.country, region: c.region ?? '', platform: c.platform },
  });
  const country = watch('country') ?? '';
  const region = watch('region');
  const regions = country ? REGIONS[country] : undefined;
  useRegionFollowsCountry(country, region, useCallback(() => setValue('region', ''), [setValue]));

  const onSubmit = async (v: EditOut) => {
    setServerError(null);
    try {
      await invoke('cases.update', { id: c.id, ...v, region: v.region ? v.region : null });
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiCallError && err.issues) {
        for (const issue of err.issues) setError(issue.path as keyof EditIn, { message: issue.message });
      } else setServerError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-labelledby="edit-case-title" className="owner-form">
      <h3 id="edit-case-title" tabIndex={-1} ref={heading}>
        Edit case
      </h3>
      <Field label="Title" name="edit-title" error={errors.title?.message}>
        <input {...register('title')} maxLength={200} />
      </Field>
      <Field label="Your full name" name="edit-name" error={errors.name?.message}>
        <input {...register('name')} autoComplete="name" maxLength={200} />
      </Field>
      <NameParts
        prefix="edit"
        given={register('givenName', { setValueAs: clearedToNull })}
        family={register('familyName', { setValueAs: clearedToNull })}
        givenError={errors.givenName?.message}
        familyError={errors.familyName?.message}
      />
      <Field label="Email of your account" name="edit-email" error={errors.email?.message}>
        <input {...register('email')} type="email" autoComplete="email" maxLength={254} />
      </Field>
      <Field label="Country where you live" name="edit-country" error={errors.country?.message}>
        <select {...register('country')}>
          {countryOptions().map((o) => (
            <option key={o.code} value={o.code}>
              {o.name} ({o.code})
            </option>
          ))}
        </select>
      </Field>
      {regions ? (
        <Field label={regionFieldLabel(country)} name="edit-region" error={errors.region?.message}>
          <select {...register('region')}>
            <RegionOptions country={country} />
          </select>
        </Field>
      ) : null}
      <Field label="Platform" name="edit-platform" error={errors.platform?.message}>
        <select {...register('platform')}>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
      </Field>
      {serverError ? (
        <p role="alert" className="error">
          {serverError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The button sits in the row of actions; what it has to say goes below the row (`onNote`). */
function ExportBundleButton({ id, onNote: setNote }: { id: string; onNote(note: { ok: boolean; text: string } | null): void }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setNote(null);
    try {
      const r = await invoke('cases.exportBundle', { id });
      const bytes = Uint8Array.from(atob(r.dataBase64 ?? ''), (ch) => ch.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
      setNote({
        ok: true,
        text: `Bundle saved as ${r.filename} (${fileSize(r.size)}: ${n(r.evidenceFiles, 'evidence file', 'evidence files')}, ${n(r.exportFiles, 'exported letter', 'exported letters')}, the custody log).`,
      });
    } catch (err) {
      setNote({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" disabled={busy} onClick={() => void run()}>
      {busy ? 'Preparing bundle…' : 'Export case bundle'}
    </button>
  );
}

/**
 * The confirmation names what goes. Focus moves to its heading, not to a button, and the delete button sits after
 * "Keep the case", so the Enter that opened it cannot delete on a second press.
 */
function DeleteCase({ case: c, onCancel }: { case: Case; onCancel(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [counts, setCounts] = useState<{ events: number; evidence: number; exports: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    heading.current?.focus();
    Promise.all([invoke('tracking.get', { caseId: c.id }), invoke('evidence.list', { caseId: c.id }), invoke('drafting.exports', { caseId: c.id })]).then(
      ([t, e, x]) => setCounts({ events: t.events.length, evidence: e.length, exports: x.length }),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [c.id]);
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await invoke('cases.delete', { id: c.id, confirm: true });
      navigate();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <div role="group" aria-labelledby="delete-case-title" className="owner-form">
      <h3 id="delete-case-title" tabIndex={-1} ref={heading}>
        Delete “{c.title}”?
      </h3>
      <p>This removes the case from this computer for good, with:</p>
      {counts ? (
        <ul>
          <li>{n(counts.events, 'event', 'events')} on its timeline</li>
          <li>{n(counts.evidence, 'evidence item', 'evidence items')} and their files (a file another case also holds stays for that case)</li>
          <li>{n(counts.exports, 'exported letter', 'exported letters')}, and the saved drafts</li>
          <li>its custody log</li>
        </ul>
      ) : (
        <p aria-busy="true">Counting what it holds…</p>
      )}
      <p className="hint">To keep a copy, export the case bundle first.</p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Keep the case
        </button>
        <button type="button" className="danger" disabled={busy || !counts} onClick={() => void remove()}>
          {busy ? 'Deleting…' : 'Delete this case and its files'}
        </button>
      </div>
    </div>
  );
}
