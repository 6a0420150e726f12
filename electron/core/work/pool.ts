// One long-lived worker thread that runs named tasks for the calling thread, so CPU-bound work (re-encoding
// screenshots, building a PDF) never stalls the Electron main process, the browser host or the CLI. Started on first
// use; held (ref) only while a task is pending, so an idle worker never keeps the CLI from exiting. If it dies, every
// task it was running fails with a WorkerCrashError and the next call starts a new worker.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The worker died (an uncaught error, out of memory, terminated) before answering. */
export class WorkerCrashError extends Error {
  constructor(
    message: string,
    /** What happened to it, e.g. "stopped (exit code 1)". */
    readonly why: string,
  ) {
    super(message);
  }
}

/** Error classes that cross the thread boundary as themselves, by a tag both sides agree on (not `constructor.name`,
 * which a bundler may rename). Anything else comes back as a plain Error with the same message. */
export type ErrorClasses = Record<string, new (message: string) => Error>;

export interface SerializedError {
  type: string | null;
  message: string;
  stack?: string;
}

export interface WorkerRequest {
  id: number;
  task: string;
  payload: unknown;
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

export function serializeError(err: unknown, classes: ErrorClasses): SerializedError {
  if (!(err instanceof Error)) return { type: null, message: String(err) };
  // The most derived class wins: a subclass listed after its parent is still recognised.
  let type: string | null = null;
  for (const [tag, cls] of Object.entries(classes)) {
    if (err instanceof cls && (type === null || cls.prototype instanceof classes[type])) type = tag;
  }
  return { type, message: err.message, stack: err.stack };
}

export function reviveError(e: SerializedError, classes: ErrorClasses): Error {
  const Cls = (e.type !== null && Object.hasOwn(classes, e.type) ? classes[e.type] : Error) as new (message: string) => Error;
  const err = new Cls(e.message);
  // Where it was thrown (in the worker) is what helps, followed by where it was awaited.
  if (e.stack) err.stack = `${e.stack}\n    --- in the worker thread; awaited at ---\n${(err.stack ?? '').split('\n').slice(1).join('\n')}`;
  return err;
}

/** A .ts entry (the CLI, the browser host, tests: all run from source under tsx or vitest) starts through a tiny .mjs
 * that registers tsx in the new thread first: a worker does not inherit loader hooks registered with
 * `module.register`, and Node 20 ignores `--import tsx` in a worker's execArgv. A bundled .js entry (Electron) runs as
 * it is; inside an asar archive, an unpacked copy is preferred when there is one. */
export function workerScript(entry: URL): { script: URL; workerData?: { entry: string } } {
  if (entry.pathname.endsWith('.ts')) return { script: new URL('./bootstrap.mjs', import.meta.url), workerData: { entry: entry.href } };
  const path = fileURLToPath(entry);
  const unpacked = path.replace(/\.asar([\\/])/, '.asar.unpacked$1');
  return { script: unpacked !== path && existsSync(unpacked) ? pathToFileURL(unpacked) : entry };
}

interface Pending {
  task: string;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

export interface WorkerPoolOptions {
  /** For messages: "the PDF worker". */
  name: string;
  /** The worker's entry module (.ts from source, .js when bundled). */
  entry: URL;
  errors: ErrorClasses;
}

/** A pool of one: tasks are queued on a single worker, which works through them in turn. */
export class WorkerPool {
  private slot?: Slot;
  private nextId = 1;
  private started = 0;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** The thread id of the running worker, if one is running. */
  get threadId(): number | undefined {
    return this.slot?.worker.threadId;
  }

  /** How many workers this pool has started (a new one after each crash). */
  get starts(): number {
    return this.started;
  }

  /** Runs `task` in the worker. The payload is cloned, except the ArrayBuffers in `transfer`, which move (the caller
   * must not use them afterwards). Rejects with the task's own error class, or WorkerCrashError if the worker died. */
  run<T>(task: string, payload: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let slot: Slot;
      try {
        slot = this.slot ?? this.start();
      } catch (err) {
        reject(err);
        return;
      }
      const id = this.nextId++;
      slot.pending.set(id, { task, resolve: resolve as (v: unknown) => void, reject });
      if (slot.pending.size === 1) slot.worker.ref();
      try {
        slot.worker.postMessage({ id, task, payload } satisfies WorkerRequest, transfer);
      } catch (err) {
        this.settle(slot, id);
        reject(err);
      }
    });
  }

  /** Stops the worker (app shutdown, tests). Tasks still running fail with WorkerCrashError. */
  async terminate(): Promise<void> {
    const slot = this.slot;
    if (!slot) return;
    this.fail(slot, 'was stopped');
    await slot.worker.terminate();
  }

  private start(): Slot {
    const { script, workerData } = workerScript(this.options.entry);
    const worker = new Worker(script, { workerData, name: this.options.name });
    const slot: Slot = { worker, pending: new Map() };
    this.slot = slot;
    this.started++;
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const p = this.settle(slot, reply.id);
      if (!p) return;
      if (reply.ok) p.resolve(reply.value);
      else p.reject(reviveError(reply.error, this.options.errors));
    });
    worker.on('messageerror', (err) => {
      // Alive but no longer trusted: replaced like a dead one.
      this.fail(slot, `sent an answer that could not be read (${err.message})`);
      void worker.terminate();
    });
    worker.on('error', (err) => this.fail(slot, `failed (${err instanceof Error ? err.message : String(err)})`));
    worker.on('exit', (code) => this.fail(slot, `stopped (exit code ${code})`));
    return slot;
  }

  private settle(slot: Slot, id: number): Pending | undefined {
    const p = slot.pending.get(id);
    slot.pending.delete(id);
    if (p && slot.pending.size === 0) slot.worker.unref();
    return p;
  }

  /** Drops a dead worker (the next call starts a new one) and fails whatever it was running. */
  private fail(slot: Slot, why: string): void {
    if (this.slot === slot) this.slot = undefined;
    const pending = [...slot.pending.values()];
    slot.pending.clear();
    slot.worker.unref();
    for (const p of pending) {
      p.reject(new WorkerCrashError(`The ${this.options.name} ${why} while running ${p.task}. Try again: the next call starts a new worker.`, why));
    }
  }
}
