import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createChromiumCapturer } from '../../electron/core/capture/chromium';
import { startFixtureServer } from '../../e2e/fixtures/evidence/server';
import { createCore } from '../../electron/core/index';
import { tempDir } from '../support/tmp';

let fx: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  fx = await startFixtureServer();
});
afterAll(async () => {
  await fx.close();
});

test('a case with real captures (a confirmed switch and a policy page) survives export and import onto a fresh data folder: verify is clean', async () => {
  const dir = tempDir();
  const core = createCore({ dataDir: join(dir, 'a'), host: 'cli', capturer: createChromiumCapturer() });
  let zip: string;
  let caseId: string;
  try {
    const c = await core.api.call('cases.create', { title: 'Captured', country: 'IE', name: 'Aoife Byrne', email: 'a@example.org' });
    caseId = c.id;
    const setting = await core.api.call('evidence.capture', { caseId, url: `${fx.url}/login-wall.html`, purpose: 'setting' });
    await core.api.call('evidence.confirmToggle', { id: setting.id, state: 'on' });
    await core.api.call('evidence.capture', { caseId, url: `${fx.url}/policy-v1.html`, purpose: 'page' });
    expect((await core.api.call('evidence.verify', { caseId })).ok).toBe(true);
    zip = (await core.api.call('cases.exportBundle', { id: caseId })).dataBase64!;
  } finally {
    await core.ctx.capturer?.close();
    core.close();
  }
  const fresh = createCore({ dataDir: join(dir, 'b'), host: 'cli' });
  try {
    const r = await fresh.api.call('cases.importBundle', { dataBase64: zip });
    expect(r).toMatchObject({ renamed: false, imported: { evidence: 2 } });
    const v = await fresh.api.call('evidence.verify', { caseId });
    expect(v.items.map((i) => [i.status, i.problems ?? []])).toEqual([
      ['ok', []],
      ['ok', []],
    ]);
    expect(v.ok).toBe(true);
    expect(v.custody.anchor?.status).toBe('match');
  } finally {
    fresh.close();
  }
}, 120_000);
