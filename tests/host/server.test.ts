import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server';
import { tempCore, tempDir } from '../support/tmp';

let host: RunningHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Redress</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'export {}');
  host = await startHost({ core: tempCore(), staticDir, maxBody: 1024 });
  return host;
}

function raw(h: RunningHost, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: h.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

const json = (h: RunningHost, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${h.token}`,
  ...extra,
});

describe('browser host', () => {
  it('binds loopback only and prints a URL with the token', async () => {
    const h = await start();
    expect(h.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/?token=${h.token}`);
    expect(h.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers the API with the token, refuses it without (401) or with a wrong one (403)', async () => {
    const h = await start();
    const ok = await raw(h, { path: '/api/cases.list', method: 'POST', headers: json(h), body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });
    expect((await raw(h, { path: '/api/cases.list', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await raw(h, { path: '/api/cases.list', method: 'POST', headers: json(h, { authorization: 'Bearer x' }), body: '{}' })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) and sends no CORS headers', async () => {
    const h = await start();
    const rebound = await raw(h, { path: '/api/cases.list', method: 'POST', headers: json(h, { host: `evil.example:${h.port}` }), body: '{}' });
    expect(rebound.status).toBe(403);
    const page = await raw(h, { path: '/', headers: { host: `evil.example:${h.port}` } });
    expect(page.status).toBe(403);
    const preflight = await raw(h, { path: '/api/cases.list', method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('validates through the same schema and reports errors as { ok: false, error }', async () => {
    const h = await start();
    const res = await raw(h, { path: '/api/cases.create', method: 'POST', headers: json(h), body: JSON.stringify({ title: 'x' }) });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await raw(h, { path: '/api/no.such', method: 'POST', headers: json(h), body: '{}' })).status).toBe(404);
    expect((await raw(h, { path: '/api/cases.list', method: 'POST', headers: json(h), body: '{nope' })).status).toBe(400);
    expect((await raw(h, { path: '/api/cases.list', method: 'POST', headers: json(h), body: 'x'.repeat(5000) })).status).toBe(413);
    expect((await raw(h, { path: '/api/cases.list', method: 'POST', headers: json(h, { 'content-type': 'text/plain' }), body: '{}' })).status).toBe(415);
    expect((await raw(h, { path: '/api/cases.list', method: 'GET', headers: json(h) })).status).toBe(405);
  });

  it('serves the renderer with a CSP, and nothing outside its folder', async () => {
    const h = await start();
    const index = await raw(h, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect((await raw(h, { path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
    expect((await raw(h, { path: '/../../etc/passwd' })).status).toBe(404);
    expect((await raw(h, { path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
    expect((await raw(h, { path: '/files/evidence/x' })).status).toBe(403);
    expect((await raw(h, { path: `/files/evidence/x?token=${h.token}` })).status).toBe(404);
  });
});
