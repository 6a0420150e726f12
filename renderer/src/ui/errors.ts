import { ApiCallError } from '../api';
import { i18next } from '../i18n';

/** Whether a text is a key of the core's catalog (a schema's validation message, a core message), to be worded. */
export const isCoreKey = (text: string | undefined): text is string => !!text && i18next.exists(text, { ns: 'core' });

/** A form error or core message in the language shown: a core key is worded from the catalog, other text as it is. */
export const wordMessage = (text: string, params?: Record<string, unknown>): string =>
  isCoreKey(text) ? i18next.t(text, { ns: 'core', ...params }) : text;

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
export const issueText = (issue: { message: string; key?: string }) => (issue.key ? wordMessage(issue.key) : issue.message);

/**
 * A sentence the core composed, in the language shown: worded from its message reference when the core sent one (and
 * the catalog knows it), else the core's English text.
 */
export const msgText = (msg: { key: string; params?: Record<string, string | number> } | null | undefined, english: string): string =>
  msg && isCoreKey(msg.key) ? i18next.t(msg.key, { ns: 'core', ...(msg.params ?? {}) }) : english;
