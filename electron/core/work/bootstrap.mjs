// Entry of the core's worker thread when the core runs from TypeScript source (the CLI, the browser host, tests):
// registers tsx in this thread, then loads the .ts entry named in workerData. The Electron build bundles the worker
// into dist-electron/worker.js instead and does not come here. tsx resolves from this file, so any working directory
// will do.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
