import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { jurisdictionFor, PLATFORM_LABELS, type Case } from '../../../electron/core/contract';
import type { CaseEvent, CaseStep, CaseTracking, Deadline, EvidenceOption } from '../../../electron/core/contract/tracking';
import { invoke } from '../api';
import { i18next } from '../i18n';
import { useAsync } from '../ui/useAsync';
import { EventForm, type EventValues } from './EventForm';
import './tracking.css';
import {
  announceChange,
  channelLabel,
  deadlineLabel,
  download,
  errorText,
  eventTypeLabel,
  longDate,
  msgText,
  requestTypeLabel,
  shortDate,
  statusLabel,
  threadName,
} from './format';
import { num } from '../ui/dates';

type Regulators = readonly { id: string; shortName: string; name: string }[];
const authorityLabel = (regulators: Regulators, a: string) => regulators.find((r) => r.id === a)?.shortName ?? a;

/** The case's regulators from the authority data (the member's home authority, the lead authority). */
function useRegulators(c: Case): Regulators {
  const j = useAsync(() => invoke('jurisdiction.get', { country: c.country, region: c.region ?? null, platform: c.platform }), [c.country, c.region, c.platform]);
  return j.data?.regulators ?? jurisdictionFor(c.country).regulators;
}

/**
 * The tracking section of the case page: status, deadlines with their rules, and the timeline. The case page loads
 * the tracking (it shows the steps and the next step above everything) and passes it in; `onChange` reloads both.
 */
export function TimelinePanel(props: { case: Case; tracking: CaseTracking; onChange(): void }) {
  const c = props.case;
  const t = props.tracking;
  const { t: tt } = useTranslation('tracking');
  const regulators = useRegulators(c);
  const options = useAsync(() => invoke('tracking.evidenceOptions', { caseId: c.id }), [c.id, c.updatedAt]);
  const evidence = options.data ?? [];
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);
  const eventsHeading = useRef<HTMLHeadingElement>(null);
  // After a delete: where focus goes once the list no longer holds the deleted event (the next event's Edit button,
  // or the list's heading when it was the last).
  const [afterDelete, setAfterDelete] = useState<{ deleted: string; next: string | null } | null>(null);
  useEffect(() => {
    if (!afterDelete || t.events.some((e) => e.id === afterDelete.deleted)) return;
    const next = afterDelete.next ? document.getElementById(editButtonId(afterDelete.next)) : null;
    (next ?? eventsHeading.current)?.focus();
    setAfterDelete(null);
  }, [afterDelete, t.events]);

  const changed = (text: string) => {
    setMessage(text);
    options.reload();
    props.onChange();
    announceChange();
  };
  const add = async (v: EventValues) => {
    const e = await invoke('tracking.addEvent', v);
    changed(tt('timeline.added', { type: eventTypeLabel(e.type), on: longDate(e.on) }));
    closeForm();
  };
  const closeForm = () => {
    setAdding(false);
    requestAnimationFrame(() => recordButton.current?.focus());
  };

  return (
    <section aria-labelledby="timeline-title" className="card tracking">
      <h2 id="timeline-title">{tt('timeline.title')}</h2>
      <StatusLine t={t} onChanged={changed} />
      <Deadlines t={t} platform={PLATFORM_LABELS[c.platform]} />
      <h3 id="events-title" tabIndex={-1} ref={eventsHeading}>
        {tt('timeline.events')}
      </h3>
      {t.events.length ? (
        <ol className="events" aria-labelledby="events-title">
          {t.events.map((e, i) => (
            <EventItem
              key={e.id}
              e={e}
              c={c}
              regulators={regulators}
              today={t.today}
              evidence={evidence}
              events={t.events}
              onChanged={changed}
              onDeleted={() => setAfterDelete({ deleted: e.id, next: t.events[i + 1]?.id ?? null })}
            />
          ))}
        </ol>
      ) : (
        <p className="hint">{tt('timeline.noEvents')}</p>
      )}
      {/* aria-live, not role=status: the case page's status control owns the page's one status message. */}
      <p aria-live="polite" className="ok">
        {message}
      </p>
      <button
        type="button"
        ref={recordButton}
        className={adding ? undefined : 'primary'}
        aria-expanded={adding}
        aria-controls={adding ? 'add-event-form' : undefined}
        onClick={() => {
          if (adding) return closeForm();
          setMessage(null);
          options.reload(); // evidence captured since the page opened can be attached
          setAdding(true);
        }}
      >
        {tt('timeline.record')}
      </button>
      {adding ? (
        <div id="add-event-form" className="add-event">
          <EventForm
            caseId={c.id}
            country={c.country}
            platform={PLATFORM_LABELS[c.platform]}
            regulators={regulators}
            today={t.today}
            evidence={evidence}
            events={t.events}
            onSubmit={add}
            onCancel={closeForm}
            autoFocus
          />
        </div>
      ) : null}
    </section>
  );
}

