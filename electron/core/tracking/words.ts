// Sentences the tracking work composes for the screen, made from the core catalog (contract/messages, namespace
// `core`, `tracking.*`): each is worded in English here (the CLI, the logs, the `text` fields) and kept by reference,
// so the renderer words the same message in the member's language. One source: the English comes from the key.
import type { Msg, MsgParams } from '../contract/i18n';
import { say } from '../i18n';

/** A sentence in English and the same sentence by reference. */
export interface Worded {
  text: string;
  msg: Msg;
}

export const worded = (key: string, params?: MsgParams): Worded => ({ text: say(key, params), msg: params ? { key, params } : { key } });

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** The weekday of a calendar date as a catalog id (tracking.weekday.<id>). */
export const weekdayOf = (iso: string) => WEEKDAYS[new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay()];

/** A date to be written with its weekday: the date and its weekday id, as `<name>` and `<name>Wd`. */
export const longParams = (name: string, iso: string): MsgParams => ({ [name]: iso, [`${name}Wd`]: weekdayOf(iso) });

/** Parts of a list of sentences, in English and by reference. */
export const texts = (ws: Worded[]) => ws.map((w) => w.text);
export const msgs = (ws: Worded[]) => ws.map((w) => w.msg);
