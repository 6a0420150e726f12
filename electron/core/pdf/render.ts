// Draws the export PDF (see build.ts): the letter, then an evidence appendix (index, one page per screenshot, texts
// such as policy diffs), the original files attached (archive profile), and document metadata. Runs in the core's
// worker thread; the calling thread loads it (and pdf-lib) only when told to build in-thread.
import { PDFDocument, clip, concatTransformationMatrix, drawObject, endPath, popGraphicsState, pushGraphicsState, rectangle } from 'pdf-lib';
import { attachFile } from './attach';
import { embedFonts, missingChars, withPrintableChars } from './fonts';
import { embedImage, type EmbeddedImage } from './images';
import { CONTENT_WIDTH, Layout, MARGIN, MUTED, PAGE } from './layout';
import type { ExhibitInput, PdfInput, PdfResult } from './build';
import { PdfBuildError } from './errors';
import { ImageError } from './png';
import { pdfWords, type PdfWords } from './words';

const utc = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');

function appendixIndex(l: Layout, exhibits: ExhibitInput[], note: string, w: PdfWords) {
  l.newPage();
  l.line(w.appendix, { font: l.fonts.bold, size: 15 });
  l.gap(4);
  l.line(note, { size: 9, color: MUTED });
  l.gap(8);
  for (const e of exhibits) {
    l.ensure(70);
    l.line(`${w.exhibit} ${e.number}: ${e.title}`, { font: l.fonts.bold, size: 10.5 });
    const times = [e.capturedAt ? `${w.capturedLower} ${utc(e.capturedAt)}` : null, `${w.addedLower} ${utc(e.addedAt)}`].filter(Boolean).join(' · ');
    l.line(`${w.kind}: ${e.kind} · ${times}`, { size: 9, indent: 12 });
    if (e.sourceUrl) l.line(`${w.source}: ${e.sourceUrl}`, { size: 9, indent: 12 });
    l.line(`SHA-256: ${e.sha256}`, { font: l.fonts.mono, size: 8, indent: 12 });
    l.gap(6);
  }
}

function caption(l: Layout, e: ExhibitInput, w: PdfWords, suffix = '') {
  l.line(`${w.exhibit} ${e.number}: ${e.title}${suffix}`, { font: l.fonts.bold, size: 11 });
  const when = e.capturedAt ? `${w.captured} ${utc(e.capturedAt)}` : `${w.added} ${utc(e.addedAt)}`;
  l.line(`${when}${e.sourceUrl ? ` · ${e.sourceUrl}` : ''}`, { size: 8.5, color: MUTED });
  l.line(`SHA-256 ${e.sha256}`, { font: l.fonts.mono, size: 7.5, color: MUTED });
  l.gap(6);
}

/** Scaled to fit, aspect kept. A very tall full-page capture is drawn at page width and continued over several
 * pages by clipping the same image object (no copy, no re-encoding), so it stays readable. */
function drawScreenshot(l: Layout, e: ExhibitInput, img: EmbeddedImage, words: PdfWords) {
  l.newPage();
  caption(l, e, words);
  const boxTop = l.y;
  const boxH = boxTop - MARGIN.bottom;
  const fit = Math.min(CONTENT_WIDTH / img.width, boxH / img.height, 1);
  const widthScale = Math.min(CONTENT_WIDTH / img.width, 1);
  if (img.height * widthScale <= boxH * 1.5) {
    const w = img.width * fit;
    const h = img.height * fit;
    const name = l.page.node.newXObject('Image', img.ref);
    l.page.pushOperators(pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, MARGIN.left + (CONTENT_WIDTH - w) / 2, boxTop - h), drawObject(name), popGraphicsState());
    return;
  }
  const w = img.width * widthScale;
  const h = img.height * widthScale;
  let shown = 0;
  let part = 1;
  const parts = Math.ceil((h - boxH) / (PAGE.height - MARGIN.top - MARGIN.bottom - 50) + 1);
  let top = boxTop;
  while (shown < h - 0.5) {
    if (part > 1) {
      l.newPage();
      caption(l, e, words, ` (${words.part(part, parts)})`);
      top = l.y;
    }
    const avail = top - MARGIN.bottom;
    const name = l.page.node.newXObject('Image', img.ref);
    l.page.pushOperators(
      pushGraphicsState(),
      rectangle(MARGIN.left, top - avail, CONTENT_WIDTH, avail),
      clip(),
      endPath(),
      concatTransformationMatrix(w, 0, 0, h, MARGIN.left + (CONTENT_WIDTH - w) / 2, top - h + shown),
      drawObject(name),
      popGraphicsState(),
    );
    shown += avail;
    part++;
  }
}

