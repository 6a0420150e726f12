import { catalogResolver } from '../ui/resolver';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { jurisdictionFor } from '../../../electron/core/contract';
import {
  BELONGS_TO,
  CHANNELS,
  CLARIFICATION_KINDS,
  EVENT_TYPES,
  EventAddInput,
  NOTE_MAX,
  RECEIVED_TYPES,
  REF_MAX,
  REQUEST_TYPES,
  type CaseEvent,
  type EventType,
  type EvidenceOption,
} from '../../../electron/core/contract/tracking';
import { ApiCallError } from '../api';
import { num } from '../ui/dates';
import { issueMessage } from '../ui/errors';
import { Field } from '../ui/Field';
import { kindLabel } from '../evidence/format';
import { channelLabel, clarificationLabel, errorText, eventTypeHelp, eventTypeLabel, requestTypeLabel, threadName } from './format';

type FormIn = z.input<typeof EventAddInput>;
export type EventValues = z.output<typeof EventAddInput>;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const AUTHORITY_TYPES = new Set(['complaint_filed', 'authority_acknowledged', 'authority_decision']);
const CHANNEL_TYPES = new Set<EventType>(['request_sent', 'reminder_sent', 'organisation_complaint', 'complaint_filed']);

/** Add or edit one event; the same zod schema as the API checks it here first. */
export function EventForm(props: {
  caseId: string;
  country: string;
  /** The case's platform by name ("LinkedIn", "X"): the hints and labels name it. */
  platform: string;
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
  const { t } = useTranslation('tracking');
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
    resolver: catalogResolver(EventAddInput),
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
        // A core key, its parameters kept, is worded by Field in the language shown.
        for (const issue of err.issues) setError(issue.path as keyof FormIn, { message: issueMessage(issue) });
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
      aria-label={e ? t('form.editLabel') : t('form.addLabel')}
    >
      <div className="event-form-row">
        <Field label={t('form.type')} name={name('type')} error={errors.type?.message} hint={eventTypeHelp(type as EventType, props.platform)}>
          <select {...register('type')}>
            {EVENT_TYPES.map((x) => (
              <option key={x} value={x}>
                {eventTypeLabel(x)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('form.date')} name={name('on')} error={errors.on?.message} hint={t('form.dateHint')}>
          <input type="date" max={props.today} {...register('on')} />
        </Field>
        {type === 'request_sent' ? (
          <Field label={t('form.requestType')} name={name('requestType')} error={errors.requestType?.message} hint={t('form.requestTypeHint')}>
            <select {...register('requestType', { setValueAs: blankToUndefined })}>
              <option value="">{t('form.default', { label: requestTypeLabel('objection') })}</option>
              {REQUEST_TYPES.filter((r) => r !== 'objection').map((r) => (
                <option key={r} value={r}>
                  {requestTypeLabel(r)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {belongs ? (
          <Field
            label={t('form.belongsTo')}
            name={name('forEventId')}
            error={errors.forEventId?.message}
            hint={t('form.belongsToHint')}
          >
            <select {...register('forEventId', { setValueAs: blankToUndefined })}>
              <option value="">{t('form.automatic')}</option>
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
            label={t('form.asks', { platform: props.platform })}
            name={name('asks')}
            error={errors.asks?.message}
            hint={t('form.asksHint', { platform: props.platform })}
          >
            <select {...register('asks', { setValueAs: blankToUndefined })}>
              <option value="">{t('form.default', { label: clarificationLabel('details') })}</option>
              {CLARIFICATION_KINDS.filter((k) => k !== 'details').map((k) => (
                <option key={k} value={k}>
                  {clarificationLabel(k)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {CHANNEL_TYPES.has(type as EventType) ? (
          <Field label={t('form.channel')} name={name('channel')} error={errors.channel?.message}>
            <select {...register('channel', { setValueAs: blankToUndefined })}>
              <option value="">{type === 'request_sent' ? t('form.default', { label: channelLabel('webform') }) : t('form.notRecorded')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {channelLabel(c)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {RECEIVED_TYPES.includes(type as EventType) ? (
          <Field
            label={type === 'complaint_filed' ? t('form.receivedRegulator') : t('form.receivedPlatform', { platform: props.platform })}
            name={name('receivedOn')}
            error={errors.receivedOn?.message}
            hint={channel === 'post' ? t('form.receivedPost') : t('form.receivedOther')}
          >
            <input type="date" {...register('receivedOn', { setValueAs: blankToUndefined })} />
          </Field>
        ) : null}
        {AUTHORITY_TYPES.has(type) ? (
          <Field label={t('form.authority')} name={name('authority')} error={errors.authority?.message}>
            <input list={name('authorities')} {...register('authority', { setValueAs: blankToUndefined })} maxLength={120} />
          </Field>
        ) : null}
        <datalist id={name('authorities')}>
          {regulators.map((r) => (
            <option key={r.id} value={r.shortName} translate="no">
              {r.name}
            </option>
          ))}
        </datalist>
      </div>
      <Field
        label={t('form.ref')}
        name={name('ref')}
        error={errors.ref?.message}
        hint={props.country === 'GB' ? t('form.refHintGB', { platform: props.platform }) : t('form.refHint', { platform: props.platform })}
      >
        <input {...register('ref', { setValueAs: blankToUndefined })} maxLength={REF_MAX} />
      </Field>
      <Field
        label={t('form.note')}
        name={name('note')}
        error={errors.note?.message}
        hint={t('form.noteHint', { max: num(NOTE_MAX) })}
        extra={
          <p className="hint counter" aria-live="polite">
            {t('form.counter', { n: num(note.length), max: num(NOTE_MAX) })}
          </p>
        }
      >
        <textarea rows={3} {...register('note', { setValueAs: blankToUndefined })} maxLength={NOTE_MAX} />
      </Field>
      {props.evidence.length ? (
        <fieldset className="evidence-pick">
          <legend>{t('form.attach')}</legend>
          {props.evidence.map((ev) => (
            <label key={ev.id}>
              <input
                type="checkbox"
                checked={picked.includes(ev.id)}
                onChange={(x) =>
                  setValue('evidenceIds', x.target.checked ? [...picked, ev.id] : picked.filter((p) => p !== ev.id))
                }
              />{' '}
              <span translate="no">{ev.title}</span> <span className="hint">{t('form.evidenceKind', { kind: kindLabel(ev.kind) })}</span>
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
          {isSubmitting ? t('form.saving') : e ? t('form.save') : t('form.add')}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            {t('form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
