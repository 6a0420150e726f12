import type { ApiErrorBody, ApiErrorCode, MsgParams } from '../contract';
import { say } from '../i18n';

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

export const notFound = (what: string, id: string) => new ApiError('not_found', `No ${what} with id "${id}".`);
export const invalid = (message: string) => new ApiError('invalid_input', message);
