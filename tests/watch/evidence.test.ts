import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WatchedDocument } from '../../electron/core/contract/watch';
import { translator } from '../../electron/core/i18n';
import { watchBlobPath } from '../../electron/core/watch/repo';
import { runWatch } from '../../electron/core/watch/run';
import { tempCore } from '../support/tmp';
import { DAY, fixtureServer, movableClock, policyPage } from './support';

// Screenshots on for this file (support.ts turns them off for the others).
process.env.REDRESS_WATCH_SCREENSHOTS = 'on';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const BASE = ['We collect the information you give us when you create an account.', 'We share it with our service providers.'];
const AI = 'We may use your posts and profile to train generative AI models.';

interface SnapRow {
  id: string;
  raw_sha256: string;
  raw_size: number;
  shot_sha256: string | null;
  shot_size: number | null;
  capture_json: string;
}

/** A policy page that asks for a stylesheet, an image, a font and a frame, on the fixture server and elsewhere. */
const pageWithResources = (base: string, paragraphs: string[]) =>
  policyPage({ paragraphs }).replace(
    '<title>Privacy Policy</title>',
    `<title>Privacy Policy</title><link rel="stylesheet" href="${base}/style.css"><link rel="stylesheet" href="https://fonts.example.com/css"><style>@font-face{font-family:x;src:url(${base}/font.woff2)}</style>`,
  ).replace('<h1>Privacy Policy</h1>', `<h1>Privacy Policy</h1><img src="${base}/logo.png"><img src="https://cdn.example.com/x.png"><iframe src="${base}/frame"></iframe>`);

describe('watch evidence: screenshots rendered offline', () => {
  it('keeps a screenshot of the fetched bytes for the baseline and each change, none for no change, and the site sees one request per run', async () => {
    const fx = await fixtureServer();
    const clock = movableClock('2026-11-03T08:00:00.000Z');
    const core = tempCore({ clock });
    const before = pageWithResources(fx.base, BASE);
    fx.routes.set('/privacy', { body: before });
    for (const p of ['/style.css', '/logo.png', '/font.woff2', '/frame']) fx.routes.set(p, { body: 'x' });
    const doc = (await core.api.call('watch.add', { url: `${fx.base}/privacy` })) as WatchedDocument;

    const [baseline] = await core.api.call('watch.run', {});
    expect(baseline.baseline).toBe(true);
    clock.advance(DAY * 2);
    const [same] = await core.api.call('watch.run', {});
    expect(same.outcome).toBe('unchanged');
    clock.advance(DAY * 2);
    const after = pageWithResources(fx.base, [...BASE, AI]);
    fx.routes.set('/privacy', { body: after });
    const [changed] = await core.api.call('watch.run', {});
    expect(changed).toMatchObject({ outcome: 'changed', aiRelated: true, added: [AI] });

    // Only the page itself, once per run: no stylesheet, image, font or frame was asked for by the screenshot.
    expect(fx.requests.map((r) => r.path)).toEqual(['/privacy', '/privacy', '/privacy']);

    const snaps = core.ctx.db.prepare('SELECT * FROM watch_snapshots WHERE document_id = ? ORDER BY checked_at').all(doc.id) as SnapRow[];
    expect(snaps).toHaveLength(2);
    for (const [snap, html] of [[snaps[0], before], [snaps[1], after]] as const) {
      expect(readFileSync(watchBlobPath(core.ctx.dataDir, snap.raw_sha256), 'utf8')).toBe(html);
      expect(snap.shot_sha256).toMatch(/^[0-9a-f]{64}$/);
      const png = readFileSync(watchBlobPath(core.ctx.dataDir, snap.shot_sha256!));
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(sha(png)).toBe(snap.shot_sha256);
      expect(png.length).toBe(snap.shot_size);
      const capture = JSON.parse(snap.capture_json);
      expect(capture).toMatchObject({
        source: 'watch',
        snapshotId: snap.id,
        fetch: { url: doc.url, finalUrl: doc.url, httpStatus: 200, rawSha256: sha(html), rawSize: Buffer.byteLength(html), requests: 1, proxy: null },
        screenshot: {
          sha256: snap.shot_sha256,
          size: png.length,
          mime: 'image/png',
          width: 1280,
          rendering: 'offline',
          javascript: false,
          externalResources: false,
          noteMsg: { key: 'watch.screenshot.offline' },
        },
      });
      // Stylesheets (2), images (2), the frame; the font is never asked for without its stylesheet rule applying.
      expect(capture.screenshot.blockedRequests).toBeGreaterThanOrEqual(5);
      expect(capture.screenshot.note).toMatch(/rendered offline .*JavaScript disabled.*not the live site/);
    }
    // The two pages differ by a sentence, and so do their pictures.
    expect(snaps[0].shot_sha256).not.toBe(snaps[1].shot_sha256);
    // Removing the document removes its screenshots with its pages.
    await core.api.call('watch.remove', { id: doc.id });
    for (const s of snaps) {
      expect(existsSync(watchBlobPath(core.ctx.dataDir, s.shot_sha256!))).toBe(false);
      expect(existsSync(watchBlobPath(core.ctx.dataDir, s.raw_sha256))).toBe(false);
    }
  });

  it('without Chromium the check still succeeds, and the capture record says why there is no screenshot', async () => {
    const fx = await fixtureServer();
    const core = tempCore();
    fx.routes.set('/privacy', { body: policyPage({ paragraphs: BASE }) });
    const doc = (await core.api.call('watch.add', { url: `${fx.base}/privacy` })) as WatchedDocument;
    const [c] = await runWatch(core.ctx, { chromium: '/nonexistent/chromium' });
    expect(c).toMatchObject({ outcome: 'baseline', baseline: true });
    const snap = core.ctx.db.prepare('SELECT * FROM watch_snapshots WHERE document_id = ?').get(doc.id) as SnapRow;
    expect(snap.shot_sha256).toBeNull();
    expect(snap.shot_size).toBeNull();
    const capture = JSON.parse(snap.capture_json);
    expect(capture.screenshot).toBeNull();
    expect(capture.noScreenshot.reason).toMatch(/^no screenshot: Chromium could not be started at \/nonexistent\/chromium/);
    expect(capture.noScreenshot.reasonMsg).toMatchObject({ key: 'watch.screenshot.noChromium', params: { path: '/nonexistent/chromium' } });
    expect(translator('de')(capture.noScreenshot.reasonMsg.key, capture.noScreenshot.reasonMsg.params)).toMatch(/^kein Bildschirmfoto: Chromium konnte unter \/nonexistent\/chromium nicht gestartet werden/);
    expect(readFileSync(watchBlobPath(core.ctx.dataDir, snap.raw_sha256), 'utf8')).toContain(BASE[0]);
  });
});

