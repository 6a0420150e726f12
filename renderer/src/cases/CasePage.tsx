import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  CASE_STATUSES,
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
import { errorText, issueMessage } from '../ui/errors';
import { dateTime, fileSize } from '../ui/dates';
import { Field } from '../ui/Field';
import { catalogResolver } from '../ui/resolver';
import { NameParts } from '../ui/NameParts';
import { RegionOptions, regionFieldLabel } from '../ui/regions';
import { useAsync } from '../ui/useAsync';
import { JurisdictionSummary } from './JurisdictionSummary';
import { askRegion, useRegionFollowsCountry } from './case-form';
import { statusLabel } from './labels';
import './case-page.css';

const FOCUSED_SECTIONS = new Set(['evidence', 'compare', 'draft']);

export function CasePage({ id, section }: { id: string; section: string[] }) {
  const { t } = useTranslation('cases');
  const { data: c, error, reload } = useAsync(() => invoke('cases.get', { id }), [id]);
  const where = section.join('/');
  // A new view of the case starts at the top, where the member is looking.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [id, where]);
  if (error) {
    return (
      <section>
        <h1>{t('page.notFound')}</h1>
        <p role="alert" className="error">
          {error}
        </p>
        <a href={href()}>{t('page.back')}</a>
      </section>
    );
  }
  if (!c) return <p aria-busy="true">{t('page.loading')}</p>;
  if (FOCUSED_SECTIONS.has(section[0])) return <FocusedView case={c} section={section} onChange={reload} />;
  return <CaseOverview case={c} section={section} reload={reload} />;
}

/**
 * An evidence item, a comparison or a draft has the page to itself: the breadcrumb leads back to the case, and only
 * the panel that owns the view is shown, so it opens where the member is looking.
 */
function FocusedView({ case: c, section, onChange }: { case: Case; section: string[]; onChange(): void }) {
  const { t } = useTranslation('cases');
  return (
    <article aria-labelledby="case-title" className="case-page case-focused">
      <nav aria-label={t('page.breadcrumb')} className="breadcrumb">
        <a href={href()}>{t('page.cases')}</a> /{' '}
        <a href={href('cases', c.id)} translate="no">
          {c.title}
        </a>
      </nav>
      <h1 id="case-title" translate="no">
        {c.title}
      </h1>
      {section[0] === 'draft' ? <DraftPanel case={c} section={section} onChange={onChange} /> : <EvidencePanel case={c} section={section} onChange={onChange} />}
    </article>
  );
}

