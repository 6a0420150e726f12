import { useState } from 'react';
import type { Case } from '../../../electron/core/contract';
import type { EvidenceSummary, VerifyResult } from '../../../electron/core/contract/evidence';
import { invoke } from '../api';
import { href, navigate } from '../router';
import { useAsync } from '../ui/useAsync';
import { CaptureForms } from './CaptureForms';
import { CustodyLog } from './CustodyLog';
import { DiffView } from './DiffView';
import { EvidenceDetail } from './EvidenceDetail';
import { errorText, KIND_LABELS, shortHash, TOGGLE_LABELS, when } from './format';
import { ImportFiles } from './ImportFiles';

/** The evidence section of the case page: `#/cases/<id>/evidence[/<item> | /diff/<a>/<b>]`. */
export function EvidencePanel(props: { case: Case; section: string[]; onChange(): void }) {
  const caseId = props.case.id;
  const list = useAsync(() => invoke('evidence.list', { caseId }), [caseId]);
  const info = useAsync(() => invoke('evidence.capturerInfo', {}), []);
  const [logVersion, setLogVersion] = useState(0);
  const changed = () => {
    list.reload();
    setLogVersion((v) => v + 1);
    props.onChange();
  };
  const [section, sub, a, b] = props.section;
  const items = list.data ?? [];

  return (
    <section aria-labelledby="evidence-title" className="card evidence" id="evidence">
      <h2 id="evidence-title">Evidence</h2>
      {section === 'evidence' && sub === 'diff' && a && b ? (
        <DiffView caseId={caseId} from={a} to={b} onSaved={changed} />
      ) : section === 'evidence' && sub ? (
        <EvidenceDetail caseId={caseId} id={sub} onChange={changed} />
      ) : null}
      <CaptureForms caseId={caseId} info={info.data} onDone={changed} />
      <ImportFiles caseId={caseId} onDone={changed} />
      {list.error ? (
        <p role="alert" className="error">
          {list.error}
        </p>
      ) : null}
      <EvidenceTable caseId={caseId} items={items} onChange={changed} />
      <CustodyLog caseId={caseId} version={logVersion} />
    </section>
  );
}

function EvidenceTable(props: { caseId: string; items: EvidenceSummary[]; onChange(): void }) {
  const [picked, setPicked] = useState<string[]>([]);
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const status = new Map(verify?.items.map((i) => [i.id, i]) ?? []);
  const comparable = props.items.filter((i) => i.kind === 'capture');

  const runVerify = async () => {
    setMessage(null);
    try {
      const r = await invoke('evidence.verify', { caseId: props.caseId });
      setVerify(r);
      const bad = r.items.filter((i) => i.status !== 'ok').length;
      setMessage({
        ok: r.ok,
        text: r.ok
          ? `All ${r.items.length} items verified; custody log intact (${r.custody.entries} entries).`
          : `${bad} item(s) modified or missing${r.custody.ok ? '' : `; custody log broken: ${r.custody.problem}`}.`,
      });
      props.onChange();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  };

  const remove = async (id: string) => {
    try {
      await invoke('evidence.delete', { id, confirm: true });
      setConfirming(null);
      setPicked((p) => p.filter((x) => x !== id));
      setMessage({ ok: true, text: 'Item deleted; the custody log records it.' });
      props.onChange();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  };

  return (
    <div className="evidence-list">
      <div className="row evidence-toolbar">
        <h3 id="evidence-items">Items ({props.items.length})</h3>
        <button type="button" onClick={() => void runVerify()} disabled={!props.items.length}>
          Verify all
        </button>
        <button
          type="button"
          disabled={picked.length !== 2}
          onClick={() => navigate('cases', props.caseId, 'evidence', 'diff', picked[0], picked[1])}
        >
          Compare selected captures
        </button>
      </div>
      <p aria-live="polite" className={message ? (message.ok ? 'ok' : 'error') : undefined}>
        {message?.text}
      </p>
      {verify && verify.items.some((i) => i.problems?.length) ? (
        <ul className="verify-problems">
          {verify.items
            .filter((i) => i.problems?.length)
            .map((i) => (
              <li key={i.id}>
                {i.title ?? i.id}: {i.problems!.join('; ')}
              </li>
            ))}
        </ul>
      ) : null}
      {verify?.custody.head ? (
        <p className="custody-head">
          Custody log head: entry {verify.custody.head.seq}, SHA-256 <code>{verify.custody.head.hash}</code>. Keep a note of it
          outside this computer: a later check must still contain this entry, or the log was cut or rewritten.
        </p>
      ) : null}
      {props.items.length ? (
        <table className="evidence-table" aria-labelledby="evidence-items">
          <thead>
            <tr>
              <th scope="col">Compare</th>
              <th scope="col">Kind</th>
              <th scope="col">Title</th>
              <th scope="col">Time</th>
              <th scope="col">SHA-256</th>
              <th scope="col">AI switch</th>
              <th scope="col">Check</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((e) => {
              const v = status.get(e.id);
              return (
                <tr key={e.id}>
                  <td>
                    {comparable.includes(e) ? (
                      <input
                        type="checkbox"
                        aria-label={`Compare ${e.title}, ${when(e.capturedAt)}`}
                        checked={picked.includes(e.id)}
                        onChange={(ev) => setPicked((p) => (ev.target.checked ? [...p, e.id].slice(-2) : p.filter((x) => x !== e.id)))}
                      />
                    ) : null}
                  </td>
                  <td>{KIND_LABELS[e.kind] ?? e.kind}</td>
                  <td>
                    <a href={href('cases', props.caseId, 'evidence', e.id)}>{e.title}</a>
                    {e.sourceUrl ? <span className="rule">{e.sourceUrl}</span> : null}
                  </td>
                  <td>
                    <time dateTime={e.capturedAt ?? e.addedAt}>{when(e.capturedAt ?? e.addedAt)}</time>
                  </td>
                  <td>
                    <code title={e.sha256}>{shortHash(e.sha256)}</code>
                  </td>
                  <td>
                    {e.toggle ? (
                      <span className={`toggle toggle-${e.toggle.state}`}>
                        {TOGGLE_LABELS[e.toggle.state]}
                        {e.toggle.confirmedBy === 'hand' ? ' (set by hand)' : ''}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{v ? <span className={`verify verify-${v.status}`}>{v.status}</span> : '—'}</td>
                  <td>
                    {confirming === e.id ? (
                      <span className="confirm-delete" role="group" aria-label={`Confirm deleting ${e.title}`}>
                        Delete for good?{' '}
                        <button type="button" className="danger" onClick={() => void remove(e.id)}>
                          Yes, delete
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="danger" aria-label={`Delete ${e.title}`} onClick={() => setConfirming(e.id)}>
                        Delete
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="hint">No evidence yet. Capture the AI-training setting first: it shows whether the switch is on.</p>
      )}
    </div>
  );
}
