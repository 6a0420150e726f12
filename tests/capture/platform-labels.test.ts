// Real Chromium on local fixture pages (never the internet): the switch is looked for by the labels of the case's
// platform (data/platforms/<id>.json), in English and German, for X (Grok) and Google (Gemini). LinkedIn's labels,
// from the platform file, are the ones in data/switch-labels.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadSwitchLabels } from '../../electron/core/capture/switch-labels';
import { switchLabels } from '../../electron/core/platforms';
import { factsDir } from '../../electron/core/util/facts-dir';
import { capturerOnFixtures } from './server';

const fx = capturerOnFixtures();
const { capturer } = fx;

const capture = (file: string, platform?: string) =>
  capturer.capture({ url: `${fx.url}/${file}`, purpose: 'page', timeoutMs: 30_000, ...(platform ? { labels: switchLabels(platform) } : {}) });

test('LinkedIn’s labels in its platform file are those of data/switch-labels.json', () => {
  const file = loadSwitchLabels(factsDir());
  const fromPlatform = switchLabels('linkedin');
  for (const [lang, labels] of Object.entries(file)) expect(new Set(fromPlatform[lang] ?? []), lang).toEqual(new Set(labels));
  expect(JSON.parse(readFileSync(join(factsDir(), 'switch-labels.json'), 'utf8')).languages).toBeTruthy();
});

test('X: the Grok training switch is found in English and German by X’s labels, not by LinkedIn’s', async () => {
  const en = await capture('x-en.html', 'x');
  expect(en.toggle).toMatchObject({
    state: 'on',
    method: 'checked-property',
    selector: '#grok',
    label: 'Allow your posts as well as your interactions, inputs, and results with Grok to be used for training and fine-tuning',
  });
  const de = await capture('x-de.html', 'x');
  expect(de.toggle).toMatchObject({ state: 'off', method: 'proximity', raw: 'aria-checked="false"' });
  expect(de.toggle.label).toMatch(/^Erlauben Sie, dass Ihre Beiträge/);
  // LinkedIn's labels (the default) do not name X's switch.
  expect((await capture('x-en.html')).toggle).toMatchObject({ state: 'unknown', method: 'none' });
});

test('Google: the Gemini activity switch is found in English and German by Google’s labels', async () => {
  const en = await capture('google-en.html', 'google');
  expect(en.toggle).toMatchObject({ state: 'off', method: 'checked-property', selector: '#keep', label: 'Keep Activity' });
  const de = await capture('google-de.html', 'google');
  expect(de.toggle).toMatchObject({ state: 'on', method: 'checked-property', selector: '#speichern', label: 'Aktivitäten speichern' });
  expect((await capture('google-de.html')).toggle).toMatchObject({ state: 'unknown', method: 'none' });
});
