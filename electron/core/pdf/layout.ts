// Text layout on top of pdf-lib, which draws strings but does not wrap or paginate: A4 pages, margins, wrapping
// that breaks inside words and URLs too long for a line, headings kept with what follows, page numbers at the end.
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Fonts } from './fonts';

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { left: 64, right: 64, top: 64, bottom: 72 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const MUTED = rgb(0.33, 0.36, 0.4);

/** Characters pdf-lib cannot draw (tabs, other controls) become spaces, so user text never throws at export. */
export const printable = (s: string) => s.replace(/\t/g, '    ').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');

/** Splits a word that is wider than the line into pieces that fit, preferring to break after / ? & = - _ . */
function breakWord(word: string, font: PDFFont, size: number, width: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest && font.widthOfTextAtSize(rest, size) > width) {
    // Longest prefix that fits (binary search on code points, so surrogate pairs stay whole).
    const chars = Array.from(rest);
    let lo = 1;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (font.widthOfTextAtSize(chars.slice(0, mid).join(''), size) <= width) lo = mid;
      else hi = mid - 1;
    }
    let cut = lo;
    const prefix = chars.slice(0, lo).join('');
    const soft = Math.max(...['/', '?', '&', '=', '-', '_', '.'].map((c) => prefix.lastIndexOf(c)));
    if (soft > lo * 0.6) cut = Array.from(prefix.slice(0, soft + 1)).length;
    pieces.push(chars.slice(0, cut).join(''));
    rest = chars.slice(cut).join('');
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Wraps one line of text (no newlines) to the width. */
export function wrapLine(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = printable(text).split(/ +/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (font.widthOfTextAtSize(word, size) <= width) line = word;
    else {
      const pieces = breakWord(word, font, size, width);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
    }
  }
  lines.push(line);
  return lines;
}

export interface TextStyle {
  font?: PDFFont;
  size?: number;
  color?: ReturnType<typeof rgb>;
  indent?: number;
  /** Extra indent for wrapped continuation lines (hanging indent for list items). */
  hang?: number;
}

export class Layout {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {}

  newPage(): PDFPage {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
    return this.page;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number): void {
    if (!this.page || this.y - height < MARGIN.bottom) this.newPage();
  }

  gap(h: number): void {
    this.y -= h;
  }

  /** One logical line, wrapped; returns the number of lines drawn. */
  line(text: string, style: TextStyle = {}): number {
    const font = style.font ?? this.fonts.regular;
    const size = style.size ?? 10.5;
    const indent = style.indent ?? 0;
    const hang = style.hang ?? 0;
    const leading = size * 1.4;
    const first = wrapLine(text, font, size, CONTENT_WIDTH - indent);
    // Continuation lines are narrower when they hang; re-wrap the remainder for that width.
    const lines = hang && first.length > 1 ? [first[0], ...wrapLine(first.slice(1).join(' '), font, size, CONTENT_WIDTH - indent - hang)] : first;
    lines.forEach((l, i) => {
      this.ensure(leading);
      this.y -= leading;
      if (l) this.page.drawText(l, { x: MARGIN.left + indent + (i ? hang : 0), y: this.y + size * 0.3, size, font, color: style.color });
    });
    return lines.length;
  }

  /** Letter text: blank lines separate paragraphs, single newlines are kept, `## ` starts a heading, list items hang. */
  document(text: string): void {
    for (const para of text.split(/\n\s*\n/)) {
      const lines = para.split('\n');
      if (lines.length === 1 && lines[0].startsWith('## ')) {
        this.ensure(60); // keep a heading with at least a few lines of what follows
        this.gap(6);
        this.line(lines[0].slice(3), { font: this.fonts.bold, size: 12 });
        this.gap(2);
        continue;
      }
      for (const l of lines) {
        const item = /^(\d+\.|-)\s+/.exec(l);
        const hang = item ? this.fonts.regular.widthOfTextAtSize(item[0], 10.5) : 0;
        if (l.startsWith('## ')) this.line(l.slice(3), { font: this.fonts.bold, size: 12 });
        else this.line(l, { hang });
      }
      this.gap(7);
    }
  }

  /** "Page n of N" and a short title at the foot of every page; run once, after the last page exists. */
  numberPages(footer: string, pageLabel: (page: number, pages: number) => string = (p, n) => `Page ${p} of ${n}`): void {
    const size = 8.5;
    const n = this.pages.length;
    const font = this.fonts.regular;
    const title = wrapLine(footer, font, size, CONTENT_WIDTH - 90)[0];
    this.pages.forEach((p, i) => {
      const label = pageLabel(i + 1, n);
      const w = font.widthOfTextAtSize(label, size);
      p.drawText(label, { x: PAGE.width - MARGIN.right - w, y: MARGIN.bottom / 2, size, font, color: MUTED });
      p.drawText(title, { x: MARGIN.left, y: MARGIN.bottom / 2, size, font, color: MUTED });
    });
  }
}

export { MUTED };
