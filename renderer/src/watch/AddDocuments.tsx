import { catalogResolver } from '../ui/resolver';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Platform } from '../../../electron/core/contract/platforms';
import { WatchUrl, type WatchedDocument, type WatchPlatformAdded } from '../../../electron/core/contract/watch';
import { ApiCallError, invoke } from '../api';
import { errorText, issueMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { docLabel, focusWhenShown, watchChanged } from './format';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const PageSchema = z.object({ url: WatchUrl, select: z.string(), remove: z.string() });
type PageIn = z.input<typeof PageSchema>;
type PageOut = z.output<typeof PageSchema>;

// The message is a key of this screen's catalog, worded where the field shows it.
const PlatformSchema = z.object({ platform: z.string().min(1, 'add.choosePlatformError') });
type PlatformIn = z.infer<typeof PlatformSchema>;

/** "Watch a platform's policies" and "Watch a page": each adds documents, then moves focus to the first one added. */
export function AddDocuments(props: { platforms: Platform[]; platformsError?: string; onAdded(): void }) {
  const { t } = useTranslation('watch');
  return (
    <section aria-labelledby="watch-add-title" className="watch-add">
      <h2 id="watch-add-title">{t('add.title')}</h2>
      <div className="watch-add-grid">
        <AddPlatform {...props} />
        <AddPage onAdded={props.onAdded} />
      </div>
    </section>
  );
}

function AddPlatform(props: { platforms: Platform[]; platformsError?: string; onAdded(): void }) {
  const { t } = useTranslation('watch');
  const [message, setMessage] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<PlatformIn>({ resolver: catalogResolver(PlatformSchema), defaultValues: { platform: '' } });
  const chosen = props.platforms.find((p) => p.id === watch('platform'));

  const onSubmit = async ({ platform }: PlatformIn) => {
    setMessage(null);
    setServerError(null);
    try {
      const out = (await invoke('watch.add', { platform })) as WatchPlatformAdded;
      const words = {
        docs: t('add.platformDocs', { count: out.added.length, platform: out.platformName }),
        names: out.added.map((d) => d.name ?? d.url).join(t('add.nameSeparator')),
      };
      setMessage(out.skipped.length ? t('add.nowWatchingPlatformSkipped', { ...words, count: out.skipped.length }) : t('add.nowWatchingPlatform', words));
      props.onAdded();
      watchChanged();
      if (out.added[0]) focusWhenShown(`doc-${out.added[0].id}-title`);
    } catch (err) {
      setServerError(errorText(err));
    }
  };

  return (
    <form className="card" aria-labelledby="watch-platform-title" onSubmit={handleSubmit(onSubmit)} noValidate>
      <h3 id="watch-platform-title">{t('add.platformTitle')}</h3>
      {props.platformsError ? (
        <p role="alert" className="error">
          {t('add.platformsError', { error: props.platformsError })}
        </p>
      ) : null}
      <Field label={t('add.platform')} name="watch-platform" error={errors.platform?.message ? t(errors.platform.message) : undefined}>
        <select {...register('platform')}>
          <option value="">{t('add.choosePlatform')}</option>
          {props.platforms.map((p) => (
            <option key={p.id} value={p.id} translate="no">
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      {chosen ? (
        <div className="watch-policies">
          <p className="hint">{t('add.willWatch')}</p>
          <ul>
            {chosen.policies.map((d) => (
              <li key={d.id} translate="no">
                {d.name} <span className="watch-url">{d.url}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {serverError ? (
        <p role="alert" className="error">
          {serverError}
        </p>
      ) : null}
      {message ? (
        <p role="status" className="ok">
          {message}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('add.adding') : chosen ? t('add.watchPlatform', { platform: chosen.name }) : t('add.watchThese')}
        </button>
      </div>
    </form>
  );
}

function AddPage(props: { onAdded(): void }) {
  const { t } = useTranslation('watch');
  const [message, setMessage] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PageIn, unknown, PageOut>({ resolver: catalogResolver(PageSchema), defaultValues: { url: '', select: '', remove: '' } });

  const onSubmit = async (v: PageOut) => {
    setMessage(null);
    setServerError(null);
    try {
      const doc = (await invoke('watch.add', { url: v.url, select: lines(v.select), remove: lines(v.remove) })) as WatchedDocument;
      setMessage(t('add.nowWatching', { doc: docLabel(doc) }));
      reset();
      props.onAdded();
      watchChanged();
      focusWhenShown(`doc-${doc.id}-title`);
    } catch (err) {
      if (err instanceof ApiCallError && err.issues?.length) {
        for (const issue of err.issues) {
          const field = issue.path[0] === 'select' || issue.path[0] === 'remove' ? issue.path[0] : 'url';
          setError(field, { message: issueMessage(issue) });
        }
      } else setServerError(errorText(err));
    }
  };

  return (
    <form className="card" aria-labelledby="watch-page-title" onSubmit={handleSubmit(onSubmit)} noValidate>
      <h3 id="watch-page-title">{t('add.pageTitle')}</h3>
      <Field
        label={t('add.pageAddress')}
        name="watch-url"
        error={errors.url?.message}
        hint={<Trans t={t} i18nKey="add.pageAddressHint" components={[<span translate="no" />]} />}
      >
        <input {...register('url')} type="url" inputMode="url" autoComplete="off" spellCheck={false} maxLength={2000} />
      </Field>
      <details className="watch-advanced">
        <summary>{t('add.advanced')}</summary>
        <p className="hint">{t('add.advancedHint')}</p>
        <Field label={t('add.keepOnly')} name="watch-select" error={errors.select?.message}>
          <textarea {...register('select')} rows={2} spellCheck={false} />
        </Field>
        <Field label={t('add.leaveOut')} name="watch-remove" error={errors.remove?.message}>
          <textarea {...register('remove')} rows={2} spellCheck={false} />
        </Field>
      </details>
      {serverError ? (
        <p role="alert" className="error">
          {serverError}
        </p>
      ) : null}
      {message ? (
        <p role="status" className="ok">
          {message}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('add.adding') : t('add.watchPage')}
        </button>
      </div>
    </form>
  );
}
