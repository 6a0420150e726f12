import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { tempDir } from '../support/tmp';
import { fixtureServer, policyPage } from './support';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

async function cli(dataDir: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dataDir, ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const BASE = ['We collect your profile.', 'We share it with our partners.'];
const AI = 'We use your posts to train generative AI models.';

describe('redress watch', () => {
  it('runs as a real process: watch add, then watch run --json reports the baseline and later the AI-related change', async () => {
    const fx = await fixtureServer();
    fx.routes.set('/privacy', { body: policyPage({ paragraphs: BASE }) });
    const dir = tempDir();
    const redress = (...args: string[]) => run(process.execPath, [join(root, 'bin', 'redress.mjs'), '--data-dir', dir, ...args], { cwd: root, timeout: 60_000 });

    const added = JSON.parse((await redress('watch', 'add', `${fx.base}/privacy`, '--select', 'main', '--remove', '.ad', '--every', '6h', '--json')).stdout);
    expect(added).toMatchObject({ id: expect.stringMatching(/^wd_/), select: ['main'], remove: ['.ad'], every: 21600 });

    const first = await redress('watch', 'run', '--json');
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual([
      expect.objectContaining({ id: added.id, url: `${fx.base}/privacy`, changed: false, baseline: true, aiRelated: false, added: [], removed: [], snapshotId: expect.stringMatching(/^ws_/) }),
    ]);

    fx.routes.set('/privacy', { body: policyPage({ paragraphs: [...BASE, AI], nav: 'Other nav' }) });
    const second = JSON.parse((await redress('watch', 'run', '--json', '--force')).stdout);
    expect(second).toEqual([expect.objectContaining({ id: added.id, changed: true, aiRelated: true, added: [AI], removed: [] })]);
    expect(second[0].failed).toBeUndefined();

    const log = JSON.parse((await redress('watch', 'log', added.id, '--json')).stdout);
    expect(log.map((c: { outcome: string }) => c.outcome)).toEqual(['changed', 'baseline']);
    expect(fx.requests.every((r) => r.headers.cookie === undefined && /^Redress\/\S+ \(policy watch /.test(String(r.headers['user-agent'])))).toBe(true);
  }, 120_000);

  it('prints readable lines, lists, removes, and refuses a non-http URL with exit 1 and nothing written', async () => {
    const fx = await fixtureServer();
    fx.routes.set('/p', { body: policyPage({ paragraphs: BASE }) });
    fx.routes.set('/blocked', { status: 403 });
    const dir = tempDir();

    const refused = await cli(join(dir, 'never'), 'watch', 'add', 'file:///etc/passwd');
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/Only http and https pages can be watched/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
    expect((await cli(dir, 'watch', 'add', 'https://example.org/p', '--every', 'often')).stderr).toMatch(/duration such as 6h/);

    const a = await cli(dir, 'watch', 'add', `${fx.base}/p`);
    expect(a.stdout).toMatch(/^Watching http:\/\/127\.0\.0\.1:\d+\/p as wd_\w+, every 1d\./);
    await cli(dir, 'watch', 'add', `${fx.base}/blocked`);
    const r = await cli(dir, 'watch', 'run');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/BASELINE\s+wd_\w+\s+http:\/\/127\.0\.0\.1:\d+\/p/);
    expect(r.stdout).toMatch(/FAILED\s+wd_\w+\s+http:\/\/127\.0\.0\.1:\d+\/blocked\n\s+the site refused the request \(HTTP 403 Forbidden\)/);
    expect(r.stdout).toMatch(/2 checked: 0 changed, 0 unchanged, 1 recorded for the first time, 1 failed\./);
    expect((await cli(dir, 'watch', 'run')).stdout).toMatch(/Nothing is due/);

    fx.routes.set('/p', { body: policyPage({ paragraphs: [BASE[0], AI] }) });
    const changed = await cli(dir, 'watch', 'run', '--force');
    expect(changed.stdout).toContain(`    + ${AI}`);
    expect(changed.stdout).toContain(`    - ${BASE[1]}`);
    expect(changed.stdout).toMatch(/AI-related/);

    const list = await cli(dir, 'watch', 'list', '--json');
    const docs = JSON.parse(list.stdout);
    expect(docs).toHaveLength(2);
    expect((await cli(dir, 'watch', 'list')).stdout).toMatch(/every 1d\s+http.*\n\s+last checked \d{4}-\d\d-\d\d \d\d:\d\d UTC \(changed\)/);
    const log = await cli(dir, 'watch', 'log');
    expect(log.stdout).toMatch(/FAILED .*blocked/);
    expect(log.stdout).toMatch(/CHANGED .*\/p/);

    const removed = await cli(dir, 'watch', 'remove', docs[1].id, '--json');
    expect(JSON.parse(removed.stdout)).toEqual({ id: docs[1].id, removed: true });
    expect(JSON.parse((await cli(dir, 'watch', 'list', '--json')).stdout)).toHaveLength(1);
    const missing = await cli(dir, 'watch', 'remove', docs[1].id);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No watched document/);
  });
});
