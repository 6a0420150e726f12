// The core's one worker thread, shared by everything in the process that has heavy work to do. Started on first use.
import { WORK_ERRORS } from './errors';
import { WorkerPool } from './pool';
import type { Tasks } from './tasks';

let pool: WorkerPool | undefined;
let insideWorker = false;

/** Called by the worker itself: from then on its own calls run in its thread, never in a worker of a worker. */
export function markWorkerThread(): void {
  insideWorker = true;
}

/** Whether heavy work goes to the worker: not inside the worker itself, and not with REDRESS_WORKER=off (for
 * comparison in the bench only: the caller's thread then does the work and stalls meanwhile). */
export function useWorker(): boolean {
  return !insideWorker && process.env.REDRESS_WORKER !== 'off';
}

/** From source this module is electron/core/work/run.ts beside worker.ts; bundled, it is part of
 * dist-electron/main.js, and scripts/build-electron.mjs puts the worker beside it as dist-electron/worker.js. */
function workerEntry(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
}

export function coreWorker(): WorkerPool {
  return (pool ??= new WorkerPool({ name: 'background worker', entry: workerEntry(), errors: WORK_ERRORS }));
}

export type TaskInput<K extends keyof Tasks> = Parameters<Tasks[K]>[0];
export type TaskOutput<K extends keyof Tasks> = Awaited<ReturnType<Tasks[K]>>['value'];

/** Runs a task in the core's worker; `transfer` lists ArrayBuffers of the payload that move rather than copy. */
export function runTask<K extends keyof Tasks>(task: K, payload: TaskInput<K>, transfer: ArrayBuffer[] = []): Promise<TaskOutput<K>> {
  return coreWorker().run<TaskOutput<K>>(task, payload, transfer);
}
