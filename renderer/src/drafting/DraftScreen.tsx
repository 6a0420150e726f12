import type { Case } from '../../../electron/core/contract';
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { invoke } from '../api';
import { href } from '../router';
import { shortDate } from '../ui/dates';
import { errorText, msgText } from '../ui/errors';
import { useAsync } from '../ui/useAsync';
import { DraftForm } from './DraftForm';
import './drafting.css';

/** `#/cases/<id>/draft/<templateId>`: what the document is, to whom and under which rule, then the form. */
export function DraftScreen(props: { caseData: Case; templateId: string; onExported(): void }) {
  const { t } = useTranslation('drafting');
  // The letter's language once the member picks one; until then the core's choice (the saved draft's, else the one the
  // recipient expects).
  const [language, setLanguage] = useState<string>();
  // A failure is worded in the language shown (the core's key, where it sent one).
  const { data: view, error } = useAsync(
    () =>
      invoke('drafting.get', { caseId: props.caseData.id, templateId: props.templateId, ...(language ? { language } : {}) }).catch((err: unknown) => {
        throw new Error(errorText(err));
      }),
    [props.caseData.id, props.templateId, language],
  );
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
        <h2 id="draft-title">{t('screen.draft')}</h2>
        <p role="alert" className="error">
          {error}
        </p>
        <a href={back}>{t('screen.back')}</a>
      </section>
    );
  }
  if (!view) return <p aria-busy="true">{t('screen.loading')}</p>;
  const m = view.template;
  return (
    <section className="card draft-screen" aria-labelledby="draft-title">
      <p className="breadcrumb">
        <a href={back}>{t('screen.back')}</a>
      </p>
      <h2 id="draft-title" ref={heading} tabIndex={-1} translate="no" lang={view.language}>
        {m.title}
      </h2>
      <p translate="no" lang={view.language}>
        {m.description}
      </p>
      <dl className="details draft-facts">
        <dt>{t('screen.to')}</dt>
        <dd>
          <span translate="no">{view.recipient.name}</span>
          {view.recipient.address.length ? (
            <span className="rule" translate="no">
              {view.recipient.address.join(', ')}
            </span>
          ) : null}
          {view.recipient.unverified ? (
            <span className="unverified">
              <Trans t={t} i18nKey="screen.unverified" values={{ text: view.recipient.unverified }} components={[<span translate="no" />]} />
            </span>
          ) : null}
        </dd>
        <dt>{t('screen.legalBasis')}</dt>
        <dd translate="no">{m.legalBasis.join('; ')}</dd>
        <dt>{t('screen.order')}</dt>
        <dd>
          {view.controllerFirst.required ? t('screen.controllerFirst') : t('screen.noOrder')}{' '}
          <span className="rule" translate="no">
            {view.controllerFirst.rule}
          </span>
        </dd>
        {view.preconditions.map((p) => (
          <PreconditionRow key={p.text} text={p.text} rule={p.rule} />
        ))}
        <dt>{t('screen.source')}</dt>
        <dd>
          <a href={m.sourceUrl} target="_blank" rel="noopener noreferrer" translate="no" className="source-url">
            {m.sourceUrl}
          </a>{' '}
          <span className="rule">{t('screen.lastChecked', { date: shortDate(m.lastChecked) })}</span>
        </dd>
      </dl>
      {view.availability.available && !view.readiness.ready ? (
        <div className="next-step tone-due readiness" role="status">
          <p>
            <strong>{t('screen.notYet')}</strong> {view.readiness.reasons.map((r, i) => msgText(view.readiness.reasonsMsg?.[i], r)).join(' ')}
          </p>
          <p className="hint">{t('screen.notYetHint')}</p>
        </div>
      ) : null}
      {view.availability.available && view.cautions.length ? (
        <div className="callout cautions" aria-labelledby="cautions-title">
          <h3 id="cautions-title">{t('screen.cautions')}</h3>
          <ul>
            {view.cautions.map((c, i) => (
              <li key={c}>{msgText(view.cautionsMsg?.[i], c)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!view.availability.available ? (
        <p role="alert" className="error">
          {msgText(view.availability.reasonMsg, view.availability.reason ?? '')}
        </p>
      ) : (
        // A new language is a new form: its labels, help and suggested texts are the template's in that language.
        <DraftForm key={view.language} view={view} caseData={props.caseData} onExported={props.onExported} onLanguage={setLanguage} focusLanguage={language !== undefined} />
      )}
    </section>
  );
}

function PreconditionRow(p: { text: string; rule: string }) {
  const { t } = useTranslation('drafting');
  return (
    <>
      <dt>{t('screen.beforeSend')}</dt>
      <dd translate="no">
        {p.text} <span className="rule">{p.rule}</span>
      </dd>
    </>
  );
}
