import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, MAX_UPLOAD_BYTES, type ImportKind } from '../../../electron/core/contract/evidence';
import { invoke } from '../api';
import { i18next } from '../i18n';
import { fileSize } from '../ui/dates';
import { errorText, kindLabel, offersDocument } from './format';

/** One file's outcome; a file refused as a screenshot keeps itself so the user can import it as a document instead. */
interface Outcome {
  ok: boolean;
  text: string;
  asDocument?: File;
}

function toBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => fail(r.error ?? new Error(i18next.t('evidence:import.unreadable')));
    r.readAsDataURL(file);
  });
}

/** File picker and drop zone. Each file is checked by the core (type from its bytes, images must decode). */
export function ImportFiles(props: { caseId: string; onDone(): void }) {
  const { t } = useTranslation('evidence');
  const [kind, setKind] = useState<'' | ImportKind>('');
  const [over, setOver] = useState(false);
  const [messages, setMessages] = useState<Outcome[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const importOne = async (f: File, as: ImportKind | undefined): Promise<Outcome> => {
    if (f.size > MAX_UPLOAD_BYTES) {
      return { ok: false, text: t('import.tooBig', { file: f.name, max: fileSize(MAX_UPLOAD_BYTES) }) };
    }
    try {
      const r = await invoke('evidence.upload', { caseId: props.caseId, filename: f.name, dataBase64: await toBase64(f), ...(as ? { kind: as } : {}) });
      return { ok: true, text: t('import.added', { file: f.name, kind: kindLabel(r.kind), mime: r.mime }) };
    } catch (err) {
      return { ok: false, text: t('import.failed', { file: f.name, error: errorText(err) }), ...(offersDocument(err) ? { asDocument: f } : {}) };
    }
  };

  const importAll = async (files: File[]) => {
    if (!files.length) return;
    setBusy(true);
    const out: Outcome[] = [];
    for (const f of files) out.push(await importOne(f, kind || undefined));
    setMessages(out);
    setBusy(false);
    if (input.current) input.current.value = '';
    props.onDone();
  };

  /** The refused file again, as a document; its line in the results says how that went. */
  const retryAsDocument = async (index: number, f: File) => {
    setBusy(true);
    const r = await importOne(f, 'document');
    setMessages((m) => m.map((x, i) => (i === index ? r : x)));
    setBusy(false);
    props.onDone();
    requestAnimationFrame(() => document.getElementById(`import-result-${index}`)?.focus());
  };

  return (
    <div
      className={`evidence-import${over ? ' drop-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void importAll(Array.from(e.dataTransfer.files));
      }}
    >
      <h3>{t('import.heading')}</h3>
      <p className="hint">{t('import.hint')}</p>
      <div className="row">
        <div className="field">
          <label htmlFor="import-files">{t('import.files')}</label>
          <input id="import-files" ref={input} type="file" multiple disabled={busy} onChange={(e) => void importAll(Array.from(e.target.files ?? []))} />
        </div>
        <div className="field">
          <label htmlFor="import-kind">{t('import.kind')}</label>
          <select id="import-kind" value={kind} onChange={(e) => setKind(e.target.value as ImportKind | '')}>
            <option value="">{t('import.auto')}</option>
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ul aria-live="polite" className="import-results">
        {busy ? <li>{t('import.busy')}</li> : null}
        {messages.map((m, i) => (
          <li key={i} id={`import-result-${i}`} tabIndex={-1} className={m.ok ? 'ok' : 'error'}>
            {m.text}
            {m.asDocument ? (
              <>
                {' '}
                <button type="button" disabled={busy} onClick={() => void retryAsDocument(i, m.asDocument!)}>
                  {t('import.asDocument', { file: m.asDocument.name })}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
