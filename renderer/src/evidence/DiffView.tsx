import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffSide, EvidenceSummary } from '../../../electron/core/contract/evidence';
import { invoke } from '../api';
import { href } from '../router';
import { num } from '../ui/dates';
import { useAsync } from '../ui/useAsync';
import { errorText, when } from './format';
import { BackToEvidence, useArrivalFocus, useReturnTo } from './view';

function Side(props: { label: string; side: DiffSide }) {
  const { t } = useTranslation('evidence');
  return (
    <div className="diff-side">
      <strong>{props.label}</strong> <span translate="no">{props.side.title}</span>
      <span className="rule">{t('diff.captured', { time: when(props.side.capturedAt) })}</span>
      <span className="rule" translate="no">
        {props.side.url}
      </span>
      <code className="rule hash-full">{t('diff.hash', { hash: props.side.sha256 })}</code>
    </div>
  );
}

/**
 * What was added and removed between two captures' readable text, on its own route
 * (`#/cases/<case>/compare/<from>/<to>`). The heading takes focus when the comparison is there.
 */
export function DiffView(props: { caseId: string; from: string; to: string; onSaved(): void }) {
  const { t } = useTranslation('evidence');
  const diff = useAsync(() => invoke('evidence.diff', { from: props.from, to: props.to }), [props.from, props.to]);
  const [saved, setSaved] = useState<{ ok: boolean; text: string; item?: EvidenceSummary } | null>(null);
  const key = `${props.from}/${props.to}`;
  const heading = useArrivalFocus(diff.data ? `diff:${key}` : diff.error ? `error:${key}` : null);
  useReturnTo(props.caseId, props.from);
  if (diff.error) {
    return (
      <div className="evidence-diff">
        <h2 id="evidence-view-title" tabIndex={-1} ref={heading}>
          {t('diff.cannot')}
        </h2>
        <p role="alert" className="error">
          {diff.error}
        </p>
        <BackToEvidence caseId={props.caseId} />
      </div>
    );
  }
  if (!diff.data)
    return (
      <div className="evidence-diff">
        <h2 id="evidence-view-title" tabIndex={-1} ref={heading}>
          {t('diff.heading')}
        </h2>
        <p aria-busy="true">{t('diff.comparing')}</p>
      </div>
    );
  const d = diff.data;
  return (
    <div className="evidence-diff">
      <h2 id="evidence-view-title" tabIndex={-1} ref={heading}>
        {t('diff.title', { added: num(d.stats.added), removed: num(d.stats.removed) })}
      </h2>
      <p className="view-nav">
        <BackToEvidence caseId={props.caseId} />
      </p>
      <div className="diff-header">
        <Side label={t('diff.from')} side={d.from} />
        <Side label={t('diff.to')} side={d.to} />
      </div>
      <div className="diff-body" translate="no">
        {d.changes.map((c, i) => (
          <Fragment key={i}>
            {c.type === 'added' ? (
              <ins>
                <span className="visually-hidden" translate="yes">
                  {t('diff.added')}{' '}
                </span>
                {c.text}
              </ins>
            ) : c.type === 'removed' ? (
              <del>
                <span className="visually-hidden" translate="yes">
                  {t('diff.removed')}{' '}
                </span>
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
              setSaved({ ok: true, text: t('diff.saved', { title: s.title }), item: s });
              props.onSaved();
            } catch (err) {
              setSaved({ ok: false, text: errorText(err) });
            }
          }}
        >
          {t('diff.save')}
        </button>{' '}
        <BackToEvidence caseId={props.caseId} />
      </div>
      <p aria-live="polite" className={saved ? (saved.ok ? 'ok' : 'error') : undefined}>
        {saved?.text}{' '}
        {saved?.item ? <a href={href('cases', props.caseId, 'evidence', saved.item.id)}>{t('diff.openSaved')}</a> : null}
      </p>
    </div>
  );
}
