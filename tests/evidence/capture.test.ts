import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createChromiumCapturer } from '../../electron/core/capture/chromium';
import { storeRoot } from '../../electron/core/evidence/store';
import { startFixtureServer } from '../../e2e/fixtures/evidence/server';
import { tempCore, type TempCore } from './helpers';

let t: TempCore;
let fx: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  fx = await startFixtureServer();
  t = await tempCore({ capturer: createChromiumCapturer() });
});
afterAll(async () => {
  await t.core.ctx.capturer?.close();
  t.close();
  await fx.close();
});

const capture = (file: string, purpose: 'setting' | 'page') =>
  t.core.api.call('evidence.capture', { caseId: t.caseId, url: `${fx.url}/${file}`, purpose });
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

test('real Chromium reads the switch on each fixture page', async () => {
  const states: Record<string, unknown> = {};
  for (const f of ['switch-checkbox.html', 'switch-aria.html', 'switch-delayed.html', 'login-wall.html']) {
    const r = await capture(f, 'setting');
    states[f] = [r.toggle.state, r.toggle.method];
  }
  expect(states).toEqual({
    'switch-checkbox.html': ['on', 'checked-property'],
    'switch-aria.html': ['off', 'aria-checked'],
    'switch-delayed.html': ['on', 'checked-property'],
    'login-wall.html': ['unknown', 'none'],
  });
  const list = await t.core.api.call('evidence.list', { caseId: t.caseId });
  expect(list.map((e) => e.toggle)).toEqual([
    { state: 'on', confirmedBy: 'page' },
    { state: 'off', confirmedBy: 'page' },
    { state: 'on', confirmedBy: 'page' },
    { state: 'unknown', confirmedBy: 'page' },
  ]);
});

test('a capture keeps a full-page screenshot, MHTML, DOM, readable text and a manifest that hashes them all', async () => {
  const r = await capture('redirect/policy-v1.html', 'page');
  expect(r.finalUrl).toBe(`${fx.url}/policy-v1.html`);
  const files = Object.fromEntries(r.artifacts.map((a) => [a.kind, a]));
  for (const a of r.artifacts) expect(sha(a.storedPath)).toBe(a.sha256);
  // Full page: the policy is taller than the 900px viewport.
  const png = readFileSync(files.screenshot.storedPath);
  expect(png.readUInt32BE(20)).toBeGreaterThan(1500);
  expect(readFileSync(files.mhtml.storedPath, 'utf8')).toMatch(/multipart\/related/);
  const text = readFileSync(files.text.storedPath, 'utf8');
  expect(text).toContain('We use data to keep our services secure');
  expect(text).toContain('You can object to some processing of your data.'); // lazy content, scrolled in
  for (const gone of ['Accept cookies', 'Messaging', 'Copyright Policy']) expect(text).not.toContain(gone);
  const manifest = JSON.parse(readFileSync(files.manifest.storedPath, 'utf8'));
  expect(r.sha256).toBe(files.manifest.sha256);
  expect(manifest).toMatchObject({
    requestedUrl: `${fx.url}/redirect/policy-v1.html`,
    finalUrl: `${fx.url}/policy-v1.html`,
    redirectChain: [`${fx.url}/redirect/policy-v1.html`],
    httpStatus: 200,
    viewport: { width: 1280, height: 900 },
    devicePixelRatio: 1,
    app: { name: 'Redress', host: 'cli' },
  });
  expect(manifest.capturedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(manifest.engine.version).toMatch(/^\d+\./);
  expect(manifest.userAgent).toMatch(/Chrome/);
  expect(manifest.actions.join('\n')).toMatch(/scrolled to the bottom/);
  expect(manifest.artifacts.map((a: { role: string; sha256: string }) => [a.role, a.sha256]).sort()).toEqual(
    r.artifacts.filter((a) => a.kind !== 'manifest').map((a) => [a.kind, a.sha256]).sort(),
  );
  expect(JSON.stringify(manifest)).not.toMatch(/cookie"?\s*:/i);
});

test('two versions of a policy diff to the added AI-training clause; the diff is saved as its own evidence', async () => {
  const a = await capture('policy-v1.html', 'page');
  const b = await capture('policy-v2.html', 'page');
  const d = await t.core.api.call('evidence.diff', { from: b.id, to: a.id }); // given newest first: still shown old -> new
  expect(d.from.id).toBe(a.id);
  expect(d.to.sha256).toBe(b.sha256);
  const added = d.changes.filter((c) => c.type === 'added').map((c) => c.text);
  expect(added).toContain('We may use your personal data to develop and train artificial intelligence models, including generative AI models that create content.');
  expect(d.changes.filter((c) => c.type === 'removed').map((c) => c.text)).toEqual(['Effective 1 June 2024.']);
  const saved = await t.core.api.call('evidence.saveDiff', { from: a.id, to: b.id });
  expect(saved.kind).toBe('diff');
  const detail = await t.core.api.call('evidence.get', { id: saved.id });
  const text = readFileSync(detail.artifacts.find((x) => x.kind === 'diff')!.storedPath, 'utf8');
  expect(text).toContain(`sha256 ${a.sha256}`);
  expect(text).toContain('+ We may use your personal data to develop and train artificial intelligence models');
});

test('a page that never loads times out with a clear message and stores nothing', async () => {
  process.env.REDRESS_CAPTURE_TIMEOUT_MS = '2000';
  const before = (await t.core.api.call('evidence.list', { caseId: t.caseId })).length;
  const files = () => readdirSync(storeRoot(join(t.dir, 'data')), { recursive: true }).length;
  const n = files();
  try {
    await expect(capture('hang', 'page')).rejects.toThrow(/did not finish loading within 2 s\. Nothing was stored/);
  } finally {
    delete process.env.REDRESS_CAPTURE_TIMEOUT_MS;
  }
  expect((await t.core.api.call('evidence.list', { caseId: t.caseId })).length).toBe(before);
  expect(files()).toBe(n);
  await expect(t.core.api.call('evidence.capture', { caseId: t.caseId, url: 'file:///etc/passwd' })).rejects.toThrow(/must start with http/);
  expect(existsSync(join(t.dir, 'data'))).toBe(true);
});

test('a closed port and a missing page fail in plain words, the engine code kept in the detail, nothing stored', async () => {
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
  const before = (await t.core.api.call('evidence.list', { caseId: t.caseId })).length;
  const refused = await t.core.api.call('evidence.capture', { caseId: t.caseId, url: `http://127.0.0.1:${port}/policy`, purpose: 'page' }).catch((e) => e);
  expect(refused.message).toBe(
    `127.0.0.1:${port} did not accept the connection: the site may be down, or the address has a wrong port. Nothing was stored. Check the address, or try again later.`,
  );
  expect(refused.detail).toMatchObject({ reason: 'connection_refused', netError: 'ERR_CONNECTION_REFUSED' });
  const missing = await capture('no-such-page.html', 'page').catch((e) => e);
  expect(missing.message).toMatch(/says this page does not exist or cannot be shown \(error 404\)\. Nothing was stored\./);
  expect(missing.detail).toMatchObject({ reason: 'http_status', httpStatus: '404' });
  expect((await t.core.api.call('evidence.list', { caseId: t.caseId })).length).toBe(before);
});
