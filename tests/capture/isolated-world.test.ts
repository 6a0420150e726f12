// Real Chromium, pages written to lie to the capture: the scripts must read the page from an isolated world.
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { capturerOnFixtures } from './server';

const fx = capturerOnFixtures();
const { capturer } = fx;

const capture = (file: string) => capturer.capture({ url: `${fx.url}/${file}`, purpose: 'setting', timeoutMs: 30_000 });
const doc = (html: string) => new JSDOM(html).window.document;

test('a page that redefines the checked getter and getAttribute in its own world is still recorded as on', async () => {
  const r = await capture('lying-checkbox.html');
  expect(r.toggle).toEqual({
    state: 'on',
    method: 'checked-property',
    selector: '#genai-toggle',
    label: 'Use my data for training content creation AI models',
    raw: 'checked=true',
  });
  // The saved DOM is serialised in the same isolated world: it keeps the real state too.
  expect(doc(r.domHtml).querySelector('#genai-toggle')!.hasAttribute('checked')).toBe(true);
  expect(r.actions.join('\n')).toMatch(/ran the capture scripts in an isolated world/);
});

test('a page whose getAttribute lies about aria-checked is read from the real attribute', async () => {
  const r = await capture('lying-aria.html');
  expect(r.toggle).toMatchObject({ state: 'on', method: 'aria-checked', selector: '#ai-switch', raw: 'aria-checked="true"' });
});

test('a page that breaks Array.from, JSON, querySelectorAll, textContent and scrolling in its own world does not break the capture', async () => {
  const r = await capture('broken-builtins.html');
  expect(r.toggle).toMatchObject({ state: 'on', method: 'checked-property', selector: '#genai-toggle' });
  expect(r.title).toBe('Data for Generative AI Improvement');
  expect(r.viewport).toEqual({ width: 1280, height: 900 });
  const d = doc(r.domHtml);
  expect(d.querySelector('#end')?.textContent).toBe('End of settings.');
  expect(d.querySelector('#genai-toggle')!.hasAttribute('checked')).toBe(true);
  expect(d.querySelector('script')).toBeNull();
  // Scrolled for real and reached the bottom (the page's scrollBy is a no-op in its own world only; had the capture
  // used it, the page would never reach the bottom and the loop would run to its limit of 60 steps).
  const scrolled = r.actions.find((a) => a.startsWith('scrolled to the bottom'))!;
  const steps = Number(/in (\d+) step/.exec(scrolled)![1]);
  expect(steps).toBeGreaterThanOrEqual(2);
  expect(steps).toBeLessThan(10);
  expect(scrolled).toMatch(/page height 3\d{3}px/);
  expect(r.screenshotPng.readUInt32BE(20)).toBeGreaterThan(3000);
});
