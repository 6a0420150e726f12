import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from './Field';

/**
 * Given and family name, for forms and letters that ask for them apart (LinkedIn's objection form does). Optional:
 * left empty, documents use the full name as the member wrote it, since not every name splits into two parts.
 */
export function NameParts(props: { prefix: string; given: UseFormRegisterReturn; family: UseFormRegisterReturn; givenError?: string; familyError?: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="name-parts">
      <legend>{t('names.legend')}</legend>
      <p className="hint">{t('names.hint')}</p>
      <div className="row">
        <Field label={t('names.given')} name={`${props.prefix}-given-name`} error={props.givenError}>
          <input {...props.given} autoComplete="given-name" maxLength={100} />
        </Field>
        <Field label={t('names.family')} name={`${props.prefix}-family-name`} error={props.familyError}>
          <input {...props.family} autoComplete="family-name" maxLength={100} />
        </Field>
      </div>
    </fieldset>
  );
}
