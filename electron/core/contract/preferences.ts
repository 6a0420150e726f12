import { z } from 'zod';
import { Language } from './i18n';

/** The member's own choices kept with their data (the `settings` table), so every host and every start sees the same. */
export interface Preferences {
  /** The language the app speaks; null = follow the system. */
  language: Language | null;
}

export const PreferencesGetInput = z.object({}).strict().default({});
export const PreferencesSetInput = z.object({ language: Language.nullable().optional() }).strict();

export const preferencesContract = {
  'preferences.get': PreferencesGetInput,
  'preferences.set': PreferencesSetInput,
} as const;

export interface PreferencesOutputs {
  'preferences.get': Preferences;
  'preferences.set': Preferences;
}
