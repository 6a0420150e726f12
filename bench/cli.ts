// CLI start-up bench: `redress case list` on a small data folder, prebuilt (dist-cli, what `npm install` and
// `npm run build` ship) and through tsx (REDRESS_CLI=source, what a checkout with edited sources runs), against a
// bare `node -e 0`, taken in turns in one run so a busy machine weighs on all alike. Aim: at most 6x a bare node.
//   npx tsx bench/cli.ts [--runs 15]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'redress.mjs');
const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 15;
const AIM = 6;

execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
const dir = mkdtempSync(join(tmpdir(), 'redress-bench-cli-'));
const env = (extra: Record<string, string> = {}) => {
  const e: Record<string, string | undefined> = { ...process.env, ...extra };
  if (!extra.REDRESS_CLI) delete e.REDRESS_CLI;
  return e;
};
try {
  for (const name of ['Zofia Łukasiewicz', 'Νίκος Παπαδόπουλος', 'Maria Müller']) {
    const r = spawnSync(process.execPath, [BIN, '--data-dir', dir, 'case', 'create', '--title', 'Objection', '--country', 'DE', '--name', name, '--email', 'm@example.org'], { env: env() });
    if (r.status !== 0) throw new Error(`case create failed: ${r.stderr}`);
  }
  const cases: [string, string[], Record<string, string>][] = [
    ['node -e 0 (bare node start)', ['-e', '0'], {}],
    ['redress case list, prebuilt (dist-cli)', [BIN, '--data-dir', dir, 'case', 'list'], {}],
    ['redress case list, through tsx (source)', [BIN, '--data-dir', dir, 'case', 'list'], { REDRESS_CLI: 'source' }],
  ];
  const times = cases.map(() => [] as number[]);
  for (let run = -1; run < RUNS; run++) {
    cases.forEach(([, args, extra], k) => {
      const t = performance.now();
      const r = spawnSync(process.execPath, args, { env: env(extra), stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = performance.now() - t;
      if (r.status !== 0) throw new Error(`${cases[k][0]} failed: ${r.stderr}`);
      if (run >= 0) times[k].push(ms); // run -1 warms the page cache
    });
  }
  // The launcher runs the bundle only while no source is newer: say so if a source changed during the run.
  const built = statSync(join(ROOT, 'dist-cli', 'redress.mjs')).mtimeMs;
  const inputs = JSON.parse(readFileSync(join(ROOT, 'dist-cli', 'inputs.json'), 'utf8')) as string[];
  const stale = inputs.filter((f) => (statSync(join(ROOT, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > built);

  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const min = (a: number[]) => Math.min(...a);
  const base = median(times[0]);
  console.log(`\nCLI start-up: ${RUNS} runs each, in turns; a data folder with 3 cases\n`);
  console.log(`${'command'.padEnd(42)} ${'median ms'.padStart(10)} ${'min ms'.padStart(8)} ${'x node'.padStart(7)}`);
  cases.forEach(([name], k) =>
    console.log(`${name.padEnd(42)} ${median(times[k]).toFixed(0).padStart(10)} ${min(times[k]).toFixed(0).padStart(8)} ${(median(times[k]) / base).toFixed(1).padStart(7)}`),
  );
  const ratio = median(times[1]) / base;
  console.log(`\naim: prebuilt at most ${AIM}x a bare node start: ${ratio <= AIM ? 'OK' : 'OVER'} (${ratio.toFixed(1)}x); tsx is ${(median(times[2]) / median(times[1])).toFixed(1)}x the prebuilt`);
  if (stale.length) console.log(`note: ${stale.length} source(s) changed during the run (${stale.slice(0, 3).join(', ')}), so some prebuilt runs went through tsx`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
