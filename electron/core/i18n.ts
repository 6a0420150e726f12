import { createInstance, type TFunction } from 'i18next';
import { addFormats, CORE_MESSAGES, LANGUAGES, localeFor, pickLanguage, type Language, type MsgParams } from './contract/i18n';

/**
 * The core's own wording of its catalog (contract/messages). The core words every message in English for the command
 * line and logs and sends the key with it, so the renderer can word the same message in the member's language.
 */
const instance = createInstance();
void instance.init({
  initAsync: false,
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { core: CORE_MESSAGES[l] }])),
  lng: 'en',
  fallbackLng: 'en',
  ns: ['core'],
  defaultNS: 'core',
  interpolation: { escapeValue: false },
  returnNull: false,
});
addFormats(instance, (lng) => localeFor(lng ?? 'en'));

const translators = new Map<Language, TFunction>();
export function translator(lng: Language = 'en'): TFunction {
  let t = translators.get(lng);
  if (!t) translators.set(lng, (t = instance.getFixedT(lng, 'core')));
  return t;
}

/** Whether `key` names a message of the core's catalog (in English, the complete one). */
export const isMessageKey = (key: string): boolean => instance.exists(key, { lng: 'en', ns: 'core' });

/** A core message in English. */
export const say = (key: string, params?: MsgParams): string => translator('en')(key, params ?? {}) as string;

/** The language of the command line: REDRESS_LANG, else LC_ALL / LC_MESSAGES / LANG (de_DE.UTF-8), else English. */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const tag = env.REDRESS_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return tag && !/^(C|POSIX)(\.|$)/.test(tag) ? pickLanguage([tag.split('.')[0]]) : 'en';
}
