import type { ApiErrorBody, ApiErrorCode, MsgParams } from '../contract';
import { isMessageKey, say } from '../i18n';

/** The one error type handlers throw; every host turns it into `{ ok: false, error: { code, message, key?, params? } }`. */
export class ApiError extends Error {
  /** The message's key in the core catalog (contract/messages) when it was made by `apiError`, for the renderer to word. */
  key?: string;
  params?: MsgParams;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiErrorBody['issues'],
    /** For a host to recognise the failure (`reason`) and keep technical facts (an engine's error code) out of the message. */
    readonly detail?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * An error worded from the core catalog: `message` in English (command line, logs), `key` and `params` for the renderer
 * to word it in the member's language. Prefer this to `new ApiError` for anything a member may read.
 */
export function apiError(
  code: ApiErrorCode,
  key: string,
  params?: MsgParams,
  extra: { issues?: ApiErrorBody['issues']; detail?: Record<string, string> } = {},
): ApiError {
  const err = new ApiError(code, say(key, params), extra.issues, extra.detail);
  err.key = key;
  if (params) err.params = params;
  return err;
}

/** Each thing an id can name, by its key under errors.notFound (one sentence per noun, so each language words it). */
const NOT_FOUND_KEYS: Record<string, string> = {
  case: 'errors.notFound.case',
  event: 'errors.notFound.event',
  'evidence item': 'errors.notFound.evidence',
  authority: 'errors.notFound.authority',
  platform: 'errors.notFound.platform',
  'watch change': 'errors.notFound.watchChange',
  'watched document': 'errors.notFound.watchedDocument',
};

export const notFound = (what: string, id: string) =>
  NOT_FOUND_KEYS[what] ? apiError('not_found', NOT_FOUND_KEYS[what], { id }) : new ApiError('not_found', `No ${what} with id "${id}".`);
/** A refusal in English only; prefer `apiError('invalid_input', key, params)` for anything a member may read. */
export const invalid = (message: string) => new ApiError('invalid_input', message);

/**
 * A zod issue in English: a schema's message that is a key of the core catalog is worded (with the issue's `params`),
 * any other message is kept. For every place that prints issues itself, so no key reaches a person.
 */
export const wordIssue = (issue: { message: string; params?: Record<string, unknown> }): string =>
  isMessageKey(issue.message) ? say(issue.message, issueParams(issue)) : issue.message;

/** The parameters a custom issue carries for its message (texts and numbers only). */
export function issueParams(issue: { params?: Record<string, unknown> }): MsgParams | undefined {
  if (!issue.params) return undefined;
  const out: MsgParams = {};
  for (const [k, v] of Object.entries(issue.params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return Object.keys(out).length ? out : undefined;
}
