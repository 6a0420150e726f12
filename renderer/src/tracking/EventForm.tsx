import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { jurisdictionFor } from '../../../electron/core/contract';
import {
  CHANNELS,
  CHANNEL_LABELS,
  EVENT_TYPES,
  EVENT_TYPE_LABELS,
  EventAddInput,
  NOTE_MAX,
  REF_MAX,
  type CaseEvent,
  type EvidenceOption,
} from '../../../electron/core/contract/tracking';
import { ApiCallError } from '../api';
import { Field } from '../ui/Field';
import { errorText } from './format';

type FormIn = z.input<typeof EventAddInput>;
export type EventValues = z.output<typeof EventAddInput>;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const AUTHORITY_TYPES = new Set(['complaint_filed', 'authority_acknowledged', 'authority_decision']);

/** Add or edit one event; the same zod schema as the API checks it here first. */
export function EventForm(props: {
  caseId: string;
  country: string;
  today: string;
  evidence: EvidenceOption[];
  event?: CaseEvent;
  onSubmit(values: EventValues): Promise<void>;
  onCancel?(): void;
}) {
  const e = props.event;
  const prefix = e ? `edit-${e.id}` : 'add';
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, EventValues>({
    resolver: zodResolver(EventAddInput),
    defaultValues: {
      caseId: props.caseId,
      type: (e?.type as FormIn['type']) ?? 'request_sent',
      on: e?.on ?? props.today,
      receivedOn: e?.receivedOn ?? undefined,
      channel: (e?.channel as FormIn['channel']) ?? undefined,
      authority: e?.authority ?? undefined,
      ref: e?.ref ?? undefined,
      note: e?.note ?? undefined,
      evidenceIds: e?.evidenceIds ?? [],
    },
  });
  const type = watch('type');
  const channel = watch('channel');
  const note = String(watch('note') ?? '');
  const picked = watch('evidenceIds') ?? [];
  const regulators = jurisdictionFor(props.country).regulators;

  const submit = async (values: EventValues) => {
    setServerError(null);
    try {
      await props.onSubmit(values);
      // Ready for the next event: same type, today's date, the per-event fields empty.
      if (!e) reset({ caseId: props.caseId, type: values.type, on: props.today, channel: '', receivedOn: '', authority: '', ref: '', note: '', evidenceIds: [] });
    } catch (err) {
      if (err instanceof ApiCallError && err.issues?.length) {
        for (const issue of err.issues) setError(issue.path as keyof FormIn, { message: issue.message });
      } else setServerError(errorText(err));
    }
  };
  const name = (n: string) => `${prefix}-${n}`;

  return (
    <form className="event-form" onSubmit={handleSubmit(submit)} noValidate aria-label={e ? 'Edit event' : 'Add an event'}>
      <div className="event-form-row">
        <Field label="Event type" name={name('type')} error={errors.type?.message}>
          <select {...register('type')}>
            {EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {EVENT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Date" name={name('on')} error={errors.on?.message} hint="The day it happened.">
          <input type="date" max={props.today} {...register('on')} />
        </Field>
        {type === 'request_sent' || type === 'reminder_sent' ? (
          <Field label="Sent by" name={name('channel')} error={errors.channel?.message}>
            <select {...register('channel', { setValueAs: blankToUndefined })}>
              <option value="">{type === 'request_sent' ? 'Web form (default)' : 'Not recorded'}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {type === 'request_sent' ? (
          <Field
            label="Received by LinkedIn on"
            name={name('receivedOn')}
            error={errors.receivedOn?.message}
            hint={channel === 'post' ? 'Required for post: the month counts from this day.' : 'Leave empty: a web form or email is received the day it is sent.'}
          >
            <input type="date" {...register('receivedOn', { setValueAs: blankToUndefined })} />
          </Field>
        ) : null}
        {AUTHORITY_TYPES.has(type) ? (
          <Field label="Authority" name={name('authority')} error={errors.authority?.message}>
            <input list={name('authorities')} {...register('authority', { setValueAs: blankToUndefined })} maxLength={120} />
          </Field>
        ) : null}
        <datalist id={name('authorities')}>
          {regulators.map((r) => (
            <option key={r.id} value={r.shortName}>
              {r.name}
            </option>
          ))}
        </datalist>
      </div>
      <Field label="Reference" name={name('ref')} error={errors.ref?.message} hint="LinkedIn’s case number, or an ICO number such as IC-12345-6789.">
        <input {...register('ref', { setValueAs: blankToUndefined })} maxLength={REF_MAX} />
      </Field>
      <Field
        label="Note"
        name={name('note')}
        error={errors.note?.message}
        hint={`Up to ${NOTE_MAX.toLocaleString('en-GB')} characters; paste a reply here if you like.`}
        extra={
          <p className="hint counter" aria-live="polite">
            {note.length.toLocaleString('en-GB')} / {NOTE_MAX.toLocaleString('en-GB')}
          </p>
        }
      >
        <textarea rows={3} {...register('note', { setValueAs: blankToUndefined })} maxLength={NOTE_MAX} />
      </Field>
      {props.evidence.length ? (
        <fieldset className="evidence-pick">
          <legend>Attach evidence</legend>
          {props.evidence.map((ev) => (
            <label key={ev.id}>
              <input
                type="checkbox"
                checked={picked.includes(ev.id)}
                onChange={(x) =>
                  setValue('evidenceIds', x.target.checked ? [...picked, ev.id] : picked.filter((p) => p !== ev.id))
                }
              />{' '}
              {ev.title} <span className="hint">({ev.kind})</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {serverError ? (
        <p role="alert" className="error">
          {serverError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : e ? 'Save changes' : 'Add event'}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
