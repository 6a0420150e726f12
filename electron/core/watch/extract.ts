import { lazy } from '../util/lazy';

const jsdom = lazy<typeof import('jsdom')>('jsdom');
const readability = lazy<typeof import('@mozilla/readability')>('@mozilla/readability');

/**
 * What never counts as the policy: scripts and media, navigation, search. Removed before the document's own `remove`
 * selectors and before `select`, so a selector that picks a large container still leaves them out. Hidden elements
 * stay: a collapsed accordion of a policy is still its text (no script runs to open it).
 */
const ALWAYS_DROP = 'script, style, noscript, template, iframe, object, embed, svg, canvas, nav, [role=navigation], [role=search]';
/** The page's own header and footer (not those of an article or of the main part, which belong to the text). */
const PAGE_CHROME = 'header, footer, [role=banner], [role=contentinfo]';

// Cookie and consent banners: named so in their id, class or label (OneTrust, Cookiebot, Didomi, Quantcast, TrustArc …).
const BANNER = /(cookie|consent|gdpr|onetrust|cookiebot|didomi|qc-cmp|truste|cmp-|cmp_|privacy-banner)/i;

const BLOCKS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH',
  'FIGCAPTION', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'ASIDE', 'BR', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY',
]);

export class SelectorError extends Error {
  constructor(readonly selector: string) {
    super(`"${selector}" is not a CSS selector.`);
  }
}

/** Throws SelectorError for a selector the DOM cannot parse (checked when a document is added). */
export function checkSelectors(selectors: string[]): void {
  const { JSDOM } = jsdom();
  const doc = new JSDOM('<!doctype html><p>x</p>').window.document;
  for (const s of selectors) {
    try {
      doc.querySelectorAll(s);
    } catch {
      throw new SelectorError(s);
    }
  }
}

export interface Extracted {
  /** Normalised kept text: one paragraph per block, separated by a blank line. Empty when nothing was kept. */
  text: string;
  /** How the text was picked, for the record. */
  via: 'select' | 'main' | 'readability' | 'body' | 'plain';
  /** `select` selectors that matched nothing. */
  unmatched: string[];
}

/**
 * The kept text of a page: parsed with jsdom (its scripts never run, nothing it links to is loaded), the always-dropped
 * parts and the `remove` selectors taken out, then the `select` selectors' elements in page order, or without selectors
 * the page's main landmark, else the readable article (Readability), else the whole page. Then normalised
 * (see `normaliseText`).
 */
export function extractText(body: string, opts: { url: string; contentType: string; select: string[]; remove: string[] }): Extracted {
  if (!/html|xml/i.test(opts.contentType) && /^text\//i.test(opts.contentType)) {
    return { text: normaliseText(body), via: 'plain', unmatched: [] };
  }
  const { JSDOM } = jsdom();
  // A fragment, not a window: about a third of the cost of a full JSDOM per page, and a fragment's scripts never run
  // and nothing it links to is loaded. (The <html>, <head> and <body> tags go; their contents stay.)
  const root = JSDOM.fragment(body);
  dropNoise(root);
  for (const s of opts.remove) for (const el of Array.from(root.querySelectorAll(s))) el.remove();

  if (opts.select.length) {
    const unmatched: string[] = [];
    const picked = new Set<Element>();
    for (const s of opts.select) {
      const found = Array.from(root.querySelectorAll(s));
      if (!found.length) unmatched.push(s);
      for (const el of found) picked.add(el);
    }
    return { text: normaliseText(inPageOrder(root, picked).map(blocksToText).join('\n\n')), via: 'select', unmatched };
  }

  // Without selectors: the page's main landmark when it has one (cheap, and the same part every time), else the
  // readable article Readability finds, else everything that is left.
  const main = new Set(Array.from(root.querySelectorAll('main, [role=main]')));
  if (main.size) {
    const text = normaliseText(inPageOrder(root, main).map(blocksToText).join('\n\n'));
    if (text) return { text, via: 'main', unmatched: [] };
  }
  const bodyText = normaliseText(blocksToText(root));
  const article = readable(body, opts.url, opts.remove);
  // Readability keeps the main text; when it kept much less than the page holds, trust the page (short policies).
  if (article && article.length >= bodyText.length * 0.5) return { text: article, via: 'readability', unmatched: [] };
  return { text: bodyText, via: 'body', unmatched: [] };
}

/** The page's text: the charset the server declared (or the page's meta tag), UTF-8 otherwise. */
export function decodeBody(body: Uint8Array, contentType: string): string {
  let charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
  if (!charset) charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 4096)).toString('latin1'))?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

