import { useEffect, useState } from 'react';
import { CASE_STATUSES, CASE_STATUS_LABELS, PLATFORM_LABELS, type CaseStatus } from '../../../electron/core/contract';
import { invoke } from '../api';
import { DraftPanel } from '../drafting/DraftPanel';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { href } from '../router';
import { TimelinePanel } from '../tracking/TimelinePanel';
import { countryName } from '../ui/countries';
import { useAsync } from '../ui/useAsync';
import { JurisdictionSummary } from './JurisdictionSummary';

export function CasePage({ id, section }: { id: string; section: string[] }) {
  const { data: c, error, reload } = useAsync(() => invoke('cases.get', { id }), [id]);
  if (error) {
    return (
      <section>
        <h1>Case not found</h1>
        <p role="alert" className="error">
          {error}
        </p>
        <a href={href()}>Back to cases</a>
      </section>
    );
  }
  if (!c) return <p aria-busy="true">Loading case…</p>;
  return (
    <article aria-labelledby="case-title" className="case-page">
      <p className="breadcrumb">
        <a href={href()}>Cases</a> / {c.title}
      </p>
      <h1 id="case-title">{c.title}</h1>
      <SectionNav />
      <div className="case-grid">
        <section aria-labelledby="details-title" className="card">
          <h2 id="details-title">Details</h2>
          <dl className="details">
            <dt>Member</dt>
            <dd>
              {c.name} &lt;{c.email}&gt;
            </dd>
            <dt>Platform</dt>
            <dd>{PLATFORM_LABELS[c.platform]}</dd>
            <dt>Country</dt>
            <dd>
              {countryName(c.country)} ({c.country})
            </dd>
            <dt>Created</dt>
            <dd>
              <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString('en-GB')}</time>
            </dd>
          </dl>
          <StatusControl id={c.id} status={c.status} reason={c.statusReason} onSaved={reload} />
        </section>
        <JurisdictionSummary country={c.country} region={c.region} caseId={c.id} onRegionSaved={reload} />
      </div>
      <TimelinePanel case={c} section={section} onChange={reload} />
      <EvidencePanel case={c} section={section} onChange={reload} />
      <DraftPanel case={c} section={section} onChange={reload} />
    </article>
  );
}

function StatusControl(props: { id: string; status: CaseStatus; reason: string | null; onSaved(): void }) {
  const [status, setStatus] = useState<CaseStatus>(props.status);
  const [reason, setReason] = useState(props.reason ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // Events can move the status (tracking); follow it when the case reloads.
  useEffect(() => {
    setStatus(props.status);
    setReason(props.reason ?? '');
  }, [props.status, props.reason]);
  const changed = status !== props.status || reason !== (props.reason ?? '');

  const save = async () => {
    setSaving(true);
    setMessage(null);
    try {
      await invoke('cases.setStatus', { id: props.id, status, reason: reason || undefined });
      setMessage({ kind: 'ok', text: `Status saved: ${CASE_STATUS_LABELS[status]}.` });
      props.onSaved();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="status-control"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="case-status">Status</label>
      <div className="row">
        <select id="case-status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CASE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!changed || saving}>
          {saving ? 'Saving…' : 'Save status'}
        </button>
      </div>
      <label htmlFor="status-reason">Reason (optional)</label>
      <input id="status-reason" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      <p role="status" className={message?.kind === 'error' ? 'error' : 'ok'}>
        {message?.text}
      </p>
    </form>
  );
}

const SECTIONS = [
  { heading: 'timeline-title', label: 'Timeline and deadlines' },
  { heading: 'evidence-title', label: 'Evidence' },
  { heading: 'drafts-title', label: 'Letters and complaints' },
];

/** Jumps within a long case page. Buttons, not #anchors: the hash is the router's. */
function SectionNav() {
  const jump = (id: string) => {
    const heading = document.getElementById(id);
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  return (
    <nav aria-label="On this page" className="section-nav">
      {SECTIONS.map((s) => (
        <button key={s.heading} type="button" className="link-button" onClick={() => jump(s.heading)}>
          {s.label}
        </button>
      ))}
    </nav>
  );
}
