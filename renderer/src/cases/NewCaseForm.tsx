import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PLATFORMS, PLATFORM_LABELS, REGIONS } from '../../../electron/core/contract';
import { ApiCallError, invoke } from '../api';
import { i18next } from '../i18n';
import { href, navigate } from '../router';
import { countryOptions } from '../ui/countries';
import { errorText, issueMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { catalogResolver } from '../ui/resolver';
import { NameParts } from '../ui/NameParts';
import { RegionOptions, regionFieldLabel } from '../ui/regions';
import { JurisdictionSummary } from './JurisdictionSummary';
import { focusCaseHeading, NewCaseSchema, useRegionFollowsCountry, type NewCaseIn as FormIn, type NewCaseOut as FormOut } from './case-form';

type Platform = (typeof PLATFORMS)[number];
/** The title a new case starts with: "<Platform> AI training objection", in the language shown. */
const defaultTitle = (p: Platform) => i18next.t('cases:form.defaultTitle', { platform: PLATFORM_LABELS[p] });
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export function NewCaseForm() {
  const { t } = useTranslation('cases');
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: catalogResolver(NewCaseSchema),
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
        for (const issue of err.issues) setError(issue.path as keyof FormIn, { message: issueMessage(issue) });
      } else setServerError(errorText(err));
    }
  };

  return (
    <section aria-labelledby="new-title" className="narrow">
      <h1 id="new-title">{t('form.newTitle')}</h1>
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <Field label={t('form.title')} name="title" error={errors.title?.message} hint={t('form.titleHint')}>
          <input {...register('title')} maxLength={200} />
        </Field>
        <Field label={t('form.platform')} name="platform" error={errors.platform?.message}>
          <select {...register('platform')}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p} translate="no">
                {PLATFORM_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('form.name')}
          name="name"
          error={errors.name?.message}
          hint={t('form.nameHint')}
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
        <Field label={t('form.email')} name="email" error={errors.email?.message}>
          <input {...register('email')} type="email" autoComplete="email" maxLength={254} />
        </Field>
        <Field
          label={t('form.country')}
          name="country"
          error={errors.country?.message}
          hint={t('form.countryHint')}
        >
          <select {...register('country')}>
            <option value="">{t('form.chooseCountry')}</option>
            {countryOptions().map((c) => (
              <option key={c.code} value={c.code}>
                {t('filters.countryOption', { name: c.name, code: c.code })}
              </option>
            ))}
          </select>
        </Field>
        {regions ? (
          <Field
            label={regionFieldLabel(country)}
            name="region"
            error={errors.region?.message}
            hint={country === 'DE' ? t('form.regionHintDE') : t('form.regionHint')}
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
            {isSubmitting ? t('form.creating') : t('form.create')}
          </button>
          <a href={href()} className="button">
            {t('form.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
