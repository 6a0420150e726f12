import { useEffect, useRef, useState } from 'react';
import { CASE_STATUS_LABELS, jurisdictionFor, type Case } from '../../../electron/core/contract';
import {
  CHANNEL_LABELS,
  CLARIFICATION_LABELS,
  DEADLINE_LABELS,
  EVENT_TYPE_LABELS,
  REQUEST_TYPE_LABELS,
  type CaseEvent,
  type CaseStep,
  type CaseStepKey,
  type CaseTracking,
  type Channel,
  type ClarificationKind,
  type Deadline,
  type EvidenceOption,
  type RequestType,
} from '../../../electron/core/contract/tracking';
import { invoke } from '../api';
import { useAsync } from '../ui/useAsync';
import { EventForm, type EventValues } from './EventForm';
import { announceChange, download, errorText, longDate, shortDate, threadName } from './format';
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
    changed(`Added: ${EVENT_TYPE_LABELS[e.type]} on ${longDate(e.on)}.`);
    closeForm();
  };
  const closeForm = () => {
    setAdding(false);
    requestAnimationFrame(() => recordButton.current?.focus());
  };

  return (
    <section aria-labelledby="timeline-title" className="card tracking">
      <h2 id="timeline-title">Timeline and deadlines</h2>
      <StatusLine t={t} onChanged={changed} />
      <Deadlines t={t} />
      <h3 id="events-title" tabIndex={-1} ref={eventsHeading}>
        Events
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
        <p className="hint">No events yet. Record each step as it happens; the deadlines follow from them.</p>
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
        Record an event
      </button>
      {adding ? (
        <div id="add-event-form" className="add-event">
          <EventForm
            caseId={c.id}
            country={c.country}
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

const STEP_LABELS: Record<CaseStepKey, string> = {
  evidence: 'Evidence',
  request: 'Request',
  reply: 'Reply due',
  reminder: 'Reminder',
  complaint: 'Complaint',
  decision: 'Decision',
};
const STATE_WORDS: Record<CaseStep['state'], string> = { done: 'Done', current: 'Now', upcoming: 'To come', passed: 'Skipped' };
/** A step the case went past: a reply that never came was missed; a reminder after a reply was not needed. */
function stateWord(s: CaseStep): string {
  if (s.state !== 'passed') return STATE_WORDS[s.state];
  if (s.key === 'reply' && s.due) return 'Missed';
  if (s.key === 'reminder' && s.note?.startsWith('Not needed')) return 'Not needed';
  return STATE_WORDS.passed;
}

/** What a step says under its name, in a few words: "Sent 30 Apr 2026", "Due 2 Jun 2026", "2 items". */
function stepDetail(s: CaseStep): string | null {
  const on = s.on ? shortDate(s.on) : null;
  switch (s.key) {
    case 'evidence':
      return s.count ? `${num(s.count)} ${s.count === 1 ? 'item' : 'items'}` : s.state === 'current' ? 'Capture the setting' : 'None yet';
    case 'request':
      return on ? `Sent ${on}` : null;
    case 'reply':
      if (on) return `Received ${on}`;
      if (s.due) return s.state === 'passed' ? `None by ${shortDate(s.due)}` : `By ${shortDate(s.due)}`;
      return s.state === 'current' ? 'Awaited' : null;
    case 'reminder':
      if (on) return `${s.note === 'Complaint to LinkedIn' ? 'Complained to LinkedIn' : 'Sent'} ${on}`;
      return null;
    case 'complaint':
      return on ? `Filed ${on}` : null;
    case 'decision':
      if (s.note === 'Case closed') return on ? `Closed ${on}` : 'Case closed';
      if (on) return `Given ${on}`;
      return s.due ? `Progress due ${shortDate(s.due)}` : null;
  }
}

/** Where the case stands: the path's six steps, each saying in words whether it is done, current or to come. */
export function CaseSteps({ steps }: { steps: CaseStep[] }) {
  return (
    <ol className="case-steps" aria-label="Where your case stands">
      {steps.map((s) => {
        const detail = stepDetail(s);
        return (
          <li key={s.key} className={`case-step step-${s.state}`} aria-current={s.state === 'current' ? 'step' : undefined}>
            <span className="step-mark" aria-hidden="true">
              {s.state === 'done' ? '✓' : s.state === 'current' ? '●' : s.state === 'passed' ? '–' : '○'}
            </span>
            <span className="step-name">{STEP_LABELS[s.key]}</span>
            <span className="step-state">
              {stateWord(s)}
              {detail ? ` · ${detail}` : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The one thing to do now, its date, and one button that opens the document it names. */
export function NextStepBox({ t }: { t: CaseTracking }) {
  const s = t.nextStep;
  return (
    <div className={`next-step tone-${s.tone}`} role="region" aria-label="Next step" id="next-step" tabIndex={-1}>
      <div className="next-step-text">
        <p>
          <strong>Next step: </strong>
          {s.text}
        </p>
        {s.due ? (
          <p className="next-step-date">
            {s.due < t.today ? 'Was due' : 'By'} <time dateTime={s.due}>{longDate(s.due)}</time>
            {s.due === t.today ? ' (today)' : ''}
          </p>
        ) : null}
      </div>
      {s.action ? (
        <a className="button primary" href={s.action.href}>
          {s.action.label}
        </a>
      ) : null}
    </div>
  );
}

function StatusLine({ t, onChanged }: { t: CaseTracking; onChanged(text: string): void }) {
  const [busy, setBusy] = useState(false);
  const follow = async () => {
    setBusy(true);
    try {
      await invoke('tracking.useDerivedStatus', { caseId: t.caseId });
      onChanged(`Status follows the events again: ${CASE_STATUS_LABELS[t.derivedStatus]}.`);
    } finally {
      setBusy(false);
    }
  };
  if (!t.statusOverridden || t.status === t.derivedStatus) {
    return <p className="status-line">Status from the events: <span className={`status status-${t.derivedStatus}`}>{CASE_STATUS_LABELS[t.derivedStatus]}</span></p>;
  }
  return (
    <p className="status-line">
      You set the status to <strong>{CASE_STATUS_LABELS[t.status]}</strong>
      {t.statusReason ? ` (${t.statusReason})` : ''}; the events say <strong>{CASE_STATUS_LABELS[t.derivedStatus]}</strong>.{' '}
      <button type="button" onClick={follow} disabled={busy}>
        Follow the events
      </button>
    </p>
  );
}

/** Why a request or complaint has no date, where the law sets none (a US objection, a report to the FDPIC, ...). */
function noDateNotes(t: CaseTracking): string[] {
  const f = t.facts;
  return [
    ...f.requests
      .filter((r) => !r.due && r.noDeadlineReason && !t.noDeadlinesReason)
      .map((r) => `${REQUEST_TYPE_LABELS[r.type]} of ${shortDate(r.sentOn)}: ${r.noDeadlineReason}`),
    ...f.organisationComplaints
      .filter((c) => !c.acknowledgementDue && c.noDeadlineReason)
      .map((c) => `Complaint to LinkedIn of ${shortDate(c.sentOn)}: ${c.noDeadlineReason}`),
    ...f.complaints.filter((c) => !c.clock && c.noClockReason).map((c) => `Complaint to ${c.authorityName} of ${shortDate(c.filedOn)}: ${c.noClockReason}`),
  ];
}

function Deadlines({ t }: { t: CaseTracking }) {
  const notes = noDateNotes(t);
  if (!t.deadlines.length) {
    if (t.noDeadlinesReason) return <p className="hint">{t.noDeadlinesReason}</p>;
    if (notes.length) return <NoDateNotes notes={notes} />;
    return <p className="hint">No deadline yet: the first one starts when you record a request.</p>;
  }
  const exportIcs = async () => download(await invoke('tracking.exportIcs', { caseId: t.caseId }));
  return (
    <>
      <h3 id="deadlines-title">Deadlines</h3>
      <ul className="deadlines" aria-labelledby="deadlines-title">
        {t.deadlines.map((d) => (
          <DeadlineItem key={d.id} d={d} today={t.today} />
        ))}
      </ul>
      {notes.length ? <NoDateNotes notes={notes} /> : null}
      <button type="button" onClick={() => void exportIcs()}>
        Add these deadlines to a calendar (.ics)
      </button>
    </>
  );
}

function NoDateNotes({ notes }: { notes: string[] }) {
  return (
    <ul className="hint no-date-notes" aria-label="Without a legal deadline">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

const STATE_LABEL: Record<Deadline['state'], string> = { open: 'Open', met: 'Met', moot: 'No longer needed', paused: 'Clock stopped' };

function DeadlineItem({ d, today }: { d: Deadline; today: string }) {
  const state = d.state === 'open' && d.due < today ? 'Passed' : STATE_LABEL[d.state];
  const next = d.further?.find((x) => x >= today);
  return (
    <li className={`deadline deadline-${d.state}${d.state === 'open' && d.due < today ? ' deadline-passed' : ''}`}>
      <p className="deadline-head">
        <span className="deadline-kind">{DEADLINE_LABELS[d.kind]}</span>{' '}
        <time dateTime={d.due} className="deadline-due">
          {longDate(d.due)}
        </time>{' '}
        <span className="badge">{state}</span>
      </p>
      <p className="deadline-about">{d.label}</p>
      {d.state === 'open' && d.due < today && next ? (
        <p>
          The next three-month period ends on <time dateTime={next}>{longDate(next)}</time>.
        </p>
      ) : null}
      <p className="rule">
        {d.rule} <span className="source">Source: {d.source}.</span>
      </p>
      {d.unverified ? <p className="hint">Not confirmed: {d.unverified}</p> : null}
      <details>
        <summary>
          How this date was worked out<span className="visually-hidden">: {DEADLINE_LABELS[d.kind]}, {d.label}</span>
        </summary>
        <ol className="steps">
          {d.steps.map((s, i) => (
            <li key={i}>{s}</li>
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
  const label = `${EVENT_TYPE_LABELS[e.type]} on ${longDate(e.on)}`;
  const remove = async () => {
    setBusy(true);
    try {
      await invoke('tracking.deleteEvent', { id: e.id });
      props.onDeleted();
      props.onChanged(`Deleted: ${label}${e.ref ? ` (ref ${e.ref})` : ''}. The deadlines were worked out again without it.`);
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
    props.onChanged(`Saved: ${EVENT_TYPE_LABELS[v.type]} on ${longDate(v.on)}.`);
  };
  const evidenceTitles = e.evidenceIds.map((id) => props.evidence.find((x) => x.id === id)?.title ?? id);
  const thread = e.forEventId ? props.events.find((x) => x.id === e.forEventId) : undefined;
  return (
    <li className={`event event-${e.type}`}>
      <p className="event-head">
        <time dateTime={e.on}>{longDate(e.on)}</time> <strong>{EVENT_TYPE_LABELS[e.type]}</strong>
        {e.requestType ? <span> ({REQUEST_TYPE_LABELS[e.requestType as RequestType] ?? e.requestType})</span> : null}
        {e.asks ? <span className="hint"> · asked for {CLARIFICATION_LABELS[e.asks as ClarificationKind]?.toLowerCase() ?? e.asks}</span> : null}
        {e.channel ? <span className="hint"> by {CHANNEL_LABELS[e.channel as Channel] ?? e.channel}</span> : null}
        {e.receivedOn && e.receivedOn !== e.on ? <span className="hint">, received {longDate(e.receivedOn)}</span> : null}
        {e.authority ? <span className="hint"> · {authorityLabel(props.regulators, e.authority)}</span> : null}
        {e.ref ? <span className="ref"> · Ref {e.ref}</span> : null}
      </p>
      {thread ? <p className="hint">For: {threadName(thread)}</p> : null}
      {e.note ? <p className="event-note">{e.note}</p> : null}
      {evidenceTitles.length ? <p className="hint">Evidence: {evidenceTitles.join(', ')}</p> : null}
      {mode === 'view' ? (
        <div className="event-actions">
          <button type="button" id={editButtonId(e.id)} onClick={() => setMode('edit')} aria-label={`Edit ${label}`}>
            Edit
          </button>
          <button type="button" id={`delete-event-${e.id}`} className="danger" onClick={() => setMode('confirm')} aria-label={`Delete ${label}`}>
            Delete
          </button>
        </div>
      ) : null}
      {mode === 'confirm' ? (
        // Focus lands on the question, not on a button, and "Keep it" comes first: a second Enter deletes nothing.
        <div className="confirm" role="group" aria-label={`Confirm deleting ${label}`} aria-describedby={`confirm-text-${e.id}`} tabIndex={-1} ref={confirmBox}>
          <p id={`confirm-text-${e.id}`}>Delete “{label}”? The deadlines will be worked out again without it; the custody log keeps a record.</p>
          <button
            type="button"
            onClick={() => {
              back.current = 'delete';
              setMode('view');
              setErr(null);
            }}
          >
            Keep it
          </button>{' '}
          <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
            {busy ? 'Deleting…' : 'Yes, delete it'}
          </button>
        </div>
      ) : null}
      {mode === 'edit' ? (
        <EventForm
          caseId={props.c.id}
          country={props.c.country}
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
