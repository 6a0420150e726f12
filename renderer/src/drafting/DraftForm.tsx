import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Case } from '../../../electron/core/contract';
import { fieldsSchema, type DraftPreview, type DraftView, type MarkSentResult, type TemplateField } from '../../../electron/core/contract/drafting';
import { invoke } from '../api';
import { num, timeOfDay } from '../ui/dates';
import { Field } from '../ui/Field';
import { ExportBox } from './ExportBox';
import { LetterPreview } from './LetterPreview';
import { SentForm } from './SentForm';

type Values = Record<string, string>;
const savedAt = (iso: string) => timeOfDay(new Date(iso));
/** The fields a suggested text quotes: `{{situation}}`, `{{#if posted_before}}`. */
const quoted = (src: string) => [...src.matchAll(/\{\{\s*(?:#if|#unless)?\s*([a-z][a-z0-9_]*)\s*\}\}/g)].map((m) => m[1]);

/** Waits until typing pauses before calling: autosave and preview must not fire on every keystroke. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard permission can be missing (browser host over http): fall back to a selected, hidden textarea.
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}

export function DraftForm(props: { view: DraftView; caseData: Case; onExported(): void }) {
  const { view } = props;
  const fields = view.template.fields;
  const schema = useMemo(() => fieldsSchema(fields), [fields]);
  const {
    register,
    control,
    setValue,
    setFocus,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: view.values, mode: 'onTouched' });
  const values = useWatch({ control }) as Values;
  // Fields still showing a suggested text that quotes other fields: the form shows it resolved and sends its source,
  // so it follows what the member types elsewhere until the member edits it.
  const [linked, setLinked] = useState<Set<string>>(() => new Set(Object.keys(view.linked ?? {})));
  const outgoing = useMemo(() => {
    const o: Values = { ...values };
    for (const name of linked) o[name] = view.linked[name];
    return o;
  }, [values, linked, view.linked]);
  const settled = useDebounced(outgoing, 500);
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [saveState, setSaveState] = useState<string>(view.savedAt ? `Draft saved at ${savedAt(view.savedAt)}.` : 'Not saved yet: changes are saved as you type.');
  const [copyNote, setCopyNote] = useState<{ text: string; warn: boolean; at?: string } | null>(null);
  const [copiedFields, setCopiedFields] = useState<Set<string>>(new Set());
  const [sending, setSending] = useState(false);
  // Once recorded as sent (from the checklist or after an export), neither place offers it again.
  const [sent, setSent] = useState<MarkSentResult | null>(null);
  const onSent = (r: MarkSentResult) => {
    setSent(r);
    props.onExported();
  };
  const first = useRef(true);

  useEffect(() => {
    let live = true;
    invoke('drafting.preview', { caseId: view.caseId, templateId: view.template.id, values: settled }).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        // A linked field shows what its source resolves to now.
        for (const name of linked) {
          const v = p.fields.find((f) => f.name === name)?.value;
          if (v !== undefined) setValue(name, v);
        }
      },
      (err: unknown) => live && setSaveState(`Preview failed: ${err instanceof Error ? err.message : String(err)}`),
    );
    if (first.current) {
      first.current = false;
      return;
    }
    invoke('drafting.save', { caseId: view.caseId, templateId: view.template.id, values: settled }).then(
      (r) => live && setSaveState(`Draft saved at ${savedAt(r.savedAt)}.`),
      (err: unknown) => live && setSaveState(`Could not save the draft: ${err instanceof Error ? err.message : String(err)}`),
    );
    return () => {
      live = false;
    };
  }, [settled, view.caseId, view.template.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const webFields = fields.filter((f) => f.webForm);
  // What the member has typed (linked fields aside, which follow it): a refused copy's note goes once this changes.
  const typedKey = JSON.stringify(Object.entries(values).filter(([k]) => !linked.has(k)));
  const note = copyNote?.warn && copyNote.at !== typedKey ? null : copyNote;
  const labelOf = (name: string) => fields.find((f) => f.name === name)?.label ?? name;

  /** Copies the finished text of a field; an empty required field (or one it quotes) is named instead. */
  const copy = async (f: TemplateField) => {
    try {
      const fresh = await invoke('drafting.preview', { caseId: view.caseId, templateId: view.template.id, values: outgoing });
      const own = fresh.fields.find((x) => x.name === f.name)?.value ?? '';
      const needs = [f.name, ...(linked.has(f.name) ? quoted(view.linked[f.name]) : [])];
      const missing = needs.filter((n) => {
        const spec = fields.find((x) => x.name === n);
        return spec?.required && !(fresh.fields.find((x) => x.name === n)?.value ?? '').trim();
      });
      if (!missing.length && !own.trim()) {
        // An optional field left empty: nothing to paste, and the form's box stays empty too.
        const next = new Set(copiedFields).add(f.name);
        setCopiedFields(next);
        setCopyNote({ text: `“${f.label}” is empty: nothing to copy. Leave that box empty on the form.`, warn: false });
        return;
      }
      if (missing.length) {
        const names = missing.map((n) => `“${labelOf(n)}”`).join(' and ');
        setCopyNote({ text: `Fill in ${names} first: nothing was copied.`, warn: true, at: typedKey });
        setFocus(missing[0]);
        return;
      }
      await copyText(own);
      const next = new Set(copiedFields).add(f.name);
      setCopiedFields(next);
      const left = webFields.filter((w) => !next.has(w.name)).length;
      setCopyNote({ text: `Copied “${f.label}”. Paste it into the form.${left ? ` ${left} of ${webFields.length} still to copy.` : ' All fields copied.'}`, warn: false });
    } catch (err) {
      setCopyNote({ text: `Could not copy: ${err instanceof Error ? err.message : String(err)}`, warn: true });
    }
  };

  const insertStarter = (f: TemplateField, text: string) => {
    const now = (values[f.name] ?? '').trim();
    setValue(f.name, now ? `${now}\n\n${text}` : text, { shouldDirty: true });
    setLinked((l) => {
      const n = new Set(l);
      n.delete(f.name);
      return n;
    });
    setFocus(f.name);
  };

  // Beside the checklist when there is an online form (where the member looks while copying), else under the form.
  const copyState = (
    <p role="status" className={`copy-state ${note?.warn ? 'warn-note' : 'ok'}`}>
      {note?.text ?? ''}
    </p>
  );
  const allCopied = webFields.length > 0 && webFields.every((w) => copiedFields.has(w.name));

  return (
    <div className="draft-layout">
      <form className="draft-form" noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby="draft-form-title">
        <h3 id="draft-form-title">Fill in</h3>
        <p role="status" className="hint save-state">
          {saveState}
        </p>
        {fields.map((f) => {
          const value = values[f.name] ?? '';
          const over = f.maxLength !== undefined && value.length > f.maxLength;
          const counterId = `count-${f.name}`;
          const hint = (
            <>
              {f.help}
              {f.unverified ? <span className="unverified"> Unverified: {f.unverified}</span> : null}
              {linked.has(f.name) ? <span className="linked-note"> Follows the fields above until you edit it.</span> : null}
            </>
          );
          if (f.type === 'check') {
            // A statement only the member can confirm: ticked is "yes", unticked is empty. The box sits beside its
            // label, as the member reads it.
            const hintId = f.help ? `field-draft-${f.name}-hint` : undefined;
            return (
              <div key={f.name} className="check-field">
                <p>
                  <label>
                    <input
                      type="checkbox"
                      id={`field-draft-${f.name}`}
                      checked={value === 'yes'}
                      aria-describedby={hintId}
                      onChange={(e) => setValue(f.name, e.target.checked ? 'yes' : '', { shouldValidate: true, shouldDirty: true })}
                    />{' '}
                    {f.label}
                  </label>
                </p>
                {f.help ? (
                  <p className="hint" id={hintId}>
                    {f.help}
                  </p>
                ) : null}
              </div>
            );
          }
          const unlink = () =>
            linked.has(f.name) &&
            setLinked((l) => {
              const n = new Set(l);
              n.delete(f.name);
              return n;
            });
          const control =
            f.type === 'textarea' ? (
              <textarea rows={f.maxLength && f.maxLength > 1500 ? 9 : 5} {...register(f.name, { onChange: unlink })} />
            ) : (
              <input type={f.type === 'email' ? 'email' : 'text'} {...register(f.name, { onChange: unlink })} />
            );
          const suggested = view.prefill[f.name];
          return (
            <Field
              key={f.name}
              label={f.label + (f.required ? ' (required)' : '')}
              name={`draft-${f.name}`}
              error={errors[f.name]?.message}
              hint={f.help || f.unverified || linked.has(f.name) ? hint : undefined}
              extra={
                <>
                  {f.starters?.length ? (
                    <div className="starters" role="group" aria-label={`Starting points for ${f.label}`}>
                      <p className="hint">Not sure what to write? Start from one of these and make it yours:</p>
                      <ul>
                        {f.starters.map((st) => (
                          <li key={st.label}>
                            <button type="button" onClick={() => insertStarter(f, st.text)} aria-label={`Insert the starting point “${st.label}”`} title={st.text}>
                              {st.label}
                            </button>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  <div className="field-tools">
                    {f.maxLength ? (
                      <span id={counterId} className={`counter${over ? ' over' : ''}`}>
                        {num(value.length)} / {num(f.maxLength)} characters
                      </span>
                    ) : null}
                    {f.webForm ? (
                      <button type="button" onClick={() => void copy(f)} aria-label={copiedFields.has(f.name) ? `Copy ${f.label} again` : `Copy ${f.label}`}>
                        {copiedFields.has(f.name) ? 'Copy again' : 'Copy'}
                      </button>
                    ) : null}
                    {suggested && !linked.has(f.name) && value !== suggested ? (
                      <button
                        type="button"
                        onClick={() => {
                          if (view.linked[f.name] !== undefined) setLinked((l) => new Set(l).add(f.name));
                          setValue(f.name, suggested, { shouldValidate: true });
                        }}
                        aria-label={`Use the suggested text for ${f.label}`}
                      >
                        Use suggested text
                      </button>
                    ) : null}
                  </div>
                </>
              }
            >
              {control}
            </Field>
          );
        })}
        {view.template.formUrl ? null : copyState}
      </form>
      <div className="draft-side">
        {view.template.formUrl ? (
          <div className="callout web-form-box">
            <h3>Send it through the online form</h3>
            <p>
              Open the form, then use <strong>Copy</strong> beside each field{webFields.length ? ` (${webFields.length} fields)` : ''} and paste it in. Redress sends nothing itself.
            </p>
            <a className="button primary" href={view.template.formUrl} target="_blank" rel="noopener noreferrer">
              Open the form
            </a>
            {webFields.length ? (
              <>
                <h4 id="copy-list-title">Fields to copy</h4>
                <ul className="copy-list" aria-labelledby="copy-list-title">
                  {webFields.map((w) => (
                    <li key={w.name} className={copiedFields.has(w.name) ? 'done' : ''}>
                      <span className="mark" aria-hidden="true">
                        {copiedFields.has(w.name) ? '✓' : '○'}
                      </span>{' '}
                      {w.label}: <strong>{copiedFields.has(w.name) ? ((values[w.name] ?? '').trim() ? 'copied' : 'left empty') : 'not yet copied'}</strong>
                    </li>
                  ))}
                </ul>
                {copyState}
                {allCopied && !sending && !sent ? (
                  <p>
                    <button type="button" className="primary" onClick={() => setSending(true)}>
                      I have sent it
                    </button>
                  </p>
                ) : null}
                {sending ? <SentForm view={view} onSent={onSent} onCancel={() => setSending(false)} /> : null}
              </>
            ) : null}
          </div>
        ) : null}
        <LetterPreview preview={preview} />
        <ExportBox view={view} values={outgoing} problems={preview?.problems ?? []} onExported={props.onExported} sent={sent} onSent={onSent} />
      </div>
    </div>
  );
}
