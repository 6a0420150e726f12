import { diffArrays } from 'diff';
import type { DiffChange } from '../contract/evidence';
import { lazy } from '../util/lazy';

const jsdom = lazy<typeof import('jsdom')>('jsdom');
const readability = lazy<typeof import('@mozilla/readability')>('@mozilla/readability');

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'DT', 'DD', 'FIGCAPTION', 'TD', 'TH']);

// Cookie and consent banners are short, fixed to the viewport and say "cookie" or "consent"; Readability keeps some.
const BANNER = /(cookie|consent|gdpr-banner|onetrust|cmp-)/i;

/**
 * The readable main text of a page: navigation, footers and cookie banners left out, one paragraph per line, so two
 * captures of a policy can be compared paragraph by paragraph. Runs in Node on the serialised DOM (no script runs).
 */
export function readableText(html: string, url: string): { title: string; text: string } {
  const { JSDOM, VirtualConsole } = jsdom();
  const { Readability } = readability();
  const dom = new JSDOM(html, { url: safeUrl(url), virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  for (const el of Array.from(doc.querySelectorAll('nav, footer, [role=navigation], [role=contentinfo], script, style, noscript, template'))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('[id], [class], [aria-label], [role=dialog], [role=alertdialog]'))) {
    const tag = `${el.id} ${el.getAttribute('class') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
    if (BANNER.test(tag) && (el.textContent ?? '').length < 2000 && !el.closest('main, article')) el.remove();
  }
  const title = doc.title;
  const article = new Readability(doc, { charThreshold: 20 }).parse();
  const root = article?.content ? new JSDOM(article.content).window.document.body : doc.body;
  return { title: article?.title || title, text: blocksToText(root) };
}

function blocksToText(root: Element | null): string {
  if (!root) return '';
  const out: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const block = BLOCKS.has(el.tagName) || el.tagName === 'DIV' || el.tagName === 'SECTION' || el.tagName === 'BR';
    if (block) flush();
    el.childNodes.forEach(walk);
    if (block) flush();
  };
  walk(root);
  flush();
  return out.join('\n\n');
}

function safeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return 'about:blank';
  }
}

/**
 * Paragraphs split into sentences, so a clause added inside a paragraph shows as that sentence, not the whole block.
 * `ends` marks the sentences that close a paragraph, to put the paragraph breaks back when the diff is shown.
 */
export function sentences(text: string): { list: string[]; ends: Set<number> } {
  const list: string[] = [];
  const ends = new Set<number>();
  for (const para of text.split(/\n{2,}/)) {
    const p = para.replace(/\s+/g, ' ').trim();
    if (!p) continue;
    const parts = p.match(/[^.!?]+(?:[.!?]+["')\]]*|$)(?:\s+|$)/g) ?? [p];
    for (const s of parts) if (s.trim()) list.push(s.trim());
    ends.add(list.length - 1);
  }
  return { list, ends };
}

/**
 * Sentence-level diff of two readable texts with the `diff` package. Neighbouring runs of one type are merged, and
 * paragraph breaks are kept as blank lines inside a change's text.
 */
export function diffTexts(a: string, b: string): DiffChange[] {
  const A = sentences(a);
  const B = sentences(b);
  const changes: DiffChange[] = [];
  let ia = 0;
  let ib = 0;
  for (const part of diffArrays(A.list, B.list)) {
    const type = part.added ? 'added' : part.removed ? 'removed' : 'same';
    let text = '';
    for (const sentence of part.value) {
      // Unchanged and added sentences follow the new text's paragraphs; removed ones the old text's.
      const end = type === 'removed' ? A.ends.has(ia) : B.ends.has(ib);
      text += sentence + (end ? '\n\n' : ' ');
      if (type !== 'added') ia++;
      if (type !== 'removed') ib++;
    }
    const prev = changes[changes.length - 1];
    if (prev && prev.type === type) prev.text += text;
    else changes.push({ type, text });
  }
  for (const c of changes) {
    if (/\n\n$/.test(c.text)) c.paragraphEnd = true;
    c.text = c.text.replace(/\s+$/, '');
  }
  return changes;
}

/** A diff as plain text for a file or a PDF appendix: `+ ` added, `- ` removed, `  ` unchanged. */
export function diffAsText(header: string[], changes: DiffChange[]): string {
  const mark = { added: '+ ', removed: '- ', same: '  ' } as const;
  const lines = changes.flatMap((c) => c.text.split(/\n+/).map((l) => mark[c.type] + l));
  return [...header, '', ...lines].join('\n') + '\n';
}
