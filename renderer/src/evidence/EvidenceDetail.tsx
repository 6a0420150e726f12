import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { TOGGLE_STATES, type ToggleState } from '../../../electron/core/contract/evidence';
import { fileUrl, invoke } from '../api';
import { fileSize, num } from '../ui/dates';
import { href } from '../router';
import { msgText } from '../ui/errors';
import { useAsync } from '../ui/useAsync';
import { errorText, kindLabel, toggleLabel, when } from './format';
import { BackToEvidence, useArrivalFocus, useReturnTo } from './view';

/**
 * One item on its own route (`#/cases/<case>/evidence/<item>`): its picture, the switch state to confirm or correct,
 * its record and its files with hashes. The heading takes focus when the item is there.
 */
export function EvidenceDetail(props: { caseId: string; id: string; onChange(): void }) {
  const { t } = useTranslation('evidence');
  const item = useAsync(() => invoke('evidence.get', { id: props.id }), [props.id]);
  const [choice, setChoice] = useState<ToggleState | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const heading = useArrivalFocus(item.data ? `item:${props.caseId}:${props.id}:${item.data.caseId}` : item.error ? `error:${props.caseId}:${props.id}` : null);
  useReturnTo(props.caseId, props.id);
  if (item.error)
    return (
      <div className="evidence-detail">
        <h2 id="evidence-view-title" tabIndex={-1} ref={heading}>
          {t('detail.cannot')}
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
          {t('detail.heading')}
        </h2>
        <p aria-busy="true">{t('detail.loading')}</p>
      </div>
    );
  const e = item.data;
  if (e.caseId !== props.caseId)
    return (
      <div className="evidence-detail">
        <h2 id="evidence-view-title" tabIndex={-1} ref={heading}>
          {t('detail.otherCase')}
        </h2>
        <p>
          <Trans
            t={t}
            i18nKey="detail.otherCaseText"
            values={{ title: e.title }}
            components={{ data: <span translate="no" />, go: <a href={href('cases', e.caseId, 'evidence', e.id)} /> }}
          />
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
        <Trans t={t} i18nKey="detail.title" values={{ kind: kindLabel(e.kind), title: e.title }} components={{ data: <span translate="no" /> }} />
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
              setMessage({ ok: true, text: t(s.toggle!.confirmedBy === 'hand' ? 'detail.recordedHand' : 'detail.recordedRead', { state: toggleLabel(s.toggle!.state) }) });
              item.reload();
              props.onChange();
            } catch (err) {
              setMessage({ ok: false, text: errorText(err) });
            }
          }}
        >
          <p className="detected">
            <Trans
              t={t}
              i18nKey="detail.detected"
              values={{ state: toggleLabel(detected ?? 'unknown') }}
              components={{ state: <strong className={`toggle toggle-${detected}`} /> }}
            />
            {e.toggleReading?.label ? (
              <span className="rule">
                <Trans
                  t={t}
                  i18nKey="detail.control"
                  values={{ label: e.toggleReading.label, raw: e.toggleReading.raw }}
                  components={{ data: <span translate="no" /> }}
                />
              </span>
            ) : null}
            {detected === 'unknown' ? (
              <span className="rule">
                {/* Not looked for (the platform's file names no switch label): the core says why; else none matched. */}
                {e.toggleReading?.reason ? msgText(e.toggleReading.reasonMsg, e.toggleReading.reason) : t('detail.notFound')}
              </span>
            ) : null}
          </p>
          <fieldset>
            <legend>{t('detail.question')}</legend>
            {TOGGLE_STATES.map((s) => (
              <label key={s} className="radio">
                <input type="radio" name="toggle-state" value={s} checked={current === s} onChange={() => setChoice(s)} /> {toggleLabel(s)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary">
            {current === detected ? t('detail.confirm') : t('detail.correct')}
          </button>{' '}
          <span aria-live="polite" className={message ? (message.ok ? 'ok' : 'error') : undefined}>
            {message?.text}
          </span>
        </form>
      ) : null}
      {picture ? (
        <figure className="evidence-shot">
          <img src={fileUrl('evidence', e.id)} alt={t('detail.alt', { title: e.title })} />
          <figcaption>
            <span translate="no">{e.sourceUrl ?? e.filename}</span> · {when(e.capturedAt ?? e.addedAt)}
          </figcaption>
        </figure>
      ) : null}
      <dl className="details">
        {e.sourceUrl ? (
          <>
            <dt>{t('detail.address')}</dt>
            <dd translate="no">{e.sourceUrl}</dd>
          </>
        ) : null}
        <dt>{t('detail.captured')}</dt>
        <dd>{when(e.capturedAt)}</dd>
        <dt>{t('detail.added')}</dt>
        <dd>{when(e.addedAt)}</dd>
        <dt>{t('detail.sha256')}</dt>
        <dd>
          <code className="hash-full">{e.sha256}</code>
        </dd>
        {typeof e.record.userAgent === 'string' ? (
          <>
            <dt>{t('detail.browser')}</dt>
            <dd translate="no">{e.record.userAgent}</dd>
          </>
        ) : null}
        {actions.length ? (
          <>
            <dt>{t('detail.actions')}</dt>
            <dd>
              <ul translate="no">
                {actions.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <table className="evidence-files">
        <caption>{t('detail.files')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('detail.file')}</th>
            <th scope="col">{t('detail.type')}</th>
            <th scope="col">{t('detail.size')}</th>
            <th scope="col">{t('detail.sha256')}</th>
          </tr>
        </thead>
        <tbody>
          {e.artifacts.map((a) => (
            <tr key={a.kind}>
              <td>
                <a href={fileUrl('evidence', `${e.id}.${a.kind}`, { download: true })} download translate="no">
                  {a.kind}
                </a>
              </td>
              <td translate="no">{a.mime}</td>
              <td>{a.size < 1024 ? fileSize(a.size) : t('detail.sizeWithBytes', { size: fileSize(a.size), count: a.size, n: num(a.size) })}</td>
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
