// Real readers for PDFs: poppler (pdftotext, pdfimages, pdfdetach, pdfinfo, pdftoppm) and qpdf.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function toFile(bytes: Uint8Array, name = 'doc.pdf'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'redress-pdf-')), name);
  writeFileSync(file, bytes);
  return file;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

export const pdftotext = (file: string) => run('pdftotext', ['-enc', 'UTF-8', file, '-']);
export const pdfinfo = (file: string) => run('pdfinfo', [file]);
export function qpdfCheck(file: string): string {
  // qpdf exits 0 when clean, 3 with warnings, 2 with errors; any non-zero throws here.
  return run('qpdf', ['--check', file]);
}

export interface ImageRow {
  page: number;
  type: string;
  width: number;
  height: number;
  /** Encoding: 'image' (Flate), 'jpeg' (DCT), 'jpx', ... */
  enc: string;
  xppi: number;
  yppi: number;
}
export function pdfimages(file: string): ImageRow[] {
  return run('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const c = l.trim().split(/\s+/);
      return { page: +c[0], type: c[2], width: +c[3], height: +c[4], enc: c[8], xppi: +c[12], yppi: +c[13] };
    });
}
export function pdfdetach(file: string): string[] {
  return run('pdfdetach', ['-list', file])
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.replace(/^\d+:\s*/, ''));
}
export function pdfdetachSave(file: string, n: number, out: string): void {
  run('pdfdetach', ['-save', String(n), '-o', out, file]);
}
export function render(file: string, prefix: string, dpi = 60): void {
  run('pdftoppm', ['-png', '-r', String(dpi), file, prefix]);
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
/** Every word with its box in PDF points (pdftotext -bbox), to check that nothing runs off the page. */
export function wordBoxes(file: string): { width: number; height: number; words: WordBox[] } {
  const html = run('pdftotext', ['-bbox', file, '-']);
  const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html)!;
  const words: WordBox[] = [];
  let n = 0;
  for (const chunk of html.split('<page ').slice(1)) {
    n++;
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: n, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] });
    }
  }
  return { width: +page[1], height: +page[2], words };
}
