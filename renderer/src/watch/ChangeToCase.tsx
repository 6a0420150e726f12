import { catalogResolver } from '../ui/resolver';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { PLATFORMS, PLATFORM_LABELS, REGIONS } from '../../../electron/core/contract';
import type { WatchCheck, WatchedDocument } from '../../../electron/core/contract/watch';
import { ApiCallError, invoke } from '../api';
import { focusCaseHeading, NewCaseSchema, useRegionFollowsCountry, type NewCaseIn as FormIn, type NewCaseOut as FormOut } from '../cases/case-form';
import { href, navigate } from '../router';
import { countryOptions } from '../ui/countries';
import { shortDate } from '../ui/dates';
import { errorText, issueMessage, issueText } from '../ui/errors';
import { Field } from '../ui/Field';
import { RegionOptions, regionFieldLabel } from '../ui/regions';
import { useAsync } from '../ui/useAsync';
import { docLabel, watchChanged } from './format';

/** Adds the change to a case the user already has; afterwards, a link to that case's evidence. */
export function AddToCase(props: { change: WatchCheck; doc: string; when: string; onClose(): void }) {
  const { t } = useTranslation('watch');
  const cases = useAsync(() => invoke('cases.list', {}), []);
  const [caseId, setCaseId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; title: string; items: number } | null>(null);
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
      setError(t('toCase.chooseCaseError'));
      return;
    }
    setBusy(true);
    try {
      const out = await invoke('watch.toCase', { checkId: props.change.checkId, caseId });
      setDone({ id: out.caseId, title: cases.data?.find((c) => c.id === out.caseId)?.title ?? out.caseId, items: out.evidence.length });
      watchChanged();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="watch-panel" role="group" aria-labelledby={`${base}-title`} tabIndex={-1} ref={box}>
      <h6 id={`${base}-title`}>{t('toCase.addTitle', { doc: props.doc, when: props.when })}</h6>
      {done ? (
        <p className="ok" tabIndex={-1} ref={doneRef} role="status">
          <Trans t={t} i18nKey="toCase.added" count={done.items} values={{ title: done.title }} components={[<span translate="no" />, <a href={href('cases', done.id)} />]} />
        </p>
      ) : (
        <>
          <p className="hint">{t('toCase.evidenceNote')}</p>
          {cases.error ? (
            <p role="alert" className="error">
              {t('toCase.casesError', { error: cases.error })}
            </p>
          ) : null}
          {cases.data && !cases.data.length ? <p>{t('toCase.noCases')}</p> : null}
          {cases.data?.length ? (
            <div className="field">
              <label htmlFor={`${base}-case`}>{t('toCase.case')}</label>
              <select id={`${base}-case`} value={caseId} onChange={(e) => setCaseId(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${base}-error` : undefined}>
                <option value="">{t('toCase.chooseCase')}</option>
                {cases.data.map((c) => (
                  <option key={c.id} value={c.id} translate="no">
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
                {busy ? t('toCase.adding') : t('toCase.addToThis')}
              </button>
            ) : null}
            <button type="button" onClick={props.onClose} disabled={busy}>
              {t('toCase.cancel')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

type CasePlatform = (typeof PLATFORMS)[number];

/** Starts a case from the change: the member's details, then the case page with the three evidence items. */
export function StartCase(props: { change: WatchCheck; doc: WatchedDocument; when: string; onClose(): void }) {
  const { t } = useTranslation('watch');
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
    resolver: catalogResolver(NewCaseSchema),
    defaultValues: {
      title: t('toCase.defaultTitle', { doc: docLabel(props.doc), date: shortDate(props.change.checkedAt) }).slice(0, 200),
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
          if (typeof key === 'string' && key in (values as object)) setError(key as keyof FormIn, { message: issueMessage(issue) });
          else setServerError(issueText(issue));
        }
      } else setServerError(errorText(err));
    }
  };

  return (
    <form className="watch-panel" aria-labelledby={`${base}-title`} tabIndex={-1} ref={box} onSubmit={handleSubmit(onSubmit)} noValidate>
      <h6 id={`${base}-title`}>{t('toCase.startTitle', { doc: docLabel(props.doc), when: props.when })}</h6>
      <p className="hint">{t('toCase.evidenceNote')}</p>
      <Field label={t('toCase.title')} name={`${base}-title-input`} error={errors.title?.message} hint={t('toCase.titleHint')}>
        <input {...register('title')} maxLength={200} />
      </Field>
      <Field label={t('toCase.platform')} name={`${base}-platform`} error={errors.platform?.message}>
        <select {...register('platform')}>
          {PLATFORMS.map((p) => (
            <option key={p} value={p} translate="no">
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('toCase.name')} name={`${base}-name`} error={errors.name?.message} hint={t('toCase.nameHint')}>
        <input {...register('name')} autoComplete="name" maxLength={200} />
      </Field>
      <Field label={t('toCase.email')} name={`${base}-email`} error={errors.email?.message}>
        <input {...register('email')} type="email" autoComplete="email" maxLength={254} />
      </Field>
      <Field label={t('toCase.country')} name={`${base}-country`} error={errors.country?.message} hint={t('toCase.countryHint')}>
        <select {...register('country')}>
          <option value="">{t('toCase.chooseCountry')}</option>
          {countryOptions().map((c) => (
            <option key={c.code} value={c.code}>
              {t('toCase.countryOption', { name: c.name, code: c.code })}
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
          {isSubmitting ? t('toCase.starting') : t('toCase.start')}
        </button>
        <button type="button" onClick={props.onClose} disabled={isSubmitting}>
          {t('toCase.cancel')}
        </button>
      </div>
    </form>
  );
}
