// What the core's worker can run: name -> function of one cloneable payload, returning the answer and the
// ArrayBuffers to move (not copy) back. Each runs the in-thread implementation; the public functions (buildPdf,
// buildWithinBudget) post here through run.ts.
import { buildPdfInThread, type PdfInput, type PdfResult } from '../pdf/build';
import { buildWithinBudgetInThread } from '../pdf/upload';
import { ownBuffer } from './transfer';

export interface TaskResult<T> {
  value: T;
  transfer: ArrayBuffer[];
}

const pdf = <R extends PdfResult>(r: R): TaskResult<R> => ({ value: r, transfer: ownBuffer(r.bytes) });

export const TASKS = {
  'pdf.build': async (input: PdfInput) => pdf(await buildPdfInThread(input)),
  'pdf.buildWithinBudget': async ({ input, budget }: { input: PdfInput; budget: number }) => pdf(await buildWithinBudgetInThread(input, budget)),
};

export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;
