import { ApiCallError } from '../api';
import { i18next } from '../i18n';

/** Whether a text is a key of the core's catalog (a schema's validation message, a core message), to be worded. */
export const isCoreKey = (text: string | undefined): text is string => !!text && i18next.exists(text, { ns: 'core' });

const PARAMS_MARK = '\u241E'; // SYMBOL FOR RECORD SEPARATOR: never in a key, never typed by a member

/** A core key with its parameters in one text, for places that keep only a message (React Hook Form's errors). */
export const withParams = (key: string, params: Record<string, unknown>): string => {
  const plain = Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v === 'string' || typeof v === 'number'));
  return Object.keys(plain).length ? `${key}${PARAMS_MARK}${JSON.stringify(plain)}` : key;
};

/**
 * A form error or core message in the language shown: a core key (with parameters when `withParams` put them there)
 * is worded from the catalog, any other text shown as it is.
 */
export function wordMessage(text: string, params?: Record<string, unknown>): string {
  let key = text;
  let more: Record<string, unknown> = {};
  const mark = text.indexOf(PARAMS_MARK);
  if (mark > 0) {
    key = text.slice(0, mark);
    try {
      more = JSON.parse(text.slice(mark + 1)) as Record<string, unknown>;
    } catch {
      return key;
    }
  }
  return isCoreKey(key) ? i18next.t(key, { ns: 'core', ...more, ...params }) : text;
}

/**
 * What went wrong, for the member, in their language: an error from the core is worded from its key and parameters
 * when it has them (its English message otherwise); anything else by its message.
 */
export function errorText(err: unknown): string {
  if (err instanceof ApiCallError && err.key && isCoreKey(err.key)) return i18next.t(err.key, { ns: 'core', ...(err.params ?? {}) });
  if (err instanceof Error) return err.message;
  return String(err);
}

/** A field's issue from the core (invalid_input), worded like any other form error. */
export const issueText = (issue: { message: string; key?: string; params?: Record<string, unknown> }) =>
  issue.key ? wordMessage(issue.key, issue.params) : issue.message;

/** A field's issue from the core as a form error message (`setError(path, { message })`), its parameters kept. */
export const issueMessage = (issue: { message: string; key?: string; params?: Record<string, unknown> }) =>
  issue.key ? withParams(issue.key, issue.params ?? {}) : issue.message;

/**
 * A sentence the core composed, in the language shown: worded from its message reference when the core sent one (and
 * the catalog knows it), else the core's English text.
 */
export const msgText = (msg: { key: string; params?: Record<string, string | number> } | null | undefined, english: string): string =>
  msg && isCoreKey(msg.key) ? i18next.t(msg.key, { ns: 'core', ...(msg.params ?? {}) }) : english;
