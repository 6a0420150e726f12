// buildPdf and buildWithinBudget hand their work to the core's worker thread through here: the input's bytes are
// copied once and moved (the caller keeps its own), the PDF's bytes move back, and errors come back as their own
// class. A worker that dies mid-build becomes a PdfBuildError the member can act on (export.ts shows its message).
import { runTask, type TaskInput, type TaskOutput } from '../work/run';
import { WorkerCrashError } from '../work/pool';
import { copyForTransfer } from '../work/transfer';
import type { PdfInput } from './build';
import { PdfBuildError } from './errors';

type PdfTask = 'pdf.build' | 'pdf.buildWithinBudget';

export async function inWorker<K extends PdfTask>(task: K, payload: TaskInput<K>): Promise<TaskOutput<K>> {
  const { value, transfer } = copyForTransfer(payload);
  try {
    return await runTask(task, value, transfer);
  } catch (err) {
    if (err instanceof WorkerCrashError) {
      throw new PdfBuildError(
        `The PDF could not be made: the background worker that builds it ${err.why}. Try the export again (a new worker starts); if it fails again, export fewer or smaller exhibits.`,
        { cause: err },
      );
    }
    throw err;
  }
}

/** Originals go only into an archive PDF: there is no need to copy them to the worker otherwise. */
export const withoutOriginals = (input: PdfInput): PdfInput => ({ ...input, exhibits: input.exhibits.map((e) => ({ ...e, original: undefined })) });
