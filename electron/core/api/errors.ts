import type { ApiErrorBody, ApiErrorCode } from '../contract';

/** The one error type handlers throw; every host turns it into `{ ok: false, error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiErrorBody['issues'],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string, id: string) => new ApiError('not_found', `No ${what} with id "${id}".`);
export const invalid = (message: string) => new ApiError('invalid_input', message);
