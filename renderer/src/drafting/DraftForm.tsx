import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Case } from '../../../electron/core/contract';
import { fieldsSchema, type DraftPreview, type DraftView } from '../../../electron/core/contract/drafting';
import { invoke } from '../api';
import { Field } from '../ui/Field';
import { ExportBox } from './ExportBox';
import { LetterPreview } from './LetterPreview';

type Values = Record<string, string>;
const timeFmt = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' });

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
    trigger,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: view.values, mode: 'onChange' });
  const values = useWatch({ control }) as Values;
  const settled = useDebounced(values, 500);
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [saveState, setSaveState] = useState<string>(view.savedAt ? `Draft saved ${timeFmt.format(new Date(view.savedAt))}.` : 'Not saved yet: changes are saved as you type.');
  const [copied, setCopied] = useState('');
  const first = useRef(true);

  useEffect(() => {
    void trigger();
  }, [trigger]);

  useEffect(() => {
    let live = true;
    invoke('drafting.preview', { caseId: view.caseId, templateId: view.template.id, values: settled }).then(
      (p) => live && setPreview(p),
      (err: unknown) => live && setSaveState(`Preview failed: ${err instanceof Error ? err.message : String(err)}`),
    );
    if (first.current) {
      first.current = false;
      return;
    }
    invoke('drafting.save', { caseId: view.caseId, templateId: view.template.id, values: settled }).then(
      (r) => live && setSaveState(`Draft saved ${timeFmt.format(new Date(r.savedAt))}.`),
      (err: unknown) => live && setSaveState(`Could not save the draft: ${err instanceof Error ? err.message : String(err)}`),
    );
    return () => {
      live = false;
    };
  }, [settled, view.caseId, view.template.id]);

  // Resolved against what is in the form now, not the last (debounced) preview, so a quick copy is never stale.
  const resolved = async (name: string) => {
    const fresh = await invoke('drafting.preview', { caseId: view.caseId, templateId: view.template.id, values });
    return fresh.fields.find((f) => f.name === name)?.value ?? values[name] ?? '';
  };
  const webFields = fields.filter((f) => f.webForm);

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
          const control =
            f.type === 'textarea' ? (
              <textarea rows={f.maxLength && f.maxLength > 1500 ? 9 : 5} {...register(f.name)} />
            ) : (
              <input type={f.type === 'email' ? 'email' : 'text'} {...register(f.name)} />
            );
          return (
            <Field
              key={f.name}
              label={f.label + (f.required ? ' (required)' : '')}
              name={`draft-${f.name}`}
              error={errors[f.name]?.message}
              hint={f.help || f.unverified ? hint : undefined}
              extra={
                <div className="field-tools">
                  {f.maxLength ? (
                    <span id={counterId} className={`counter${over ? ' over' : ''}`}>
                      {value.length.toLocaleString('en-GB')} / {f.maxLength.toLocaleString('en-GB')} characters
                    </span>
                  ) : null}
                  {f.webForm ? (
                    <button
                      type="button"
                      onClick={() =>
                        void resolved(f.name)
                          .then(copyText)
                          .then(
                            () => setCopied(`Copied “${f.label}”. Paste it into the form.`),
                            (err: unknown) => setCopied(`Could not copy: ${err instanceof Error ? err.message : String(err)}`),
                          )
                      }
                      aria-label={`Copy ${f.label}`}
                    >
                      Copy
                    </button>
                  ) : null}
                  {view.prefill[f.name] && value !== view.prefill[f.name] ? (
                    <button type="button" onClick={() => setValue(f.name, view.prefill[f.name], { shouldValidate: true })} aria-label={`Use the suggested text for ${f.label}`}>
                      Use suggested text
                    </button>
                  ) : null}
                </div>
              }
            >
              {control}
            </Field>
          );
        })}
        <p role="status" className="ok copy-state">
          {copied}
        </p>
      </form>
      <div className="draft-side">
        {view.template.formUrl ? (
          <div className="callout">
            <h3>Send it through the online form</h3>
            <p>
              Open the form, then use <strong>Copy</strong> beside each field{webFields.length ? ` (${webFields.length} fields)` : ''} and paste it in. Redress sends nothing itself.
            </p>
            <a className="button primary" href={view.template.formUrl} target="_blank" rel="noopener noreferrer">
              Open the form
            </a>
          </div>
        ) : null}
        <LetterPreview preview={preview} />
        <ExportBox view={view} values={values} problems={preview?.problems ?? []} onExported={props.onExported} />
      </div>
    </div>
  );
}
