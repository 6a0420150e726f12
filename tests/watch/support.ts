import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

// Screenshots of new snapshots start Chromium once per run: the tests about them (evidence.test.ts, to-case.test.ts)
// turn them on; elsewhere they would only slow the suite down. Child processes (the CLI tests) inherit this.
process.env.REDRESS_WATCH_SCREENSHOTS ??= 'off';

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

/**
 * A copy of the facts folder (data/) in a temp folder whose platform `id` lists its policy documents at `base`
 * (`<base>/<policy id>`), for REDRESS_FACTS_DIR: the watch is pointed at the test's own server, never the internet.
 * Platform files only accept https addresses, so `base` is an https server (see httpsFixtureServer).
 */
export function factsCopy(dir: string, id: string, base: string): string {
  const facts = join(dir, 'facts');
  cpSync(join(import.meta.dirname, '..', '..', 'data'), facts, { recursive: true });
  const file = join(facts, 'platforms', `${id}.json`);
  const p = JSON.parse(readFileSync(file, 'utf8'));
  for (const d of p.policies) d.url = `${base}/${d.id}`;
  writeFileSync(file, JSON.stringify(p, null, 2));
  return facts;
}

/**
 * The fixture server over https with a certificate made for 127.0.0.1 by openssl; `caFile` is that certificate, for
 * a child process's NODE_EXTRA_CA_CERTS (so the watch's fetch trusts it and nothing else changes).
 */
export async function httpsFixtureServer(dir: string): Promise<FixtureServer & { caFile: string }> {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const routes = new Map<string, Route>();
  const requests: FixtureServer['requests'] = [];
  const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const r = routes.get(req.url ?? '');
    res.statusCode = r ? (r.status ?? 200) : 404;
    res.setHeader('content-type', r?.type ?? 'text/html; charset=utf-8');
    res.end(r ? (r.body ?? '') : 'not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fx = {
    base: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routes,
    requests,
    caFile: cert,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(fx);
  return fx;
}
