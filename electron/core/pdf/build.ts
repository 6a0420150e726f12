// The export PDF: the letter, then an evidence appendix (index, one page per screenshot, texts such as policy diffs),
// the original files attached (archive profile), and document metadata. The drawing is in render.ts and runs in the
// core's worker thread, so a long build never stalls the app; this module (what the rest of the core imports) loads
// neither it nor pdf-lib.
import { PdfBuildError } from './errors';
import { inWorker, withoutOriginals } from './off-thread';
import { useWorker } from '../work/run';

export interface ExhibitInput {
  number: number;
  title: string;
  kind: string;
  addedAt: string;
  capturedAt?: string;
  sourceUrl?: string;
  sha256: string;
  /** A PNG or JPEG to show on its own page. */
  screenshot?: { bytes: Uint8Array; mime: string };
  /** Text to print (a policy's text, a diff). */
  text?: string;
  /** The original file, attached in the archive profile. */
  original?: { bytes: Uint8Array; filename: string; mime: string; /** When it differs from the exhibit's hash. */ sha256?: string };
}

export interface PdfInput {
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  creator: string;
  createdAt: Date;
  letter: string;
  exhibits: ExhibitInput[];
  /** Attach the originals (archive profile). */
  attachOriginals: boolean;
  profileNote: string;
  /** The letter's language (BCP 47 code): the document's /Lang and the appendix's words (English by default). */
  language?: string;
}

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  images: number;
  attachments: number;
  methods: Record<string, number>;
}

export { PdfBuildError };

/** The export PDF, built in the core's worker thread (see off-thread.ts): the same result, and the same errors with
 * the same messages, as buildPdfInThread. */
export async function buildPdf(input: PdfInput): Promise<PdfResult> {
  if (!useWorker()) return buildPdfInThread(input);
  return inWorker('pdf.build', input.attachOriginals ? input : withoutOriginals(input));
}

/** Builds the PDF in the calling thread, which stalls meanwhile: for the worker itself, tests and comparisons. */
export async function buildPdfInThread(input: PdfInput): Promise<PdfResult> {
  return (await import('./render')).renderPdf(input);
}
