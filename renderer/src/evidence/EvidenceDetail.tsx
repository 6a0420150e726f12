import { useState } from 'react';
import { TOGGLE_STATES, type ToggleState } from '../../../electron/core/contract/evidence';
import { fileUrl, invoke } from '../api';
import { fileSize, num } from '../ui/dates';
import { href } from '../router';
import { useAsync } from '../ui/useAsync';
import { errorText, KIND_LABELS, TOGGLE_LABELS, when } from './format';
import { BackToEvidence, useArrivalFocus, useReturnTo } from './view';

/**
 * One item on its own route (`#/cases/<case>/evidence/<item>`): its picture, the switch state to confirm or correct,
 * its record and its files with hashes. The heading takes focus when the item is there.
 */
export function EvidenceDetail(props: { caseId: string; id: string; onChange(): void }) {
  const item = useAsync(() => invoke('evidence.get', { id: props.id }), [props.id]);
  const [choice, setChoice] = useState<ToggleState | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const heading = useArrivalFocus(item.data ? `item:${props.caseId}:${props.id}:${item.data.caseId}` : item.error ? `error:${props.caseId}:${props.id}` : null);
  useReturnTo(props.caseId, props.id);
  if (item.error)
    return (
      <div className="evidence-detail">
        <h2 id="evidence-view-title" tabIndex={-1} ref={heading}>
          This evidence item cannot be shown
        </h2>
        <p role="alert" className="error">
          {item.error}
        </p>
        <BackToEvidence caseId={props.caseId} />
      </div>
    );
  if (!item.data)
    return (
      <div className="evidence-detail">
        <h2 id="evidence-view-title" tabIndex={-1} ref={heading}>
          Evidence item
        </h2>
        <p aria-busy="true">Loading the item…</p>
      </div>
    );
  const e = item.data;
  if (e.caseId !== props.caseId)
    return (
      <div className="evidence-detail">
        <h2 id="evidence-view-title" tabIndex={-1} ref={heading}>
          This item belongs to another case
        </h2>
        <p>
          “{e.title}” is evidence in another case. <a href={href('cases', e.caseId, 'evidence', e.id)}>Open it in its own case</a>
        </p>
        <BackToEvidence caseId={props.caseId} />
      </div>
    );
  const detected = e.toggleReading?.state;
  const current = choice ?? e.toggle?.state ?? 'unknown';
  const picture = e.artifacts.some((a) => a.kind === 'screenshot') || e.mime.startsWith('image/');
  const actions = Array.isArray(e.record.actions) ? (e.record.actions as string[]) : [];

  return (
    <div className="evidence-detail">
      <h2 id="evidence-view-title" tabIndex={-1} ref={heading}>
        {KIND_LABELS[e.kind] ?? e.kind}: {e.title}
      </h2>
      <p className="view-nav">
        <BackToEvidence caseId={props.caseId} />
      </p>
      {e.purpose === 'setting' && e.toggle ? (
        <form
          className="toggle-confirm"
          onSubmit={async (ev) => {
            ev.preventDefault();
            try {
              const s = await invoke('evidence.confirmToggle', { id: e.id, state: current });
              setMessage({ ok: true, text: `Recorded: the switch was ${TOGGLE_LABELS[s.toggle!.state]} (${s.toggle!.confirmedBy === 'hand' ? 'set by hand' : 'as read from the page'}).` });
              item.reload();
              props.onChange();
            } catch (err) {
              setMessage({ ok: false, text: errorText(err) });
            }
          }}
        >
          <p className="detected">
            Detected from the page: <strong className={`toggle toggle-${detected}`}>{TOGGLE_LABELS[detected ?? 'unknown']}</strong>
            {e.toggleReading?.label ? <span className="rule">Control: “{e.toggleReading.label}” ({e.toggleReading.raw})</span> : null}
            {detected === 'unknown' ? <span className="rule">The switch was not found (a login wall or another layout). Look at the screenshot and say what it shows.</span> : null}
          </p>
          <fieldset>
            <legend>What does the screenshot show?</legend>
            {TOGGLE_STATES.map((s) => (
              <label key={s} className="radio">
                <input type="radio" name="toggle-state" value={s} checked={current === s} onChange={() => setChoice(s)} /> {TOGGLE_LABELS[s]}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary">
            {current === detected ? 'Confirm state' : 'Save correction'}
          </button>{' '}
          <span aria-live="polite" className={message ? (message.ok ? 'ok' : 'error') : undefined}>
            {message?.text}
          </span>
        </form>
      ) : null}
      {picture ? (
        <figure className="evidence-shot">
          <img src={fileUrl('evidence', e.id)} alt={`Screenshot of ${e.title}`} />
          <figcaption>
            {e.sourceUrl ?? e.filename} · {when(e.capturedAt ?? e.addedAt)}
          </figcaption>
        </figure>
      ) : null}
      <dl className="details">
        {e.sourceUrl ? (
          <>
            <dt>Address</dt>
            <dd>{e.sourceUrl}</dd>
          </>
        ) : null}
        <dt>Captured</dt>
        <dd>{when(e.capturedAt)}</dd>
        <dt>Added</dt>
        <dd>{when(e.addedAt)}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="hash-full">{e.sha256}</code>
        </dd>
        {typeof e.record.userAgent === 'string' ? (
          <>
            <dt>Browser</dt>
            <dd>{e.record.userAgent}</dd>
          </>
        ) : null}
        {actions.length ? (
          <>
            <dt>Actions on the page</dt>
            <dd>
              <ul>
                {actions.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <table className="evidence-files">
        <caption>Stored files</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Type</th>
            <th scope="col">Size</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {e.artifacts.map((a) => (
            <tr key={a.kind}>
              <td>
                <a href={fileUrl('evidence', `${e.id}.${a.kind}`, { download: true })} download>
                  {a.kind}
                </a>
              </td>
              <td>{a.mime}</td>
              <td>{a.size < 1024 ? fileSize(a.size) : `${fileSize(a.size)} (${num(a.size)} bytes)`}</td>
              <td>
                <code className="hash-full">{a.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="view-nav">
        <BackToEvidence caseId={props.caseId} />
      </p>
    </div>
  );
}
