import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { lazy } from '../util/lazy';

// Resolved through the package, not a relative path, so the CLI, the hosts and a packaged app all find it.
const require = createRequire(import.meta.url);
// fontkit is only needed when a PDF is made; loading it lazily keeps every other CLI command quick.
const fontkit = lazy<typeof import('@pdf-lib/fontkit')>('@pdf-lib/fontkit');
const cache = new Map<string, Uint8Array>();
function fontBytes(file: string): Uint8Array {
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    cache.set(file, bytes);
  }
  return bytes;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

/** DejaVu covers Latin (incl. Polish), Greek and Cyrillic; subsetting keeps only the glyphs used. */
export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(fontkit());
  const [regular, bold, mono] = await Promise.all([
    doc.embedFont(fontBytes('DejaVuSans.ttf'), { subset: true }),
    doc.embedFont(fontBytes('DejaVuSans-Bold.ttf'), { subset: true }),
    doc.embedFont(fontBytes('DejaVuSansMono.ttf'), { subset: true }),
  ]);
  return { regular, bold, mono };
}

type GlyphSource = { hasGlyphForCodePoint(codePoint: number): boolean };
const glyphsOf = (font: PDFFont) => (font as unknown as { embedder?: { font?: GlyphSource } }).embedder?.font;

/** Characters of `text` the font has no glyph for (they would print as empty boxes and vanish from the text layer). */
export function missingChars(font: PDFFont, text: string): string[] {
  const glyphs = glyphsOf(font);
  if (!glyphs) return [];
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && !glyphs.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}

/** Captured text is quoted as evidence, so an unprintable character becomes a visible "?" rather than a blank. */
export function withPrintableChars(font: PDFFont, text: string): string {
  const missing = new Set(missingChars(font, text));
  return missing.size ? Array.from(text, (ch) => (missing.has(ch) ? '?' : ch)).join('') : text;
}
