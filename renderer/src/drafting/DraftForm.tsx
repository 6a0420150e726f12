import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import type { Case } from '../../../electron/core/contract';
import { fieldsSchema, type DraftPreview, type DraftView, type MarkSentResult, type TemplateField } from '../../../electron/core/contract/drafting';
import { invoke } from '../api';
import { LANGUAGE_NAMES, type Language } from '../../../electron/core/contract/i18n';
import { languageLabel } from '../cases/labels';
import { currentLocale, i18next } from '../i18n';
import { timeOfDay } from '../ui/dates';
import { errorText, isCoreKey, withParams } from '../ui/errors';
import { Field } from '../ui/Field';
import { ExportBox } from './ExportBox';
import { LetterPreview } from './LetterPreview';
import { SentForm } from './SentForm';

type Values = Record<string, string>;
/** A status line kept as a message of the `drafting` catalog, so it is worded in the language shown when it renders. */
type Said = { key: string; params?: Record<string, unknown> };
const savedAt = (iso: string) => timeOfDay(new Date(iso));
/** The fields a suggested text quotes: `{{situation}}`, `{{#if posted_before}}`. */
const quoted = (src: string) => [...src.matchAll(/\{\{\s*(?:#if|#unless)?\s*([a-z][a-z0-9_]*)\s*\}\}/g)].map((m) => m[1]);

/** A language named in itself, as a language picker shows it: Deutsch, English, Français. */
function selfName(code: string): string {
  if (code in LANGUAGE_NAMES) return LANGUAGE_NAMES[code as Language];
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Which language the recipient expects, worded in the language shown: the core's sentence from its key, with the
 * languages named in the language shown (the core names them in English for the command line).
 */
function expectedNote(view: DraftView): string {
  const msg = view.expectedLanguageNoteMsg;
  if (!msg || !isCoreKey(msg.key)) return view.expectedLanguageNote ?? '';
  const names = (view.recipientLanguages ?? []).map(languageLabel);
  return i18next.t(msg.key, {
    ns: 'core',
    ...(msg.params ?? {}),
    ...(view.expectedLanguage ? { language: languageLabel(view.expectedLanguage) } : {}),
    ...(names.length ? { languages: new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(names) } : {}),
  });
}

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

export function DraftForm(props: { view: DraftView; caseData: Case; onExported(): void; onLanguage(code: string): void; focusLanguage?: boolean }) {
  const { t } = useTranslation('drafting');
  const { view } = props;
  const fields = view.template.fields;
  const schema = useMemo(() => fieldsSchema(fields, withParams), [fields]);
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
  const [saveState, setSaveState] = useState<Said>(view.savedAt ? { key: 'form.savedAt', params: { at: view.savedAt } } : { key: 'form.notSaved' });
  const [copyNote, setCopyNote] = useState<(Said & { warn: boolean; at?: string }) | null>(null);
  const [copiedFields, setCopiedFields] = useState<Set<string>>(new Set());
  const [sending, setSending] = useState(false);
  // Once recorded as sent (from the checklist or after an export), neither place offers it again.
  const [sent, setSent] = useState<MarkSentResult | null>(null);
  const onSent = (r: MarkSentResult) => {
    setSent(r);
    props.onExported();
  };
  const first = useRef(true);
  // The letter's language: the template's languages, each named in itself; a change saves the draft as it stands, then
  // the screen loads the template in the new language (what the member typed is kept, suggested texts follow).
  const languages = view.languages?.length ? view.languages : [{ code: view.language, reviewed: true }];
  const current = languages.find((l) => l.code === view.language);
  const [switching, setSwitching] = useState(false);
  const languageSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (props.focusLanguage) languageSelect.current?.focus({ preventScroll: true });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const changeLanguage = async (code: string) => {
    if (code === view.language) return;
    setSwitching(true);
    try {
      await invoke('drafting.save', { caseId: view.caseId, templateId: view.template.id, values: outgoing, language: view.language });
      props.onLanguage(code);
    } catch (err) {
      setSaveState({ key: 'form.saveFailed', params: { error: errorText(err) } });
      setSwitching(false);
    }
  };

  useEffect(() => {
    let live = true;
    invoke('drafting.preview', { caseId: view.caseId, templateId: view.template.id, values: settled, language: view.language }).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        // A linked field shows what its source resolves to now.
        for (const name of linked) {
          const v = p.fields.find((f) => f.name === name)?.value;
          if (v !== undefined) setValue(name, v);
        }
      },
      (err: unknown) => live && setSaveState({ key: 'form.previewFailed', params: { error: errorText(err) } }),
    );
    if (first.current) {
      first.current = false;
      return;
    }
    invoke('drafting.save', { caseId: view.caseId, templateId: view.template.id, values: settled, language: view.language }).then(
      (r) => live && setSaveState({ key: 'form.savedAt', params: { at: r.savedAt } }),
      (err: unknown) => live && setSaveState({ key: 'form.saveFailed', params: { error: errorText(err) } }),
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
  /** A status line in the language shown: times formatted now, field labels quoted and listed as the language does. */
  const say = (m: Said): string => {
    const p: Record<string, unknown> = { ...m.params };
    if (typeof p.at === 'string') p.time = savedAt(p.at);
    if (Array.isArray(p.labels))
      p.names = new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(p.labels.map((l: string) => t('quoted', { text: l })));
    return t(m.key, p);
  };

  /** Copies the finished text of a field; an empty required field (or one it quotes) is named instead. */
  const copy = async (f: TemplateField) => {
    try {
      const fresh = await invoke('drafting.preview', { caseId: view.caseId, templateId: view.template.id, values: outgoing, language: view.language });
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
        setCopyNote({ key: 'copy.empty', params: { label: f.label }, warn: false });
        return;
      }
      if (missing.length) {
        setCopyNote({ key: 'copy.fillFirst', params: { labels: missing.map(labelOf) }, warn: true, at: typedKey });
        setFocus(missing[0]);
        return;
      }
      await copyText(own);
      const next = new Set(copiedFields).add(f.name);
      setCopiedFields(next);
      const left = webFields.filter((w) => !next.has(w.name)).length;
      setCopyNote(
        left ? { key: 'copy.copiedLeft', params: { label: f.label, left, total: webFields.length }, warn: false } : { key: 'copy.copiedAll', params: { label: f.label }, warn: false },
      );
    } catch (err) {
      setCopyNote({ key: 'copy.failed', params: { error: errorText(err) }, warn: true });
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
      {note ? say(note) : ''}
    </p>
  );
  const allCopied = webFields.length > 0 && webFields.every((w) => copiedFields.has(w.name));

  return (
    <div className="draft-layout">
      <form className="draft-form" noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby="draft-form-title">
        <h3 id="draft-form-title">{t('form.title')}</h3>
        <p role="status" className="hint save-state">
          {say(saveState)}
        </p>
        <div className="field letter-language">
          <label htmlFor="letter-language">{t('screen.letterLanguage')}</label>
          <select
            id="letter-language"
            ref={languageSelect}
            value={view.language}
            disabled={switching}
            aria-describedby="letter-language-hint"
            onChange={(e) => void changeLanguage(e.target.value)}
          >
            {languages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code} translate="no">
                {selfName(l.code)}
              </option>
            ))}
          </select>
          <p className="hint" id="letter-language-hint">
            {expectedNote(view)}
            {current && !current.reviewed ? <span className="unverified review-note">{t('screen.unreviewed')}</span> : null}
          </p>
        </div>
        {fields.map((f) => {
          const value = values[f.name] ?? '';
          const over = f.maxLength !== undefined && value.length > f.maxLength;
          const counterId = `count-${f.name}`;
          const hint = (
            <>
              {f.help ? <span translate="no">{f.help}</span> : null}
              {f.unverified ? (
                <span className="unverified">
                  {' '}
                  <Trans t={t} i18nKey="form.unverified" values={{ text: f.unverified }} components={[<span translate="no" />]} />
                </span>
              ) : null}
              {linked.has(f.name) ? <span className="linked-note"> {t('form.linked')}</span> : null}
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
                    <span translate="no">{f.label}</span>
                  </label>
                </p>
                {f.help ? (
                  <p className="hint" id={hintId} translate="no">
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
              label={
                f.required ? (
                  t('form.required', { label: f.label })
                ) : (
                  // The template's own label, in the letter's language: data, not the app's words.
                  <span translate="no" lang={view.language}>
                    {f.label}
                  </span>
                )
              }
              name={`draft-${f.name}`}
              error={errors[f.name]?.message}
              hint={f.help || f.unverified || linked.has(f.name) ? hint : undefined}
              extra={
                <>
                  {f.starters?.length ? (
                    <div className="starters" role="group" aria-label={t('form.startersLabel', { label: f.label })}>
                      <p className="hint">{t('form.startersHint')}</p>
                      <ul>
                        {f.starters.map((st) => (
                          <li key={st.label}>
                            <button
                              type="button"
                              onClick={() => insertStarter(f, st.text)}
                              aria-label={t('form.insertStarter', { label: st.label })}
                              title={st.text}
                              translate="no"
                            >
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
                        {t('form.counter', { n: value.length, count: f.maxLength })}
                      </span>
                    ) : null}
                    {f.webForm ? (
                      <button
                        type="button"
                        onClick={() => void copy(f)}
                        aria-label={copiedFields.has(f.name) ? t('form.copyAgainLabel', { label: f.label }) : t('form.copyLabel', { label: f.label })}
                      >
                        {copiedFields.has(f.name) ? t('form.copyAgain') : t('form.copy')}
                      </button>
                    ) : null}
                    {suggested && !linked.has(f.name) && value !== suggested ? (
                      <button
                        type="button"
                        onClick={() => {
                          if (view.linked[f.name] !== undefined) setLinked((l) => new Set(l).add(f.name));
                          setValue(f.name, suggested, { shouldValidate: true });
                        }}
                        aria-label={t('form.useSuggestedLabel', { label: f.label })}
                      >
                        {t('form.useSuggested')}
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
            <h3>{t('webForm.title')}</h3>
            <p>
              {webFields.length ? (
                <Trans t={t} i18nKey="webForm.introCount" count={webFields.length} components={[<strong />]} />
              ) : (
                <Trans t={t} i18nKey="webForm.intro" components={[<strong />]} />
              )}
            </p>
            <a className="button primary" href={view.template.formUrl} target="_blank" rel="noopener noreferrer">
              {t('webForm.open')}
            </a>
            {webFields.length ? (
              <>
                <h4 id="copy-list-title">{t('webForm.fieldsTitle')}</h4>
                <ul className="copy-list" aria-labelledby="copy-list-title">
                  {webFields.map((w) => (
                    <li key={w.name} className={copiedFields.has(w.name) ? 'done' : ''}>
                      <span className="mark" aria-hidden="true">
                        {copiedFields.has(w.name) ? '✓' : '○'}
                      </span>{' '}
                      <Trans
                        t={t}
                        i18nKey={copiedFields.has(w.name) ? ((values[w.name] ?? '').trim() ? 'webForm.copied' : 'webForm.leftEmpty') : 'webForm.notCopied'}
                        values={{ label: w.label }}
                        components={[<span translate="no" />, <strong />]}
                      />
                    </li>
                  ))}
                </ul>
                {copyState}
                {allCopied && !sending && !sent ? (
                  <p>
                    <button type="button" className="primary" onClick={() => setSending(true)}>
                      {t('sent.title')}
                    </button>
                  </p>
                ) : null}
                {sending ? <SentForm view={view} onSent={onSent} onCancel={() => setSending(false)} /> : null}
              </>
            ) : null}
          </div>
        ) : null}
        <LetterPreview preview={preview} language={preview?.language ?? view.language} />
        <ExportBox view={view} values={outgoing} problems={preview?.problems ?? []} onExported={props.onExported} sent={sent} onSent={onSent} />
      </div>
    </div>
  );
}
