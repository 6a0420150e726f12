import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchCheck, WatchedDocument } from '../../electron/core/contract/watch';
import { runWatch } from '../../electron/core/watch/run';
import { tempCore, tempDir } from '../support/tmp';
import { movableClock, policyPage } from './support';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

/**
 * Policy pages, counting every request per path. With `barrier`, no page is answered until that many requests are
 * waiting (or 60 s passed): more than one run fetches at once (4), so the first answers wait until a second run is
 * fetching too, however slowly the two processes started.
 */
async function slowServer(barrier = 0) {
  const hits = new Map<string, number>();
  const waiting: (() => void)[] = [];
  let open = barrier === 0;
  const release = () => {
    open = true;
    for (const w of waiting.splice(0)) w();
  };
  const timer = setTimeout(release, 60_000);
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const answer = () => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(policyPage({ paragraphs: [`Policy ${path}: we collect what you give us.`, 'We share it with our processors.'] }));
    };
    if (open) return answer();
    waiting.push(answer);
    if (waiting.length >= barrier) release();
  });
  closers.push(async () => clearTimeout(timer));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

describe('two watch runs at once on one data folder', () => {
  it('two real `redress watch run` processes share the due documents: each page is fetched once and checked once', async () => {
    const srv = await slowServer(6);
    const dir = tempDir();
    const redress = (...args: string[]) => run(process.execPath, [join(root, 'bin', 'redress.mjs'), '--data-dir', dir, ...args], { cwd: root, timeout: 120_000 });
    const N = 8;
    const setup = tempCore({ dataDir: dir });
    for (let i = 0; i < N; i++) await setup.api.call('watch.add', { url: `${srv.base}/p/${i}` });
    setup.close();

    const t = performance.now();
    const [a, b] = await Promise.all([redress('watch', 'run', '--json'), redress('watch', 'run', '--json')]);
    // The pages were answered once both runs were fetching, not after the server's 60-second fallback.
    expect(performance.now() - t).toBeLessThan(55_000);
    const ra = JSON.parse(a.stdout) as WatchCheck[];
    const rb = JSON.parse(b.stdout) as WatchCheck[];

    // Every page asked for exactly once, whichever run took it.
    expect([...srv.hits.keys()].sort()).toEqual(Array.from({ length: N }, (_, i) => `/p/${i}`).sort());
    expect([...srv.hits.values()].every((n) => n === 1)).toBe(true);
    // Between them, one baseline per document, none twice; both runs did some of the work.
    const ids = [...ra, ...rb].map((c) => c.id);
    expect(new Set(ids).size).toBe(N);
    expect(ids).toHaveLength(N);
    expect([...ra, ...rb].every((c) => c.baseline)).toBe(true);
    expect(ra.length).toBeGreaterThan(0);
    expect(rb.length).toBeGreaterThan(0);

    const { db } = tempCore({ dataDir: dir }).ctx;
    {
      expect((db.prepare('SELECT count(*) AS n FROM watch_checks').get() as { n: number }).n).toBe(N);
      expect((db.prepare('SELECT count(*) AS n FROM watch_snapshots').get() as { n: number }).n).toBe(N);
      // Every lease given back.
      expect((db.prepare('SELECT count(*) AS n FROM watch_documents WHERE claimed_until IS NOT NULL OR claimed_by IS NOT NULL').get() as { n: number }).n).toBe(0);
    }
  }, 180_000);

  it("skips a document another run holds, and takes it once that run's lease has run out (a crashed run)", async () => {
    const srv = await slowServer();
    const clock = movableClock('2026-05-01T10:00:00.000Z');
    const core = tempCore({ clock });
    const doc = (await core.api.call('watch.add', { url: `${srv.base}/held` })) as WatchedDocument;
    const hold = (until: string) => core.ctx.db.prepare("UPDATE watch_documents SET claimed_until = ?, claimed_by = 'wr_other' WHERE id = ?").run(until, doc.id);

    hold('2026-05-01T10:05:00.000Z');
    expect(((await core.api.call('watch.list', {})) as WatchedDocument[])[0].checking).toBe(true);
    expect(await runWatch(core.ctx, { screenshots: false })).toEqual([]);
    expect(await runWatch(core.ctx, { screenshots: false, force: true })).toEqual([]);
    expect(srv.hits.size).toBe(0);

    clock.advance(6 * 60_000); // the other run's lease ran out: it crashed, or hangs
    expect(((await core.api.call('watch.list', {})) as WatchedDocument[])[0].checking).toBe(false);
    const [c] = await runWatch(core.ctx, { screenshots: false });
    expect(c).toMatchObject({ id: doc.id, baseline: true });
    expect(srv.hits.get('/held')).toBe(1);
    expect(core.ctx.db.prepare('SELECT claimed_until, claimed_by FROM watch_documents WHERE id = ?').get(doc.id)).toEqual({ claimed_until: null, claimed_by: null });
  });

  it('`redress watch run` says which pages it left to another run, instead of "Nothing is due"; `watch list` shows them as being checked', async () => {
    const srv = await slowServer();
    const dir = tempDir();
    const redress = (...args: string[]) => run(process.execPath, [join(root, 'bin', 'redress.mjs'), '--data-dir', dir, ...args], { cwd: root, timeout: 60_000 });
    const setup = tempCore({ dataDir: dir });
    const held = (await setup.api.call('watch.add', { url: `${srv.base}/held` })) as WatchedDocument;
    const free = (await setup.api.call('watch.add', { url: `${srv.base}/free` })) as WatchedDocument;
    // Another run holds one page for the next ten minutes.
    setup.ctx.db
      .prepare("UPDATE watch_documents SET claimed_until = ?, claimed_by = 'wr_other' WHERE id = ?")
      .run(new Date(Date.now() + 10 * 60_000).toISOString(), held.id);
    setup.close();

    const first = await redress('watch', 'run');
    expect(first.stdout).toMatch(/1 checked: .*1 recorded for the first time/);
    expect(first.stdout).toMatch(/1 page was left to another run that is checking it right now/);
    expect(srv.hits.get('/held')).toBeUndefined();
    expect(srv.hits.get('/free')).toBe(1);

    const second = await redress('watch', 'run', '--force');
    expect(second.stdout).not.toMatch(/Nothing is due/);
    expect(second.stdout).toMatch(/left to another run/);

    const list = await redress('watch', 'list');
    const lines = list.stdout.split('\n');
    const heldAt = lines.findIndex((l) => l.startsWith(held.id));
    const freeAt = lines.findIndex((l) => l.startsWith(free.id));
    expect(lines[heldAt + 1]).toMatch(/being checked by a run now/);
    expect(lines[freeAt + 1]).not.toMatch(/being checked/);
    // --json keeps its contract: the array of checks this run made.
    const json = JSON.parse((await redress('watch', 'run', '--json', '--force')).stdout) as WatchCheck[];
    expect(json.map((c) => c.id)).toEqual([free.id]);
  }, 120_000);
});
