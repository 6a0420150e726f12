import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { DraftView, MarkSentResult } from '../../../electron/core/contract/drafting';
import { CHANNELS, type Channel } from '../../../electron/core/contract/tracking';
import { invoke } from '../api';
import { href } from '../router';
import { longDate } from '../ui/dates';
import { errorText } from '../ui/errors';

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
  const { t } = useTranslation('drafting');
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
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <section className="sent-box" aria-labelledby="sent-title">
        <h3 id="sent-title">{t('sent.doneTitle')}</h3>
        <p className="ok" ref={doneRef} tabIndex={-1}>
          {ref.trim() ? (
            <Trans
              t={t}
              i18nKey="sent.doneRef"
              values={{ event: t(`sent.events.${done.eventType}`), date: longDate(on), ref: ref.trim(), title: done.evidenceTitle }}
              components={[<span translate="no" />, <span translate="no" />]}
            />
          ) : (
            <Trans
              t={t}
              i18nKey="sent.done"
              values={{ event: t(`sent.events.${done.eventType}`), date: longDate(on), title: done.evidenceTitle }}
              components={[<span translate="no" />]}
            />
          )}
        </p>
        <p>
          <a href={href('cases', v.caseId)}>{t('screen.back')}</a>
        </p>
      </section>
    );
  }

  return (
    <section className="sent-box" aria-labelledby="sent-title">
      <h3 id="sent-title" ref={heading} tabIndex={-1}>
        {t('sent.title')}
      </h3>
      <p className="hint">{props.exportId ? t('sent.hintExport') : t('sent.hintWebForm')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="sent-grid">
          <div className="field">
            <label htmlFor="sent-on">{t('sent.on')}</label>
            <input id="sent-on" type="date" value={on} max={todayLocal()} onChange={(e) => setOn(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="sent-channel">{t('sent.channel')}</label>
            <select id="sent-channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`sent.channels.${c}`)}
                </option>
              ))}
            </select>
          </div>
          {channel === 'post' ? (
            <div className="field">
              <label htmlFor="sent-received">{t('sent.received')}</label>
              <input id="sent-received" type="date" value={receivedOn} min={on} onChange={(e) => setReceivedOn(e.target.value)} aria-describedby="sent-received-hint" />
              <p className="hint" id="sent-received-hint">
                {t('sent.receivedHint')}
              </p>
            </div>
          ) : null}
          <div className="field sent-ref">
            <label htmlFor="sent-ref">{t('sent.ref')}</label>
            <input id="sent-ref" value={ref} maxLength={200} onChange={(e) => setRef(e.target.value)} aria-describedby="sent-ref-hint" />
            <p className="hint" id="sent-ref-hint">
              {t('sent.refHint')}
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
            {busy ? t('sent.recording') : t('sent.record')}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t('sent.notYet')}
          </button>
        </div>
      </form>
    </section>
  );
}
