/// <reference types="vite/client" />
// The renderer's languages: i18next + react-i18next over JSON catalogs, one file per screen area and language
// (locales/<lang>/<namespace>.json), plus the core's own catalog (namespace `core`, shared with every host). A catalog
// file added under locales/ is picked up by name; nothing to register.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { addFormats, CORE_MESSAGES, LANGUAGES, localeFor, pickLanguage, type Language } from '../../../electron/core/contract/i18n';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

/** A language the app can be shown in: one of LANGUAGES, or `pseudo` (tests and translators: every message marked). */
export type UiLanguage = Language | 'pseudo';

function resources() {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lang of LANGUAGES) out[lang] = { core: CORE_MESSAGES[lang] };
  for (const [path, mod] of Object.entries(files)) {
    const m = /\.\/locales\/([a-z]+)\/([\w-]+)\.json$/.exec(path);
    if (!m) continue;
    (out[m[1]] ??= {})[m[2]] = mod.default;
  }
  return out;
}
const RESOURCES = resources();
/** Every namespace the catalogs hold (one per screen area, plus `core`). */
export const NAMESPACES = Object.keys(RESOURCES.en);

/** The system's preferred languages, best first: Electron's app locale (passed by the preload), then the browser's. */
export function systemTags(): string[] {
  const tags: string[] = [];
  const electronLocale = typeof window !== 'undefined' ? (window as { redress?: { locale?: string } }).redress?.locale : undefined;
  if (electronLocale) tags.push(electronLocale);
  if (typeof navigator !== 'undefined') tags.push(...(navigator.languages ?? []), navigator.language);
  return tags.filter(Boolean);
}
export const systemLanguage = (): Language => pickLanguage(systemTags());

// Pseudo-localisation: every message wrapped in ⟦ ⟧ with its letters accented, so text that did not come through a
// catalog stands out on screen and to the hard-coded-string test (e2e/i18n.spec.ts).
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', c: 'ç', n: 'ñ', y: 'ý', A: 'Å', E: 'É', I: 'Î', O: 'Ö', U: 'Û', C: 'Ç', N: 'Ñ' };
// Markup a <Trans> message names (<code>, <0>) is left as it is, so its components still match.
export const pseudo = (s: string) =>
  `⟦${s
    .split(/(<\/?[\w-]+\s*\/?>)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[a-zA-Z]/g, (ch) => ACCENTED[ch] ?? ch)))
    .join('')}⟧`;

void i18next
  .use(initReactI18next)
  .use({ type: 'postProcessor', name: 'pseudo', process: (value: string) => (i18next.language === 'pseudo' ? pseudo(value) : value) })
  .init({
    initAsync: false,
    resources: RESOURCES,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES, 'pseudo'],
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    postProcess: ['pseudo'],
    returnNull: false,
    react: { useSuspense: false },
  });
addFormats(i18next, (lng) => localeFor(lng ?? 'en', systemTags()));

i18next.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng === 'pseudo' ? 'en-XA' : lng;
});

const OVERRIDE_KEY = 'redress.lang';

/**
 * The language to start in: `?lang=xx` on the address (kept for this tab; for tests and translators, `pseudo` too),
 * else the member's choice saved with their data, else the system's.
 */
export async function startLanguage(saved: () => Promise<Language | null>): Promise<UiLanguage> {
  const url = new URL(window.location.href);
  const asked = url.searchParams.get('lang');
  if (asked && ([...LANGUAGES, 'pseudo'] as string[]).includes(asked)) sessionStorage.setItem(OVERRIDE_KEY, asked);
  const override = sessionStorage.getItem(OVERRIDE_KEY) as UiLanguage | null;
  let lang: UiLanguage = override ?? systemLanguage();
  if (!override) {
    try {
      lang = (await saved()) ?? lang;
    } catch {
      // No access yet (the browser host without its key): the system's language.
    }
  }
  await i18next.changeLanguage(lang);
  return lang;
}

export function changeLanguage(lang: UiLanguage): Promise<unknown> {
  sessionStorage.removeItem(OVERRIDE_KEY);
  return i18next.changeLanguage(lang);
}

/** The locale dates and numbers are formatted in for the language shown (the system's region kept: de-AT, fr-CH). */
export const currentLocale = (): string => localeFor(i18next.language ?? 'en', systemTags());

export { i18next };
