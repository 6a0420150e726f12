import { useRef, useState } from 'react';
import { DRAFT_FORMATS, type DraftFormat, type DraftView, type ExportRecord, type MarkSentResult, type PdfProfile } from '../../../electron/core/contract/drafting';
import { fileUrl, invoke } from '../api';
import { fileSize, num } from '../ui/dates';
import { SentForm } from './SentForm';
import { budgetHint, sizeWarnings } from './size';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const FORMAT_LABELS: Record<DraftFormat, string> = {
  pdf: 'PDF with the evidence appendix',
  text: 'Plain text',
  eml: 'Email draft (.eml)',
  json: 'Form fields (JSON)',
};

export function ExportBox(props: { view: DraftView; values: Record<string, string>; problems: { field: string; message: string }[]; onExported(): void; sent: MarkSentResult | null; onSent(r: MarkSentResult): void }) {
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
      setError(`Enter the size limit in MB, at least 0.1.${props.view.template.uploadLimitMb ? ` ${props.view.recipient.name}: ${num(props.view.template.uploadLimitMb)} MB.` : ''}`);
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
        format,
        profile,
        ...(format === 'pdf' && profile === 'upload' ? { budgetBytes: budget } : {}),
        values: props.values,
        ...(notReady && anyway ? { anyway: true } : {}),
      });
      setResult(rec);
      props.onExported();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="export-box" aria-labelledby="export-title">
      <h3 id="export-title">Export</h3>
      {props.problems.length ? (
        <div className="problems">
          <p>Before exporting, fill in:</p>
          <ul>
            {props.problems.map((p) => (
              <li key={p.field + p.message}>
                <a href={`#field-draft-${p.field}`} onClick={(e) => { e.preventDefault(); document.getElementById(`field-draft-${p.field}`)?.focus(); }}>
                  {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="export-format">Format</label>
        <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as DraftFormat)}>
          {DRAFT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      {format === 'pdf' ? (
        <fieldset className="profile">
          <legend>PDF profile</legend>
          <label>
            <input type="radio" name="profile" value="archive" checked={profile === 'archive'} onChange={() => setProfile('archive')} /> Archive: full quality, original files attached
          </label>
          <label>
            <input ref={uploadRadio} type="radio" name="profile" value="upload" checked={profile === 'upload'} onChange={() => setProfile('upload')} /> Upload: fits a size limit, no attachments
          </label>
          {profile === 'upload' ? (
            <div className="field budget">
              <label htmlFor="export-budget">Size limit (MB)</label>
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
              <input type="checkbox" checked={anyway} onChange={(e) => setAnyway(e.target.checked)} aria-describedby="anyway-hint" /> Draft it anyway
            </label>
          </p>
          <p className="hint" id="anyway-hint">
            The record does not support this letter yet (see “Not yet” above). Ticked, it is exported worded from the record as it stands.
          </p>
        </div>
      ) : null}
      <button type="button" className="primary" onClick={() => void run()} disabled={busy || props.problems.length > 0}>
        {busy ? 'Exporting…' : 'Export'}
      </button>
      <div role="status" className="export-result">
        {result ? (
          <>
            <p className="ok">
              Exported{result.pages ? ` (${plural(result.pages, 'page')}, ${plural(result.exhibits ?? 0, 'exhibit')})` : ''}, {fileSize(result.size)}:{' '}
              <a href={fileUrl('export', result.id, { download: true })} download={result.filename}>
                Download {result.filename}
              </a>{' '}
              ·{' '}
              <a href={fileUrl('export', result.id)} target="_blank" rel="noopener noreferrer">
                Open
              </a>
              <span className="rule">
                SHA-256 <code className="hash">{result.sha256}</code>
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
                    Use the upload profile
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
            I have sent it
          </button>{' '}
          <span className="hint">Once it has gone out: records the date and keeps this file as what you sent.</span>
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
