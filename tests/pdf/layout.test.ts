import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFonts } from '../../electron/core/pdf/fonts';
import { CONTENT_WIDTH, printable, wrapLine } from '../../electron/core/pdf/layout';

const fonts = await embedFonts(await PDFDocument.create());
const width = (s: string) => fonts.regular.widthOfTextAtSize(s, 10.5);

describe('wrapLine', () => {
  it('keeps words whole when they fit and never exceeds the column', () => {
    const lines = wrapLine('Ζωή Łukasiewicz objects to the processing of her data. '.repeat(12), fonts.regular, 10.5, CONTENT_WIDTH);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(CONTENT_WIDTH);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe('Ζωή Łukasiewicz objects to the processing of her data. '.repeat(12).trim());
  });

  it('breaks a URL after a slash or ? and a long Greek word anywhere, losing no character', () => {
    const url = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement?session=' + 'a1'.repeat(60);
    const lines = wrapLine(url, fonts.regular, 10.5, CONTENT_WIDTH);
    expect(lines.join('')).toBe(url);
    expect(lines[0].endsWith('/') || lines[0].endsWith('?') || lines[0].endsWith('-') || lines[0].endsWith('=')).toBe(true);
    const greek = 'Παπαδοπούλου'.repeat(12);
    const g = wrapLine(greek, fonts.regular, 10.5, CONTENT_WIDTH);
    expect(g.length).toBeGreaterThan(1);
    expect(g.join('')).toBe(greek);
    for (const l of [...lines, ...g]) expect(width(l)).toBeLessThanOrEqual(CONTENT_WIDTH);
  });

  it('turns tabs and control characters into spaces instead of failing the export', () => {
    expect(printable('a\tb\u0007c\u2028d')).toBe('a    b c d');
  });
});
