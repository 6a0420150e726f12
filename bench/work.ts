// Heavy-work bench (issue 8): how long `cases.list` takes through the core's API while an upload-profile export of
// 20 full-HD screenshots runs, against the same calls with nothing else running. Measured side by side in one run:
//   idle          cases.list alone
//   worker on     during `drafting.export` (upload profile): the PDF is built in the core's worker thread
//   worker off    the same export with REDRESS_WORKER=off: the PDF is built on the calling thread (the old way)
// Calls are due every --every ms on a fixed schedule (like IPC messages arriving from a window that keeps asking);
// each one's latency counts from when it was due, not from when a stalled loop got round to sending it, so a blocked
// main thread shows in the figures instead of hiding between the calls it delayed.
// The export alone is timed both ways too: what handing the work over costs.
//   npx tsx bench/work.ts [--cases 1000] [--shots 20] [--every 10] [--idle-ms 3000]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core';
import { coreWorker } from '../electron/core/work/run';
import { generate } from '../scripts/gen-cases';
import { makePng } from '../tests/pdf/support/images';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 1000);
const SHOTS = arg('shots', 20);
const EVERY = arg('every', 10);
const IDLE_MS = arg('idle-ms', 3000);

interface Stats {
  calls: number;
  p50: number;
  p95: number;
  max: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** Calls cases.list every EVERY ms from `start` until `end()` gives a time, and then the calls that fell due before
 * that time too (a stalled loop owes them); latency from each call's due time to its answer. */
async function listLatency(core: ReturnType<typeof createCore>, start: number, end: () => number | undefined): Promise<Stats> {
  const ms: number[] = [];
  for (let k = 0; ; k++) {
    const due = start + k * EVERY;
    const until = end();
    if (until !== undefined && due > until) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const res = await core.api.invoke('cases.list', {});
    if (!res.ok) throw new Error(res.error.message);
    ms.push(performance.now() - due);
  }
  ms.sort((a, b) => a - b);
  return { calls: ms.length, p50: pct(ms, 0.5), p95: pct(ms, 0.95), max: ms[ms.length - 1] };
}

const dir = mkdtempSync(join(tmpdir(), 'redress-bench-work-'));
try {
  const core = createCore({ dataDir: join(dir, 'data'), host: 'cli' });
  const made = generate(core, { cases: CASES, events: CASES * 5 });
  const c = await core.api.call('cases.create', { title: 'AI training – bench', country: 'GB', name: 'Maria Example', email: 'maria@example.org' });
  const src = join(dir, 'src');
  mkdirSync(src);
  const paths = Array.from({ length: SHOTS }, (_, i) => {
    const p = join(src, `screenshot-${i + 1}.png`);
    writeFileSync(p, makePng(1920, 1080, { look: i % 2 ? 'photo' : 'text', seed: i }));
    return p;
  });
  await core.api.call('evidence.add', { caseId: c.id, paths, kind: 'screenshot' });
  const exportUpload = () => core.api.call('drafting.export', { caseId: c.id, templateId: 'ico-complaint', format: 'pdf', profile: 'upload', values: { impact: 'My posts were used to train AI models.' }, anyway: true });

  // Warm-up: the statement cache, the worker (started, pdf-lib and fonts loaded) and the in-thread modules.
  for (let i = 0; i < 50; i++) await core.api.invoke('cases.list', {});
  await exportUpload();

  /** Runs one export while timing cases.list; the export's own time too. */
  async function during(workerOff: boolean): Promise<Stats & { exportMs: number; size: number }> {
    if (workerOff) process.env.REDRESS_WORKER = 'off';
    else delete process.env.REDRESS_WORKER;
    let finished: number | undefined;
    const t = performance.now();
    const job = exportUpload().finally(() => {
      finished = performance.now();
    });
    const stats = await listLatency(core, t, () => finished);
    const rec = await job;
    const exportMs = performance.now() - t;
    delete process.env.REDRESS_WORKER;
    return { ...stats, exportMs, size: rec.size };
  }

  /** The export with nothing else running: what handing the work to the worker costs or saves. */
  async function alone(workerOff: boolean): Promise<number> {
    if (workerOff) process.env.REDRESS_WORKER = 'off';
    const t = performance.now();
    await exportUpload();
    delete process.env.REDRESS_WORKER;
    return performance.now() - t;
  }
  const aloneOn = await alone(false);
  const aloneOff = await alone(true);

  const idleStart = performance.now();
  const idle = await listLatency(core, idleStart, () => idleStart + IDLE_MS);
  const on = await during(false);
  const off = await during(true);
  const starts = coreWorker().starts;
  core.close();
  await coreWorker().terminate();

  const f = (n: number) => n.toFixed(2).padStart(9);
  const x = (n: number, base: number) => `${(n / base).toFixed(1)}x`.padStart(9);
  console.log(`cases.list over ${made.cases.toLocaleString('en-GB')} cases, due every ${EVERY} ms; export: upload profile (3 MB), ${SHOTS} screenshots 1920x1080 imported as evidence`);
  const sec = (n: number) => `${(n / 1000).toFixed(2)} s`;
  console.log(`export alone: worker on ${sec(aloneOn)}, worker off ${sec(aloneOff)} (on/off ${(aloneOn / aloneOff).toFixed(2)}); PDF ${(on.size / 1_048_576).toFixed(2)} MB`);
  console.log(`export while cases.list is called: worker on ${sec(on.exportMs)}, worker off ${sec(off.exportMs)} (the calls a stalled loop owes run in pdf-lib's pauses); worker started ${starts} time(s)\n`);
  console.log(`${'cases.list latency'.padEnd(28)}${'calls'.padStart(7)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}${'p50/idle'.padStart(9)}${'p95/idle'.padStart(9)}${'max/idle'.padStart(9)}`);
  for (const [name, s] of [
    ['idle', idle],
    ['during export, worker on', on],
    ['during export, worker off', off],
  ] as const) {
    console.log(`${name.padEnd(28)}${String(s.calls).padStart(7)}${f(s.p50)}${f(s.p95)}${f(s.max)}${x(s.p50, idle.p50)}${x(s.p95, idle.p95)}${x(s.max, idle.max)}`);
  }
  console.log(`\nworker off / worker on during export: p50 ${(off.p50 / on.p50).toFixed(0)}x, p95 ${(off.p95 / on.p95).toFixed(0)}x, max ${(off.max / on.max).toFixed(0)}x slower`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
