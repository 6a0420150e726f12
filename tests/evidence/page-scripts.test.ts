import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { DETECT_TOGGLE_JS, SERIALIZE_DOM_JS } from '../../electron/core/capture/page-scripts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'evidence');
const dom = (html: string) => new JSDOM(html, { runScripts: 'outside-only', url: 'http://127.0.0.1/' });
const detect = (d: JSDOM) => d.window.eval(DETECT_TOGGLE_JS) as { state: string; method: string; selector?: string; label?: string; raw?: string };

test('a checkbox labelled for AI training is read from its checked property', () => {
  const d = dom(readFileSync(join(FIXTURES, 'switch-checkbox.html'), 'utf8'));
  expect(detect(d)).toMatchObject({ state: 'on', method: 'checked-property', selector: '#genai-toggle', raw: 'checked=true' });
  (d.window.document.getElementById('genai-toggle') as HTMLInputElement).checked = false;
  expect(detect(d).state).toBe('off');
});

test('a role=switch button named by aria-labelledby is read from aria-checked, ignoring other switches', () => {
  const r = detect(dom(readFileSync(join(FIXTURES, 'switch-aria.html'), 'utf8')));
  expect(r).toMatchObject({ state: 'off', method: 'aria-checked', label: 'Use my data for training content creation AI models', raw: 'aria-checked="false"' });
});

test('a state set as a property, not an attribute, is what counts', () => {
  const d = dom('<label><input type="checkbox" id="x"> Data for Generative AI Improvement</label>');
  const box = d.window.document.getElementById('x') as HTMLInputElement;
  box.checked = true;
  expect(box.hasAttribute('checked')).toBe(false);
  expect(detect(d)).toMatchObject({ state: 'on', method: 'checked-property' });
});

test('a login wall with an unrelated checked box gives unknown', () => {
  const r = detect(dom(readFileSync(join(FIXTURES, 'login-wall.html'), 'utf8')));
  expect(r.state).toBe('unknown');
  expect(r.method).toBe('none');
  expect(r.raw).toMatch(/1 other checkbox/);
});

test('the matcher tolerates rewording but not unrelated labels', () => {
  const cases: [string, string][] = [
    ['Allow LinkedIn to use my data to train generative AI', 'on'],
    ['Use my data for training content creation AI models', 'on'],
    ['Meine Daten für das Training von KI-Modellen verwenden', 'on'],
    ['Remember me', 'unknown'],
    ['Show AI-generated suggestions', 'unknown'],
  ];
  for (const [label, state] of cases) {
    const d = dom(`<input type="checkbox" id="c" checked aria-label="${label}">`);
    expect([label, detect(d).state]).toEqual([label, state]);
  }
});

test('the serialised DOM keeps live form state and drops scripts', () => {
  const d = dom('<input type="checkbox" id="a"><input id="t"><script>var x = 1</script><textarea id="ta"></textarea>');
  const doc = d.window.document;
  (doc.getElementById('a') as HTMLInputElement).checked = true;
  (doc.getElementById('t') as HTMLInputElement).value = 'typed';
  (doc.getElementById('ta') as HTMLTextAreaElement).value = 'note';
  const html = d.window.eval(SERIALIZE_DOM_JS) as string;
  expect(html).toMatch(/<input type="checkbox" id="a" checked="">/);
  expect(html).toContain('value="typed"');
  expect(html).toContain('>note</textarea>');
  expect(html).not.toContain('<script');
});
