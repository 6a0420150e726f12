import { Fragment, useState } from 'react';
import type { DiffSide } from '../../../electron/core/contract/evidence';
import { invoke } from '../api';
import { href, navigate } from '../router';
import { useAsync } from '../ui/useAsync';
import { errorText, when } from './format';

function Side(props: { label: string; side: DiffSide }) {
  return (
    <div className="diff-side">
      <strong>{props.label}</strong> {props.side.title}
      <span className="rule">Captured {when(props.side.capturedAt)}</span>
      <span className="rule">{props.side.url}</span>
      <code className="rule hash-full">SHA-256 {props.side.sha256}</code>
    </div>
  );
}

/** What was added and removed between two captures' readable text. */
export function DiffView(props: { caseId: string; from: string; to: string; onSaved(): void }) {
  const diff = useAsync(() => invoke('evidence.diff', { from: props.from, to: props.to }), [props.from, props.to]);
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  if (diff.error) {
    return (
      <div className="evidence-diff">
        <h3>Compare captures</h3>
        <p role="alert" className="error">
          {diff.error}
        </p>
        <a href={href('cases', props.caseId, 'evidence')}>Back to the evidence</a>
      </div>
    );
  }
  if (!diff.data) return <p aria-busy="true">Comparing…</p>;
  const d = diff.data;
  return (
    <div className="evidence-diff" aria-labelledby="diff-title">
      <h3 id="diff-title" tabIndex={-1}>
        What changed: {d.stats.added} added, {d.stats.removed} removed
      </h3>
      <div className="diff-header">
        <Side label="From" side={d.from} />
        <Side label="To" side={d.to} />
      </div>
      <div className="diff-body">
        {d.changes.map((c, i) => (
          <Fragment key={i}>
            {c.type === 'added' ? (
              <ins>
                <span className="visually-hidden">Added: </span>
                {c.text}
              </ins>
            ) : c.type === 'removed' ? (
              <del>
                <span className="visually-hidden">Removed: </span>
                {c.text}
              </del>
            ) : (
              <span className="diff-same">{c.text}</span>
            )}
            {i < d.changes.length - 1 ? (c.paragraphEnd ? '\n\n' : ' ') : null}
          </Fragment>
        ))}
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={async () => {
            try {
              const s = await invoke('evidence.saveDiff', { from: props.from, to: props.to });
              setSaved({ ok: true, text: `Saved as evidence: ${s.title}.` });
              props.onSaved();
            } catch (err) {
              setSaved({ ok: false, text: errorText(err) });
            }
          }}
        >
          Save diff as evidence
        </button>
        <button type="button" onClick={() => navigate('cases', props.caseId, 'evidence')}>
          Close
        </button>
      </div>
      <p aria-live="polite" className={saved ? (saved.ok ? 'ok' : 'error') : undefined}>
        {saved?.text}
      </p>
    </div>
  );
}