/** Builds the PDF in the calling thread. The core's worker runs this; everyone else calls `buildPdf`. */
export async function renderPdf(input: PdfInput): Promise<PdfResult> {
  const doc = await PDFDocument.create();
  doc.setTitle(input.title, { showInWindowTitleBar: true });
  doc.setAuthor(input.author);
  doc.setSubject(input.subject);
  doc.setCreator(input.creator);
  doc.setProducer(`${input.creator} (pdf-lib)`);
  if (input.keywords) doc.setKeywords(input.keywords);
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);
  doc.setLanguage(input.language ?? 'en');
  const w = pdfWords(input.language);

  const fonts = await embedFonts(doc);
  // The member's own words must print whole: refuse rather than drop a name written in a script the font lacks.
  const missing = missingChars(fonts.regular, `${input.title}\n${input.letter}`);
  if (missing.length) {
    const shown = missing.slice(0, 12).join(' ') + (missing.length > 12 ? ` and ${missing.length - 12} more` : '');
    throw new PdfBuildError(
      `The PDF font (DejaVu: Latin, Greek, Cyrillic) cannot show these characters: ${shown}. ` +
        'Export as text or email instead, or write them in Latin letters for the PDF.',
    );
  }
  const l = new Layout(doc, fonts);
  const exhibits = input.exhibits.map((e) => ({
    ...e,
    title: withPrintableChars(fonts.bold, e.title),
    ...(e.sourceUrl ? { sourceUrl: withPrintableChars(fonts.regular, e.sourceUrl) } : {}),
  }));
  l.newPage();
  l.document(input.letter);

  const methods: Record<string, number> = {};
  let images = 0;
  let attachments = 0;
  if (exhibits.length) {
    appendixIndex(l, exhibits, input.profileNote, w);
    for (const e of exhibits) {
      if (e.screenshot) {
        let img: EmbeddedImage;
        try {
          img = await embedImage(doc, e.screenshot.bytes);
        } catch (err) {
          if (err instanceof ImageError) throw new PdfBuildError(`Exhibit ${e.number} (${e.title}): ${err.message}. Re-add the file or remove it from the case.`);
          throw err;
        }
        methods[img.method] = (methods[img.method] ?? 0) + 1;
        images++;
        drawScreenshot(l, e, img, w);
      }
      if (e.text) {
        l.newPage();
        caption(l, e, w);
        for (const line of withPrintableChars(fonts.mono, e.text).split('\n')) l.line(line, { font: fonts.mono, size: 8 });
      }
      if (input.attachOriginals && e.original) {
        attachFile(doc, {
          bytes: e.original.bytes,
          filename: `exhibit-${String(e.number).padStart(2, '0')}-${e.original.filename}`,
          mime: e.original.mime,
          description: `Exhibit ${e.number}: ${e.title} (SHA-256 ${e.original.sha256 ?? e.sha256})`,
          created: new Date(e.capturedAt ?? e.addedAt),
        });
        attachments++;
      }
    }
  }
  l.numberPages(input.title, w.page);
  // Object streams shrink the many small objects; the big image streams are unaffected.
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, pages: l.pages.length, images, attachments, methods };
}
