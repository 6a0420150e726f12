// The core's worker thread: answers each request with the task's result, or its error (tagged so the caller can
// rethrow the same class). Bundled into dist-electron/worker.js for Electron; run from source through bootstrap.mjs.
import { parentPort } from 'node:worker_threads';
import { WORK_ERRORS } from './errors';
import { serializeError, type WorkerReply, type WorkerRequest } from './pool';
import { markWorkerThread } from './run';
import { TASKS, type TaskName, type TaskResult } from './tasks';

if (!parentPort) throw new Error('electron/core/work/worker runs as a worker thread only.');
const port = parentPort;
markWorkerThread();

async function answer(req: WorkerRequest): Promise<{ reply: WorkerReply; transfer: ArrayBuffer[] }> {
  try {
    if (!Object.hasOwn(TASKS, req.task)) throw new Error(`The background worker has no task "${req.task}".`);
    const run = TASKS[req.task as TaskName] as (payload: unknown) => Promise<TaskResult<unknown>>;
    const r = await run(req.payload);
    return { reply: { id: req.id, ok: true, value: r.value }, transfer: r.transfer };
  } catch (err) {
    return { reply: { id: req.id, ok: false, error: serializeError(err, WORK_ERRORS) }, transfer: [] };
  }
}

port.on('message', async (req: WorkerRequest) => {
  const { reply, transfer } = await answer(req);
  try {
    port.postMessage(reply, transfer);
  } catch (err) {
    port.postMessage({ id: req.id, ok: false, error: serializeError(err, WORK_ERRORS) } satisfies WorkerReply);
  }
});
