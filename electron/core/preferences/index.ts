import type { ApiRegistry } from '../api/registry';
import type { CoreContext } from '../context';
import { LANGUAGES, type Language } from '../contract/i18n';
import type { Preferences } from '../contract/preferences';
import { getSetting, putSetting } from '../db/settings';
import { readTx } from '../db/tx';
import { isoNow } from '../util/clock';

const LANGUAGE_KEY = 'app.language';

export function getPreferences(ctx: CoreContext): Preferences {
  return readTx(ctx.db, () => {
    const language = getSetting<unknown>(ctx.db, LANGUAGE_KEY, null);
    // A value this version does not speak (edited by hand, or from a later version) means "follow the system".
    return { language: (LANGUAGES as readonly unknown[]).includes(language) ? (language as Language) : null };
  });
}

export function setPreferences(ctx: CoreContext, input: { language?: Language | null }): Preferences {
  if (input.language !== undefined) putSetting(ctx.db, LANGUAGE_KEY, input.language, isoNow(ctx.clock));
  return getPreferences(ctx);
}

export function registerPreferences(api: ApiRegistry, ctx: CoreContext): void {
  api.register('preferences.get', () => getPreferences(ctx));
  api.register('preferences.set', (input) => setPreferences(ctx, input));
}
