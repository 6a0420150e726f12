import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export interface Route {
  status?: number;
  type?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Never answers (for the time limit). */
  hang?: boolean;
}

export interface FixtureServer {
  base: string;
  /** What each path serves now; change it between runs. */
  routes: Map<string, Route>;
  /** Every request received, in order. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

const servers: FixtureServer[] = [];

/** A local HTTP server on 127.0.0.1 (a free port) serving the test's own pages; closed after the test. */
export async function fixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const requests: FixtureServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const r = routes.get(req.url ?? '');
    if (!r) {
      res.statusCode = 404;
      res.end('not here');
      return;
    }
    if (r.hang) return;
    res.statusCode = r.status ?? 200;
    res.setHeader('content-type', r.type ?? 'text/html; charset=utf-8');
    for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
    res.end(r.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const fx: FixtureServer = {
    base: `http://127.0.0.1:${port}`,
    routes,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(fx);
  return fx;
}

/** A port on 127.0.0.1 that nothing listens on: opened, then closed. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** A clock the test moves forward. */
export function movableClock(iso: string) {
  let t = Date.parse(iso);
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** A policy page: navigation, a cookie banner, the policy's paragraphs, a footer with a copyright line. */
export function policyPage(o: { paragraphs: string[]; nav?: string; banner?: string; footer?: string; aside?: string }): string {
  return `<!doctype html><html lang="en"><head><title>Privacy Policy</title><script>document.title = 'changed by a script'</script></head>
<body>
  <header><a href="/">Example</a> <span>Sign in</span></header>
  <nav><ul><li><a href="/a">${o.nav ?? 'Home'}</a></li><li><a href="/b">Help</a></li></ul></nav>
  <div id="onetrust-banner-sdk" class="cookie-banner"><p>${o.banner ?? 'We use cookies to improve your experience.'}</p><button>Accept all</button></div>
  <main id="policy">
    <h1>Privacy Policy</h1>
    ${o.paragraphs.map((p) => `<p>${p}</p>`).join('\n    ')}
  </main>
  ${o.aside ? `<aside class="promo">${o.aside}</aside>` : ''}
  <footer><p>${o.footer ?? '© 2024 Example Corporation. All rights reserved.'}</p><p>Updated 3 March 2024</p></footer>
</body></html>`;
}

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
