import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { PLATFORMS, PLATFORM_LABELS, REGIONS } from '../../../electron/core/contract';
import type { WatchCheck, WatchedDocument } from '../../../electron/core/contract/watch';
import { ApiCallError, invoke } from '../api';
import { focusCaseHeading, NewCaseSchema, useRegionFollowsCountry, type NewCaseIn as FormIn, type NewCaseOut as FormOut } from '../cases/case-form';
import { href, navigate } from '../router';
import { countryOptions } from '../ui/countries';
import { shortDate } from '../ui/dates';
import { Field } from '../ui/Field';
import { RegionOptions, regionFieldLabel } from '../ui/regions';
import { useAsync } from '../ui/useAsync';
import { docLabel, watchChanged } from './format';

const EVIDENCE_NOTE = 'Three items go into the case as evidence: the earlier text, the new text, and the list of added and removed sentences, each with when it was fetched and its fingerprint (hash).';

/** Adds the change to a case the user already has; afterwards, a link to that case's evidence. */
export function AddToCase(props: { change: WatchCheck; name: string; onClose(): void }) {
  const cases = useAsync(() => invoke('cases.list', {}), []);
  const [caseId, setCaseId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; title: string } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const base = `add-${props.change.checkId}`;
  useEffect(() => box.current?.focus(), []);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const add = async () => {
    setError(null);
    if (!caseId) {
      setError('Choose the case to add the change to.');
      return;
    }
    setBusy(true);
    try {
      const out = await invoke('watch.toCase', { checkId: props.change.checkId, caseId });
      setDone({ id: out.caseId, title: cases.data?.find((c) => c.id === out.caseId)?.title ?? out.caseId });
      watchChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="watch-panel" role="group" aria-labelledby={`${base}-title`} tabIndex={-1} ref={box}>
      <h6 id={`${base}-title`}>Add the {props.name} to a case</h6>
      {done ? (
        <p className="ok" tabIndex={-1} ref={doneRef} role="status">
          Added to “{done.title}” as three evidence items. <a href={href('cases', done.id)}>Open the case and its evidence</a>
        </p>
      ) : (
        <>
          <p className="hint">{EVIDENCE_NOTE}</p>
          {cases.error ? <p role="alert" className="error">Could not load your cases: {cases.error}</p> : null}
          {cases.data && !cases.data.length ? <p>You have no case yet: start one from this change instead.</p> : null}
          {cases.data?.length ? (
            <div className="field">
              <label htmlFor={`${base}-case`}>Case</label>
              <select id={`${base}-case`} value={caseId} onChange={(e) => setCaseId(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${base}-error` : undefined}>
                <option value="">Choose a case…</option>
                {cases.data.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {error ? (
            <p role="alert" className="error" id={`${base}-error`}>
              {error}
            </p>
          ) : null}
          <div className="actions">
            {cases.data?.length ? (
              <button type="button" className="primary" onClick={add} disabled={busy}>
                {busy ? 'Adding…' : 'Add to this case'}
              </button>
            ) : null}
            <button type="button" onClick={props.onClose} disabled={busy}>
              Cancel
            </button>
          </div>
        </>
      )}
    </div>
  );
}

type CasePlatform = (typeof PLATFORMS)[number];

/** Starts a case from the change: the member's details, then the case page with the three evidence items. */
export function StartCase(props: { change: WatchCheck; doc: WatchedDocument; name: string; onClose(): void }) {
  const base = `new-${props.change.checkId}`;
  const platform: CasePlatform = (PLATFORMS as readonly string[]).includes(props.doc.platformId ?? '') ? (props.doc.platformId as CasePlatform) : PLATFORMS[0];
  const [serverError, setServerError] = useState<string | null>(null);
  const box = useRef<HTMLFormElement>(null);
  useEffect(() => box.current?.focus(), []);
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(NewCaseSchema),
    defaultValues: {
      title: `${docLabel(props.doc)}: change of ${shortDate(props.change.checkedAt)}`.slice(0, 200),
      platform,
      name: '',
      email: '',
      country: '',
      region: '',
    },
  });
  const country = watch('country');
  const region = watch('region');
  useRegionFollowsCountry(country, region, useCallback(() => setValue('region', ''), [setValue]));

  const onSubmit = async (values: FormOut) => {
    setServerError(null);
    try {
      const { region: chosen, ...rest } = values;
      const out = await invoke('watch.toCase', { checkId: props.change.checkId, newCase: { ...rest, ...(chosen ? { region: chosen } : {}) } });
      watchChanged();
      navigate('cases', out.caseId);
      focusCaseHeading(window.location.hash);
    } catch (err) {
      if (err instanceof ApiCallError && err.issues?.length) {
        for (const issue of err.issues) {
          const key = issue.path[issue.path[0] === 'newCase' ? 1 : 0];
          if (typeof key === 'string' && key in (values as object)) setError(key as keyof FormIn, { message: issue.message });
          else setServerError(issue.message);
        }
      } else setServerError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form className="watch-panel" aria-labelledby={`${base}-title`} tabIndex={-1} ref={box} onSubmit={handleSubmit(onSubmit)} noValidate>
      <h6 id={`${base}-title`}>Start a case from the {props.name}</h6>
      <p className="hint">{EVIDENCE_NOTE}</p>
      <Field label="Title" name={`${base}-title-input`} error={errors.title?.message} hint="A name for the case, for your own list.">
        <input {...register('title')} maxLength={200} />
      </Field>
      <Field label="Platform" name={`${base}-platform`} error={errors.platform?.message}>
        <select {...register('platform')}>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Your full name" name={`${base}-name`} error={errors.name?.message} hint="As it appears on your account; used in letters and forms.">
        <input {...register('name')} autoComplete="name" maxLength={200} />
      </Field>
      <Field label="Email of your account" name={`${base}-email`} error={errors.email?.message}>
        <input {...register('email')} type="email" autoComplete="email" maxLength={254} />
      </Field>
      <Field label="Country where you live" name={`${base}-country`} error={errors.country?.message} hint="Decides which law applies and which regulator you can turn to.">
        <select {...register('country')}>
          <option value="">Choose a country…</option>
          {countryOptions().map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
      </Field>
      {country && REGIONS[country] ? (
        <Field label={regionFieldLabel(country)} name={`${base}-region`} error={errors.region?.message}>
          <select {...register('region')}>
            <RegionOptions country={country} />
          </select>
        </Field>
      ) : null}
      {serverError ? (
        <p role="alert" className="error">
          {serverError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Starting the case…' : 'Start the case'}
        </button>
        <button type="button" onClick={props.onClose} disabled={isSubmitting}>
          Cancel
        </button>
      </div>
    </form>
  );
}
