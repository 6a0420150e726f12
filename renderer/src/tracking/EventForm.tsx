import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { jurisdictionFor } from '../../../electron/core/contract';
import {
  BELONGS_TO,
  CHANNELS,
  CHANNEL_LABELS,
  CLARIFICATION_KINDS,
  CLARIFICATION_LABELS,
  EVENT_TYPES,
  EVENT_TYPE_HELP,
  EVENT_TYPE_LABELS,
  EventAddInput,
  NOTE_MAX,
  RECEIVED_TYPES,
  REF_MAX,
  REQUEST_TYPES,
  REQUEST_TYPE_LABELS,
  type CaseEvent,
  type EventType,
  type EvidenceOption,
} from '../../../electron/core/contract/tracking';
import { ApiCallError } from '../api';
import { num } from '../ui/dates';
import { Field } from '../ui/Field';
import { errorText, threadName } from './format';

type FormIn = z.input<typeof EventAddInput>;
export type EventValues = z.output<typeof EventAddInput>;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const AUTHORITY_TYPES = new Set(['complaint_filed', 'authority_acknowledged', 'authority_decision']);
const CHANNEL_TYPES = new Set<EventType>(['request_sent', 'reminder_sent', 'organisation_complaint', 'complaint_filed']);

/** Add or edit one event; the same zod schema as the API checks it here first. */
export function EventForm(props: {
  caseId: string;
  country: string;
  /** The case's regulators (home and lead) from the authority data; the contract's built-in list until it loads. */
  regulators?: readonly { id: string; shortName: string; name: string }[];
  today: string;
  evidence: EvidenceOption[];
  /** The case's events, to choose which request or complaint an answer belongs to. */
  events: CaseEvent[];
  event?: CaseEvent;
  onSubmit(values: EventValues): Promise<void>;
  onCancel?(): void;
  /** Put focus on the first field when the form opens (it opens on demand). */
  autoFocus?: boolean;
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
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<FormIn, unknown, EventValues>({
    resolver: zodResolver(EventAddInput),
    defaultValues: {
      caseId: props.caseId,
      type: (e?.type as FormIn['type']) ?? 'request_sent',
      on: e?.on ?? props.today,
      receivedOn: e?.receivedOn ?? undefined,
      channel: (e?.channel as FormIn['channel']) ?? undefined,
      requestType: (e?.requestType as FormIn['requestType']) ?? undefined,
      forEventId: e?.forEventId ?? undefined,
      asks: (e?.asks as FormIn['asks']) ?? undefined,
      authority: e?.authority ?? undefined,
      ref: e?.ref ?? undefined,
      note: e?.note ?? undefined,
      evidenceIds: e?.evidenceIds ?? [],
    },
  });
  // The form opens on demand: the member's focus goes to its first field.
  useEffect(() => {
    if (props.autoFocus) setFocus('type');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // A server error is about what was sent: once the member changes the form, it no longer applies.
  useEffect(() => {
    const sub = watch(() => setServerError(null));
    return () => sub.unsubscribe();
  }, [watch]);
  const type = watch('type');
  const channel = watch('channel');
  const note = String(watch('note') ?? '');
  const picked = watch('evidenceIds') ?? [];
  const regulators = props.regulators ?? jurisdictionFor(props.country).regulators;
  const belongs = BELONGS_TO[type as EventType];
  const threads = belongs ? props.events.filter((x) => x.id !== e?.id && (belongs as readonly string[]).includes(x.type)) : [];

  const submit = async (values: EventValues) => {
    setServerError(null);
    try {
      await props.onSubmit(values);
      // Ready for the next event: same type, today's date, the per-event fields empty.
      if (!e)
        reset({
          caseId: props.caseId,
          type: values.type,
          on: props.today,
          channel: '',
          receivedOn: '',
          requestType: '',
          forEventId: '',
          asks: '',
          authority: '',
          ref: '',
          note: '',
          evidenceIds: [],
        } as unknown as FormIn);
    } catch (err) {
      if (err instanceof ApiCallError && err.issues?.length) {
        for (const issue of err.issues) setError(issue.path as keyof FormIn, { message: issue.message });
      } else setServerError(errorText(err));
    }
  };
  const name = (n: string) => `${prefix}-${n}`;

  return (
    <form
      className="event-form"
      onSubmit={(ev) => {
        // A new attempt: the last attempt's server error goes, even if the fields stop this one before it is sent.
        setServerError(null);
        void handleSubmit(submit)(ev);
      }}
      noValidate
      aria-label={e ? 'Edit event' : 'Add an event'}
    >
      <div className="event-form-row">
        <Field label="Event type" name={name('type')} error={errors.type?.message} hint={EVENT_TYPE_HELP[type as EventType]}>
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
        {type === 'request_sent' ? (
          <Field label="What the request asks for" name={name('requestType')} error={errors.requestType?.message} hint="Each request has its own reply date.">
            <select {...register('requestType', { setValueAs: blankToUndefined })}>
              <option value="">{REQUEST_TYPE_LABELS.objection} (default)</option>
              {REQUEST_TYPES.filter((r) => r !== 'objection').map((r) => (
                <option key={r} value={r}>
                  {REQUEST_TYPE_LABELS[r]}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {belongs ? (
          <Field
            label="Belongs to"
            name={name('forEventId')}
            error={errors.forEventId?.message}
            hint="The request or complaint this answers or follows. Automatic: the latest one before this date that is still open."
          >
            <select {...register('forEventId', { setValueAs: blankToUndefined })}>
              <option value="">Automatic</option>
              {threads.map((x) => (
                <option key={x.id} value={x.id}>
                  {threadName(x)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {type === 'clarification_requested' ? (
          <Field
            label="What LinkedIn asked for"
            name={name('asks')}
            error={errors.asks?.message}
            hint="UK: with proof of identity the month starts when LinkedIn receives it; with details, the days until you answer do not count."
          >
            <select {...register('asks', { setValueAs: blankToUndefined })}>
              <option value="">{CLARIFICATION_LABELS.details} (default)</option>
              {CLARIFICATION_KINDS.filter((k) => k !== 'details').map((k) => (
                <option key={k} value={k}>
                  {CLARIFICATION_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {CHANNEL_TYPES.has(type as EventType) ? (
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
        {RECEIVED_TYPES.includes(type as EventType) ? (
          <Field
            label={type === 'complaint_filed' ? 'Received by the regulator on' : 'Received by LinkedIn on'}
            name={name('receivedOn')}
            error={errors.receivedOn?.message}
            hint={channel === 'post' ? 'Required for post: the clock counts from this day.' : 'Leave empty: a web form or email is received the day it is sent.'}
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
      <Field
        label="Reference"
        name={name('ref')}
        error={errors.ref?.message}
        hint={props.country === 'GB' ? 'LinkedIn’s case number, or an ICO number such as IC-12345-6789.' : 'LinkedIn’s case number, or the regulator’s reference.'}
      >
        <input {...register('ref', { setValueAs: blankToUndefined })} maxLength={REF_MAX} />
      </Field>
      <Field
        label="Note"
        name={name('note')}
        error={errors.note?.message}
        hint={`Up to ${num(NOTE_MAX)} characters; paste a reply here if you like.`}
        extra={
          <p className="hint counter" aria-live="polite">
            {num(note.length)} / {num(NOTE_MAX)}
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
