import { ApiError } from '../api/errors';

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

const NOTHING = 'Nothing was stored.';

/** The plain sentence for a failure; `status` only for `http_status`, `seconds` only for `timed_out`. */
export function loadFailureMessage(reason: LoadFailure, url: string, extra: { status?: number; seconds?: number } = {}): string {
  const host = hostOf(url);
  switch (reason) {
    case 'connection_refused':
      return `${host} did not accept the connection: the site may be down, or the address has a wrong port. ${NOTHING} Check the address, or try again later.`;
    case 'name_not_resolved':
      return `No site called ${host} could be found. ${NOTHING} Check the spelling of the address, or your internet connection.`;
    case 'offline':
      return `This computer is not connected to the internet, so ${host} could not be reached. ${NOTHING} Connect, then capture again.`;
    case 'timed_out':
      return `The page at ${host} did not finish loading within ${extra.seconds ? `${extra.seconds} s` : 'the time allowed'}. ${NOTHING} The site may be slow or down: check the address, or try again later.`;
    case 'certificate':
      return `${host} did not prove it is the site it claims to be (its security certificate is not valid). ${NOTHING} Check the address; if it is right, try again later.`;
    case 'too_many_redirects':
      return `${host} kept sending the browser from one address to another without end. ${NOTHING} Open the page yourself and capture the address it finally shows.`;
    case 'http_status':
      return extra.status && extra.status >= 500
        ? `${host} had a problem of its own and answered with an error (${extra.status}). ${NOTHING} Try again later.`
        : extra.status === 401 || extra.status === 403
          ? `${host} refused to show this page (error ${extra.status}): it may need you to sign in. ${NOTHING} Check the address, or sign in and capture from the desktop app.`
          : `${host} says this page does not exist or cannot be shown (error ${extra.status ?? 'status'}). ${NOTHING} Check the address; the page may have moved.`;
    case 'not_a_web_page':
      return `The address ${url} is not a web page (it may be a file download). ${NOTHING} Download the file and import it as a document instead.`;
    case 'unreachable':
      return `${host} could not be loaded. ${NOTHING} Check the address and your connection, then try again.`;
  }
}

/** The API error for a page that did not load, the engine's words kept in `detail`. */
export function loadError(url: string, err: unknown, extra: { seconds?: number } = {}): ApiError {
  const engineMessage = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  const { reason, netError } = classifyLoadError(engineMessage);
  return new ApiError('failed', loadFailureMessage(reason, url, extra), undefined, {
    reason,
    ...(netError ? { netError } : {}),
    engineMessage,
  });
}

/** The API error for an HTTP error answer (400-599); other statuses (LinkedIn's 999 to robots) are captured as shown. */
export function httpStatusError(url: string, status: number, statusText = ''): ApiError | null {
  if (status < 400 || status > 599) return null;
  return new ApiError('failed', loadFailureMessage('http_status', url, { status }), undefined, {
    reason: 'http_status',
    httpStatus: String(status),
    ...(statusText ? { statusText } : {}),
  });
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
