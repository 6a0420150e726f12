import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { wordMessage } from './errors';

/**
 * A labelled form control with its hint and inline error, wired with ids for screen readers. An error that is a key of
 * the core catalog (a shared schema's validation message) is worded in the language shown. A label that is data (a
 * template's own field label, in the letter's language) can be given as an element marked translate="no".
 */
export function Field(props: { label: ReactNode; name: string; error?: string; hint?: ReactNode; children: ReactElement; extra?: ReactNode }) {
  const id = `field-${props.name}`;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(props.children)
    ? cloneElement(props.children as ReactElement<Record<string, unknown>>, {
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': describedBy,
      })
    : props.children;
  return (
    <div className={`field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {control}
      {props.extra}
      {props.error ? (
        <p className="field-error" id={errorId}>
          {wordMessage(props.error)}
        </p>
      ) : null}
    </div>
  );
}
