/**
 * Scripts that run inside the captured page, shared by the Electron and the Chromium capturer. They are plain
 * JavaScript strings (not functions turned into strings) so that no bundler or transpiler helper leaks into them,
 * and each is one expression that evaluates to a JSON-safe value.
 */

/**
 * Finds the AI-training switch by its accessible name or label text and reads its state from the live control:
 * the `checked` property for inputs (the attribute can be stale when a script set the property), `aria-checked`
 * for ARIA switches. A page without a matching control (a login wall, another layout or language) gives `unknown`,
 * even when it has other checked boxes.
 */
export const DETECT_TOGGLE_JS = String.raw`(() => {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
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
  // Tolerant of rewording: "Use my data for training content creation AI models", "Data for Generative AI Improvement", ...
  const matches = (name) => {
    const n = name.toLowerCase();
    const ai = /\b(ai|a\.i\.|artificial intelligence|generative|machine learning)\b/.test(n) || /\bki\b/.test(n);
    const training = /train|improv|content creation|model/.test(n);
    return ai && training;
  };
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
  const candidates = Array.from(document.querySelectorAll('input[type=checkbox], [role=switch], [role=checkbox]'));
  for (const el of candidates) {
    const label = nameOf(el);
    if (!label || !matches(label)) continue;
    const selector = pathOf(el);
    if (el instanceof HTMLInputElement) {
      return { state: el.checked ? 'on' : 'off', method: 'checked-property', selector, label, raw: 'checked=' + el.checked };
    }
    const aria = el.getAttribute('aria-checked');
    if (aria === 'true' || aria === 'false') {
      return { state: aria === 'true' ? 'on' : 'off', method: 'aria-checked', selector, label, raw: 'aria-checked="' + aria + '"' };
    }
    return { state: 'unknown', method: 'no-state', selector, label, raw: 'aria-checked=' + JSON.stringify(aria) };
  }
  return { state: 'unknown', method: 'none', raw: candidates.length + ' other checkbox or switch controls, none labelled for AI training' };
})()`;

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
