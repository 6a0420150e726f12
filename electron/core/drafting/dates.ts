// How letters write dates, countries and languages, in the letter's language.
import { format, parseISO } from 'date-fns';
import { de, enGB, fr } from 'date-fns/locale';

const LOCALES = { en: enGB, de, fr } as const;
/** Per language: 30 April 2026 (unambiguous in every English-speaking country), 30. April 2026, 30 avril 2026. */
const DATE_FORMATS: Record<string, string> = { en: 'd MMMM yyyy', de: 'd. MMMM yyyy', fr: 'd MMMM yyyy' };

/** A date as a letter in `lang` writes it; `iso` keeps the calendar day (for a message the catalog words). */
export const longDate = (iso: string, lang = 'en') => {
  if (lang === 'iso') return iso.slice(0, 10);
  try {
    const d = parseISO(iso.slice(0, 10));
    const s = format(d, DATE_FORMATS[lang] ?? DATE_FORMATS.en, { locale: LOCALES[lang as keyof typeof LOCALES] ?? enGB });
    // French writes the first of the month as an ordinal: 1er juin 2026.
    return lang === 'fr' && d.getDate() === 1 ? s.replace(/^1 /, '1er ') : s;
  } catch {
    return iso;
  }
};

const regionNames = new Map<string, Intl.DisplayNames>();
const displayNames = (lang: string, type: 'region' | 'language') => {
  const key = `${lang}:${type}`;
  let n = regionNames.get(key);
  if (!n) regionNames.set(key, (n = new Intl.DisplayNames([lang], { type })));
  return n;
};
export const countryName = (cc: string, lang = 'en') => displayNames(lang, 'region').of(cc) ?? cc;
// Names that read with "the" in a sentence ("members in the United Kingdom").
const WITH_THE = new Set('GB US NL AE PH BS GM CD CG CF DO KM MV MH SB SC CZ VA'.split(' '));
/** English only adds "the"; German and French letters use the name as Intl gives it. */
export const countryInSentence = (cc: string, lang = 'en') => (lang === 'en' && WITH_THE.has(cc) ? `the ${countryName(cc)}` : countryName(cc, lang));
/** A language's name in the letter's language: German, Deutsch, allemand. */
export const languageIn = (lang: string, code: string) => displayNames(lang, 'language').of(code) ?? code;
