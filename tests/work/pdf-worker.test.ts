// The PDF functions through the core's worker thread: the same bytes and the same errors as building in the calling
// thread, the caller's input left usable, and a worker that dies replaced on the next call.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPdf, buildPdfInThread, PdfBuildError, type ExhibitInput, type PdfInput } from '../../electron/core/pdf/build';
import { ImageError } from '../../electron/core/pdf/png';
import { buildWithinBudget, buildWithinBudgetInThread } from '../../electron/core/pdf/upload';
import { WORK_ERRORS } from '../../electron/core/work/errors';
import { WorkerCrashError, WorkerPool } from '../../electron/core/work/pool';
import { coreWorker } from '../../electron/core/work/run';
import { copyForTransfer } from '../../electron/core/work/transfer';
import { makePng } from '../pdf/support/images';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const JPEG = readFileSync(join(import.meta.dirname, '..', 'pdf', 'fixtures', 'setting-on.jpg'));
const caught = (p: Promise<unknown>, what = '') => p.then(
  () => {
    throw new Error(`expected a rejection ${what}`);
  },
  (e: unknown) => e as Error,
);

function exhibit(n: number, bytes: Uint8Array, mime: string): ExhibitInput {
  return {
    number: n,
    title: `Screenshot ${n}`,
    kind: 'screenshot',
    addedAt: '2026-04-30T10:00:00.000Z',
    sha256: sha(bytes),
    screenshot: { bytes, mime },
    original: { bytes, filename: `shot-${n}.${mime === 'image/png' ? 'png' : 'jpg'}`, mime },
  };
}

function input(exhibits: ExhibitInput[], o: Partial<PdfInput> = {}): PdfInput {
  return {
    title: 'Complaint to the ICO',
    author: 'Maria Example',
    subject: 'Complaint: LinkedIn Ireland Unlimited Company',
    creator: 'Redress test',
    createdAt: new Date('2026-05-01T08:00:00Z'),
    letter: `Maria Example\n\n## What happened\n\n${'LinkedIn used my posts to train its AI models without asking me. '.repeat(20)}`,
    exhibits,
    attachOriginals: true,
    profileNote: 'Test appendix.',
    ...o,
  };
}

const shots = [
  makePng(1280, 720, { look: 'text', seed: 1 }),
  makePng(1280, 720, { look: 'photo', seed: 2 }),
  makePng(600, 400, { alpha: true, seed: 3 }),
];
const exhibits = [...shots.map((b, i) => exhibit(i + 1, b, 'image/png')), exhibit(4, JPEG, 'image/jpeg')];
const hashes = () => exhibits.map((e) => sha(e.screenshot!.bytes));
const before = hashes();

afterAll(() => coreWorker().terminate());

