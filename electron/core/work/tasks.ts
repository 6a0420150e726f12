// What the core's worker can run: name -> function of one cloneable payload, returning the answer and the
// ArrayBuffers to move (not copy) back. The public functions (buildPdf, buildWithinBudget) post here through run.ts;
// the policy watch posts each fetched page here to be parsed (watch/run.ts), since jsdom on a big page takes long
// enough to stall the Electron main process or the browser host.
import type { PdfInput, PdfResult } from '../pdf/build';
import { extractPage, type ExtractInput, type Extracted } from '../watch/extract';
import { fitToBudget } from '../pdf/fit';
import { renderPdf } from '../pdf/render';
import { ownBuffer } from './transfer';

export interface TaskResult<T> {
  value: T;
  transfer: ArrayBuffer[];
}

const pdf = <R extends PdfResult>(r: R): TaskResult<R> => ({ value: r, transfer: ownBuffer(r.bytes) });

export const TASKS = {
  'pdf.build': async (input: PdfInput) => pdf(await renderPdf(input)),
  'pdf.buildWithinBudget': async ({ input, budget }: { input: PdfInput; budget: number }) => pdf(await fitToBudget(input, budget)),
  'watch.extract': async (input: ExtractInput): Promise<TaskResult<Extracted>> => ({ value: extractPage(input), transfer: [] }),
};

export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;
