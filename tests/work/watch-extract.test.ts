// Issue 11: the watch parses each fetched page with jsdom, which on a big policy page takes long enough to stall the
// Electron main process or the browser host. It runs in the core's worker: the same text comes back, and a ticker on
// this (the main) thread keeps ticking meanwhile; parsed in this thread, it stops. Measured in one test as ratios.
import { afterAll, expect, it } from 'vitest';
import { extractPage, type ExtractInput } from '../../electron/core/watch/extract';
import { coreWorker, runTask } from '../../electron/core/work/run';
import { copyForTransfer } from '../../electron/core/work/transfer';
import { ticking } from '../support/ticker';

afterAll(() => coreWorker().terminate());

const para = (i: number) =>
  `<p>Section ${i}. We process the information you provide when you use the service, to run it, secure it and improve it; you can object at any time in your settings or by writing to our data protection officer.</p>`;
const bigPage = `<!doctype html><html><head><title>Policy</title></head><body><nav>${'<a href="/x">Link</a>'.repeat(200)}</nav><main><h1>Privacy Policy</h1>${Array.from({ length: 6000 }, (_, i) => para(i)).join('')}</main><footer>© 2026 Example</footer></body></html>`;

it('parses a big watched page in the worker: the same text, and this thread keeps ticking', async () => {
  const input: ExtractInput = { body: Buffer.from(bigPage, 'utf8'), contentType: 'text/html; charset=utf-8', url: 'https://example.org/privacy', select: [], remove: [] };
  // Warm both sides (jsdom loaded in each thread).
  extractPage({ ...input, body: Buffer.from('<main><p>x</p></main>') });
  await runTask('watch.extract', { ...input, body: new Uint8Array(Buffer.from('<main><p>x</p></main>')) });

  const inThread = await ticking(async () => extractPage(input), { warmUpMs: 10 });
  const inWorker = await ticking(async () => {
    const { value, transfer } = copyForTransfer(input);
    return runTask('watch.extract', value, transfer);
  }, { warmUpMs: 10 });
  expect(inWorker.result).toEqual(inThread.result);
  expect(inWorker.result.via).toBe('main');
  expect(inWorker.result.text.split('\n\n')).toHaveLength(6001);
  // The caller's bytes are still there (copied for the worker, not moved away).
  expect(input.body.byteLength).toBe(Buffer.byteLength(bigPage));

  console.log(
    `watch.extract of a ${(bigPage.length / 1024 / 1024).toFixed(1)} MB page: in this thread ${inThread.ms.toFixed(0)} ms (longest stall ${inThread.maxGap.toFixed(0)} ms), ` +
      `in the worker ${inWorker.ms.toFixed(0)} ms (longest stall ${inWorker.maxGap.toFixed(0)} ms)`,
  );
  expect(inThread.maxGap).toBeGreaterThan(150);
  expect(inWorker.maxGap).toBeLessThan(inThread.maxGap / 3);
}, 120_000);

it("the app's hosts parse watched pages in the worker; a short run from the command line does not start it", async () => {
  const { createCore } = await import('../../electron/core/index');
  const { tempDir } = await import('../support/tmp');
  const { fixtureServer, policyPage } = await import('../watch/support');
  const fx = await fixtureServer();
  fx.routes.set('/p', { body: policyPage({ paragraphs: ['We collect your profile.', 'We share it with partners.'] }) });
  const runOn = async (host: 'cli' | 'browser') => {
    await coreWorker().terminate();
    expect(coreWorker().threadId).toBeUndefined();
    const core = createCore({ dataDir: tempDir(), host });
    try {
      await core.api.call('watch.add', { url: `${fx.base}/p` });
      const [c] = await core.api.call('watch.run', {});
      expect(c.baseline).toBe(true);
    } finally {
      core.close();
    }
    return coreWorker().threadId !== undefined;
  };
  expect(await runOn('browser')).toBe(true);
  expect(await runOn('cli')).toBe(false);
}, 120_000);
