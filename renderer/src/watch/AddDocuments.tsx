import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Platform } from '../../../electron/core/contract/platforms';
import { WatchUrl, type WatchedDocument, type WatchPlatformAdded } from '../../../electron/core/contract/watch';
import { ApiCallError, invoke } from '../api';
import { Field } from '../ui/Field';
import { docLabel, focusWhenShown, plural, watchChanged } from './format';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const PageSchema = z.object({ url: WatchUrl, select: z.string(), remove: z.string() });
type PageIn = z.input<typeof PageSchema>;
type PageOut = z.output<typeof PageSchema>;

const PlatformSchema = z.object({ platform: z.string().min(1, 'Choose a platform') });
type PlatformIn = z.infer<typeof PlatformSchema>;

/** "Watch a platform's policies" and "Watch a page": each adds documents, then moves focus to the first one added. */
export function AddDocuments(props: { platforms: Platform[]; platformsError?: string; onAdded(): void }) {
  return (
    <section aria-labelledby="watch-add-title" className="watch-add">
      <h2 id="watch-add-title">Add documents to watch</h2>
      <div className="watch-add-grid">
        <AddPlatform {...props} />
        <AddPage onAdded={props.onAdded} />
      </div>
    </section>
  );
}

function AddPlatform(props: { platforms: Platform[]; platformsError?: string; onAdded(): void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<PlatformIn>({ resolver: zodResolver(PlatformSchema), defaultValues: { platform: '' } });
  const chosen = props.platforms.find((p) => p.id === watch('platform'));

  const onSubmit = async ({ platform }: PlatformIn) => {
    setMessage(null);
    setServerError(null);
    try {
      const out = (await invoke('watch.add', { platform })) as WatchPlatformAdded;
      const skipped = out.skipped.length ? ` ${plural(out.skipped.length, 'was', 'were')} already watched.` : '';
      setMessage(`Now watching ${plural(out.added.length, `${out.platformName} document`)}: ${out.added.map((d) => d.name ?? d.url).join(', ')}.${skipped}`);
      props.onAdded();
      watchChanged();
      if (out.added[0]) focusWhenShown(`doc-${out.added[0].id}-title`);
    } catch (err) {
      setServerError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form className="card" aria-labelledby="watch-platform-title" onSubmit={handleSubmit(onSubmit)} noValidate>
      <h3 id="watch-platform-title">Watch a platform&rsquo;s policies</h3>
      {props.platformsError ? <p role="alert" className="error">Could not load the platforms: {props.platformsError}</p> : null}
      <Field label="Platform" name="watch-platform" error={errors.platform?.message}>
        <select {...register('platform')}>
          <option value="">Choose a platform…</option>
          {props.platforms.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      {chosen ? (
        <div className="watch-policies">
          <p className="hint">Redress will watch:</p>
          <ul>
            {chosen.policies.map((d) => (
              <li key={d.id}>
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
          {isSubmitting ? 'Adding…' : chosen ? `Watch ${chosen.name}'s policies` : 'Watch these policies'}
        </button>
      </div>
    </form>
  );
}

function AddPage(props: { onAdded(): void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PageIn, unknown, PageOut>({ resolver: zodResolver(PageSchema), defaultValues: { url: '', select: '', remove: '' } });

  const onSubmit = async (v: PageOut) => {
    setMessage(null);
    setServerError(null);
    try {
      const doc = (await invoke('watch.add', { url: v.url, select: lines(v.select), remove: lines(v.remove) })) as WatchedDocument;
      setMessage(`Now watching ${docLabel(doc)}.`);
      reset();
      props.onAdded();
      watchChanged();
      focusWhenShown(`doc-${doc.id}-title`);
    } catch (err) {
      if (err instanceof ApiCallError && err.issues?.length) {
        for (const issue of err.issues) {
          const field = issue.path[0] === 'select' || issue.path[0] === 'remove' ? issue.path[0] : 'url';
          setError(field, { message: issue.message });
        }
      } else setServerError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form className="card" aria-labelledby="watch-page-title" onSubmit={handleSubmit(onSubmit)} noValidate>
      <h3 id="watch-page-title">Watch a page</h3>
      <Field label="Page address" name="watch-url" error={errors.url?.message} hint="The full address, such as https://example.com/privacy">
        <input {...register('url')} type="url" inputMode="url" autoComplete="off" spellCheck={false} maxLength={2000} />
      </Field>
      <details className="watch-advanced">
        <summary>Advanced: which part of the page to compare</summary>
        <p className="hint">
          Without these Redress keeps the page&rsquo;s main text and leaves out navigation, header, footer and cookie banners.
          CSS selectors, one per line.
        </p>
        <Field label="Keep only" name="watch-select" error={errors.select?.message}>
          <textarea {...register('select')} rows={2} spellCheck={false} />
        </Field>
        <Field label="Leave out" name="watch-remove" error={errors.remove?.message}>
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
          {isSubmitting ? 'Adding…' : 'Watch this page'}
        </button>
      </div>
    </form>
  );
}
