/**
 * Scripts that run inside the captured page, shared by the Electron and the Chromium capturer. They are plain
 * JavaScript strings (not functions turned into strings) so that no bundler or transpiler helper leaks into them,
 * and each is one expression that evaluates to a JSON-safe value. The capturers run every one of them in an isolated
 * world (see isolated-world.ts), where the page's own scripts cannot redefine what they call.
 */
import type { SwitchLabels } from './switch-labels';

/**
 * JSON of a value as a JavaScript expression to paste into a script's text. JSON is valid JavaScript except for
 * U+2028/U+2029 in older engines; `<` is escaped too, so the text stays inert if it is ever put in HTML.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029<]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * Finds the AI-training switch and reads its state from the live control: the `checked` property for inputs (the
 * attribute can be stale when a script set the property), `aria-checked` for ARIA switches.
 *
 * A control is the switch when its accessible name (aria-labelledby, aria-label, `<label for>`, a wrapping label,
 * title) contains one of `labels` (per language, from data/switch-labels.json; case, accents and punctuation are
 * ignored) or an English rewording of it. Failing that, by proximity: for each short text on the page that matches
 * (at most 160 characters, not inside a link, button or nav), the nearest ancestor (up to 8 levels up) holding any
 * switch-like control is taken; if it holds exactly one, and that control has no name of its own beyond a one-word
 * state such as "On", it is the switch (method `proximity`). Two controls there, a control labelled for something
 * else, or two texts pointing at different controls give `unknown` (method `ambiguous`); so does a page without a
 * matching text (a login wall, another layout or an unlisted language), even when it has other checked boxes
 * (method `none`).
 *
 * Capturers run this in an isolated world, so the page's own scripts cannot change what it reads.
 */
export function detectToggleJs(labels: SwitchLabels): string {
  return String.raw`(() => {
  const LABELS = ${scriptJson(labels)};
  const SWITCHES = 'input[type=checkbox], [role=switch], [role=checkbox]';
  // Texts inside these are not labels of a switch: links and buttons ("Learn more about ..."), navigation, code.
  const NOT_LABEL_TEXT = 'script, style, noscript, template, nav, a, button, select, option, textarea, ' + SWITCHES;
  const MAX_TEXT = 160;
  const MAX_UP = 8;
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const fold = (s) => norm(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const esc = (typeof CSS !== 'undefined' && CSS.escape) ? CSS.escape : (s) => s.replace(/([^\w-])/g, '\\$1');
  const textOf = (id) => { const el = document.getElementById(id); return el ? el.textContent : ''; };
  const nameOf = (el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by) { const t = norm(by.split(/\s+/).map(textOf).join(' ')); if (t) return t; }
    const aria = norm(el.getAttribute('aria-label')); if (aria) return aria;
    if (el.id) { const lab = document.querySelector('label[for="' + esc(el.id) + '"]'); if (lab && norm(lab.textContent)) return norm(lab.textContent); }
    const wrap = el.closest('label'); if (wrap && norm(wrap.textContent)) return norm(wrap.textContent);
    return norm(el.getAttribute('title'));
  };
  const listed = [];
  for (const lang of Object.keys(LABELS)) for (const text of LABELS[lang]) { const f = fold(text); if (f) listed.push(f); }
  const inList = (text) => { const f = ' ' + fold(text) + ' '; return listed.some((l) => f.includes(' ' + l + ' ')); };
  // English rewordings: "Use my data for training content creation AI models", "Data for Generative AI Improvement", ...
  const reworded = (text) => {
    const n = text.toLowerCase();
    const ai = /\b(ai|a\.i\.|artificial intelligence|generative|machine learning)\b/.test(n) || /\bki\b/.test(n);
    const training = /train|improv|content creation|model/.test(n);
    return ai && training;
  };
  const matches = (text) => !!text && (inList(text) || reworded(text));
  const pathOf = (el) => {
    if (el.id) return '#' + esc(el.id);
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && e !== document.documentElement; e = e.parentElement) {
      if (e.id) { parts.unshift('#' + esc(e.id)); break; }
      let i = 1; for (let s = e.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === e.tagName) i++;
      parts.unshift(e.tagName.toLowerCase() + ':nth-of-type(' + i + ')');
    }
    return parts.join(' > ');
  };
  const read = (el) => {
    if (el instanceof HTMLInputElement) return { state: el.checked ? 'on' : 'off', how: 'checked-property', raw: 'checked=' + el.checked };
    const aria = el.getAttribute('aria-checked');
    if (aria === 'true' || aria === 'false') return { state: aria === 'true' ? 'on' : 'off', how: 'aria-checked', raw: 'aria-checked="' + aria + '"' };
    return { state: 'unknown', how: 'no-state', raw: 'aria-checked=' + JSON.stringify(aria) };
  };
  const quote = (s) => '"' + (s.length > 80 ? s.slice(0, 77) + '...' : s) + '"';

  // 1. A control named for AI training.
  const candidates = Array.from(document.querySelectorAll(SWITCHES));
  for (const el of candidates) {
    const label = nameOf(el);
    if (!matches(label)) continue;
    const r = read(el);
    return { state: r.state, method: r.how, selector: pathOf(el), label, raw: r.raw };
  }

  // 2. By proximity: the innermost short texts that match, and the nearest ancestor of each holding a switch.
  const texts = [];
  if (document.body) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!norm(t.data)) continue;
      for (let e = t.parentElement; e; e = e.parentElement) {
        const s = norm(e.textContent);
        if (s.length > MAX_TEXT) break;
        if (matches(s)) { if (!e.closest(NOT_LABEL_TEXT) && !texts.includes(e)) texts.push(e); break; }
      }
    }
  }
  const hints = texts.filter((e) => !texts.some((o) => o !== e && e.contains(o)));
  const near = [];
  const unsure = [];
  for (const e of hints) {
    const text = norm(e.textContent);
    let found = [];
    for (let a = e, up = 0; a && up <= MAX_UP && found.length === 0; a = a.parentElement, up++) found = Array.from(a.querySelectorAll(SWITCHES));
    if (found.length > 1) { unsure.push(found.length + ' switch controls share the nearest container of ' + quote(text)); continue; }
    if (found.length === 0) continue;
    // A control with a name of its own (other than a one-word state such as "On") is labelled for something else.
    const own = nameOf(found[0]);
    if (own && (/\s/.test(own) || own.length > 8)) { unsure.push('the only control near ' + quote(text) + ' is labelled ' + quote(own)); continue; }
    if (!near.some((n) => n.el === found[0])) near.push({ el: found[0], text });
  }
  if (near.length === 1) {
    const r = read(near[0].el);
    return { state: r.state, method: 'proximity', selector: pathOf(near[0].el), label: near[0].text, raw: r.raw };
  }
  if (near.length > 1) {
    return { state: 'unknown', method: 'ambiguous', label: near[0].text, raw: near.length + ' different unlabelled controls each sit next to a text about AI training' };
  }
  if (unsure.length) return { state: 'unknown', method: 'ambiguous', raw: unsure.join('; ') };
  return { state: 'unknown', method: 'none', raw: candidates.length + ' other checkbox or switch controls, none labelled for AI training' };
})()`;
}

