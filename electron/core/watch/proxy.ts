import { lazy } from '../util/lazy';

const undici = lazy<typeof import('undici')>('undici');

/**
 * The watch's route to a page: straight, or through the proxy the environment names. Node 20's own fetch ignores
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY (so a member behind a company proxy would see every check fail); undici's
 * EnvHttpProxyAgent honours them, with the same rules curl and most tools use (lower-case names first; HTTPS_PROXY
 * for https pages, else HTTP_PROXY; NO_PROXY a list of hosts, `.domain` / `*.domain` for subdomains, `host:port`,
 * or `*` for none). Without a proxy set, the watch keeps Node's own fetch.
 */
export interface ProxyRoute {
  fetch: typeof globalThis.fetch;
  dispatcher?: unknown;
  /** The proxy used, without any user name or password in it; null when straight. */
  proxy: string | null;
}

const env = (name: string) => process.env[name.toLowerCase()] ?? process.env[name.toUpperCase()] ?? '';

/** The proxy an address goes through by the environment, or null. */
export function proxyUrlFor(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const httpProxy = env('http_proxy');
  const proxy = u.protocol === 'https:' ? env('https_proxy') || httpProxy : u.protocol === 'http:' ? httpProxy : '';
  if (!proxy) return null;
  const noProxy = env('no_proxy');
  if (noProxy.trim() === '*') return null;
  const host = u.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number(u.port) || (u.protocol === 'https:' ? 443 : 80);
  for (const entry of noProxy.split(/[,\s]/)) {
    if (!entry) continue;
    const m = /^(.+):(\d+)$/.exec(entry);
    const name = (m ? m[1] : entry).replace(/^\*?\./, '').toLowerCase();
    if (m && Number(m[2]) !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return null;
  }
  return proxy;
}

/** A proxy's address for a record or a message: without credentials. */
export function proxyLabel(proxy: string): string {
  try {
    const u = new URL(proxy);
    u.username = '';
    u.password = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return '(a proxy address that is not a URL)';
  }
}

let agent: { key: string; dispatcher: unknown } | undefined;

export function proxyFor(url: string): ProxyRoute {
  const proxy = proxyUrlFor(url);
  if (!proxy) return { fetch: globalThis.fetch, proxy: null };
  const u = undici();
  // One agent while the environment stays the same (its connections to the proxy are reused within a run).
  const key = ['http_proxy', 'https_proxy', 'no_proxy'].map(env).join('\n');
  if (agent?.key !== key) agent = { key, dispatcher: new u.EnvHttpProxyAgent() };
  return { fetch: u.fetch as unknown as typeof globalThis.fetch, dispatcher: agent.dispatcher, proxy: proxyLabel(proxy) };
}
