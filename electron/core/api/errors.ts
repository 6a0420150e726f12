import type { ApiErrorBody, ApiErrorCode } from '../contract';

/** The one error type handlers throw; every host turns it into `{ ok: false, error: { code, message } }`. */
export class ApiError extends Error {
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

export const notFound = (what: string, id: string) => new ApiError('not_found', `No ${what} with id "${id}".`);
export const invalid = (message: string) => new ApiError('invalid_input', message);