export interface ExtractInput {
  /** The fetched bytes, as they came. */
  body: Uint8Array;
  contentType: string;
  url: string;
  select: string[];
  remove: string[];
}

/** Decode and extract in one step: what the core's worker runs for the watch (a big page's parse never blocks the
 * thread that serves the app). */
export const extractPage = (input: ExtractInput): Extracted =>
  extractText(decodeBody(input.body, input.contentType), { url: input.url, contentType: input.contentType, select: input.select, remove: input.remove });

function dropNoise(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll(ALWAYS_DROP))) el.remove();
  for (const el of Array.from(root.querySelectorAll(PAGE_CHROME))) if (!el.parentElement?.closest('main, article, [role=main]')) el.remove();
  for (const el of Array.from(root.querySelectorAll('[id], [class], [aria-label], [role=dialog], [role=alertdialog]'))) {
    const tag = `${el.id} ${el.getAttribute('class') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
    if (BANNER.test(tag) && (el.textContent ?? '').length < 3000 && !el.closest('main, article')) el.remove();
  }
}

/** Readability needs a whole document: a window without scripts or resources, closed at once. */
function readable(html: string, url: string, remove: string[]): string {
  const { JSDOM, VirtualConsole } = jsdom();
  const { Readability } = readability();
  const dom = new JSDOM(html, { url: safeUrl(url), virtualConsole: new VirtualConsole(), contentType: 'text/html' });
  try {
    const doc = dom.window.document;
    dropNoise(doc);
    for (const s of remove) for (const el of Array.from(doc.querySelectorAll(s))) el.remove();
    const article = new Readability(doc, { charThreshold: 20 }).parse();
    if (!article?.content) return '';
    return normaliseText(blocksToText(JSDOM.fragment(article.content)));
  } finally {
    dom.window.close();
  }
}

/** The picked elements in page order, without one that lies inside another picked one (not counted twice). */
function inPageOrder(root: ParentNode, picked: Set<Element>): Element[] {
  return Array.from(root.querySelectorAll('*')).filter((el) => picked.has(el) && !hasPickedAncestor(el, picked));
}

function hasPickedAncestor(el: Element, picked: Set<Element>): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (picked.has(p)) return true;
  return false;
}

function blocksToText(root: Node | null): string {
  if (!root) return '';
  const out: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) out.push(line);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType === 11 || node.nodeType === 9) {
      node.childNodes.forEach(walk);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const block = BLOCKS.has(el.tagName);
    if (block) flush();
    el.childNodes.forEach(walk);
    if (block) flush();
  };
  walk(root);
  flush();
  return out.join('\n\n');
}

// A copyright line: "© 2024 LinkedIn Corporation", "Copyright 2019–2025 Example Ltd. All rights reserved."
const COPYRIGHT = /©|\(c\)|copyright|urheberrecht|droits d'auteur|tous droits réservés|alle rechte vorbehalten|all rights reserved/i;
const YEAR_RANGE = /\b(?:19|20)\d{2}(?:\s*[-–—/]\s*(?:(?:19|20)\d{2}|\d{2}))?\b/g;
const MONTHS =
  '(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]v(?:rier)?|m[aä]r(?:ch|z|s)?|apr(?:il)?|avr(?:il)?|ma[iy]|june?|juni|juin|july?|juli|juil(?:let)?|aug(?:ust)?|ao[uû]t|sep(?:t(?:ember|embre)?)?|o[ck]t(?:ober|obre)?|nov(?:ember|embre)?|de[cz](?:ember)?|d[ée]c(?:embre)?)';
const DATE = new RegExp(
  `\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\b\\d{1,2}\\.?\\s*${MONTHS}\\.?\\b|\\b${MONTHS}\\.?\\s+\\d{1,2}\\b,?`,
  'giu',
);

/**
 * Whitespace collapsed within each paragraph, blank paragraphs dropped, and in short copyright lines the years and
 * dates taken out, so a new year on the footer's "© 2025" is not a policy change. Paragraphs stay one per block.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.replace(/[\s\u00a0\u200b\u2028\u2029]+/g, ' ').trim())
    .map((p) => (p.length <= 300 && COPYRIGHT.test(p) ? p.replace(DATE, ' ').replace(YEAR_RANGE, ' ').replace(/\s+/g, ' ').trim() : p))
    .filter(Boolean)
    .join('\n\n');
}

function safeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return 'about:blank';
  }
}
