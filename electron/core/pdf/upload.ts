// The upload profile: the whole PDF must fit a size budget (the ICO takes files of at most 3 MB). Each image that does
// not fit its share of the budget is shrunk step by step until it does: screenshots (PNG) are downscaled and reduced
// to a palette; photos (JPEG) are decoded with jpeg-js, downscaled (area average, aspect kept) and re-encoded as
// baseline JPEG at a falling quality. A JPEG whose header claims more pixels than a phone camera makes is refused
// before decoding, naming the exhibit, so a hostile or broken file cannot exhaust memory. The appendix keeps each
// original file's SHA-256; the originals themselves are not attached. The shrinking is in fit.ts and runs in the
// core's worker thread; this module (what the rest of the core imports) loads neither it nor the image codecs.
import type { PdfInput, PdfResult } from './build';
import { inWorker, withoutOriginals } from './off-thread';
import { useWorker } from '../work/run';

/** Decoding limit: 50 megapixels covers a 48-MP phone camera (fit.ts also caps jpeg-js's memory). */
export const MAX_JPEG_MEGAPIXELS = 50;

/** The upload-profile PDF, built in the core's worker thread so that shrinking many screenshots never stalls the app
 * (the work is in fit.ts): the same result, and the same errors with the same messages, as buildWithinBudgetInThread. */
export async function buildWithinBudget(input: PdfInput, budget: number): Promise<PdfResult & { reencoded: number }> {
  if (!useWorker()) return buildWithinBudgetInThread(input, budget);
  return inWorker('pdf.buildWithinBudget', { input: withoutOriginals(input), budget });
}

/** Fits the PDF to the budget in the calling thread, which stalls meanwhile: for the worker itself, tests and comparisons. */
export async function buildWithinBudgetInThread(input: PdfInput, budget: number): Promise<PdfResult & { reencoded: number }> {
  return (await import('./fit')).fitToBudget(input, budget);
}
