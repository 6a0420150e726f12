// Real Chromium: the AI-training switch found by proximity and in other languages, from data/switch-labels.json.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { factsDir } from '../../electron/core/util/facts-dir';
import { capturerOnFixtures } from './server';

const fx = capturerOnFixtures();
const { capturer } = fx;

const capture = (file: string, purpose: 'setting' | 'page' = 'setting') =>
  capturer.capture({ url: `${fx.url}/${file}`, purpose, timeoutMs: 30_000 });

test('an unlabelled switch in the row of the AI-training text is read by proximity, and its selector points at it', async () => {
  const on = await capture('proximity-on.html');
  expect(on.toggle).toMatchObject({ state: 'on', method: 'proximity', label: 'Use my data for training content creation AI models', raw: 'checked=true' });
  // The selector finds the switch in the saved DOM, not the other row's.
  const saved = new JSDOM(on.domHtml).window.document;
  const el = saved.querySelector(on.toggle.selector!)!;
  expect(el.closest('.row')!.textContent).toMatch(/Use my data for training/);
  expect(el.hasAttribute('checked')).toBe(true);

  const off = await capture('proximity-aria-off.html');
  expect(off.toggle).toMatchObject({ state: 'off', method: 'proximity', raw: 'aria-checked="false"' });
  expect(off.toggle.selector).toMatch(/section:nth-of-type\(1\)/);
});

test('two switches in the row of the text give unknown', async () => {
  const r = await capture('proximity-two.html');
  expect(r.toggle).toMatchObject({ state: 'unknown', method: 'ambiguous' });
  expect(r.toggle.raw).toMatch(/2 switch controls share the nearest container/);
  expect(r.toggle.selector).toBeUndefined();
});

test('a German and a French settings page are read from the labels in the data file', async () => {
  const de = await capture('lang-de.html');
  expect(de.toggle).toMatchObject({ state: 'on', method: 'checked-property', selector: '#ki', label: 'Daten zur Verbesserung generativer KI' });
  const fr = await capture('lang-fr.html');
  expect(fr.toggle).toMatchObject({
    state: 'off',
    method: 'proximity',
    label: 'Utiliser mes données pour entraîner des modèles d’IA de création de contenu',
    raw: 'aria-checked="false"',
  });
});

test('adding a language to a copy of the data file (REDRESS_FACTS_DIR) makes it work without a code change', async () => {
  const before = await capture('lang-pt.html', 'page');
  expect(before.toggle).toMatchObject({ state: 'unknown', method: 'none' });

  const dir = mkdtempSync(join(tmpdir(), 'redress-facts-'));
  const data = JSON.parse(readFileSync(join(factsDir(), 'switch-labels.json'), 'utf8'));
  data.languages.pt = {
    labels: ['Dados para aprimoramento da IA generativa', 'Usar meus dados para treinar modelos de IA para criar conteúdos'],
    source: ['a test language'],
    checked: '2026-11-24',
    status: 'UNVERIFIED',
  };
  writeFileSync(join(dir, 'switch-labels.json'), JSON.stringify(data, null, 2));
  process.env.REDRESS_FACTS_DIR = dir;
  try {
    const after = await capture('lang-pt.html', 'page');
    expect(after.toggle).toMatchObject({ state: 'on', method: 'checked-property', selector: '#ia', label: 'Usar meus dados para treinar modelos de IA para criar conteúdos' });
    // A broken data edit fails the capture loudly instead of silently capturing without labels.
    writeFileSync(join(dir, 'switch-labels.json'), JSON.stringify({ languages: { pt: { labels: [] } } }));
    await expect(capture('lang-pt.html', 'page')).rejects.toThrow(/"pt" needs "labels"/);
  } finally {
    delete process.env.REDRESS_FACTS_DIR;
    rmSync(dir, { recursive: true, force: true });
  }
});
