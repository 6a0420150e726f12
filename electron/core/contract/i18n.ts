// Languages, message references and the formats every catalog may use. Shared by the core (which words its messages in
// English for the command line and logs) and the renderer (which words the same keys in the member's language), so a
// message has one key and one catalog entry per language, wherever it is shown. Nothing here may import Node.
import { z } from 'zod';
import deDrafting from './messages/de/drafting.json' with { type: 'json' };
import deGeneral from './messages/de/general.json' with { type: 'json' };
import deWatch from './messages/de/watch.json' with { type: 'json' };
import enDrafting from './messages/en/drafting.json' with { type: 'json' };
import enGeneral from './messages/en/general.json' with { type: 'json' };
import enWatch from './messages/en/watch.json' with { type: 'json' };
import frDrafting from './messages/fr/drafting.json' with { type: 'json' };
import frGeneral from './messages/fr/general.json' with { type: 'json' };
import frWatch from './messages/fr/watch.json' with { type: 'json' };

/** The languages the app and its catalogs are complete in. English is the fallback. */
export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const Language = z.enum(LANGUAGES);
/** Each language named in itself, as a language picker shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', fr: 'Français' };

/** The core's own catalog (namespace `core`): error messages, validation messages, sentences the core composes. */
export const CORE_MESSAGES: Record<Language, Record<string, unknown>> = {
  en: merge(enGeneral, enDrafting, enWatch),
  de: merge(deGeneral, deDrafting, deWatch),
  fr: merge(frGeneral, frDrafting, frWatch),
};

/**
 * The core catalog of a language is one namespace kept in a file per area (general, drafting, watch), merged here. Two
 * files giving the same key is a mistake this refuses at load, instead of one silently winning.
 */
function merge(...parts: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const into = (target: Record<string, unknown>, src: Record<string, unknown>, path: string) => {
    for (const [k, v] of Object.entries(src)) {
      const here = path ? `${path}.${k}` : k;
      const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
      if (isObj(v) && (target[k] === undefined || isObj(target[k]))) into((target[k] ??= {}) as Record<string, unknown>, v, here);
      else if (target[k] !== undefined) throw new Error(`Core message "${here}" is given twice.`);
      else target[k] = v;
    }
  };
  for (const p of parts) into(out, p, '');
  return out;
}

/** Parameters of a message: texts and numbers only, so they cross every host as JSON. Dates travel as ISO texts. */
export type MsgParams = Record<string, string | number>;
export const MsgParams = z.record(z.string(), z.union([z.string(), z.number()]));
/** A message by reference: a key of the `core` catalog and its parameters. The renderer words it; the CLI prints English. */
export interface Msg {
  key: string;
  params?: MsgParams;
}
export const Msg = z.object({ key: z.string().min(1), params: MsgParams.optional() });

/** The first of the system's preferred languages (BCP 47 tags, best first) that the app speaks; English otherwise. */
export function pickLanguage(tags: readonly (string | null | undefined)[]): Language {
  for (const tag of tags) {
    const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
    const hit = LANGUAGES.find((l) => l === primary);
    if (hit) return hit;
  }
  return 'en';
}

const DEFAULT_LOCALE: Record<Language, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR' };

/**
 * The locale to format dates and numbers with for a language: the system's own tag when it is of that language (de-AT,
 * fr-CH, en-IE keep their conventions), else the language's usual one. Unknown languages (a pseudo-locale) use en-GB.
 */
export function localeFor(language: string, systemTags: readonly (string | null | undefined)[] = []): string {
  const lang = (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
  for (const tag of systemTags) {
    if (!tag || pickLanguage([tag]) !== lang || tag.toLowerCase().split(/[-_]/)[0] !== lang) continue;
    try {
      const ok = Intl.DateTimeFormat.supportedLocalesOf([tag])[0];
      if (ok) return ok;
    } catch {
      // an invalid tag from the system: try the next one
    }
  }
  return DEFAULT_LOCALE[lang];
}

const calendar = (v: unknown) => new Date(`${String(v).slice(0, 10)}T00:00:00Z`);

/**
 * Formats a message may use on a parameter, the same in the core and the renderer:
 * `{{due, day}}` a calendar date (YYYY-MM-DD, in UTC so no zone moves the day): "2 June 2026", "2. Juni 2026";
 * `{{due, weekday}}` the same with its weekday; `{{at, instant}}` an ISO instant in the local zone; `{{n, num}}` a count.
 */
/** What addFormats needs of an i18next instance (typed here so the contract imports nothing but zod). */
interface WithFormatter {
  services: { formatter?: { add(name: string, fn: (value: unknown, lng: string | undefined, options: unknown) => string): void } };
}

export function addFormats(i18n: WithFormatter, locale: (lng: string | undefined) => string): void {
  const f = i18n.services.formatter;
  if (!f) return;
  f.add('day', (v, lng) => new Intl.DateTimeFormat(locale(lng), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(calendar(v)));
  f.add('weekday', (v, lng) =>
    new Intl.DateTimeFormat(locale(lng), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(calendar(v)),
  );
  f.add('instant', (v, lng) => new Intl.DateTimeFormat(locale(lng), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(String(v))));
  f.add('num', (v, lng) => new Intl.NumberFormat(locale(lng)).format(Number(v)));
  const languageName = (code: string, lng: string | undefined) => {
    try {
      return new Intl.DisplayNames([locale(lng)], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  f.add('language', (v, lng) => languageName(String(v), lng));
  f.add('languages', (v, lng) =>
    new Intl.ListFormat(locale(lng), { type: 'conjunction' }).format(
      String(v)
        .split(/\s*,\s*/)
        .filter(Boolean)
        .map((c) => languageName(c, lng)),
    ),
  );
}
