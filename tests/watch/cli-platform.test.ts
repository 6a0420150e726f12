import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import { factsCopy, httpsFixtureServer, policyPage } from './support';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

const BASE = ['We collect your profile and your posts.', 'We share them with our service providers.'];
const AI = 'We may use your posts to train generative AI models that create content.';

describe('redress watch --platform, on/off, status, to-case and switches as a real process', () => {
  it('adds a platform copy pointed at a local https server, runs, starts a case from the AI-related change, and Verify passes', async () => {
    const dir = tempDir();
    const fx = await httpsFixtureServer(dir);
    for (const id of ['privacy-policy', 'eu-privacy-notice', 'user-agreement']) fx.routes.set(`/${id}`, { body: policyPage({ paragraphs: BASE }) });
    const facts = factsCopy(dir, 'linkedin', fx.base);
    const data = join(dir, 'data');
    const env = { ...process.env, REDRESS_FACTS_DIR: facts, NODE_EXTRA_CA_CERTS: fx.caFile, REDRESS_DATA_DIR: '' };
    const redress = (...args: string[]) => run(process.execPath, [join(root, 'bin', 'redress.mjs'), '--data-dir', data, ...args], { cwd: root, env, timeout: 60_000 });
    const fails = (...args: string[]) => redress(...args).then(
      () => {
        throw new Error(`redress ${args.join(' ')} succeeded`);
      },
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

    const added = JSON.parse((await redress('watch', 'add', '--platform', 'linkedin', '--json')).stdout);
    expect(added.added.map((d: { url: string }) => d.url)).toEqual([`${fx.base}/privacy-policy`, `${fx.base}/eu-privacy-notice`, `${fx.base}/user-agreement`]);
    expect((await redress('watch', 'list')).stdout).toMatch(/^wd_\w+  every 1d\s+LinkedIn Privacy Policy  https:\/\/127\.0\.0\.1:\d+\/privacy-policy$/m);
    const again = await fails('watch', 'add', '--platform', 'linkedin');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Every policy document of LinkedIn is already watched .*nothing was added/);
    const unknown = await fails('watch', 'add', '--platform', 'nosuch');
    expect(unknown.stderr).toMatch(/No platform "nosuch"\. Known platforms: .*linkedin/);

    // Off by default; on with an interval; the status says so.
    expect(JSON.parse((await redress('watch', 'status', '--json')).stdout)).toMatchObject({ enabled: false, documents: 3, unseen: [] });
    expect((await redress('watch', 'on', '--every', '3h')).stdout).toMatch(/The watch is on: .* every 3h/);
    expect((await fails('watch', 'on', '--every', '90m')).stderr).toMatch(/whole hours/);

    const first = JSON.parse((await redress('watch', 'run', '--json')).stdout);
    expect(first.map((c: { outcome: string; httpStatus: number }) => [c.outcome, c.httpStatus])).toEqual([['baseline', 200], ['baseline', 200], ['baseline', 200]]);
    fx.routes.set('/privacy-policy', { body: policyPage({ paragraphs: [...BASE, AI] }) });
    const second = JSON.parse((await redress('watch', 'run', '--force', '--json')).stdout);
    const change = second.find((c: { changed: boolean }) => c.changed);
    expect(change).toMatchObject({ url: `${fx.base}/privacy-policy`, aiRelated: true, added: [AI] });
    expect(fx.requests.every((r) => r.headers.cookie === undefined)).toBe(true);

    const status = await redress('watch', 'status');
    expect(status.stdout).toMatch(/The watch is on: .* every 3h/);
    expect(status.stdout).toContain(`${change.checkId}`);
    expect(status.stdout).toContain('LinkedIn Privacy Policy');
    expect(status.stdout).toContain(`+ ${AI}`);

    const started = JSON.parse(
      (await redress('watch', 'to-case', change.checkId, '--new-case', '--title', 'LinkedIn AI training', '--name', 'Ada Example', '--email', 'ada@example.org', '--country', 'GB', '--json')).stdout,
    );
    expect(started.createdCase).toBe(true);
    expect(started.evidence.map((e: { title: string }) => e.title)).toEqual([
      expect.stringMatching(/^LinkedIn Privacy Policy, text of \d{1,2} \w{3} \d{4}$/),
      expect.stringMatching(/^LinkedIn Privacy Policy, text of /),
      expect.stringMatching(/^Changes between .* and .*: LinkedIn Privacy Policy$/),
      // The raw pages as fetched (screenshots are off in these tests: support.ts).
      expect.stringMatching(/^LinkedIn Privacy Policy, page as fetched on /),
      expect.stringMatching(/^LinkedIn Privacy Policy, page as fetched on /),
    ]);
    const verify = JSON.parse((await redress('evidence', 'verify', started.caseId, '--json')).stdout);
    expect(verify.ok).toBe(true);

    // The same change into an existing case, in readable words; a second time, or a baseline, is refused with exit 1.
    const other = JSON.parse((await redress('case', 'create', '--title', 'Second', '--country', 'DE', '--name', 'Ada Example', '--email', 'ada@example.org', '--json')).stdout);
    const more = await redress('watch', 'to-case', change.checkId, '--case', other.id);
    expect(more.stdout).toMatch(new RegExp(`^Added the change to case ${other.id}:\\n  ev_\\w+  LinkedIn Privacy Policy, text of `));
    expect((await fails('watch', 'to-case', change.checkId, '--case', started.caseId)).stderr).toMatch(/already in case .* not added again/);
    const baseline = first[1].checkId;
    const refused = await fails('watch', 'to-case', baseline, '--case', started.caseId);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/first recorded version .* no earlier version/);
    expect((await fails('watch', 'to-case', change.checkId)).stderr).toMatch(/Give either --case ID or --new-case/);
    expect(JSON.parse((await redress('evidence', 'verify', other.id, '--json')).stdout).ok).toBe(true);

    await redress('watch', 'seen', change.checkId);
    expect(JSON.parse((await redress('watch', 'status', '--json')).stdout).unseen).toEqual([]);
    expect((await redress('watch', 'off')).stdout).toMatch(/The watch is off/);

    // The case has no switch capture yet: due.
    const switches = JSON.parse((await redress('switches', '--json')).stdout);
    expect(switches).toEqual([expect.objectContaining({ platform: 'linkedin', platformName: 'LinkedIn', caseIds: [started.caseId, other.id], last: null, daysSince: null, due: true })]);
    expect((await redress('switches')).stdout).toMatch(/LinkedIn: no switch captured yet/);
  }, 180_000);
});
