import { useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { DRAFT_FORMATS, type DraftFormat, type DraftPreview, type DraftView, type ExportRecord, type MarkSentResult, type PdfProfile } from '../../../electron/core/contract/drafting';
import { fileUrl, invoke } from '../api';
import { fileSize } from '../ui/dates';
import { errorText, issueText } from '../ui/errors';
import { SentForm } from './SentForm';
import { budgetHint, sizeWarnings } from './size';

export function ExportBox(props: {
  view: DraftView;
  values: Record<string, string>;
  problems: DraftPreview['problems'];
  onExported(): void;
  sent: MarkSentResult | null;
  onSent(r: MarkSentResult): void;
}) {
  const { t } = useTranslation('drafting');
  const [format, setFormat] = useState<DraftFormat>('pdf');
  const [profile, setProfile] = useState<PdfProfile>('archive');
  const [budgetMb, setBudgetMb] = useState(String(props.view.template.uploadLimitMb ?? 3));
  const [sending, setSending] = useState(false);
  const uploadRadio = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [anyway, setAnyway] = useState(false);
  const notReady = !props.view.readiness.ready;

  const run = async () => {
    const budget = Math.round(Number(budgetMb.replace(',', '.')) * 1024 * 1024);
    if (format === 'pdf' && profile === 'upload' && !(budget >= 100_000)) {
      const limit = props.view.template.uploadLimitMb;
      setError(limit ? t('export.budgetInvalidKnown', { min: 0.1, who: props.view.recipient.name, limit }) : t('export.budgetInvalid', { min: 0.1 }));
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    setSending(false);
    try {
      const rec = await invoke('drafting.export', {
        caseId: props.view.caseId,
        templateId: props.view.template.id,
        language: props.view.language,
        format,
        profile,
        ...(format === 'pdf' && profile === 'upload' ? { budgetBytes: budget } : {}),
        values: props.values,
        ...(notReady && anyway ? { anyway: true } : {}),
      });
      setResult(rec);
      props.onExported();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="export-box" aria-labelledby="export-title">
      <h3 id="export-title">{t('export.title')}</h3>
      {props.problems.length ? (
        <div className="problems">
          <p>{t('export.fillIn')}</p>
          <ul>
            {props.problems.map((p) => (
              <li key={p.field + p.message}>
                <a
                  href={`#field-draft-${p.field}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(`field-draft-${p.field}`)?.focus();
                  }}
                >
                  {issueText(p)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="export-format">{t('export.format')}</label>
        <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as DraftFormat)}>
          {DRAFT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`export.formats.${f}`)}
            </option>
          ))}
        </select>
      </div>
      {format === 'pdf' ? (
        <fieldset className="profile">
          <legend>{t('export.profile')}</legend>
          <label>
            <input type="radio" name="profile" value="archive" checked={profile === 'archive'} onChange={() => setProfile('archive')} /> {t('export.archive')}
          </label>
          <label>
            <input ref={uploadRadio} type="radio" name="profile" value="upload" checked={profile === 'upload'} onChange={() => setProfile('upload')} />{' '}
            {t('export.upload')}
          </label>
          {profile === 'upload' ? (
            <div className="field budget">
              <label htmlFor="export-budget">{t('export.budget')}</label>
              <input id="export-budget" inputMode="decimal" value={budgetMb} onChange={(e) => setBudgetMb(e.target.value)} aria-describedby="budget-hint" />
              <p className="hint" id="budget-hint">
                {budgetHint(props.view)}
              </p>
            </div>
          ) : null}
        </fieldset>
      ) : null}
      {notReady ? (
        <div className="anyway">
          <p>
            <label>
              <input type="checkbox" checked={anyway} onChange={(e) => setAnyway(e.target.checked)} aria-describedby="anyway-hint" /> {t('export.anyway')}
            </label>
          </p>
          <p className="hint" id="anyway-hint">
            {t('export.anywayHint')}
          </p>
        </div>
      ) : null}
      <button type="button" className="primary" onClick={() => void run()} disabled={busy || props.problems.length > 0}>
        {busy ? t('export.exporting') : t('export.export')}
      </button>
      <div role="status" className="export-result">
        {result ? (
          <>
            <p className="ok">
              {result.pages
                ? t('export.donePdf', {
                    pages: t('export.pages', { count: result.pages }),
                    exhibits: t('export.exhibits', { count: result.exhibits ?? 0 }),
                    size: fileSize(result.size),
                  })
                : t('export.done', { size: fileSize(result.size) })}{' '}
              <a href={fileUrl('export', result.id, { download: true })} download={result.filename}>
                <Trans t={t} i18nKey="export.download" values={{ file: result.filename }} components={[<span translate="no" />]} />
              </a>{' '}
              ·{' '}
              <a href={fileUrl('export', result.id)} target="_blank" rel="noopener noreferrer">
                {t('export.open')}
              </a>
              <span className="rule">
                {t('export.hash')}{' '}
                <code className="hash" translate="no">
                  {result.sha256}
                </code>
              </span>
            </p>
            {sizeWarnings(props.view, result).map((w) => (
              <p key={w} className="size-warning">
                {w}{' '}
                {result.profile === 'archive' ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setFormat('pdf');
                      setProfile('upload');
                      setTimeout(() => uploadRadio.current?.focus(), 0);
                    }}
                  >
                    {t('export.useUpload')}
                  </button>
                ) : null}
              </p>
            ))}
          </>
        ) : null}
      </div>
      {result && !sending && !props.sent ? (
        <p className="sent-offer">
          <button type="button" className="primary" onClick={() => setSending(true)}>
            {t('sent.title')}
          </button>{' '}
          <span className="hint">{t('export.sentHint')}</span>
        </p>
      ) : null}
      {result && sending ? <SentForm view={props.view} exportId={result.id} exportFormat={result.format} onSent={props.onSent} onCancel={() => setSending(false)} /> : null}
      {error ? (
        <p role="alert" className="error pre">
          {error}
        </p>
      ) : null}
    </section>
  );
}
