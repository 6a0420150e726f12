// Policy watch bench (issue 11): `watch.run` over 100 local policy pages against a bare fetch of the same pages (same
// concurrency, body read as text, nothing else), and memory (heapUsed / RSS after a GC) across three watch runs:
//   run 1  the baseline (every page parsed, a snapshot and a raw page stored per document)
//   run 2  nothing changed (every page parsed and compared, nothing stored but the check)
//   run 3  every tenth page gained an AI-training sentence (diff + AI phrases on those)
// Each run is made twice in the same process, on two data folders: with the pages parsed in the core's worker (as the
// app does) and in the calling thread (REDRESS_WORKER=off, how it was before), with the longest stall of this thread's
// event loop during the run: the worker should cost little per document and take the stalls away.
// Screenshots are off for those rows (REDRESS_WATCH_SCREENSHOTS=off); one more row gives their cost on a baseline of
// --shots pages (Chromium, offline, one browser per run).
// The pages are served by a separate Node process on 127.0.0.1 so its work does not weigh on the measured one.
//   npx tsx bench/watch.ts [--docs 100] [--rounds 3] [--shots 20]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCore } from '../electron/core';
import { WATCH_CONCURRENCY } from '../electron/core/watch/run';
import { ticking } from '../tests/support/ticker';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DOCS = arg('docs', 100);
const ROUNDS = arg('rounds', 3);
const SHOTS = arg('shots', 20);
process.env.REDRESS_WATCH_SCREENSHOTS = 'off';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// The page server: /p/N is a policy page of about 25 KB with navigation, a cookie banner and a footer; after a POST to
// /change, every tenth page carries one more sentence.
const SERVER = `
const http = require('node:http');
let changed = false;
const para = (n, i) => '<p>Section ' + i + ' of policy ' + n + '. We process the information you provide when you use the service, to run it, secure it and improve it. You can object at any time in your settings or by writing to our data protection officer.</p>';
const page = (n) => '<!doctype html><html lang="en"><head><title>Policy ' + n + '</title><script>var x = 1;</script></head><body>' +
  '<header><a href="/">Example ' + n + '</a></header><nav><ul>' + Array.from({ length: 30 }, (_, i) => '<li><a href="/n' + i + '">Link ' + i + '</a></li>').join('') + '</ul></nav>' +
  '<div id="onetrust-banner-sdk"><p>We use cookies.</p><button>Accept</button></div><main><h1>Privacy Policy</h1>' +
  Array.from({ length: 60 }, (_, i) => para(n, i)).join('') +
  (changed && n % 10 === 0 ? '<p>We may use your posts to develop and train artificial intelligence (AI) models.</p>' : '') +
  '</main><footer><p>© 2026 Example ' + n + '. All rights reserved.</p></footer></body></html>';
const s = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/change') { changed = true; return res.end('ok'); }
  const m = /^\\/p\\/(\\d+)$/.exec(req.url || '');
  if (!m) { res.statusCode = 404; return res.end(); }
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(page(Number(m[1])));
});
s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));
`;

const server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<number>((resolve, reject) => {
  server.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
  server.once('exit', (code) => reject(new Error(`page server exited (${code})`)));
});
const base = `http://127.0.0.1:${port}`;
const urls = Array.from({ length: DOCS }, (_, i) => `${base}/p/${i}`);

async function bareFetch(): Promise<number> {
  const t = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const res = await fetch(urls[next++]);
      await res.text();
    }
  };
  await Promise.all(Array.from({ length: WATCH_CONCURRENCY }, worker));
  return performance.now() - t;
}

const mem = () => {
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed / 1024 / 1024, rss: m.rss / 1024 / 1024 };
};