/**
 * The rendered DOM as HTML with the live state written back into attributes (plain outerHTML loses `checked`,
 * `value` and `selected` set by script), scripts removed so the snapshot is inert.
 */
export const SERIALIZE_DOM_JS = String.raw`(() => {
  const live = Array.from(document.querySelectorAll('input, textarea, select, option'));
  const clone = document.documentElement.cloneNode(true);
  const copies = Array.from(clone.querySelectorAll('input, textarea, select, option'));
  live.forEach((el, i) => {
    const c = copies[i]; if (!c) return;
    if (el instanceof HTMLInputElement) {
      if (el.type === 'checkbox' || el.type === 'radio') { if (el.checked) c.setAttribute('checked', ''); else c.removeAttribute('checked'); }
      else if (el.type !== 'password') c.setAttribute('value', el.value);
      else c.removeAttribute('value');
    } else if (el instanceof HTMLTextAreaElement) c.textContent = el.value;
    else if (el instanceof HTMLOptionElement) { if (el.selected) c.setAttribute('selected', ''); else c.removeAttribute('selected'); }
  });
  clone.querySelectorAll('script, noscript').forEach((s) => s.remove());
  const dt = document.doctype ? '<!DOCTYPE ' + document.doctype.name + '>' : '';
  return dt + '\n' + clone.outerHTML;
})()`;

/** One scroll step to the bottom; returns the page height so the caller can stop once it no longer grows. */
// Scrolls one screen, then lets two frames pass (bounded by a timer, as hidden windows may not paint) so that
// IntersectionObserver callbacks of lazy content have run before the height is measured.
export const SCROLL_STEP_JS = String.raw`(async () => {
  window.scrollBy(0, Math.max(200, window.innerHeight - 50));
  await new Promise((resolve) => {
    let done = false;
    const finish = () => { if (!done) { done = true; resolve(); } };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(finish));
    setTimeout(finish, 500);
  });
  const h = Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);
  return { height: h, y: window.scrollY, viewport: window.innerHeight };
})()`;

export const SCROLL_TOP_JS = `(() => { window.scrollTo(0, 0); return window.scrollY; })()`;

export const PAGE_INFO_JS = String.raw`(() => ({
  title: document.title,
  url: location.href,
  viewport: { width: window.innerWidth, height: window.innerHeight },
  devicePixelRatio: window.devicePixelRatio,
  userAgent: navigator.userAgent,
  language: document.documentElement.lang || null
}))()`;
