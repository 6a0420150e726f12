import type { Msg } from '../contract/i18n';
import { proxyFor } from './proxy';
import { reason, type Reason } from './reasons';

/**
 * One polite request for one watched page: Node's fetch, an honest user agent, no cookies and no credentials (nothing
 * is stored between requests and no Cookie or Authorization header is ever set), at most MAX_REDIRECTS redirects,
 * each to an http(s) address, a time limit for the whole exchange and a size cap on the body. Never throws: every
 * failure comes back as a reason a person can read (and its message key). HTTPS_PROXY / HTTP_PROXY / NO_PROXY are
 * honoured (see proxy.ts): Node's own fetch ignores them.
 */
export const MAX_REDIRECTS = 5;
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 30_000;

// The project has no public address yet, so the agent says what it is in words instead of naming a made-up URL.
export const watchUserAgent = (version: string) => `Redress/${version} (policy watch of a personal privacy app; one request per document per run)`;

export interface FetchOptions {
  userAgent: string;
  timeoutMs?: number;
  maxBytes?: number;
}

export type Fetched =
  | { ok: true; url: string; finalUrl: string; status: number; contentType: string; body: Buffer; redirects: string[]; via: string | null }
  | { ok: false; url: string; status: number | null; reason: string; reasonMsg: Msg };

const STATUS_KEYS: Record<number, string> = { 401: 'http401', 403: 'http403', 404: 'http404', 410: 'http410', 429: 'http429' };

/** Why an HTTP status is not the page, in plain words and by key. */
export function statusMsg(status: number): Reason {
  if (STATUS_KEYS[status]) return reason(STATUS_KEYS[status]);
  if (status >= 500) return reason('http5xx', { status });
  return reason('httpOther', { status });
}

export const statusReason = (status: number): string => statusMsg(status).text;

/** Plain words for a network error (Node's fetch wraps the system error in `cause`). */
export function networkMsg(err: unknown, timeoutMs: number, proxy?: string | null): Reason {
  const e = err as { name?: string; code?: string; cause?: { code?: string; name?: string; message?: string } } | null;
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') return reason('timeout', { seconds: Math.round(timeoutMs / 1000) });
  const code = e?.cause?.code ?? e?.code ?? '';
  const message = e?.cause?.message ?? '';
  // Through a proxy, a refused or failed connection is the proxy's (undici says "Proxy response (502) !== 200 when
  // HTTP Tunneling" for a refused CONNECT); the site was never reached.
  if (proxy && (/proxy/i.test(message) || code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'UND_ERR_ABORTED')) {
    return reason('proxy', { proxy, detail: code || message || (err instanceof Error ? err.message : String(err)) });
  }
  switch (code) {
    case 'ECONNREFUSED':
      return reason('refused');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return reason('hostNotFound');
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return reason('closed');
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return reason('unreachable');
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return reason('connectTimeout');
    default:
      if (/bad port/i.test(message)) return reason('blockedPort');
      if (/certificate|CERT_|SSL|TLS/i.test(code + message)) return reason('certificate');
      return reason('fetchFailed', { detail: code || message || (err instanceof Error ? err.message : String(err)) });
  }
}

export const networkReason = (err: unknown, timeoutMs: number): string => networkMsg(err, timeoutMs).text;

const failed = (url: string, status: number | null, r: Reason): Fetched => ({ ok: false, url, status, reason: r.text, reasonMsg: r.msg });

export async function fetchPage(url: string, opts: FetchOptions): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? MAX_PAGE_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  const redirects: string[] = [];
  let current = url;
  let proxy: string | null = null;
  try {
    for (;;) {
      const route = proxyFor(current);
      proxy = route.proxy;
      const res = await route.fetch(current, {
        method: 'GET',
        redirect: 'manual',
        ...(route.dispatcher ? { dispatcher: route.dispatcher } : {}),
        credentials: 'omit',
        cache: 'no-store',
        signal,
        headers: {
          'user-agent': opts.userAgent,
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
        },
      });
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel().catch(() => {});
        if (redirects.length >= MAX_REDIRECTS) return failed(url, res.status, reason('tooManyRedirects', { max: MAX_REDIRECTS }));
        let next: URL;
        try {
          next = new URL(res.headers.get('location')!, current);
        } catch {
          return failed(url, res.status, reason('redirectNotUrl'));
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return failed(url, res.status, reason('redirectScheme', { protocol: next.protocol }));
        }
        next.username = '';
        next.password = '';
        redirects.push(next.href);
        current = next.href;
        continue;
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => {});
        return failed(url, res.status, statusMsg(res.status));
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await res.body?.cancel().catch(() => {});
        return failed(url, res.status, reason('tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) }));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      if (res.body) {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          size += chunk.length;
          if (size > maxBytes) {
            await res.body.cancel().catch(() => {});
            return failed(url, res.status, reason('tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) }));
          }
          chunks.push(Buffer.from(chunk));
        }
      }
      const contentType = res.headers.get('content-type') ?? '';
      return { ok: true, url, finalUrl: current, status: res.status, contentType, body: Buffer.concat(chunks), redirects, via: proxy };
    }
  } catch (err) {
    return failed(url, null, networkMsg(err, timeoutMs, proxy));
  }
}

// Kept here for callers that decode a fetched page themselves; the watch decodes in extract.ts (in the worker).
export { decodeBody } from './extract';
