// The favicon: an SVG in the renderer's public folder (vite copies it into the build every host serves), linked from
// index.html, served by the browser host as image/svg+xml under a CSP that lets the page show it.
import { request } from 'node:http';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server';
import { tempCore, tempDir } from '../support/tmp';

const renderer = join(import.meta.dirname, '..', '..', 'renderer');
let host: RunningHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

function get(h: RunningHost, path: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: h.port, path }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('favicon', () => {
  it('is a small SVG that index.html links from the public folder', () => {
    const svg = readFileSync(join(renderer, 'public', 'favicon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script|href=|on\w+=/i); // nothing active, nothing fetched
    expect(Buffer.byteLength(svg)).toBeLessThan(2048);
    expect(readFileSync(join(renderer, 'index.html'), 'utf8')).toContain('<link rel="icon" type="image/svg+xml" href="./favicon.svg" />');
  });

  it('is served as image/svg+xml without a token, and the page CSP allows it (img-src self)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), readFileSync(join(renderer, 'index.html')));
    copyFileSync(join(renderer, 'public', 'favicon.svg'), join(dir, 'favicon.svg'));
    host = await startHost({ core: tempCore(), staticDir: dir });
    const icon = await get(host, '/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.body).toContain('<svg');
    const page = await get(host, '/');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/img-src 'self'/);
    // The meta CSP in index.html says the same.
    expect(page.body).toMatch(/img-src 'self'/);
  });
});
