import { catalogResolver } from '../ui/resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  EvidenceCaptureInput,
  LINKEDIN_AI_SETTING_URL,
  LINKEDIN_POLICY_URLS,
  type CapturerInfo,
} from '../../../electron/core/contract/evidence';
import { invoke } from '../api';
import { href, navigate } from '../router';
import { Field } from '../ui/Field';
import { errorText } from './format';

type FormIn = z.input<typeof EvidenceCaptureInput>;
type FormOut = z.output<typeof EvidenceCaptureInput>;

/** One capture form; `purpose` decides the button, the suggested addresses and where the result opens. */
function CaptureForm(props: { caseId: string; purpose: 'setting' | 'page'; interactive: boolean; onDone(): void }) {
  const { t } = useTranslation('evidence');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error' | 'busy'; text: string; id?: string; title?: string } | null>(null);
  const setting = props.purpose === 'setting';
  const { register, handleSubmit, setValue, getValues, formState } = useForm<FormIn, unknown, FormOut>({
    resolver: catalogResolver(EvidenceCaptureInput),
    defaultValues: { caseId: props.caseId, purpose: props.purpose, url: setting ? LINKEDIN_AI_SETTING_URL : LINKEDIN_POLICY_URLS[0].url },
  });
  const onSubmit = async (values: FormOut) => {
    setStatus({ kind: 'busy', text: t('capture.busy') });
    try {
      const r = await invoke('evidence.capture', values);
      setStatus({ kind: 'ok', text: t('capture.done', { title: r.title || r.finalUrl }), id: r.id, title: r.title || r.finalUrl });
      props.onDone();
      if (setting) navigate('cases', props.caseId, 'evidence', r.id);
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };
  const name = setting ? 'setting-url' : 'page-url';
  return (
    <form className="evidence-capture" onSubmit={handleSubmit(onSubmit)} noValidate aria-label={setting ? t('capture.submitSetting') : t('capture.submitPage')}>
      <h3>{setting ? t('capture.headingSetting') : t('capture.headingPage')}</h3>
      {!setting ? (
        <div className="field">
          <label htmlFor="policy-suggestion">{t('capture.suggestions')}</label>
          <select
            id="policy-suggestion"
            onChange={(e) => setValue('url', e.target.value, { shouldValidate: true })}
            defaultValue={LINKEDIN_POLICY_URLS[0].url}
          >
            {LINKEDIN_POLICY_URLS.map((p) => (
              <option key={p.url} value={p.url} translate="no">
                {p.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Field
        label={setting ? t('capture.settingAddress') : t('capture.pageAddress')}
        name={name}
        error={formState.errors.url?.message}
        hint={setting ? t('capture.settingHint') : t('capture.pageHint')}
      >
        <input {...register('url')} type="url" inputMode="url" />
      </Field>
      {props.interactive ? (
        <button
          type="button"
          onClick={async () => {
            try {
              await invoke('evidence.openCaptureWindow', { url: getValues('url') });
              setStatus({ kind: 'ok', text: t('capture.windowOpen') });
            } catch (err) {
              setStatus({ kind: 'error', text: errorText(err) });
            }
          }}
        >
          {t('capture.openWindow')}
        </button>
      ) : null}{' '}
      <button type="submit" className="primary" disabled={status?.kind === 'busy'}>
        {setting ? t('capture.submitSetting') : t('capture.submitPage')}
      </button>
      <p aria-live="polite" className={status?.kind === 'error' ? 'error' : 'ok'}>
        {status?.text}
        {status?.id ? (
          <>
            {' '}
            <a href={href('cases', props.caseId, 'evidence', status.id)}>{t('capture.open', { title: status.title })}</a>
          </>
        ) : null}
      </p>
    </form>
  );
}

export function CaptureForms(props: { caseId: string; info: CapturerInfo | undefined; onDone(): void }) {
  const { t } = useTranslation('evidence');
  const [cleared, setCleared] = useState<string | null>(null);
  const info = props.info;
  return (
    <div className="evidence-captures">
      {info && !info.available ? (
        <p className="error">{t('capture.unavailable')}</p>
      ) : null}
      {info && info.available && !info.interactive ? (
        <p className="hint capture-note">{t('capture.headless')}</p>
      ) : null}
      <div className="capture-grid">
        <CaptureForm caseId={props.caseId} purpose="setting" interactive={Boolean(info?.interactive)} onDone={props.onDone} />
        <CaptureForm caseId={props.caseId} purpose="page" interactive={Boolean(info?.interactive)} onDone={props.onDone} />
      </div>
      {info?.interactive ? (
        <p>
          <button
            type="button"
            onClick={async () => {
              const r = await invoke('evidence.clearCaptureSession', {});
              setCleared(r.cleared ? t('capture.cleared') : t('capture.nothingToClear'));
            }}
          >
            {t('capture.clear')}
          </button>{' '}
          <span aria-live="polite">{cleared}</span>
        </p>
      ) : null}
    </div>
  );
}
