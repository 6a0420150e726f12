import { COUNTRY_CODES } from '../../../electron/core/contract/countries';
import { currentLocale, i18next, pseudo } from '../i18n';

const namers = new Map<string, Intl.DisplayNames>();
/** A country's name in the language shown ("Germany", "Deutschland", "Allemagne"), from Intl. */
export function countryName(code: string): string {
  const locale = currentLocale();
  let n = namers.get(locale);
  if (!n) namers.set(locale, (n = new Intl.DisplayNames([locale], { type: 'region' })));
  const name = n.of(code) ?? code;
  // In the pseudo-locale a name Intl gave is marked, like a formatted date: it follows the language shown.
  return i18next.language === 'pseudo' ? pseudo(name) : name;
}

/** Codes with readable names, sorted by name as the language shown sorts them, for the picker. */
export const countryOptions = () =>
  COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name, currentLocale()));
