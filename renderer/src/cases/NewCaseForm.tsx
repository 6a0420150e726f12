import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { PLATFORMS, PLATFORM_LABELS, REGIONS } from '../../../electron/core/contract';
import { ApiCallError, invoke } from '../api';
import { href, navigate } from '../router';
import { countryOptions } from '../ui/countries';
import { Field } from '../ui/Field';
import { NameParts } from '../ui/NameParts';
import { RegionOptions, regionFieldLabel } from '../ui/regions';
import { JurisdictionSummary } from './JurisdictionSummary';
import { focusCaseHeading, NewCaseSchema, useRegionFollowsCountry, type NewCaseIn as FormIn, type NewCaseOut as FormOut } from './case-form';

type Platform = (typeof PLATFORMS)[number];
/** The title a new case starts with: "<Platform> AI training objection". */
const defaultTitle = (p: Platform) => `${PLATFORM_LABELS[p]} AI training objection`;
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export function NewCaseForm() {
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(NewCaseSchema),
    defaultValues: { title: defaultTitle('linkedin'), platform: 'linkedin', country: '', name: '', email: '', region: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const country = watch('country');
  const region = watch('region');
  const platform = watch('platform');
  const title = watch('title');
  // The suggested title follows the platform, until the member writes a title of their own.
  useEffect(() => {
    const p = (PLATFORMS as readonly string[]).includes(platform ?? '') ? (platform as Platform) : null;
    if (p && PLATFORMS.some((q) => title === defaultTitle(q)) && title !== defaultTitle(p)) setValue('title', defaultTitle(p));
  }, [platform, title, setValue]);
  const regions = country ? REGIONS[country] : undefined;
  // A state belongs to one country: choosing another country clears it.
  useRegionFollowsCountry(country, region, useCallback(() => setValue('region', ''), [setValue]));

  const onSubmit = async (values: FormOut) => {
    setServerError(null);
    try {
      const { region: chosen, ...rest } = values;
      const created = await invoke('cases.create', { ...rest, ...(chosen ? { region: chosen } : {}) });
      navigate('cases', created.id);
      focusCaseHeading(window.location.hash);
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
        <NameParts
          prefix="new"
          given={register('givenName', { setValueAs: emptyToUndefined })}
          family={register('familyName', { setValueAs: emptyToUndefined })}
          givenError={errors.givenName?.message}
          familyError={errors.familyName?.message}
        />
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
            {countryOptions().map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </Field>
        {regions ? (
          <Field
            label={regionFieldLabel(country)}
            name="region"
            error={errors.region?.message}
            hint={
              country === 'DE'
                ? 'Each German Land has its own data-protection authority for companies: yours takes your complaint.'
                : 'Privacy law in the United States is per state.'
            }
          >
            <select {...register('region')}>
              <RegionOptions country={country} />
            </select>
          </Field>
        ) : null}
        {country ? <JurisdictionSummary country={country} region={region && region.startsWith(`${country}-`) ? region : null} platform={platform} /> : null}
        {serverError ? (
          <p role="alert" className="error">
            {serverError}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Creating…' : 'Create case'}
          </button>
          <a href={href()} className="button">
            Cancel
          </a>
        </div>
      </form>
    </section>
  );
}
