import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CaseCreateInput, PLATFORMS, PLATFORM_LABELS } from '../../../electron/core/contract';
import { ApiCallError, invoke } from '../api';
import { navigate } from '../router';
import { COUNTRY_OPTIONS } from '../ui/countries';
import { Field } from '../ui/Field';
import { JurisdictionSummary } from './JurisdictionSummary';

type FormIn = z.input<typeof CaseCreateInput>;
type FormOut = z.output<typeof CaseCreateInput>;

export function NewCaseForm() {
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(CaseCreateInput),
    defaultValues: { title: 'LinkedIn AI training objection', platform: 'linkedin', country: '', name: '', email: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const country = watch('country');

  const onSubmit = async (values: FormOut) => {
    setServerError(null);
    try {
      const created = await invoke('cases.create', values);
      navigate('cases', created.id);
    } catch (err) {
      if (err instanceof ApiCallError && err.issues) {
        for (const issue of err.issues) setError(issue.path as keyof FormIn, { message: issue.message });
      } else setServerError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section aria-labelledby="new-title" className="narrow">
      <h1 id="new-title">New case</h1>
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <Field label="Title" name="title" error={errors.title?.message} hint="A name for this case, for your own list.">
          <input {...register('title')} maxLength={200} />
        </Field>
        <Field label="Platform" name="platform" error={errors.platform?.message}>
          <select {...register('platform')}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Your full name"
          name="name"
          error={errors.name?.message}
          hint="As it appears on your account; used in letters and forms."
        >
          <input {...register('name')} autoComplete="name" maxLength={200} />
        </Field>
        <Field label="Email of your account" name="email" error={errors.email?.message}>
          <input {...register('email')} type="email" autoComplete="email" maxLength={254} />
        </Field>
        <Field
          label="Country where you live"
          name="country"
          error={errors.country?.message}
          hint="Decides which law applies, who the controller is and which regulator you can turn to."
        >
          <select {...register('country')}>
            <option value="">Choose a country…</option>
            {COUNTRY_OPTIONS.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </Field>
        {country ? <JurisdictionSummary country={country} /> : null}
        {serverError ? (
          <p role="alert" className="error">
            {serverError}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Creating…' : 'Create case'}
          </button>
          <a href="#/" className="button">
            Cancel
          </a>
        </div>
      </form>
    </section>
  );
}