const editButtonId = (eventId: string) => `edit-event-${eventId}`;

const tr = (key: string, params?: Record<string, unknown>) => i18next.t(`tracking:${key}`, params ?? {});

/** A step the case went past: a reply that never came was missed; a reminder after a reply was not needed. */
function stateWord(s: CaseStep): string {
  if (s.state !== 'passed') return tr(`steps.state.${s.state}`);
  if (s.key === 'reply' && s.due) return tr('steps.state.missed');
  // The core's note says why a step was passed by (English, compared, not shown).
  if (s.key === 'reminder' && (s.noteMsg?.key === 'tracking.stepNote.notNeeded' || s.note?.startsWith('Not needed'))) return tr('steps.state.notNeeded');
  return tr('steps.state.passed');
}

/** What a step says under its name, in a few words: "Sent 30 Apr 2026", "Due 2 Jun 2026", "2 items". */
function stepDetail(s: CaseStep, platform: string): string | null {
  const on = s.on ? shortDate(s.on) : null;
  switch (s.key) {
    case 'evidence':
      return s.count ? tr('steps.items', { count: s.count, n: num(s.count) }) : s.state === 'current' ? tr('steps.captureSetting') : tr('steps.noneYet');
    case 'request':
      return on ? tr('steps.sent', { on }) : null;
    case 'reply':
      if (on) return tr('steps.received', { on });
      if (s.due) return s.state === 'passed' ? tr('steps.noneBy', { due: shortDate(s.due) }) : tr('steps.by', { due: shortDate(s.due) });
      return s.state === 'current' ? tr('steps.awaited') : null;
    case 'reminder':
      if (on) return s.noteMsg?.key === 'tracking.stepNote.organisationComplaint' || s.note?.startsWith('Complaint to ') ? tr('steps.complained', { platform, on }) : tr('steps.sent', { on });
      return null;
    case 'complaint':
      return on ? tr('steps.filed', { on }) : null;
    case 'decision':
      if (s.noteMsg?.key === 'tracking.stepNote.closed' || s.note === 'Case closed') return on ? tr('steps.closedOn', { on }) : tr('steps.closed');
      if (on) return tr('steps.given', { on });
      return s.due ? tr('steps.progressDue', { due: shortDate(s.due) }) : null;
  }
}

