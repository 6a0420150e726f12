import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../electron/core/contract/i18n';
import { getAccess, invoke } from '../api';
import { changeLanguage, systemLanguage } from '../i18n';
import { errorText } from './errors';

/**
 * The app's language: the system's by default, or the member's choice, kept with their data (preferences.set) so every
 * host and every start shows the same. Each language is named in itself, so anyone can find their own.
 */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<Language | null>(null);
  // Without the browser host's key nothing can be read or saved: the choice then holds for this page only.
  const canSave = getAccess() === 'ok';
  useEffect(() => {
    if (!canSave) return;
    invoke('preferences.get', {}).then(
      (p) => setSaved(p.language),
      () => undefined,
    );
  }, [canSave]);
  const value = saved ?? '';
  const choose = async (next: string) => {
    const language = next === '' ? null : (next as Language);
    try {
      if (canSave) await invoke('preferences.set', { language });
      setSaved(language);
      setProblem(null);
      await changeLanguage(language ?? systemLanguage());
    } catch (err) {
      setProblem(errorText(err));
    }
  };
  return (
    <span className="language-picker">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={value} onChange={(e) => void choose(e.target.value)} lang={i18n.language === 'pseudo' ? undefined : i18n.language}>
        <option value="">{t('language.system', { language: LANGUAGE_NAMES[systemLanguage()] })}</option>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l} translate="no">
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      {problem ? (
        <span role="alert" className="field-error">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