describe('buildPdf and buildWithinBudget in the worker', () => {
  it('make, byte for byte, what the in-thread build makes, in another thread, leaving the caller its bytes', async () => {
    const r = await buildPdf(input(exhibits));
    expect(coreWorker().threadId).toBeDefined();
    expect(coreWorker().threadId).not.toBe(threadId);
    const local = await buildPdfInThread(input(exhibits));
    expect(Buffer.from(r.bytes).equals(Buffer.from(local.bytes))).toBe(true);
    expect(r).toEqual({ ...local, bytes: r.bytes });
    expect(r.attachments).toBe(4);
    expect(r.bytes).toBeInstanceOf(Uint8Array);

    const budget = 400_000;
    const up = await buildWithinBudget(input(exhibits, { attachOriginals: false }), budget);
    const upLocal = await buildWithinBudgetInThread(input(exhibits, { attachOriginals: false }), budget);
    expect(up.reencoded).toBeGreaterThan(0);
    expect(up.bytes.length).toBeLessThanOrEqual(budget);
    expect(Buffer.from(up.bytes).equals(Buffer.from(upLocal.bytes))).toBe(true);
    expect(up).toEqual({ ...upLocal, bytes: up.bytes });

    // Nothing the caller passed was moved away or changed.
    expect(hashes()).toEqual(before);
    expect(coreWorker().starts).toBe(1);
  });

  it('fail with the same error class and message as the in-thread build', async () => {
    const cases: [string, () => Promise<unknown>, () => Promise<unknown>, new (m: string) => Error][] = [
      ['a letter the font cannot show', () => buildPdf(input([], { letter: '王小明 Wang' })), () => buildPdfInThread(input([], { letter: '王小明 Wang' })), PdfBuildError],
      ['a damaged image', () => buildPdf(input([exhibit(1, Buffer.from('not an image'), 'image/png')])), () => buildPdfInThread(input([exhibit(1, Buffer.from('not an image'), 'image/png')])), PdfBuildError],
      ['a budget the letter alone breaks', () => buildWithinBudget(input(exhibits), 2_000), () => buildWithinBudgetInThread(input(exhibits), 2_000), PdfBuildError],
    ];
    // Noise cannot be compressed at any scale: no step of the ladder fits it.
    const noise = input([1, 2, 3].map((n) => exhibit(n, makePng(1280, 720, { look: 'noise', seed: n }), 'image/png')));
    cases.push(['a budget no step can meet', () => buildWithinBudget(noise, 120_000), () => buildWithinBudgetInThread(noise, 120_000), PdfBuildError]);
    const damaged = Buffer.from(makePng(200, 100));
    damaged[damaged.length - 20] ^= 0xff; // its IDAT CRC no longer matches: the upload profile's size check throws ImageError
    cases.push(['a damaged PNG in the upload profile', () => buildWithinBudget(input([exhibit(1, damaged, 'image/png')]), 1e6), () => buildWithinBudgetInThread(input([exhibit(1, damaged, 'image/png')]), 1e6), ImageError]);
    for (const [what, worker, local, cls] of cases) {
      const [a, b] = [await caught(worker(), `in the worker: ${what}`), await caught(local(), `in the thread: ${what}`)];
      expect(b, what).toBeInstanceOf(cls);
      expect(a, what).toBeInstanceOf(cls);
      expect(a.constructor, what).toBe(b.constructor);
      expect(a.message, what).toBe(b.message);
    }
    expect(coreWorker().starts).toBe(1); // errors are answers, not crashes
  });

  it('turn a worker stopped mid-build into a PdfBuildError, and the next export starts a new worker', async () => {
    const big = input(Array.from({ length: 6 }, (_, i) => exhibit(i + 1, makePng(1920, 1080, { look: 'photo', seed: i }), 'image/png')), { attachOriginals: false });
    await buildPdf(input([])); // the worker is up
    const first = coreWorker().threadId;
    const starts = coreWorker().starts;
    const pending = caught(buildWithinBudget(big, 1_000_000));
    await new Promise((r) => setTimeout(r, 200));
    await coreWorker().terminate();
    const err = await pending;
    expect(err).toBeInstanceOf(PdfBuildError);
    expect(err.message).toBe(
      'The PDF could not be made: the background worker that builds it was stopped. Try the export again (a new worker starts); if it fails again, export fewer or smaller exhibits.',
    );
    expect((err as Error & { cause?: unknown }).cause).toBeInstanceOf(WorkerCrashError);
    const r = await buildWithinBudget(big, 1_000_000);
    expect(r.bytes.length).toBeLessThanOrEqual(1_000_000);
    expect(coreWorker().threadId).not.toBe(first);
    expect(coreWorker().starts).toBe(starts + 1);
  });
});

describe('the real core worker when it dies', () => {
  const pool = new WorkerPool({ name: 'background worker', entry: new URL('./fixtures/crashing-core-worker.ts', import.meta.url), errors: WORK_ERRORS });
  afterAll(() => pool.terminate());
  const send = (i: PdfInput) => {
    const { value, transfer } = copyForTransfer(i);
    return pool.run<{ bytes: Uint8Array; pages: number }>('pdf.build', value, transfer);
  };

  it('fails the build with the cause, then answers on a new worker', async () => {
    const ok = await send(input([exhibit(1, shots[0], 'image/png')]));
    expect(ok.pages).toBeGreaterThan(1);
    const first = pool.threadId;
    for (const [title, why] of [['EXIT', 'stopped (exit code 70)'], ['THROW', 'failed (out of cheese)']]) {
      const err = await caught(send(input([], { title })));
      expect(err).toBeInstanceOf(WorkerCrashError);
      expect(err.message).toBe(`The background worker ${why} while running pdf.build. Try again: the next call starts a new worker.`);
      const again = await send(input([exhibit(1, shots[0], 'image/png')]));
      expect(Buffer.from(again.bytes).equals(Buffer.from(ok.bytes))).toBe(true);
    }
    expect(pool.threadId).not.toBe(first);
    expect(pool.starts).toBe(3);
  });
});