/** Where the case stands: the path's six steps, each saying in words whether it is done, current or to come. */
export function CaseSteps({ steps, platform }: { steps: CaseStep[]; /** The case's platform by name. */ platform: string }) {
  const { t } = useTranslation('tracking');
  return (
    <ol className="case-steps" aria-label={t('steps.label')}>
      {steps.map((s) => {
        const detail = stepDetail(s, platform);
        return (
          <li key={s.key} className={`case-step step-${s.state}`} aria-current={s.state === 'current' ? 'step' : undefined}>
            <span className="step-mark" aria-hidden="true">
              {s.state === 'done' ? '✓' : s.state === 'current' ? '●' : s.state === 'passed' ? '–' : '○'}
            </span>
            <span className="step-name">{t(`steps.name.${s.key}`)}</span>
            <span className="step-state">{detail ? t('steps.withDetail', { state: stateWord(s), detail }) : stateWord(s)}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** The one thing to do now, its date, and one button that opens the document it names. */
export function NextStepBox({ t }: { t: CaseTracking }) {
  const { t: tt } = useTranslation('tracking');
  const s = t.nextStep;
  const dueKey = s.due && s.due < t.today ? 'nextStep.wasDue' : s.due === t.today ? 'nextStep.byToday' : 'nextStep.by';
  return (
    <div className={`next-step tone-${s.tone}`} role="region" aria-label={tt('nextStep.label')} id="next-step" tabIndex={-1}>
      <div className="next-step-text">
        <p>
          <Trans t={tt} i18nKey="nextStep.text" values={{ text: msgText(s.textMsg, s.text) }} components={{ strong: <strong /> }} />
        </p>
        {s.due ? (
          <p className="next-step-date">
            <Trans t={tt} i18nKey={dueKey} values={{ date: longDate(s.due) }} components={{ time: <time dateTime={s.due} /> }} />
          </p>
        ) : null}
      </div>
      {s.action ? (
        <a className="button primary" href={s.action.href}>
          {msgText(s.action.labelMsg, s.action.label)}
        </a>
      ) : null}
    </div>
  );
}

function StatusLine({ t, onChanged }: { t: CaseTracking; onChanged(text: string): void }) {
  const { t: tt } = useTranslation('tracking');
  const [busy, setBusy] = useState(false);
  const follow = async () => {
    setBusy(true);
    try {
      await invoke('tracking.useDerivedStatus', { caseId: t.caseId });
      onChanged(tt('status.followsAgain', { status: statusLabel(t.derivedStatus) }));
    } finally {
      setBusy(false);
    }
  };
  if (!t.statusOverridden || t.status === t.derivedStatus) {
    return (
      <p className="status-line">
        <Trans
          t={tt}
          i18nKey="status.fromEvents"
          values={{ status: statusLabel(t.derivedStatus) }}
          components={{ status: <span className={`status status-${t.derivedStatus}`} /> }}
        />
      </p>
    );
  }
  return (
    <p className="status-line">
      <Trans
        t={tt}
        i18nKey={t.statusReason ? 'status.overriddenReason' : 'status.overridden'}
        values={{ status: statusLabel(t.status), derived: statusLabel(t.derivedStatus), reason: t.statusReason ?? '' }}
        components={{ strong: <strong />, data: <span translate="no" /> }}
      />{' '}
      <button type="button" onClick={follow} disabled={busy}>
        {tt('status.follow')}
      </button>
    </p>
  );
}

/** Why a request or complaint has no date, where the law sets none (a US objection, a report to the FDPIC, ...). */
function noDateNotes(t: CaseTracking, platform: string): string[] {
  const f = t.facts;
  return [
    ...f.requests
      .filter((r) => !r.due && r.noDeadlineReason && !t.noDeadlinesReason)
      .map((r) => tr('notes.request', { request: requestTypeLabel(r.type), on: shortDate(r.sentOn), reason: msgText(r.noDeadlineReasonMsg, r.noDeadlineReason ?? '') })),
    ...f.organisationComplaints
      .filter((c) => !c.acknowledgementDue && c.noDeadlineReason)
      .map((c) => tr('notes.organisationComplaint', { platform, on: shortDate(c.sentOn), reason: msgText(c.noDeadlineReasonMsg, c.noDeadlineReason ?? '') })),
    ...f.complaints
      .filter((c) => !c.clock && c.noClockReason)
      .map((c) => tr('notes.complaint', { authority: c.authorityName, on: shortDate(c.filedOn), reason: msgText(c.noClockReasonMsg, c.noClockReason ?? '') })),
  ];
}

function Deadlines({ t, platform }: { t: CaseTracking; platform: string }) {
  const { t: tt } = useTranslation('tracking');
  const notes = noDateNotes(t, platform);
  if (!t.deadlines.length) {
    if (t.noDeadlinesReason) return <p className="hint">{msgText(t.noDeadlinesReasonMsg, t.noDeadlinesReason)}</p>;
    if (notes.length) return <NoDateNotes notes={notes} />;
    return <p className="hint">{tt('deadlines.none')}</p>;
  }
  const exportIcs = async () => download(await invoke('tracking.exportIcs', { caseId: t.caseId }));
  return (
    <>
      <h3 id="deadlines-title">{tt('deadlines.title')}</h3>
      <ul className="deadlines" aria-labelledby="deadlines-title">
        {t.deadlines.map((d) => (
          <DeadlineItem key={d.id} d={d} today={t.today} platform={platform} />
        ))}
      </ul>
      {notes.length ? <NoDateNotes notes={notes} /> : null}
      <button type="button" onClick={() => void exportIcs()}>
        {tt('deadlines.ics')}
      </button>
    </>
  );
}

function NoDateNotes({ notes }: { notes: string[] }) {
  const { t } = useTranslation('tracking');
  return (
    <ul className="hint no-date-notes" aria-label={t('deadlines.withoutDate')}>
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

function DeadlineItem({ d, today, platform }: { d: Deadline; today: string; platform: string }) {
  const { t } = useTranslation('tracking');
  const state = d.state === 'open' && d.due < today ? t('deadlines.state.passed') : t(`deadlines.state.${d.state}`);
  const next = d.further?.find((x) => x >= today);
  return (
    <li className={`deadline deadline-${d.state}${d.state === 'open' && d.due < today ? ' deadline-passed' : ''}`}>
      <p className="deadline-head">
        <span className="deadline-kind">{deadlineLabel(d.kind, platform)}</span>{' '}
        <time dateTime={d.due} className="deadline-due">
          {longDate(d.due)}
        </time>{' '}
        <span className="badge">{state}</span>
      </p>
      <p className="deadline-about">{msgText(d.labelMsg, d.label)}</p>
      {d.state === 'open' && d.due < today && next ? (
        <p>
          <Trans t={t} i18nKey="deadlines.nextPeriod" values={{ date: longDate(next) }} components={{ time: <time dateTime={next} /> }} />
        </p>
      ) : null}
      <p className="rule">
        {msgText(d.ruleMsg, d.rule)} <span className="source">{t('deadlines.source', { source: d.source })}</span>
      </p>
      {d.unverified ? <p className="hint">{t('deadlines.unverified', { text: msgText(d.unverifiedMsg, d.unverified) })}</p> : null}
      <details>
        <summary>
          <Trans
            t={t}
            i18nKey="deadlines.how"
            values={{ kind: deadlineLabel(d.kind, platform), label: msgText(d.labelMsg, d.label) }}
            components={{ hidden: <span className="visually-hidden" /> }}
          />
        </summary>
        <ol className="steps">
          {d.steps.map((s, i) => (
            <li key={i}>{msgText(d.stepsMsg?.[i], s)}</li>
          ))}
        </ol>
      </details>
    </li>
  );
}

function EventItem(props: {
  e: CaseEvent;
  c: Case;
  regulators: Regulators;
  today: string;
  evidence: EvidenceOption[];
  events: CaseEvent[];
  onChanged(text: string): void;
  onDeleted(): void;
}) {
  const { e } = props;
  const { t } = useTranslation('tracking');
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmBox = useRef<HTMLDivElement>(null);
  // Where focus returns when the confirmation or the edit form closes without deleting.
  const back = useRef<'edit' | 'delete' | null>(null);
  useEffect(() => {
    if (mode === 'confirm') confirmBox.current?.focus();
    else if (mode === 'view' && back.current) {
      document.getElementById(back.current === 'edit' ? editButtonId(e.id) : `delete-event-${e.id}`)?.focus();
      back.current = null;
    }
  }, [mode, e.id]);
  const label = t('event.label', { type: eventTypeLabel(e.type), on: longDate(e.on) });
  const remove = async () => {
    setBusy(true);
    try {
      await invoke('tracking.deleteEvent', { id: e.id });
      props.onDeleted();
      props.onChanged(e.ref ? t('event.deletedRef', { label, ref: e.ref }) : t('event.deleted', { label }));
    } catch (x) {
      setErr(errorText(x));
      setBusy(false);
    }
  };
  const save = async (v: EventValues) => {
    const { caseId: _ignored, ...fields } = v;
    await invoke('tracking.updateEvent', { id: e.id, ...fields });
    back.current = 'edit';
    setMode('view');
    props.onChanged(t('event.saved', { type: eventTypeLabel(v.type), on: longDate(v.on) }));
  };
  const evidenceTitles = e.evidenceIds.map((id) => props.evidence.find((x) => x.id === id)?.title ?? id);
  const thread = e.forEventId ? props.events.find((x) => x.id === e.forEventId) : undefined;
  return (
    <li className={`event event-${e.type}`}>
      <p className="event-head">
        <time dateTime={e.on}>{longDate(e.on)}</time> <strong>{eventTypeLabel(e.type)}</strong>
        {e.requestType ? <span> {t('event.requestType', { request: requestTypeLabel(e.requestType) })}</span> : null}
        {e.asks ? <span className="hint"> · {i18next.exists(`tracking:event.asks.${e.asks}`) ? t(`event.asks.${e.asks}`) : e.asks}</span> : null}
        {e.channel ? <span className="hint"> {t('event.by', { channel: channelLabel(e.channel) })}</span> : null}
        {e.receivedOn && e.receivedOn !== e.on ? <span className="hint">{t('event.received', { on: longDate(e.receivedOn) })}</span> : null}
        {e.authority ? (
          <span className="hint">
            {' · '}
            <span translate="no">{authorityLabel(props.regulators, e.authority)}</span>
          </span>
        ) : null}
        {e.ref ? (
          <span className="ref">
            {' · '}
            <Trans t={t} i18nKey="event.ref" values={{ ref: e.ref }} components={{ data: <span translate="no" /> }} />
          </span>
        ) : null}
      </p>
      {thread ? <p className="hint">{t('event.for', { thread: threadName(thread) })}</p> : null}
      {e.note ? (
        <p className="event-note" translate="no">
          {e.note}
        </p>
      ) : null}
      {evidenceTitles.length ? (
        <p className="hint">
          <Trans t={t} i18nKey="event.evidence" values={{ titles: evidenceTitles.join(', ') }} components={{ data: <span translate="no" /> }} />
        </p>
      ) : null}
      {mode === 'view' ? (
        <div className="event-actions">
          <button type="button" id={editButtonId(e.id)} onClick={() => setMode('edit')} aria-label={t('event.editLabel', { label })}>
            {t('event.edit')}
          </button>
          <button type="button" id={`delete-event-${e.id}`} className="danger" onClick={() => setMode('confirm')} aria-label={t('event.deleteLabel', { label })}>
            {t('event.delete')}
          </button>
        </div>
      ) : null}
      {mode === 'confirm' ? (
        // Focus lands on the question, not on a button, and "Keep it" comes first: a second Enter deletes nothing.
        <div className="confirm" role="group" aria-label={t('event.confirmLabel', { label })} aria-describedby={`confirm-text-${e.id}`} tabIndex={-1} ref={confirmBox}>
          <p id={`confirm-text-${e.id}`}>{t('event.confirmText', { label })}</p>
          <button
            type="button"
            onClick={() => {
              back.current = 'delete';
              setMode('view');
              setErr(null);
            }}
          >
            {t('event.keep')}
          </button>{' '}
          <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
            {busy ? t('event.deleting') : t('event.yesDelete')}
          </button>
        </div>
      ) : null}
      {mode === 'edit' ? (
        <EventForm
          caseId={props.c.id}
          country={props.c.country}
          platform={PLATFORM_LABELS[props.c.platform]}
          regulators={props.regulators}
          today={props.today}
          evidence={props.evidence}
          events={props.events}
          event={e}
          onSubmit={save}
          onCancel={() => {
            back.current = 'edit';
            setMode('view');
          }}
          autoFocus
        />
      ) : null}
      {err ? (
        <p role="alert" className="error">
          {err}
        </p>
      ) : null}
    </li>
  );
}
