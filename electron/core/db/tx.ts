import type { Db } from './open';

/**
 * Every write goes through `writeTx`: an IMMEDIATE transaction, so the write lock is taken before the first read and
 * a transaction that reads then writes can never hit SQLITE_BUSY_SNAPSHOT when another process (the CLI beside the
 * app) wrote in between. `busy_timeout` makes BEGIN wait for the lock; if it still cannot get it (a long writer in
 * another process), BEGIN is retried a bounded number of times with a growing, jittered pause. Nested calls run as
 * savepoints inside the outer transaction. `afterCommit` hooks run once the outermost transaction has committed.
 */
export const WRITE_RETRIES = 6;

const hooks = new WeakMap<Db, Map<string, () => void>>();

export function isBusy(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? '';
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED';
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function writeTx<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return db.transaction(fn)();
  const pending = new Map<string, () => void>();
  hooks.set(db, pending);
  let result: T;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        result = db.transaction(fn).immediate();
        break;
      } catch (err) {
        pending.clear();
        if (!isBusy(err) || attempt >= WRITE_RETRIES) throw err;
        pause(Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random()));
      }
    }
  } finally {
    hooks.delete(db);
  }
  for (const hook of pending.values()) {
    try {
      hook();
    } catch {
      // A hook (the custody anchor) failing must not turn a committed write into a reported failure.
    }
  }
  return result;
}

/**
 * Runs `hook` once after the current outermost write transaction commits (at once when there is none); a later
 * hook with the same key replaces an earlier one. Nothing runs when the transaction rolls back.
 */
export function afterCommit(db: Db, key: string, hook: () => void): void {
  const pending = hooks.get(db);
  if (pending && db.inTransaction) {
    pending.delete(key);
    pending.set(key, hook);
  } else hook();
}

/** A consistent snapshot for reads that span several statements (WAL: readers never block writers). */
export function readTx<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  return db.transaction(fn).deferred();
}
