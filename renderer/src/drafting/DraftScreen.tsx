import type { Case } from '../../../electron/core/contract';
import { useEffect, useRef } from 'react';
import { invoke } from '../api';
import { href } from '../router';
import { shortDate } from '../ui/dates';
import { useAsync } from '../ui/useAsync';
import { DraftForm } from './DraftForm';
import './drafting.css';

/** `#/cases/<id>/draft/<templateId>`: what the document is, to whom and under which rule, then the form. */
export function DraftScreen(props: { caseData: Case; templateId: string; onExported(): void }) {
  const { data: view, error } = useAsync(() => invoke('drafting.get', { caseId: props.caseData.id, templateId: props.templateId }), [props.caseData.id, props.templateId]);
  const back = href('cases', props.caseData.id);
  const heading = useRef<HTMLHeadingElement>(null);
  // The screen sits below the case details: bring it into view and move focus there, as a page change would.
  useEffect(() => {
    if (view) {
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus({ preventScroll: true });
    }
  }, [view?.template.id]); // eslint-disable-line react-hooks/exhaustive-deps
  if (error) {
    return (
      <section className="card" aria-labelledby="draft-title">
        <h2 id="draft-title">Draft</h2>
        <p role="alert" className="error">{error}</p>
        <a href={back}>Back to the case</a>
      </section>
    );
  }
  if (!view) return <p aria-busy="true">Loading the draft…</p>;
  const m = view.template;
  return (
    <section className="card draft-screen" aria-labelledby="draft-title">
      <p className="breadcrumb">
        <a href={back}>Back to the case</a>
      </p>
      <h2 id="draft-title" ref={heading} tabIndex={-1}>
        {m.title}
      </h2>
      <p>{m.description}</p>
      <dl className="details draft-facts">
        <dt>To</dt>
        <dd>
          {view.recipient.name}
          {view.recipient.address.length ? <span className="rule">{view.recipient.address.join(', ')}</span> : null}
          {view.recipient.unverified ? <span className="unverified">Unverified: {view.recipient.unverified} Check it before you post the letter.</span> : null}
        </dd>
        <dt>Legal basis</dt>
        <dd>{m.legalBasis.join('; ')}</dd>
        <dt>Order of steps</dt>
        <dd>
          {view.controllerFirst.required ? 'Go to the controller first.' : 'No fixed order.'} <span className="rule">{view.controllerFirst.rule}</span>
        </dd>
        {view.preconditions.map((p) => (
          <PreconditionRow key={p.text} text={p.text} rule={p.rule} />
        ))}
        <dt>Source</dt>
        <dd>
          <a href={m.sourceUrl} target="_blank" rel="noopener noreferrer">
            {m.sourceUrl}
          </a>{' '}
          <span className="rule">Template last checked against it on {shortDate(m.lastChecked)}.</span>
        </dd>
      </dl>
      {view.availability.available && !view.readiness.ready ? (
        <div className="next-step tone-due readiness" role="status">
          <p>
            <strong>Not yet.</strong> {view.readiness.reasons.join(' ')}
          </p>
          <p className="hint">
            Export is refused until the record supports it. If you still want to send it now, tick “Draft it anyway” under Export: the text then says
            only what your record shows.
          </p>
        </div>
      ) : null}
      {view.availability.available && view.cautions.length ? (
        <div className="callout cautions" aria-labelledby="cautions-title">
          <h3 id="cautions-title">From your case’s record</h3>
          <ul>
            {view.cautions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!view.availability.available ? (
        <p role="alert" className="error">
          {view.availability.reason}
        </p>
      ) : (
        <DraftForm view={view} caseData={props.caseData} onExported={props.onExported} />
      )}
    </section>
  );
}

function PreconditionRow(p: { text: string; rule: string }) {
  return (
    <>
      <dt>Before you send</dt>
      <dd>
        {p.text} <span className="rule">{p.rule}</span>
      </dd>
    </>
  );
}
