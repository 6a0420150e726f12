// Tracking bench: 10,000 cases and 100,000 events in a temp data folder; the dashboard query and searches timed
// against a bare indexed SQLite lookup in the same run; then the dashboard's first render in the browser host.
//   npx tsx bench/tracking.ts [--cases 10000] [--events 100000] [--runs 200] [--no-browser]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createCore } from '../electron/core';
import { dashboard } from '../electron/core/tracking/dashboard';
import { exportCsv, exportIcs } from '../electron/core/tracking/export';
import { dueReminders } from '../electron/core/tracking/reminders';
import { getTracking, todayOf } from '../electron/core/tracking/service';
import { startHost } from '../electron/host/server';
import { generate } from '../scripts/gen-cases';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const CASES = Number(arg('cases', '10000'));
const EVENTS = Number(arg('events', '100000'));
const RUNS = Number(arg('runs', '200'));

function time(fn: () => unknown): { median: number; p95: number } {
  for (let i = 0; i < 5; i++) fn(); // warm the statement cache and the page cache
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], p95: ms[Math.floor(ms.length * 0.95)] };
}

const dir = mkdtempSync(join(tmpdir(), 'redress-bench-'));
try {
  let t = performance.now();
  const setup = createCore({ dataDir: dir, host: 'cli' });
  const made = generate(setup, { cases: CASES, events: EVENTS });
  setup.close();
  const genMs = performance.now() - t;
  t = performance.now();
  const core = createCore({ dataDir: dir, host: 'cli' });
  const openMs = performance.now() - t;
  const db = core.ctx.db;
  const today = todayOf(core.ctx.clock);
  const ids = (db.prepare('SELECT id FROM cases').all() as { id: string }[]).map((r) => r.id);
  let k = 0;
  const byId = db.prepare('SELECT * FROM cases WHERE id = ?');

  const rows: [string, { median: number; p95: number }][] = [];
  const base = time(() => byId.get(ids[k++ % ids.length]));
  rows.push(['bare indexed lookup (cases by id)', base]);
  rows.push(['dashboard: first 200 rows + counts', time(() => dashboard(db, { offset: 0, limit: 200 }, today))]);
  rows.push(['dashboard through the api (zod + handler)', time(() => void core.api.call('tracking.dashboard', {}))]);
  rows.push(['dashboard: rows 9,800-10,000', time(() => dashboard(db, { offset: Math.max(0, CASES - 200), limit: 200 }, today))]);
  rows.push(['dashboard: country GB + status filter', time(() => dashboard(db, { country: 'GB', status: 'request_sent', offset: 0, limit: 200 }, today))]);
  rows.push(['search: name "łukasiewicz" (many hits)', time(() => dashboard(db, { q: 'łukasiewicz', offset: 0, limit: 200 }, today))]);
  rows.push(['search: reference "LI-105000" (one hit)', time(() => dashboard(db, { q: 'LI-105000', offset: 0, limit: 200 }, today))]);
  rows.push(['search: no hit', time(() => dashboard(db, { q: 'no such person', offset: 0, limit: 200 }, today))]);
  rows.push(['reminders (passed or within 3 days)', time(() => dueReminders(core.ctx, 3, 100))]);
  rows.push(['one case: events + deadlines + next step', time(() => getTracking(core.ctx, ids[k++ % ids.length]))]);
  const few = (fn: () => unknown) => {
    const ms = [0, 1, 2].map(() => {
      const s = performance.now();
      fn();
      return performance.now() - s;
    });
    return { median: ms.sort((a, b) => a - b)[1], p95: ms[2] };
  };
  rows.push(['export: all cases as CSV (3 runs)', few(() => exportCsv(core.ctx, {}))]);
  {
    const s = performance.now();
    const ics = await exportIcs(core.ctx);
    const ms = performance.now() - s;
    const n = (ics.content.match(/BEGIN:VEVENT/g) ?? []).length;
    rows.push([`export: ${n.toLocaleString('en-GB')} open deadlines as .ics (1 run)`, { median: ms, p95: ms }]);
  }

  console.log(`\nTracking bench: ${made.cases.toLocaleString('en-GB')} cases, ${made.events.toLocaleString('en-GB')} events, ${RUNS} runs each`);
  console.log(`fixture written in ${(genMs / 1000).toFixed(1)} s; core opened (migrate + stale check) in ${openMs.toFixed(0)} ms\n`);
  console.log(`${'query'.padEnd(44)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)} ${'x lookup'.padStart(9)}`);
  for (const [name, r] of rows) {
    console.log(`${name.padEnd(44)} ${r.median.toFixed(3).padStart(10)} ${r.p95.toFixed(3).padStart(8)} ${(r.median / base.median).toFixed(0).padStart(9)}`);
  }
  const dash = rows[1][1].median;
  const search = rows[5][1].median;
  console.log(`\nbudget 20 ms at the median: dashboard ${dash < 20 ? 'OK' : 'OVER'} (${dash.toFixed(2)} ms), search ${search < 20 ? 'OK' : 'OVER'} (${search.toFixed(2)} ms)`);

  const staticDir = join(import.meta.dirname, '..', 'dist', 'renderer');
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (process.argv.includes('--no-browser')) console.log('first render: skipped (--no-browser)');
  else if (!existsSync(join(staticDir, 'index.html'))) console.log('first render: skipped, build the renderer first (npx vite build)');
  else if (!existsSync(chromiumPath)) console.log(`first render: skipped, no Chromium at ${chromiumPath}`);
  else {
    const host = await startHost({ core, staticDir });
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const times: number[] = [];
    let rendered = 0;
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      const start = performance.now();
      await page.goto(host.url);
      await page.locator('table.cases tbody tr[aria-rowindex] a').first().waitFor();
      times.push(performance.now() - start);
      rendered = await page.locator('table.cases tbody tr[aria-rowindex]').count();
      await page.close();
    }
    await browser.close();
    await host.close();
    times.sort((a, b) => a - b);
    const median = times[2];
    console.log(
      `first render of the dashboard (navigation to first row, median of 5): ${median.toFixed(0)} ms; ${rendered} of ${made.cases.toLocaleString('en-GB')} rows in the DOM; ${median < 1000 ? 'OK' : 'OVER'} against 1 s`,
    );
  }
  core.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
