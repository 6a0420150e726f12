import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from './Field';

/**
 * Given and family name, for forms and letters that ask for them apart (LinkedIn's objection form does). Optional:
 * left empty, documents use the full name as the member wrote it, since not every name splits into two parts.
 */
export function NameParts(props: { prefix: string; given: UseFormRegisterReturn; family: UseFormRegisterReturn; givenError?: string; familyError?: string }) {
  return (
    <fieldset className="name-parts">
      <legend>Your name in two parts (optional)</legend>
      <p className="hint">Some forms ask for the first and the last name separately. Leave these empty if your name does not split that way.</p>
      <div className="row">
        <Field label="Given name(s)" name={`${props.prefix}-given-name`} error={props.givenError}>
          <input {...props.given} autoComplete="given-name" maxLength={100} />
        </Field>
        <Field label="Family name" name={`${props.prefix}-family-name`} error={props.familyError}>
          <input {...props.family} autoComplete="family-name" maxLength={100} />
        </Field>
      </div>
    </fieldset>
  );
}
