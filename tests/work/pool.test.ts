// The worker pool on its own: answers and moved bytes, error classes that survive the thread boundary, and a worker
// that dies (an uncaught error, an exit, a missing entry) failing its calls clearly and being replaced on the next.
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { PdfBuildError } from '../../electron/core/pdf/errors';
import { ImageError } from '../../electron/core/pdf/png';
import { WORK_ERRORS } from '../../electron/core/work/errors';
import { WorkerCrashError, WorkerPool } from '../../electron/core/work/pool';
import { copyForTransfer, ownBuffer } from '../../electron/core/work/transfer';

const pools: WorkerPool[] = [];
function pool(entry = new URL('./fixtures/test-worker.ts', import.meta.url)) {
  const p = new WorkerPool({ name: 'test worker', entry, errors: WORK_ERRORS });
  pools.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.terminate()));
});

const caught = (p: Promise<unknown>) => p.then(
  (v) => {
    throw new Error(`expected a rejection, got ${JSON.stringify(v)}`);
  },
  (e: unknown) => e as Error,
);

describe('copyForTransfer', () => {
  it('copies each array once into a buffer of its own, leaves the caller its own, keeps the rest as it is', () => {
    const shared = Buffer.from('screenshot bytes');
    const pooled = Buffer.from('small'); // a slice of Node's 8 KB pool
    const when = new Date('2026-05-01T08:00:00Z');
    const input = { a: shared, list: [{ bytes: shared }, { bytes: pooled }], when, n: 3, s: 'x', none: undefined };
    const { value, transfer } = copyForTransfer(input);
    expect(transfer).toHaveLength(2);
    expect(value.a).not.toBe(shared);
    expect(value.list[0].bytes).toBe(value.a); // one array in, one array out
    expect(Buffer.from(value.list[1].bytes).toString()).toBe('small');
    expect(value.list[1].bytes.byteLength).toBe(value.list[1].bytes.buffer.byteLength);
    expect(value.when).toBe(when);
    expect(value).toMatchObject({ n: 3, s: 'x' });
    expect(input.list[0].bytes).toBe(shared);
  });

  it('moves an answer only when the array is its whole buffer', () => {
    const whole = new Uint8Array(16);
    expect(ownBuffer(whole)).toEqual([whole.buffer]);
    expect(ownBuffer(whole.subarray(4))).toEqual([]);
    expect(ownBuffer(Buffer.from('pooled'))).toEqual([]);
  });
});

describe('WorkerPool', () => {
  it('runs tasks in another thread, moves the bytes it was told to, and leaves the caller its own', async () => {
    const p = pool();
    const bytes = Buffer.from([1, 2, 3, 4, 250]);
    const { value, transfer } = copyForTransfer({ a: bytes, b: bytes, when: new Date() });
    const r = await p.run<{ same: boolean; sum: number; owns: boolean; date: boolean; out: Uint8Array }>('inspect', value, transfer);
    expect(r).toMatchObject({ same: true, sum: 260, owns: true, date: true });
    expect([...r.out]).toEqual([250, 4, 3, 2, 1]);
    expect(value.a.byteLength).toBe(0); // the copy moved...
    expect([...bytes]).toEqual([1, 2, 3, 4, 250]); // ...the caller's bytes did not
    const worker = await p.run<number>('thread', {});
    expect(worker).not.toBe(threadId);
    expect(p.threadId).toBe(worker);
    expect(p.starts).toBe(1);
  });

  it('rethrows the classes the core knows as themselves, anything else as an Error with its message', async () => {
    const p = pool();
    const pdf = await caught(p.run('pdf-error', {}));
    expect(pdf).toBeInstanceOf(PdfBuildError);
    expect(pdf.message).toBe('Exhibit 3 (Screenshot 3): not a PNG or JPEG image.');
    expect(pdf.stack).toContain('in the worker thread');
    const img = await caught(p.run('image-error', {}));
    expect(img).toBeInstanceOf(ImageError);
    expect(img.message).toBe('the PNG is damaged');
    const other = await caught(p.run('type-error', {}));
    expect(other.constructor).toBe(Error);
    expect(other.message).toBe('x is not a function');
    // A task that fails leaves the worker running.
    await p.run('thread', {});
    expect(p.starts).toBe(1);
  });

  it('fails every pending call when the worker dies of an uncaught error, and starts a new worker on the next call', async () => {
    const p = pool();
    const first = await p.run<number>('thread', {});
    const slow = caught(p.run('later', { ms: 5000 }));
    const crash = caught(p.run('throw-later', {}));
    for (const err of [await crash, await slow]) {
      expect(err).toBeInstanceOf(WorkerCrashError);
      expect((err as WorkerCrashError).why).toBe('failed (out of cheese)');
    }
    expect((await crash).message).toBe('The test worker failed (out of cheese) while running throw-later. Try again: the next call starts a new worker.');
    expect((await slow).message).toContain('while running later');
    expect(await p.run('later', { ms: 1 })).toBe('done');
    expect(p.threadId).not.toBe(first);
    expect(p.starts).toBe(2);
  });

  it('fails the call when the worker exits, with its exit code, and recovers', async () => {
    const p = pool();
    const err = await caught(p.run('exit', { code: 3 }));
    expect(err).toBeInstanceOf(WorkerCrashError);
    expect(err.message).toMatch(/^The test worker stopped \(exit code 3\) while running exit\./);
    expect(await p.run('later', { ms: 1 })).toBe('done');
    expect(p.starts).toBe(2);
  });

  it('fails clearly, without hanging, when the worker cannot even start', async () => {
    const p = pool(new URL('./fixtures/no-such-worker.ts', import.meta.url));
    const err = await caught(p.run('thread', {}));
    expect(err).toBeInstanceOf(WorkerCrashError);
    expect(err.message).toMatch(/^The test worker failed \(.*no-such-worker.*\) while running thread\./);
  });

  it('fails the calls still running when it is stopped', async () => {
    const p = pool();
    const slow = caught(p.run('later', { ms: 5000 }));
    await p.run('thread', {});
    await p.terminate();
    const err = await slow;
    expect(err).toBeInstanceOf(WorkerCrashError);
    expect(err.message).toMatch(/^The test worker was stopped while running later\./);
    expect(p.threadId).toBeUndefined();
  });
});
