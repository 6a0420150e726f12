import { catalogResolver } from '../ui/resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Platform, PlatformSetting } from '../../../electron/core/contract';
import { EvidenceCaptureInput, type CapturerInfo } from '../../../electron/core/contract/evidence';
import { invoke } from '../api';
import { href, navigate } from '../router';
import { Field } from '../ui/Field';
import { errorText } from './format';

type FormIn = z.input<typeof EvidenceCaptureInput>;
type FormOut = z.output<typeof EvidenceCaptureInput>;

/** A page the form suggests: its name and address, both the platform's own (data, not translated). */
type Suggestion = { name: string; url: string };

/** Data inside a catalog sentence: the platform's own wording, left as it is by the pseudo-locale and translators. */
const DATA = { data: <span translate="no" /> };

/** Where a setting is in the menus, without its own name at the end (the hint names it first). */
function menuOf(s: PlatformSetting): string {
  const path = s.menuPath[s.menuPath.length - 1] === s.name && s.menuPath.length > 1 ? s.menuPath.slice(0, -1) : s.menuPath;
  return path.join(' › ');
}

/** The settings a capture can read: a switch the file names labels for, on a page with an address. */
export const capturable = (p: Platform) => p.settings.filter((s): s is PlatformSetting & { url: string } => Boolean(s.switch && s.url));

/** The platform's pages for the page form: its policies first, then the pages of settings without a switch to read. */
function pagesOf(p: Platform): Suggestion[] {
  const out: Suggestion[] = p.policies.map((d) => ({ name: d.name, url: d.url }));
  for (const s of p.settings) if (!s.switch && s.url && !out.some((o) => o.url === s.url)) out.push({ name: s.name, url: s.url });
  return out;
}

/** One capture form; `purpose` decides the button, the suggested addresses and where the result opens. */
function CaptureForm(props: {
  caseId: string;
  purpose: 'setting' | 'page';
  platform: Platform;
  interactive: boolean;
  onDone(): void;
}) {
  const { t } = useTranslation('evidence');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error' | 'busy'; text: string; id?: string; title?: string } | null>(null);
  const setting = props.purpose === 'setting';
  const settings = capturable(props.platform);
  const pages = pagesOf(props.platform);
  const [chosen, setChosen] = useState(0);
  const current = settings[chosen] ?? settings[0];
  const { register, handleSubmit, setValue, getValues, formState } = useForm<FormIn, unknown, FormOut>({
    resolver: catalogResolver(EvidenceCaptureInput),
    defaultValues: { caseId: props.caseId, purpose: props.purpose, url: setting ? (current?.url ?? '') : (pages[0]?.url ?? '') },
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
  const platform = props.platform.name;
  const submit = setting ? t('capture.submitSetting', { platform }) : t('capture.submitPage');
  return (
    <form className="evidence-capture" onSubmit={handleSubmit(onSubmit)} noValidate aria-label={submit}>
      <h3>{setting ? t('capture.headingSetting') : t('capture.headingPage')}</h3>
      {setting && settings.length > 1 ? (
        <div className="field">
          <label htmlFor="setting-suggestion">{t('capture.settings', { platform })}</label>
          <select
            id="setting-suggestion"
            value={chosen}
            onChange={(e) => {
              const n = Number(e.target.value);
              setChosen(n);
              setValue('url', settings[n].url, { shouldValidate: true });
            }}
          >
            {settings.map((s, n) => (
              <option key={s.id} value={n} translate="no">
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {!setting && pages.length ? (
        <div className="field">
          <label htmlFor="policy-suggestion">{t('capture.suggestions', { platform })}</label>
          <select id="policy-suggestion" onChange={(e) => setValue('url', e.target.value, { shouldValidate: true })} defaultValue={pages[0].url}>
            {pages.map((p) => (
              <option key={p.url} value={p.url} translate="no">
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Field
        label={setting ? t('capture.settingAddress') : t('capture.pageAddress')}
        name={name}
        error={formState.errors.url?.message}
        hint={
          setting && current ? (
            <Trans t={t} i18nKey="capture.settingHint" values={{ name: current.name, menu: menuOf(current) }} components={DATA} />
          ) : (
            t('capture.pageHint')
          )
        }
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
        {submit}
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

/**
 * In place of the setting form, for a platform whose file names no switch a capture could read: why (the file's own
 * words), and what the member can do instead. Says only what the file holds.
 */
function NoSwitchNote(props: { platform: Platform }) {
  const { t } = useTranslation('evidence');
  const platform = props.platform.name;
  const noSwitch = props.platform.settings.filter((s) => !s.switch);
  const appOnly = props.platform.settings.filter((s) => s.switch && !s.url);
  return (
    <section className="evidence-capture capture-noswitch" aria-labelledby="capture-noswitch-title">
      <h3 id="capture-noswitch-title">{t('capture.headingSetting')}</h3>
      {noSwitch.map((s) => (
        <p key={s.id}>
          <Trans t={t} i18nKey="capture.noSwitch" values={{ platform, why: s.why ?? '' }} components={DATA} />
        </p>
      ))}
      {appOnly.map((s) => (
        <p key={s.id}>
          <Trans t={t} i18nKey="capture.appOnly" values={{ platform, name: s.name, menu: s.menuPath.join(' › ') }} components={DATA} />
        </p>
      ))}
      <p className="hint">{t('capture.noSwitchDo')}</p>
    </section>
  );
}

/** The capture forms for the case's platform (`platform`: its file through `platforms.get`, undefined while it loads). */
export function CaptureForms(props: { caseId: string; platform: Platform | undefined; platformError?: string; info: CapturerInfo | undefined; onDone(): void }) {
  const { t } = useTranslation('evidence');
  const [cleared, setCleared] = useState<string | null>(null);
  const info = props.info;
  const p = props.platform;
  const interactive = Boolean(info?.interactive);
  const canRead = p ? capturable(p).length > 0 : true;
  return (
    <div className="evidence-captures">
      {info && !info.available ? (
        <p className="error">{t('capture.unavailable')}</p>
      ) : null}
      {info && info.available && !info.interactive ? (
        <p className="hint capture-note">{canRead ? t('capture.headless') : t('capture.headlessNoSwitch')}</p>
      ) : null}
      {props.platformError ? (
        <p role="alert" className="error">
          {props.platformError}
        </p>
      ) : null}
      {p ? (
        <div className="capture-grid">
          {capturable(p).length ? (
            <CaptureForm key={`setting-${p.id}`} caseId={props.caseId} purpose="setting" platform={p} interactive={interactive} onDone={props.onDone} />
          ) : (
            <NoSwitchNote platform={p} />
          )}
          <CaptureForm key={`page-${p.id}`} caseId={props.caseId} purpose="page" platform={p} interactive={interactive} onDone={props.onDone} />
        </div>
      ) : !props.platformError ? (
        <p className="hint" aria-busy="true">
          {t('capture.loading')}
        </p>
      ) : null}
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