/** The case page: where the case stands and what to do next first, then its details, timeline, evidence and letters. */
function CaseOverview({ case: c, section, reload }: { case: Case; section: string[]; reload(): void }) {
  const { t: tr } = useTranslation('cases');
  const tracking = useAsync(() => invoke('tracking.get', { caseId: c.id }), [c.id, c.status, c.updatedAt]);
  const t = tracking.data;
  const changed = () => {
    reload();
    tracking.reload();
  };
  return (
    <article aria-labelledby="case-title" className="case-page">
      <p className="breadcrumb">
        <a href={href()}>{tr('page.cases')}</a> / <span translate="no">{c.title}</span>
      </p>
      <h1 id="case-title" translate="no">
        {c.title}
      </h1>
      <SectionNav />
      {tracking.error ? (
        <p role="alert" className="error">
          {tr('page.timelineError', { error: tracking.error })}
        </p>
      ) : !t ? (
        <p aria-busy="true">{tr('page.loadingTracking')}</p>
      ) : (
        <>
          <CaseSteps steps={t.steps} platform={PLATFORM_LABELS[c.platform]} />
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
  const { t } = useTranslation('cases');
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
  const place = c.region ? t('details.place', { country: countryName(c.country), region: regionName(c.region) ?? c.region }) : countryName(c.country);
  return (
    <section aria-labelledby="details-title" className="card case-details">
      <h2 id="details-title" className="disclosure">
        <button type="button" aria-expanded={open} aria-controls="case-details-body" onClick={toggle}>
          <span className="disclosure-mark" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>{' '}
          {t('details.title')}
        </button>
      </h2>
      {open ? null : (
        <p className="details-summary">
          <Trans
            t={t}
            i18nKey="details.summary"
            values={{ name: c.name, platform: PLATFORM_LABELS[c.platform], place, status: statusLabel(c.status) }}
            components={{ name: <span translate="no" /> }}
          />
        </p>
      )}
      <div id="case-details-body" hidden={!open}>
        <div className="case-grid">
          <div>
            <dl className="details">
              <dt>{t('details.member')}</dt>
              <dd translate="no">
                {c.name} &lt;{c.email}&gt;
              </dd>
              <dt>{t('details.platform')}</dt>
              <dd translate="no">{PLATFORM_LABELS[c.platform]}</dd>
              <dt>{t('details.country')}</dt>
              <dd>{t('filters.countryOption', { name: countryName(c.country), code: c.country })}</dd>
              <dt>{t('details.created')}</dt>
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
  const { t } = useTranslation('cases');
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
      setMessage({ kind: 'ok', text: t('details.statusSaved', { status: statusLabel(status) }) });
      props.onSaved();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
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
      <label htmlFor="case-status">{t('details.status')}</label>
      <div className="row">
        <select id="case-status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!changed || saving}>
          {saving ? t('details.saving') : t('details.saveStatus')}
        </button>
      </div>
      <label htmlFor="status-reason">{t('details.reason')}</label>
      <input id="status-reason" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      <p role="status" className={message?.kind === 'error' ? 'error' : 'ok'}>
        {message?.text}
      </p>
    </form>
  );
}

const SECTIONS = [
  { target: 'next-step', label: 'nextStep' },
  { target: 'timeline-title', label: 'timeline' },
  { target: 'evidence-title', label: 'evidence' },
  { target: 'drafts-title', label: 'letters' },
  { target: 'owner-title', label: 'owner' },
] as const;

/** Jumps within the case page, focus included. Buttons, not #anchors: the hash is the router's. */
function SectionNav() {
  const { t } = useTranslation('cases');
  const jump = (id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  return (
    <nav aria-label={t('page.sectionsLabel')} className="section-nav">
      {SECTIONS.map((s) => (
        <button key={s.target} type="button" className="link-button" onClick={() => jump(s.target)}>
          {t(`page.sections.${s.label}`)}
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
  const { t } = useTranslation('cases');
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
      <h2 id="owner-title">{t('owner.title')}</h2>
      <p className="hint">{t('owner.hint')}</p>
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
          {t('owner.edit')}
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
          {t('owner.delete')}
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
            close('edit', t('owner.saved'));
          }}
        />
      ) : null}
      {open === 'delete' ? <DeleteCase case={c} onCancel={() => close('delete')} /> : null}
    </section>
  );
}

function EditCaseForm(props: { case: Case; onCancel(): void; onSaved(): void }) {
  const { t } = useTranslation('cases');
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
    resolver: catalogResolver(EditSchema),
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
        for (const issue of err.issues) setError(issue.path as keyof EditIn, { message: issueMessage(issue) });
      } else setServerError(errorText(err));
    }
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-labelledby="edit-case-title" className="owner-form">
      <h3 id="edit-case-title" tabIndex={-1} ref={heading}>
        {t('owner.edit')}
      </h3>
      <Field label={t('form.title')} name="edit-title" error={errors.title?.message}>
        <input {...register('title')} maxLength={200} />
      </Field>
      <Field label={t('form.name')} name="edit-name" error={errors.name?.message}>
        <input {...register('name')} autoComplete="name" maxLength={200} />
      </Field>
      <NameParts
        prefix="edit"
        given={register('givenName', { setValueAs: clearedToNull })}
        family={register('familyName', { setValueAs: clearedToNull })}
        givenError={errors.givenName?.message}
        familyError={errors.familyName?.message}
      />
      <Field label={t('form.email')} name="edit-email" error={errors.email?.message}>
        <input {...register('email')} type="email" autoComplete="email" maxLength={254} />
      </Field>
      <Field label={t('form.country')} name="edit-country" error={errors.country?.message}>
        <select {...register('country')}>
          {countryOptions().map((o) => (
            <option key={o.code} value={o.code}>
              {t('filters.countryOption', { name: o.name, code: o.code })}
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
      <Field label={t('form.platform')} name="edit-platform" error={errors.platform?.message}>
        <select {...register('platform')}>
          {PLATFORMS.map((p) => (
            <option key={p} value={p} translate="no">
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
          {isSubmitting ? t('form.saving') : t('form.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The button sits in the row of actions; what it has to say goes below the row (`onNote`). */
function ExportBundleButton({ id, onNote: setNote }: { id: string; onNote(note: { ok: boolean; text: string } | null): void }) {
  const { t } = useTranslation('cases');
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
      setNote({
        ok: true,
        text: t('owner.bundleSaved', {
          file: r.filename,
          size: fileSize(r.size),
          evidence: t('count.evidenceFiles', { count: r.evidenceFiles }),
          exports: t('count.exportedLetters', { count: r.exportFiles }),
        }),
      });
    } catch (err) {
      setNote({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" disabled={busy} onClick={() => void run()}>
      {busy ? t('owner.bundleBusy') : t('owner.bundle')}
    </button>
  );
}

/**
 * The confirmation names what goes. Focus moves to its heading, not to a button, and the delete button sits after
 * "Keep the case", so the Enter that opened it cannot delete on a second press.
 */
function DeleteCase({ case: c, onCancel }: { case: Case; onCancel(): void }) {
  const { t } = useTranslation('cases');
  const heading = useRef<HTMLHeadingElement>(null);
  const [counts, setCounts] = useState<{ events: number; evidence: number; exports: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    heading.current?.focus();
    Promise.all([invoke('tracking.get', { caseId: c.id }), invoke('evidence.list', { caseId: c.id }), invoke('drafting.exports', { caseId: c.id })]).then(
      ([t, e, x]) => setCounts({ events: t.events.length, evidence: e.length, exports: x.length }),
      (err: unknown) => setError(errorText(err)),
    );
  }, [c.id]);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await invoke('cases.delete', { id: c.id, confirm: true });
      navigate();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <div role="group" aria-labelledby="delete-case-title" className="owner-form">
      <h3 id="delete-case-title" tabIndex={-1} ref={heading}>
        <Trans t={t} i18nKey="delete.title" values={{ title: c.title }} components={{ title: <span translate="no" /> }} />
      </h3>
      <p>{t('delete.intro')}</p>
      {counts ? (
        <ul>
          <li>{t('delete.events', { count: counts.events })}</li>
          <li>{t('delete.evidence', { count: counts.evidence })}</li>
          <li>{t('delete.exports', { count: counts.exports })}</li>
          <li>{t('delete.log')}</li>
        </ul>
      ) : (
        <p aria-busy="true">{t('delete.counting')}</p>
      )}
      <p className="hint">{t('delete.hint')}</p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('delete.keep')}
        </button>
        <button type="button" className="danger" disabled={busy || !counts} onClick={() => void remove()}>
          {busy ? t('delete.deleting') : t('delete.confirm')}
        </button>
      </div>
    </div>
  );
}
