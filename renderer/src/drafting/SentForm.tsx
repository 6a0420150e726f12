import { useEffect, useRef, useState } from 'react';
import type { DraftView, MarkSentResult } from '../../../electron/core/contract/drafting';
import { CHANNEL_LABELS, CHANNELS, EVENT_TYPE_LABELS, type Channel } from '../../../electron/core/contract/tracking';
import { invoke } from '../api';
import { href } from '../router';
import { longDate } from '../ui/dates';

/** Today in the user's own time zone, as YYYY-MM-DD (what a date input holds). */
function todayLocal(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}


/**
 * "I have sent it": the member says the document went out (an export, or a web form's fields as copied). Redress
 * records it on the timeline and files what was sent as evidence, so a later complaint can attach it.
 */
export function SentForm(props: { view: DraftView; exportId?: string; exportFormat?: string; onSent(r: MarkSentResult): void; onCancel(): void }) {
  const v = props.view;
  const defaultChannel: Channel = !props.exportId ? 'webform' : props.exportFormat === 'eml' ? 'email' : v.template.formUrl ? 'webform' : 'post';
  const [on, setOn] = useState(todayLocal());
  const [channel, setChannel] = useState<Channel>(defaultChannel);
  const [receivedOn, setReceivedOn] = useState('');
  const [ref, setRef] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<MarkSentResult | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('drafting.markSent', {
        caseId: v.caseId,
        templateId: v.template.id,
        ...(props.exportId ? { exportId: props.exportId } : {}),
        on,
        channel,
        ...(channel === 'post' && receivedOn ? { receivedOn } : {}),
        ...(ref.trim() ? { ref: ref.trim() } : {}),
      });
      setDone(r);
      props.onSent(r);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <section className="sent-box" aria-labelledby="sent-title">
        <h3 id="sent-title">Recorded as sent</h3>
        <p className="ok" ref={doneRef} tabIndex={-1}>
          “{EVENT_TYPE_LABELS[done.eventType]}” on {longDate(on)}
          {ref.trim() ? ` (reference ${ref.trim()})` : ''} is on the case’s timeline. What you sent is kept as evidence: “{done.evidenceTitle}”, and a
          later complaint lists it among its documents.
        </p>
        <p>
          <a href={href('cases', v.caseId)}>Back to the case</a>
        </p>
      </section>
    );
  }

  return (
    <section className="sent-box" aria-labelledby="sent-title">
      <h3 id="sent-title" ref={heading} tabIndex={-1}>
        I have sent it
      </h3>
      <p className="hint">
        Redress records the date on the case’s timeline (the reply date counts from it) and keeps {props.exportId ? 'the exported file' : 'the fields as you copied them'} as
        evidence of what you sent.
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="sent-grid">
          <div className="field">
            <label htmlFor="sent-on">Date sent</label>
            <input id="sent-on" type="date" value={on} max={todayLocal()} onChange={(e) => setOn(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="sent-channel">Sent by</label>
            <select id="sent-channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          {channel === 'post' ? (
            <div className="field">
              <label htmlFor="sent-received">Date it arrived</label>
              <input id="sent-received" type="date" value={receivedOn} min={on} onChange={(e) => setReceivedOn(e.target.value)} aria-describedby="sent-received-hint" />
              <p className="hint" id="sent-received-hint">
                From the postal tracking. The month for the answer counts from this day.
              </p>
            </div>
          ) : null}
          <div className="field sent-ref">
            <label htmlFor="sent-ref">Case or reference number they gave you (optional)</label>
            <input id="sent-ref" value={ref} maxLength={200} onChange={(e) => setRef(e.target.value)} aria-describedby="sent-ref-hint" />
            <p className="hint" id="sent-ref-hint">
              From the confirmation page or email, if you got one. You can add it later on the timeline.
            </p>
          </div>
        </div>
        {error ? (
          <p role="alert" className="error pre">
            {error}
          </p>
        ) : null}
        <div className="sent-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record it as sent'}
          </button>
          <button type="button" onClick={props.onCancel}>
            Not yet
          </button>
        </div>
      </form>
    </section>
  );
}
