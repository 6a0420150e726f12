import type { Msg, MsgParams } from '../contract/i18n';
import { say } from '../i18n';

/** Why a check failed: the English text kept in `watch_checks.reason` and the same message by reference, for the app to
 * word in the member's language. The text always comes from the key, so the two never disagree. */
export interface Reason {
  text: string;
  msg: Msg;
}

export function reason(name: string, params?: MsgParams): Reason {
  const key = `watch.reason.${name}`;
  return { text: say(key, params), msg: params ? { key, params } : { key } };
}
