import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerFileResolver } from '../../electron/core/files';
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

describe('browser host: malformed addresses and stored files', () => {
  it.each([
    ['/api/%E0%A4%A', 'api'],
    ['/api/cases.%ZZlist', 'api'],
    ['/files/evidence/%ZZ', 'files'],
    ['/files/%E0%A4%A/ev_1', 'files'],
    ['/assets/%ZZ.js', 'static'],
    ['/%E0%A4%A', 'static'],
  ])('answers %s with 400 and a message, not 500', async (path, where) => {
    const h = await start();
    const res =
      where === 'api'
        ? await raw(h, { path, method: 'POST', headers: json(h), body: '{}' })
        : await raw(h, { path: where === 'files' ? `${path}?token=${h.token}` : path });
    expect(res.status).toBe(400);
    const message = where === 'api' ? JSON.parse(res.body).error.message : res.body;
    if (where === 'api') expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(message).toMatch(/malformed %-escape.*two hexadecimal digits/);
  });

  it('answers 400 for a request target that is not a URL at all', async () => {
    const h = await start();
    const res = await raw(h, { path: 'http://[bad/x' });
    expect(res.status).toBe(400);
    expect(res.body).toMatch(/could not be read as a URL/);
  });

  it('still asks for the token before looking at a malformed file address', async () => {
    const h = await start();
    expect((await raw(h, { path: '/files/evidence/%ZZ' })).status).toBe(403);
    expect((await raw(h, { path: '/api/%ZZ', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
  });

  it('serves a stored file with a CSP whose keywords are quoted', async () => {
    const h = await start();
    const call = async (name: string, input: unknown) =>
      JSON.parse((await raw(h, { path: `/api/${name}`, method: 'POST', headers: json(h), body: JSON.stringify(input) })).body);
    const made = await call('cases.create', { title: 'T', country: 'IE', name: 'Aoife', email: 'a@example.org' });
    const up = await call('evidence.upload', {
      caseId: made.value.id,
      filename: 'note.txt',
      kind: 'document',
      dataBase64: Buffer.from('LinkedIn replied on 3 March.').toString('base64'),
    });
    expect(up).toMatchObject({ ok: true });
    const res = await raw(h, { path: `/files/evidence/${up.value.id}?token=${h.token}` });
    expect(res.status).toBe(200);
    expect(res.body).toBe('LinkedIn replied on 3 March.');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toBe("sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    // Every keyword of every CSP the host sends is quoted (an unquoted `none` is a host name, not a keyword).
    for (const policy of [csp, String((await raw(h, { path: '/' })).headers['content-security-policy'])]) {
      expect(policy).not.toMatch(/(^|\s)(none|self|unsafe-inline|unsafe-eval)(\s|;|$)/);
    }
  });

  it('answers 404, not 500 with the reason, when a file resolver refuses a row by throwing', async () => {
    registerFileResolver('test-refuses', () => {
      throw new Error('Not a stored file name: "../../etc/passwd".');
    });
    const h = await start();
    const res = await raw(h, { path: `/files/test-refuses/x?token=${h.token}` });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('passwd');
  });

  it('sends the renderer a CSP without unsafe-inline', async () => {
    const h = await start();
    const csp = String((await raw(h, { path: '/' })).headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'self';/);
    expect(csp).not.toContain('unsafe-inline');
  });
});
