/**
 * One polite request for one watched page: Node's fetch, an honest user agent, no cookies and no credentials (nothing
 * is stored between requests and no Cookie or Authorization header is ever set), at most MAX_REDIRECTS redirects,
 * each to an http(s) address, a time limit for the whole exchange and a size cap on the body. Never throws: every
 * failure comes back as a reason a person can read.
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
  | { ok: true; url: string; finalUrl: string; status: number; contentType: string; body: Buffer; redirects: string[] }
  | { ok: false; url: string; status: number | null; reason: string };

const STATUS_TEXT: Record<number, string> = {
  401: 'the page needs a login (HTTP 401)',
  403: 'the site refused the request (HTTP 403 Forbidden); it may block automated checks',
  404: 'the page was not found (HTTP 404); it may have moved',
  410: 'the page is gone (HTTP 410)',
  429: 'the site asked for fewer requests (HTTP 429 Too Many Requests); try again later',
};

export function statusReason(status: number): string {
  if (STATUS_TEXT[status]) return STATUS_TEXT[status];
  if (status >= 500) return `the site had an error (HTTP ${status}); try again later`;
  return `the site answered HTTP ${status} instead of the page`;
}

/** Plain words for a network error (Node's fetch wraps the system error in `cause`). */
export function networkReason(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; name?: string; message?: string } } | null;
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') return `no complete answer within ${Math.round(timeoutMs / 1000)} s (timed out)`;
  const code = e?.cause?.code ?? e?.code ?? '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'could not connect: the server refused the connection (nothing is listening there)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'the host name could not be found (offline, or the address is wrong)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed before the page arrived';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'the network is unreachable (offline?)';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'the connection timed out';
    default:
      if (/bad port/i.test(e?.cause?.message ?? '')) return 'the address uses a port that fetch refuses for safety (a blocked port)';
      if (/certificate|CERT_|SSL|TLS/i.test(code + (e?.cause?.message ?? ''))) return 'the secure connection failed (certificate problem)';
      return `the page could not be fetched (${code || e?.cause?.message || (err instanceof Error ? err.message : String(err))})`;
  }
}

export async function fetchPage(url: string, opts: FetchOptions): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? MAX_PAGE_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  const redirects: string[] = [];
  let current = url;
  try {
    for (;;) {
      const res = await fetch(current, {
        method: 'GET',
        redirect: 'manual',
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
        if (redirects.length >= MAX_REDIRECTS) return { ok: false, url, status: res.status, reason: `more than ${MAX_REDIRECTS} redirects` };
        let next: URL;
        try {
          next = new URL(res.headers.get('location')!, current);
        } catch {
          return { ok: false, url, status: res.status, reason: 'the site redirected to an address that is not a URL' };
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return { ok: false, url, status: res.status, reason: `the site redirected to a ${next.protocol} address, which the watch does not follow` };
        }
        next.username = '';
        next.password = '';
        redirects.push(next.href);
        current = next.href;
        continue;
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => {});
        return { ok: false, url, status: res.status, reason: statusReason(res.status) };
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await res.body?.cancel().catch(() => {});
        return { ok: false, url, status: res.status, reason: `the page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      if (res.body) {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          size += chunk.length;
          if (size > maxBytes) {
            await res.body.cancel().catch(() => {});
            return { ok: false, url, status: res.status, reason: `the page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
          }
          chunks.push(Buffer.from(chunk));
        }
      }
      const contentType = res.headers.get('content-type') ?? '';
      return { ok: true, url, finalUrl: current, status: res.status, contentType, body: Buffer.concat(chunks), redirects };
    }
  } catch (err) {
    return { ok: false, url, status: null, reason: networkReason(err, timeoutMs) };
  }
}

/** The page's text: the charset the server declared (or the page's meta tag), UTF-8 otherwise. */
export function decodeBody(body: Buffer, contentType: string): string {
  let charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
  if (!charset) charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(body.subarray(0, 4096).toString('latin1'))?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
