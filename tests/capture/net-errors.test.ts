import { expect, test } from 'vitest';
import { ApiError } from '../../electron/core/api/errors';
import { classifyLoadError, httpStatusError, loadError, plainCaptureError } from '../../electron/core/capture/net-errors';

const URL = 'https://www.linkedin.com/legal/privacy-policy';

// What Playwright (page.goto) and Electron (loadURL) actually throw, first lines as they come.
const cases: [string, string, RegExp][] = [
  ['page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:9/x', 'connection_refused', /did not accept the connection.*Check the address, or try again later\./],
  ['page.goto: net::ERR_NAME_NOT_RESOLVED at https://www.linkedn.com/', 'name_not_resolved', /No site called www\.linkedin\.com could be found.*Check the spelling/],
  ["ERR_INTERNET_DISCONNECTED (-106) loading 'https://www.linkedin.com/'", 'offline', /not connected to the internet.*Connect, then capture again\./],
  ['page.goto: net::ERR_CONNECTION_TIMED_OUT at https://www.linkedin.com/', 'timed_out', /did not finish loading within 45 s\. Nothing was stored\..*try again later\./],
  ['page.goto: Timeout 45000ms exceeded.', 'timed_out', /did not finish loading/],
  ['page.goto: net::ERR_CERT_DATE_INVALID at https://expired.example/', 'certificate', /security certificate is not valid/],
  ['page.goto: net::ERR_SSL_PROTOCOL_ERROR at https://x.example/', 'certificate', /security certificate/],
  ['page.goto: net::ERR_TOO_MANY_REDIRECTS at https://www.linkedin.com/', 'too_many_redirects', /from one address to another.*capture the address it finally shows/],
  ['page.goto: Download is starting', 'not_a_web_page', /is not a web page.*import it as a document instead\./],
  ['page.goto: net::ERR_ABORTED at https://www.linkedin.com/file.pdf', 'not_a_web_page', /not a web page/],
  ['page.goto: net::ERR_FAILED at https://www.linkedin.com/', 'unreachable', /could not be loaded.*Check the address and your connection/],
];

test.each(cases)('%s -> %s, in plain words, with the code kept aside', (raw, reason, message) => {
  const err = loadError(URL, new Error(raw + '\nCall log:\n  - navigating to …'), { seconds: 45 });
  expect(err).toBeInstanceOf(ApiError);
  expect(err.code).toBe('failed');
  expect(err.detail?.reason).toBe(reason);
  expect(err.message).toMatch(message);
  expect(err.message).toMatch(/Nothing was stored\./);
  // The engine's words stay out of the sentence the user reads, and in the detail for whoever needs them.
  expect(err.message).not.toMatch(/net::|ERR_|page\.goto|Call log|Timeout \d+ms/);
  expect(err.detail?.engineMessage).toBe(raw);
  const code = /\b(ERR_[A-Z_]+)/.exec(raw)?.[1];
  if (code) expect(err.detail?.netError).toBe(code);
});

test('HTTP error answers: 404 and 410 say the page is not there, 401/403 a sign-in, 5xx the site; others are captured', () => {
  expect(httpStatusError(URL, 404, 'Not Found')).toMatchObject({
    message: expect.stringMatching(/^www\.linkedin\.com says this page does not exist or cannot be shown \(error 404\)\./),
    detail: { reason: 'http_status', httpStatus: '404', statusText: 'Not Found' },
  });
  expect(httpStatusError(URL, 403)?.message).toMatch(/refused to show this page \(error 403\): it may need you to sign in/);
  expect(httpStatusError(URL, 503)?.message).toMatch(/had a problem of its own.*\(503\).*Try again later\./);
  for (const ok of [200, 204, 301, 399, 999]) expect(httpStatusError(URL, ok)).toBeNull();
});

test('a capturer error still carrying an engine code is made plain; other errors pass unchanged', () => {
  const electron = new ApiError('failed', `Could not load ${URL}: ERR_CONNECTION_REFUSED (-102) loading '${URL}'. Nothing was stored.`);
  expect(plainCaptureError(URL, new Error(`net::ERR_NAME_NOT_RESOLVED`))).toMatchObject({ detail: { reason: 'name_not_resolved' } });
  const other = new ApiError('failed', 'A capture script failed in the capture window.');
  expect(plainCaptureError(URL, other)).toBe(other);
  const plain = loadError(URL, new Error('net::ERR_TIMED_OUT'));
  expect(plainCaptureError(URL, plain)).toBe(plain);
  expect(classifyLoadError(electron.message)).toEqual({ reason: 'connection_refused', netError: 'ERR_CONNECTION_REFUSED' });
  expect(plainCaptureError(URL, electron)).toMatchObject({ detail: { reason: 'connection_refused', netError: 'ERR_CONNECTION_REFUSED' } });
  expect((plainCaptureError(URL, electron) as Error).message).not.toMatch(/ERR_/);
});