describe('watch failure reasons by key', () => {
  it('stores each reason as English text and as a key with parameters that words it in German and French', async () => {
    const fx = await fixtureServer();
    const core = tempCore();
    fx.routes.set('/blocked', { status: 403 });
    fx.routes.set('/broken', { status: 503 });
    fx.routes.set('/empty', { body: policyPage({ paragraphs: BASE }) });
    fx.routes.set('/ok', { body: policyPage({ paragraphs: BASE }) });
    const add = async (path: string, select: string[] = []) => ((await core.api.call('watch.add', { url: `${fx.base}${path}`, select })) as WatchedDocument).id;
    const ids = { blocked: await add('/blocked'), broken: await add('/broken'), empty: await add('/empty', ['#gone', '.also-gone']), ok: await add('/ok') };
    const results = await runWatch(core.ctx, { screenshots: false });
    const by = (id: string) => results.find((r) => r.id === id)!;

    // The English is what it always was, byte for byte.
    expect(by(ids.blocked).failed).toBe('the site refused the request (HTTP 403 Forbidden); it may block automated checks');
    expect(by(ids.blocked).reasonMsg).toEqual({ key: 'watch.reason.http403' });
    expect(by(ids.broken).failed).toBe('the site had an error (HTTP 503); try again later');
    expect(by(ids.broken).reasonMsg).toEqual({ key: 'watch.reason.http5xx', params: { status: 503 } });
    expect(by(ids.empty).failed).toBe(`the selectors "#gone", ".also-gone" left no text (nothing matched them): the page's layout may have changed`);
    expect(by(ids.empty).reasonMsg).toEqual({ key: 'watch.reason.selectorsUnmatched', params: { selectors: '"#gone", ".also-gone"' } });
    expect(by(ids.ok).reasonMsg).toBeUndefined();

    // Kept beside the text in the check row, and given back by watch.log.
    const log = await core.api.call('watch.log', { id: ids.broken });
    expect(log[0]).toMatchObject({ failed: 'the site had an error (HTTP 503); try again later', reasonMsg: { key: 'watch.reason.http5xx', params: { status: 503 } } });
    const row = core.ctx.db.prepare('SELECT reason, reason_key, reason_params FROM watch_checks WHERE document_id = ?').get(ids.broken);
    expect(row).toEqual({ reason: 'the site had an error (HTTP 503); try again later', reason_key: 'watch.reason.http5xx', reason_params: '{"status":503}' });

    const m = by(ids.broken).reasonMsg!;
    expect(translator('de')(m.key, m.params)).toBe('die Website hatte einen Fehler (HTTP 503); versuchen Sie es später erneut');
    expect(translator('fr')(m.key, m.params)).toBe('le site a rencontré une erreur (HTTP 503) ; réessayez plus tard');
  });

  it('errors of the watch API carry their key and parameters', async () => {
    const core = tempCore();
    const err = (await core.api.call('watch.remove', { id: 'wd_nothere' }).catch((e: unknown) => e)) as { code: string; message: string; key?: string; params?: unknown };
    expect(err).toMatchObject({ code: 'not_found', message: 'No watched document with id "wd_nothere".', key: 'watch.errors.noDocument', params: { id: 'wd_nothere' } });
    const sel = (await core.api.call('watch.add', { url: 'https://example.org/p', select: ['p[['] }).catch((e: unknown) => e)) as { key?: string; message: string };
    expect(sel).toMatchObject({ key: 'watch.errors.notSelector', message: '"p[[" is not a CSS selector.' });
  });
});
