// The capturer itself, real Chromium on a local fixture page whose switch LinkedIn's labels name: given empty labels
// (a platform whose file names none), it keeps the page and looks for no switch; without labels it reads LinkedIn's.
import { expect, test } from 'vitest';
import type { SwitchLabels } from '../../electron/core/capture/switch-labels';
import { capturerOnFixtures } from './server';

const fx = capturerOnFixtures();
const { capturer } = fx;

test('empty labels: the LinkedIn-labelled switch is not reported, the page is kept', async () => {
  const url = `${fx.url}/proximity-on.html`;
  const linkedin = await capturer.capture({ url, purpose: 'setting', timeoutMs: 30_000 });
  expect(linkedin.toggle.state).toBe('on');
  for (const labels of [{}, { en: [] }] as SwitchLabels[]) {
    const started = Date.now();
    const r = await capturer.capture({ url, purpose: 'setting', timeoutMs: 30_000, labels });
    expect(r.toggle).toMatchObject({ state: 'unknown', method: 'not-looked-for', reasonMsg: { key: 'evidence.toggle.notLookedFor' } });
    expect(r.toggle.label).toBeUndefined();
    expect(r.screenshotPng.length).toBeGreaterThan(1000);
    expect(r.domHtml).toContain('Use my data for training content creation AI models');
    // Nothing to wait for: no 5-second poll for a switch it is not looking for.
    expect(r.actions.join('\n')).not.toMatch(/waited (up to|about)/);
    expect(Date.now() - started).toBeLessThan(5_000);
  }
});
