// The renderer's only way to the core: `invoke(name, input)`. In Electron the preload exposes `window.redress`; in a
// browser the same call goes to the browser host over HTTP with the run's token.
import type { ApiErrorBody, ApiInput, ApiName, ApiOutput, ApiResult } from '../../electron/core/contract';

declare global {
  interface Window {
    redress?: { invoke(name: string, input: unknown): Promise<ApiResult<unknown>>; locale?: string };
  }
}

export class ApiCallError extends Error {
  readonly code: ApiErrorBody['code'];
  readonly issues: ApiErrorBody['issues'];
  readonly detail: ApiErrorBody['detail'];
  /** The message's key in the core catalog and its parameters, for ui/errors.ts to word in the language shown. */
  readonly key: ApiErrorBody['key'];
  readonly params: ApiErrorBody['params'];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.code = body.code;
    this.issues = body.issues;
    this.detail = body.detail;
    this.key = body.key;
    this.params = body.params;
  }
}

const TOKEN_KEY = 'redress.token';
const WANTED_KEY = 'redress.wanted';

/**
 * Whether the browser host lets this tab in: 'missing' when the address had no key, 'wrong' when the host refused the
 * key this tab holds (it changes every time the host starts). Electron needs no key.
 */
export type Access = 'ok' | 'missing' | 'wrong';
let access: Access = 'ok';
const accessListeners = new Set<() => void>();

function denyAccess(why: Exclude<Access, 'ok'>) {
  if (access === why) return;
  access = why;
  if (window.location.hash.startsWith('#/') && window.location.hash !== '#/') sessionStorage.setItem(WANTED_KEY, window.location.hash);
  for (const l of accessListeners) l();
}

export const getAccess = (): Access => access;
export function subscribeAccess(listener: () => void): () => void {
  accessListeners.add(listener);
  return () => accessListeners.delete(listener);
}

/**
 * The browser host puts `?token=` in the URL it prints; keep it for this tab and take it out of the address bar. A page
 * asked for before the key was there (a deep link without it) is opened once the key arrives in the same tab.
 */
export function captureToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    const wanted = sessionStorage.getItem(WANTED_KEY);
    sessionStorage.removeItem(WANTED_KEY);
    const hash = url.hash && url.hash !== '#/' ? url.hash : wanted?.startsWith('#/') ? wanted : url.hash;
    window.history.replaceState(null, '', url.pathname + url.search + hash);
    access = 'ok';
  } else if (!window.redress && !sessionStorage.getItem(TOKEN_KEY)) {
    // The browser host answers nothing without the key: say how to get in at once, instead of failing call by call.
    denyAccess('missing');
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function apiToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

async function transport(name: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.redress) return window.redress.invoke(name, input);
  const res = await fetch(`/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiToken() ?? ''}` },
    body: JSON.stringify(input ?? null),
  });
  if (res.status === 401 || res.status === 403) {
    // 401: no key sent; 403: a key the host does not know (an earlier run's). The app shows how to get in (App.tsx).
    denyAccess(res.status === 401 ? 'missing' : 'wrong');
    return {
      ok: false,
      error: {
        code: 'failed',
        message: 'This address has no valid key for Redress. Open the address Redress printed when it started.',
        key: 'errors.noAccessKey',
      },
    };
  }
  return (await res.json()) as ApiResult<unknown>;
}

export async function invoke<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
  const result = await transport(name, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as ApiOutput<K>;
}

/** A URL the page can use in <img src> or a download link for a stored file (see electron/core/files.ts). */
export function fileUrl(kind: string, id: string, opts: { download?: boolean } = {}): string {
  const path = `${encodeURIComponent(kind)}/${encodeURIComponent(id)}`;
  const dl = opts.download ? 'download=1' : '';
  if (window.redress) return `redress-file://files/${path}${dl ? `?${dl}` : ''}`;
  return `/files/${path}?token=${encodeURIComponent(apiToken() ?? '')}${dl ? `&${dl}` : ''}`;
}
