import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchedDocument } from '../../electron/core/contract/watch';
import { proxyUrlFor } from '../../electron/core/watch/proxy';
import { runWatch } from '../../electron/core/watch/run';
import { tempCore } from '../support/tmp';
import { closedPort, fixtureServer, policyPage } from './support';

const ENV = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  for (const c of closers.splice(0)) await c();
});
const setEnv = (vars: Record<string, string>) => {
  for (const k of ENV) delete process.env[k];
  Object.assign(process.env, vars);
};

/** A tiny forward proxy: plain GETs by absolute URL are passed on, CONNECT is tunnelled; every request is counted. */
async function forwardProxy() {
  const seen: { method: string; url: string; headers: Record<string, unknown> }[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const target = new URL(req.url ?? '');
    const up = request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => (res.writeHead(502), res.end()));
    req.pipe(up);
  });
  server.on('connect', (req, socket, head) => {
    seen.push({ method: 'CONNECT', url: req.url ?? '', headers: req.headers });
    const [host, port] = (req.url ?? '').split(':');
    const up = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('the watch behind a proxy', () => {
  it('goes through HTTP_PROXY, says so in the capture record, and still sends no cookie', async () => {
    const fx = await fixtureServer();
    fx.routes.set('/privacy', { body: policyPage({ paragraphs: ['We collect your profile.', 'We share it.'] }) });
    const proxy = await forwardProxy();
    const core = tempCore();
    const doc = (await core.api.call('watch.add', { url: `${fx.base}/privacy` })) as WatchedDocument;
    setEnv({ HTTP_PROXY: proxy.url });

    const [c] = await runWatch(core.ctx, { screenshots: false });
    expect(c).toMatchObject({ id: doc.id, baseline: true });
    // undici tunnels through the proxy (CONNECT), for http pages as for https ones: one tunnel, one request in it.
    expect(proxy.seen.map((r) => [r.method, r.url])).toEqual([['CONNECT', fx.base.replace('http://', '')]]);
    expect(fx.requests).toHaveLength(1);
    expect(fx.requests[0].headers.cookie).toBeUndefined();
    expect(fx.requests[0].headers['user-agent']).toMatch(/^Redress\//);
    const capture = JSON.parse((core.ctx.db.prepare('SELECT capture_json FROM watch_snapshots WHERE document_id = ?').get(doc.id) as { capture_json: string }).capture_json);
    expect(capture.fetch.proxy).toBe(proxy.url);
  });

  it('NO_PROXY keeps a host direct; without a proxy set nothing changes', async () => {
    const fx = await fixtureServer();
    fx.routes.set('/privacy', { body: policyPage({ paragraphs: ['We collect your profile.'] }) });
    const proxy = await forwardProxy();
    const core = tempCore();
    await core.api.call('watch.add', { url: `${fx.base}/privacy` });
    setEnv({ HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
    const [c] = await runWatch(core.ctx, { screenshots: false });
    expect(c.baseline).toBe(true);
    expect(proxy.seen).toHaveLength(0);
    expect(fx.requests).toHaveLength(1);

    setEnv({});
    expect(proxyUrlFor('https://www.linkedin.com/legal/privacy-policy')).toBeNull();
    setEnv({ https_proxy: 'http://proxy.example:3128', NO_PROXY: '.example.org, internal:8080' });
    expect(proxyUrlFor('https://www.linkedin.com/legal/privacy-policy')).toBe('http://proxy.example:3128');
    expect(proxyUrlFor('http://www.linkedin.com/')).toBeNull(); // https_proxy is for https pages only
    expect(proxyUrlFor('https://policies.example.org/x')).toBeNull();
    expect(proxyUrlFor('https://internal:8080/x')).toBeNull();
    expect(proxyUrlFor('https://internal:9090/x')).toBe('http://proxy.example:3128');
    setEnv({ HTTPS_PROXY: 'http://proxy.example:3128', NO_PROXY: '*' });
    expect(proxyUrlFor('https://www.linkedin.com/')).toBeNull();
  });

  it('HTTPS_PROXY is for https pages, HTTP_PROXY for http pages and, without HTTPS_PROXY, https ones too', () => {
    setEnv({ HTTPS_PROXY: 'http://secure-proxy.example:8443' });
    expect(proxyUrlFor('http://example.org/p')).toBeNull();
    expect(proxyUrlFor('https://example.org/p')).toBe('http://secure-proxy.example:8443');
    setEnv({ HTTP_PROXY: 'http://user:secret@proxy.example:3128' });
    expect(proxyUrlFor('https://example.org/p')).toBe('http://user:secret@proxy.example:3128');
  });

  it('a proxy that cannot be reached is a recorded failure that names the proxy, never "no change"', async () => {
    const fx = await fixtureServer();
    fx.routes.set('/privacy', { body: policyPage({ paragraphs: ['We collect your profile.'] }) });
    const core = tempCore();
    const doc = (await core.api.call('watch.add', { url: `${fx.base}/privacy` })) as WatchedDocument;
    const dead = `http://127.0.0.1:${await closedPort()}`;
    setEnv({ HTTP_PROXY: dead });
    const [c] = await runWatch(core.ctx, { screenshots: false });
    expect(c).toMatchObject({ id: doc.id, outcome: 'failed' });
    expect(c.failed).toMatch(new RegExp(`^the proxy ${dead.replace(/\./g, '\\.')} could not be reached or refused the request`));
    expect(c.reasonMsg).toMatchObject({ key: 'watch.reason.proxy', params: { proxy: dead } });
    expect(fx.requests).toHaveLength(0);
  });
});
