import { useState } from 'react';
import { CASE_STATUS_LABELS, jurisdictionFor, type Case } from '../../../electron/core/contract';
import {
  CHANNEL_LABELS,
  CLARIFICATION_LABELS,
  DEADLINE_LABELS,
  EVENT_TYPE_LABELS,
  REQUEST_TYPE_LABELS,
  type CaseEvent,
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

type Regulators = readonly { id: string; shortName: string; name: string }[];
const authorityLabel = (regulators: Regulators, a: string) => regulators.find((r) => r.id === a)?.shortName ?? a;

/** The case's regulators from the authority data (the member's home authority, the lead authority). */
function useRegulators(c: Case): Regulators {
  const j = useAsync(() => invoke('jurisdiction.get', { country: c.country, region: c.region ?? null }), [c.country, c.region]);
  return j.data?.regulators ?? jurisdictionFor(c.country).regulators;
}

/** The tracking section of the case page: next step, deadlines with their rules, status, and the timeline. */
export function TimelinePanel(props: { case: Case; section: string[]; onChange(): void }) {
  const c = props.case;
  const regulators = useRegulators(c);
  const { data, error, reload } = useAsync(
    () => Promise.all([invoke('tracking.get', { caseId: c.id }), invoke('tracking.evidenceOptions', { caseId: c.id })]),
    [c.id, c.status, c.updatedAt],
  );
  const [message, setMessage] = useState<string | null>(null);
  if (error) return <p role="alert" className="error">Could not load the timeline: {error}</p>;
  if (!data) return <p aria-busy="true">Loading timeline…</p>;
  const [t, evidence] = data;

  const changed = (text: string) => {
    setMessage(text);
    reload();
    props.onChange();
    announceChange();
  };
  const add = async (v: EventValues) => {
    const e = await invoke('tracking.addEvent', v);
    changed(`Added: ${EVENT_TYPE_LABELS[e.type]} on ${longDate(e.on)}.`);
  };

  return (
    <section aria-labelledby="timeline-title" className="card tracking">
      <h2 id="timeline-title">Timeline and deadlines</h2>
      <NextStepBox t={t} />
      <StatusLine t={t} onChanged={changed} />
      <Deadlines t={t} />
      <h3 id="events-title">Events</h3>
      {t.events.length ? (
        <ol className="events" aria-labelledby="events-title">
          {t.events.map((e) => (
            <EventItem key={e.id} e={e} c={c} regulators={regulators} today={t.today} evidence={evidence} events={t.events} onChanged={changed} />
          ))}
        </ol>
      ) : (
        <p className="hint">No events yet. Record each step as it happens; the deadlines follow from them.</p>
      )}
      {/* aria-live, not role=status: the case page's status control owns the page's one status message. */}
      <p aria-live="polite" className="ok">
        {message}
      </p>
      <h3 id="add-event-title">Add an event</h3>
      <EventForm caseId={c.id} country={c.country} regulators={regulators} today={t.today} evidence={evidence} events={t.events} onSubmit={add} />
    </section>
  );
}

function NextStepBox({ t }: { t: CaseTracking }) {
  const s = t.nextStep;
  return (
    <div className={`next-step tone-${s.tone}`} role="region" aria-label="Next step">
      <p>
        <strong>Next step: </strong>
        {s.text}
      </p>
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
        <summary>How this date was worked out</summary>
        <ol className="steps">
          {d.steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      </details>
    </li>
  );
}

function EventItem(props: { e: CaseEvent; c: Case; regulators: Regulators; today: string; evidence: EvidenceOption[]; events: CaseEvent[]; onChanged(text: string): void }) {
  const { e } = props;
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const [err, setErr] = useState<string | null>(null);
  const label = `${EVENT_TYPE_LABELS[e.type]} on ${longDate(e.on)}`;
  const remove = async () => {
    try {
      await invoke('tracking.deleteEvent', { id: e.id });
      props.onChanged(`Deleted: ${label}.`);
    } catch (x) {
      setErr(errorText(x));
    }
  };
  const save = async (v: EventValues) => {
    const { caseId: _ignored, ...fields } = v;
    await invoke('tracking.updateEvent', { id: e.id, ...fields });
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
          <button type="button" onClick={() => setMode('edit')} aria-label={`Edit ${label}`}>
            Edit
          </button>
          <button type="button" className="danger" onClick={() => setMode('confirm')} aria-label={`Delete ${label}`}>
            Delete
          </button>
        </div>
      ) : null}
      {mode === 'confirm' ? (
        <div className="confirm" role="group" aria-label={`Confirm deleting ${label}`}>
          <p>Delete “{label}”? The deadlines will be worked out again without it; the custody log keeps a record.</p>
          <button type="button" className="danger" onClick={() => void remove()} autoFocus>
            Yes, delete it
          </button>{' '}
          <button type="button" onClick={() => (setMode('view'), setErr(null))}>
            Keep it
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
          onCancel={() => setMode('view')}
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
