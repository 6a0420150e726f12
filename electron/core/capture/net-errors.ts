import { ApiError, apiError } from '../api/errors';
import type { Msg } from '../contract/i18n';
import { say } from '../i18n';

/**
 * Turns what a browser engine says when a page does not load (Chromium's `net::ERR_…` codes, Playwright's timeout
 * and download errors, an HTTP error status) into one sentence a person can act on: what happened, what to try.
 * The engine's own words stay in the error's `detail` (`netError`, `engineMessage`), never in the message.
 */
export type LoadFailure =
  | 'connection_refused'
  | 'name_not_resolved'
  | 'offline'
  | 'timed_out'
  | 'certificate'
  | 'too_many_redirects'
  | 'http_status'
  | 'not_a_web_page'
  | 'unreachable';

const NET_CODES: [RegExp, LoadFailure][] = [
  [/ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|ERR_EMPTY_RESPONSE/, 'connection_refused'],
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|ERR_ADDRESS_UNREACHABLE/, 'name_not_resolved'],
  [/ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ERR_NETWORK_ACCESS_DENIED|ERR_PROXY_CONNECTION_FAILED/, 'offline'],
  [/ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT|TimeoutError|Timeout \d+ms exceeded/, 'timed_out'],
  [/ERR_CERT_|ERR_SSL_|ERR_BAD_SSL_CLIENT_AUTH_CERT|ERR_INSECURE_RESPONSE/, 'certificate'],
  [/ERR_TOO_MANY_REDIRECTS/, 'too_many_redirects'],
  [/Download is starting|ERR_ABORTED|ERR_INVALID_RESPONSE|ERR_UNKNOWN_URL_SCHEME|ERR_BLOCKED_BY_RESPONSE/, 'not_a_web_page'],
];

export function classifyLoadError(message: string): { reason: LoadFailure; netError?: string } {
  const code = /\b(ERR_[A-Z0-9_]+)/.exec(message)?.[1];
  for (const [re, reason] of NET_CODES) if (re.test(message)) return { reason, ...(code ? { netError: code } : {}) };
  return { reason: 'unreachable', ...(code ? { netError: code } : {}) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** The message for a failure, by reference (errors.capture.*); `status` only for `http_status`, `seconds` only for `timed_out`. */
export function loadFailureMsg(reason: LoadFailure, url: string, extra: { status?: number; seconds?: number } = {}): Msg {
  const host = hostOf(url);
  switch (reason) {
    case 'timed_out':
      return extra.seconds ? { key: 'errors.capture.timed_out_seconds', params: { host, seconds: extra.seconds } } : { key: 'errors.capture.timed_out', params: { host } };
    case 'http_status': {
      const status = extra.status ?? 'status';
      const key =
        extra.status && extra.status >= 500 ? 'errors.capture.http_status_server' : extra.status === 401 || extra.status === 403 ? 'errors.capture.http_status_denied' : 'errors.capture.http_status';
      return { key, params: { host, status } };
    }
    case 'not_a_web_page':
      return { key: 'errors.capture.not_a_web_page', params: { url } };
    default:
      return { key: `errors.capture.${reason}`, params: { host } };
  }
}

/** The plain sentence for a failure, in English. */
export function loadFailureMessage(reason: LoadFailure, url: string, extra: { status?: number; seconds?: number } = {}): string {
  const m = loadFailureMsg(reason, url, extra);
  return say(m.key, m.params);
}

/** The API error for a page that did not load, the engine's words kept in `detail`. */
export function loadError(url: string, err: unknown, extra: { seconds?: number } = {}): ApiError {
  const engineMessage = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  const { reason, netError } = classifyLoadError(engineMessage);
  const m = loadFailureMsg(reason, url, extra);
  return apiError('failed', m.key, m.params, { detail: { reason, ...(netError ? { netError } : {}), engineMessage } });
}

/** The API error for an HTTP error answer (400-599); other statuses (LinkedIn's 999 to robots) are captured as shown. */
export function httpStatusError(url: string, status: number, statusText = ''): ApiError | null {
  if (status < 400 || status > 599) return null;
  const m = loadFailureMsg('http_status', url, { status });
  return apiError('failed', m.key, m.params, { detail: { reason: 'http_status', httpStatus: String(status), ...(statusText ? { statusText } : {}) } });
}

/**
 * Applied to whatever a capturer threw: an error whose message still carries an engine's code (`net::ERR_…`, as the
 * Electron capture window reports it: `ERR_CONNECTION_REFUSED (-102) loading …`) becomes the plain one; anything else passes unchanged.
 */
export function plainCaptureError(url: string, err: unknown): unknown {
  if (err instanceof ApiError && err.detail?.reason) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/\bERR_[A-Z0-9_]+|Download is starting/.test(message)) return loadError(url, err);
  return err;
}
