import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchedDocument } from '../../electron/core/contract/watch';
import { watchBlobPath } from '../../electron/core/watch/repo';
import { runWatch } from '../../electron/core/watch/run';
import { SHOT_VIEWPORT, type ShotRenderer, type ShotResult } from '../../electron/core/watch/screenshot';
import { tempCore } from '../support/tmp';
import { fixtureServer, policyPage } from './support';

// The host's screenshot renderer (the app's hidden Electron window) given to the core as ctx.shotRenderer: the watch
// uses it instead of a system Chromium, unless REDRESS_CHROMIUM names one or screenshots are off.
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const BASE = ['We collect the information you give us when you create an account.'];

function fakeRenderer() {
  const calls: { body: string; type: string }[] = [];
  let made = 0;
  let closed = 0;
  const factory = (): ShotRenderer => {
    made++;
    return {
      async render(body, contentType): Promise<ShotResult> {
        calls.push({ body: body.toString('utf8'), type: contentType });
        return {
          ok: true,
          png: PNG,
          record: {
            mime: 'image/png',
            width: 1,
            height: 1,
            truncated: false,
            pageHeight: 1,
            viewport: SHOT_VIEWPORT,
            renderedAt: '2026-11-24T08:00:00.000Z',
            engine: { name: 'Electron 41 (Chromium 146, hidden window)', version: '146' },
            rendering: 'offline',
            from: 'the fetched bytes',
            javascript: false,
            externalResources: false,
            blockedRequests: 0,
            note: 'fake',
            noteMsg: { key: 'watch.screenshot.offlineElectron' },
          },
        };
      },
      async close() {
        closed++;
      },
    };
  };
  return { factory, calls, made: () => made, closed: () => closed };
}

const saved = { shots: process.env.REDRESS_WATCH_SCREENSHOTS, chromium: process.env.REDRESS_CHROMIUM };
beforeEach(() => {
  process.env.REDRESS_WATCH_SCREENSHOTS = 'on';
  delete process.env.REDRESS_CHROMIUM;
});
afterEach(() => {
  for (const [k, v] of [['REDRESS_WATCH_SCREENSHOTS', saved.shots], ['REDRESS_CHROMIUM', saved.chromium]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

async function watched() {
  const fx = await fixtureServer();
  const core = tempCore();
  const html = policyPage({ paragraphs: BASE });
  fx.routes.set('/privacy', { body: html });
  const doc = (await core.api.call('watch.add', { url: `${fx.base}/privacy` })) as WatchedDocument;
  const snapshot = () => core.ctx.db.prepare('SELECT shot_sha256, shot_size, capture_json FROM watch_snapshots WHERE document_id = ?').get(doc.id) as { shot_sha256: string | null; shot_size: number | null; capture_json: string };
  return { core, html, snapshot };
}

describe('the host screenshot renderer (ctx.shotRenderer)', () => {
  it('is used by the watch run instead of Chromium, with the fetched bytes, and its picture is kept with the snapshot', async () => {
    const { core, html, snapshot } = await watched();
    const fake = fakeRenderer();
    core.ctx.shotRenderer = fake.factory;
    const [c] = await runWatch(core.ctx);
    expect(c).toMatchObject({ outcome: 'baseline' });
    expect(fake.made()).toBe(1);
    expect(fake.calls).toEqual([{ body: html, type: 'text/html; charset=utf-8' }]);
    expect(fake.closed()).toBe(1);
    const snap = snapshot();
    expect(snap.shot_sha256).toBe(sha(PNG));
    expect(snap.shot_size).toBe(PNG.length);
    expect(readFileSync(watchBlobPath(core.ctx.dataDir, snap.shot_sha256!))).toEqual(PNG);
    expect(JSON.parse(snap.capture_json).screenshot).toMatchObject({ sha256: sha(PNG), engine: { name: expect.stringMatching(/^Electron /) }, noteMsg: { key: 'watch.screenshot.offlineElectron' } });
  });

  it('is not made when screenshots are off', async () => {
    process.env.REDRESS_WATCH_SCREENSHOTS = 'off';
    const { core, snapshot } = await watched();
    const fake = fakeRenderer();
    core.ctx.shotRenderer = fake.factory;
    await runWatch(core.ctx);
    expect(fake.made()).toBe(0);
    expect(snapshot().shot_sha256).toBeNull();
    expect(JSON.parse(snapshot().capture_json).noScreenshot.reasonMsg).toEqual({ key: 'watch.screenshot.off' });
  });

  it('gives way to the Chromium REDRESS_CHROMIUM names', async () => {
    process.env.REDRESS_CHROMIUM = '/nonexistent/chromium';
    const { core, snapshot } = await watched();
    const fake = fakeRenderer();
    core.ctx.shotRenderer = fake.factory;
    await runWatch(core.ctx);
    expect(fake.made()).toBe(0);
    expect(JSON.parse(snapshot().capture_json).noScreenshot.reasonMsg).toMatchObject({ key: 'watch.screenshot.noChromium', params: { path: '/nonexistent/chromium' } });
  });
});