const dir = mkdtempSync(join(tmpdir(), 'redress-bench-watch-'));
try {
  const inWorker = createCore({ dataDir: join(dir, 'worker'), host: 'cli' });
  const inThread = createCore({ dataDir: join(dir, 'thread'), host: 'cli' });
  for (const url of urls) {
    await inWorker.api.call('watch.add', { url });
    await inThread.api.call('watch.add', { url });
  }
  // Warm-up: the HTTP agent's connections, jsdom and Readability loaded, here and in the worker (a throwaway core).
  const warm = createCore({ dataDir: join(dir, 'warm'), host: 'cli' });
  await warm.api.call('watch.add', { url: urls[0] });
  await warm.api.call('watch.run', { force: true });
  process.env.REDRESS_WORKER = 'off';
  await warm.api.call('watch.run', { force: true });
  delete process.env.REDRESS_WORKER;
  warm.close();
  await bareFetch();

  const bare: number[] = [];
  for (let r = 0; r < ROUNDS; r++) bare.push(await bareFetch());
  bare.sort((a, b) => a - b);
  const bareMs = bare[Math.floor(bare.length / 2)];

  const before = mem();
  type Row = { name: string; ms: number; maxGap: number; heap: number; rss: number; outcomes: string };
  const rows: { worker: Row; thread: Row }[] = [];
  const measure = async (core: typeof inWorker, name: string): Promise<Row> => {
    const { result, ms, maxGap } = await ticking(() => core.api.call('watch.run', { force: true }), { everyMs: 5 });
    const counts = new Map<string, number>();
    for (const x of result) counts.set(x.outcome + (x.aiRelated ? ' (AI)' : ''), (counts.get(x.outcome + (x.aiRelated ? ' (AI)' : '')) ?? 0) + 1);
    return { name, ms, maxGap, ...mem(), outcomes: [...counts].map(([k, v]) => `${v} ${k}`).join(', ') };
  };
  for (const [r, name] of ['baseline', 'no change', '1 in 10 changed'].entries()) {
    if (r === 2) await fetch(`${base}/change`, { method: 'POST' }).then((res) => res.text());
    const worker = await measure(inWorker, name);
    process.env.REDRESS_WORKER = 'off';
    const thread = await measure(inThread, name);
    delete process.env.REDRESS_WORKER;
    rows.push({ worker, thread });
  }
  inWorker.close();
  inThread.close();

  // Screenshots: a baseline of SHOTS pages with them, against the same without (both parsed in the worker).
  const shotUrls = urls.slice(0, Math.min(SHOTS, urls.length));
  const withShots = createCore({ dataDir: join(dir, 'shots'), host: 'cli' });
  const noShots = createCore({ dataDir: join(dir, 'noshots'), host: 'cli' });
  for (const url of shotUrls) {
    await withShots.api.call('watch.add', { url });
    await noShots.api.call('watch.add', { url });
  }
  const tNo = await ticking(() => noShots.api.call('watch.run', {}), { everyMs: 5 });
  process.env.REDRESS_WATCH_SCREENSHOTS = 'on';
  const tShots = await ticking(() => withShots.api.call('watch.run', {}), { everyMs: 5 });
  process.env.REDRESS_WATCH_SCREENSHOTS = 'off';
  const shotRows = withShots.ctx.db.prepare('SELECT count(*) AS n, avg(shot_size) AS size FROM watch_snapshots WHERE shot_sha256 IS NOT NULL').get() as { n: number; size: number | null };
  withShots.close();
  noShots.close();

  const kb = Math.round((await (await fetch(urls[1])).text()).length / 1024);
  console.log(`\nPolicy watch: ${DOCS} local pages of ${kb} KB, ${WATCH_CONCURRENCY} at a time; parsed in the core's worker vs in this thread\n`);
  console.log(`${'run'.padEnd(28)} ${'total ms'.padStart(9)} ${'ms/doc'.padStart(7)} ${'x fetch'.padStart(8)} ${'stall ms'.padStart(9)} ${'heap MB'.padStart(8)} ${'RSS MB'.padStart(7)}  outcomes`);
  console.log(`${'bare fetch (median)'.padEnd(28)} ${bareMs.toFixed(0).padStart(9)} ${(bareMs / DOCS).toFixed(2).padStart(7)} ${'1.0'.padStart(8)} ${''.padStart(9)} ${before.heap.toFixed(1).padStart(8)} ${before.rss.toFixed(0).padStart(7)}`);
  const line = (label: string, r: Row) =>
    console.log(`${label.padEnd(28)} ${r.ms.toFixed(0).padStart(9)} ${(r.ms / DOCS).toFixed(2).padStart(7)} ${(r.ms / bareMs).toFixed(1).padStart(8)} ${r.maxGap.toFixed(0).padStart(9)} ${r.heap.toFixed(1).padStart(8)} ${r.rss.toFixed(0).padStart(7)}  ${r.outcomes}`);
  for (const r of rows) {
    line(`${r.worker.name}: worker`, r.worker);
    line(`${r.thread.name}: in thread`, r.thread);
  }
  console.log('\nworker / in-thread, per document (1.00 = the same time):');
  for (const r of rows) {
    console.log(`  ${r.worker.name.padEnd(18)} time x${(r.worker.ms / r.thread.ms).toFixed(2)}   longest stall ${r.worker.maxGap.toFixed(0)} ms vs ${r.thread.maxGap.toFixed(0)} ms (x${(r.worker.maxGap / r.thread.maxGap).toFixed(2)})`);
  }
  const growth = rows[rows.length - 1].worker.heap - rows[0].worker.heap;
  console.log(`\nheap after run 3 vs run 1 (worker core): ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB (flat: a run leaves nothing behind)`);
  const n = shotUrls.length;
  console.log(
    `\nscreenshots (baseline of ${n} pages): ${(tShots.ms / n).toFixed(0)} ms/doc with, ${(tNo.ms / n).toFixed(0)} ms/doc without (x${(tShots.ms / tNo.ms).toFixed(1)}); ` +
      `${shotRows.n} kept, ${Math.round((shotRows.size ?? 0) / 1024)} KB each on average; made only for a baseline or a changed text`,
  );
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
