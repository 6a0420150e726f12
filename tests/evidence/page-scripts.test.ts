import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { detectToggleJs, SERIALIZE_DOM_JS } from '../../electron/core/capture/page-scripts';
import { loadSwitchLabels, type SwitchLabels } from '../../electron/core/capture/switch-labels';

const FIXTURES = join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'evidence');
const dom = (html: string) => new JSDOM(html, { runScripts: 'outside-only', url: 'http://127.0.0.1/' });
type Reading = { state: string; method: string; selector?: string; label?: string; raw?: string };
const LABELS = loadSwitchLabels();
const detect = (d: JSDOM, labels: SwitchLabels = LABELS) => d.window.eval(detectToggleJs(labels)) as Reading;

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

test('an unlabelled switch alone in the row of the AI-training text is found by proximity, with its selector', () => {
  const row = (control: string) =>
    dom(`<main><h1>Settings</h1><div class="row"><div><span>Use my data for training content creation AI models</span></div><div class="t">${control}</div></div>
      <div class="row"><span>Show my photo</span><input type="checkbox" id="photo" aria-label="Show my photo" checked></div></main>`);
  const d = row('<input type="checkbox" checked>');
  const r = detect(d);
  expect(r).toEqual({
    state: 'on',
    method: 'proximity',
    selector: 'body:nth-of-type(1) > main:nth-of-type(1) > div:nth-of-type(1) > div:nth-of-type(2) > input:nth-of-type(1)',
    label: 'Use my data for training content creation AI models',
    raw: 'checked=true',
  });
  expect(d.window.document.querySelector(r.selector!)).toBe(d.window.document.querySelector('.t input'));
  (d.window.document.querySelector('.t input') as HTMLInputElement).checked = false;
  expect(detect(d)).toMatchObject({ state: 'off', method: 'proximity' });
  expect(detect(row('<div role="switch" aria-checked="false" tabindex="0"></div>'))).toMatchObject({ state: 'off', method: 'proximity', raw: 'aria-checked="false"' });
  // A one-word state label ("On") is not a competing name; a real label of its own is.
  expect(detect(row('<label><input type="checkbox" checked> On</label>'))).toMatchObject({ state: 'on', method: 'proximity' });
  expect(detect(row('<input type="checkbox" checked aria-label="Email me product news">'))).toMatchObject({ state: 'unknown', method: 'ambiguous' });
});

test('proximity stays unknown when unsure: two switches in the row, two rows each claiming a switch, a link, a long paragraph', () => {
  const two = detect(dom('<div><span>Use my data for training content creation AI models</span><input type="checkbox" checked><input type="checkbox"></div>'));
  expect(two).toMatchObject({ state: 'unknown', method: 'ambiguous' });
  expect(two.raw).toMatch(/^2 switch controls share the nearest container of "Use my data/);
  const rows = detect(
    dom(`<div><span>Data for Generative AI Improvement</span><input type="checkbox" checked></div>
         <div><span>Use my data for training content creation AI models</span><input type="checkbox"></div>`),
  );
  expect(rows).toMatchObject({ state: 'unknown', method: 'ambiguous' });
  expect(detect(dom('<nav><a href="/x">Data for Generative AI Improvement</a></nav><div><input type="checkbox" checked></div>')).method).toBe('none');
  const long = 'We may use your personal data to develop and train artificial intelligence models. '.repeat(3);
  expect(detect(dom(`<p>${long}</p><input type="checkbox" checked>`)).method).toBe('none');
});

test('the heading and the row both point at the same single switch; other switches further away do not matter', () => {
  const d = dom(`<main><h1>Data for Generative AI Improvement</h1>
    <section><div><p>Use my data for training content creation AI models</p><button role="switch" aria-checked="true"></button></div></section>
    <section><div><p>Show my profile photo to everyone</p><button role="switch" aria-checked="false"></button></div></section></main>`);
  expect(detect(d)).toMatchObject({ state: 'on', method: 'proximity', label: 'Use my data for training content creation AI models' });
});

test('German and French labels come from data/switch-labels.json, with accents, case and apostrophes ignored', () => {
  expect(LABELS.de).toContain('Daten zur Verbesserung generativer KI');
  const de = dom('<label for="s">Daten zur Verbesserung generativer KI</label><input type="checkbox" id="s" checked>');
  expect(detect(de)).toMatchObject({ state: 'on', method: 'checked-property', selector: '#s', label: 'Daten zur Verbesserung generativer KI' });
  // Without the data the German name is not recognised: the English rewordings do not cover it.
  expect(detect(de, { en: LABELS.en }).state).toBe('unknown');
  const fr = dom('<div><span>UTILISER MES DONNEES POUR ENTRAINER DES MODELES D’IA DE CREATION DE CONTENU</span><input type="checkbox"></div>');
  expect(detect(fr)).toMatchObject({ state: 'off', method: 'proximity' });
  expect(detect(fr, { en: LABELS.en }).state).toBe('unknown');
});

test('the label list is pasted into the script as JSON: quotes, backslashes, </script> and line separators stay text', () => {
  const odd = "It's \\ \"odd\" </script> \u2028 ${x} `tick` label";
  const d = dom('<div><span id="t"></span><input type="checkbox" checked></div>');
  d.window.document.getElementById('t')!.textContent = odd;
  expect(detectToggleJs({ xx: [odd] })).not.toMatch(/<\/script>|\u2028/);
  expect(detect(d, { xx: [odd] })).toMatchObject({ state: 'on', method: 'proximity' });
  expect(detect(d, { xx: ['something else entirely'] }).state).toBe('unknown');
});
