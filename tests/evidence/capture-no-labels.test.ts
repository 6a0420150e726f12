// A platform whose file names no switch label: the capture keeps the page, but never reads a switch by LinkedIn's
// labels. Real Chromium (/usr/bin/chromium) on a local fixture page with a LinkedIn-labelled switch that is on.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createChromiumCapturer } from '../../electron/core/capture/chromium';
import { PLATFORMS } from '../../electron/core/contract';
import { translator } from '../../electron/core/i18n';
import { switchLabels } from '../../electron/core/platforms';
import { startFixtureServer } from '../../e2e/fixtures/evidence/server';
import { tempCore, type TempCore } from './helpers';

let t: TempCore;
let fx: Awaited<ReturnType<typeof startFixtureServer>>;
/** Platforms whose file names no switch label (Facebook, Instagram, WhatsApp and Reddit when this was written). */
const WITHOUT = PLATFORMS.filter((p) => p !== 'linkedin' && !Object.values(switchLabels(p)).some((l) => l.length));

beforeAll(async () => {
  fx = await startFixtureServer();
  t = await tempCore({ capturer: createChromiumCapturer() });
});
afterAll(async () => {
  await t.core.ctx.capturer?.close();
  t.close();
  await fx.close();
});

const caseAbout = async (platform: string) =>
  (await t.core.api.call('cases.create', { title: `About ${platform}`, country: 'IE', platform, name: 'Alex Example', email: 'alex@example.org' } as never)).id;

test('at least one platform has no switch label to test with', () => {
  expect(WITHOUT.length).toBeGreaterThan(0);
});

test('LinkedIn’s case reads the fixture’s switch (the page does have one LinkedIn’s labels name)', async () => {
  const r = await t.core.api.call('evidence.capture', { caseId: await caseAbout('linkedin'), url: `${fx.url}/switch-checkbox.html`, purpose: 'setting' });
  expect(r.toggle).toMatchObject({ state: 'on', method: 'checked-property' });
});

test('a platform without labels keeps the page but does not report the LinkedIn-labelled switch', async () => {
  for (const platform of WITHOUT) {
    const caseId = await caseAbout(platform);
    const r = await t.core.api.call('evidence.capture', { caseId, url: `${fx.url}/switch-checkbox.html`, purpose: 'setting' });
    expect(r.toggle, platform).toEqual({ state: 'unknown', method: 'not-looked-for' });
    // The page is kept all the same: screenshot, DOM and manifest.
    const kinds = r.artifacts.map((a) => a.kind);
    for (const k of ['screenshot', 'dom', 'manifest']) expect(kinds, platform).toContain(k);
    const manifest = JSON.parse(readFileSync(r.artifacts.find((a) => a.kind === 'manifest')!.storedPath, 'utf8'));
    expect(manifest.toggle, platform).toMatchObject({ state: 'unknown', method: 'not-looked-for', reasonMsg: { key: 'evidence.toggle.notLookedFor' } });
    expect(manifest.toggle.reason, platform).toMatch(/names no label for its AI-training switch/);
    expect(manifest.toggle.selector, platform).toBeUndefined();
    expect(manifest.actions.join('\n'), platform).toMatch(/did not look for the AI-training switch/);
    expect(manifest.actions.join('\n'), platform).not.toMatch(/waited up to/);
    const detail = await t.core.api.call('evidence.get', { id: r.id } as never) as { toggleReading?: { state: string; reason?: string } };
    if (detail.toggleReading) expect(detail.toggleReading.state, platform).toBe('unknown');
    const listed = (await t.core.api.call('evidence.list', { caseId })).map((e) => e.toggle);
    expect(listed, platform).toEqual([{ state: 'unknown', confirmedBy: 'page' }]);
  }
});

test('the reason is worded in German and French', () => {
  for (const lng of ['de', 'fr'] as const) {
    const text = translator(lng)('evidence.toggle.notLookedFor');
    expect(text, lng).not.toBe('evidence.toggle.notLookedFor');
    expect(text, lng).not.toBe(translator('en')('evidence.toggle.notLookedFor'));
  }
});
