import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { tempDir } from '../support/tmp';

async function cli(dataDir: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dataDir, ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('redress watch on/off/status and switches, in words', () => {
  it('says the watch is off, turns it on with an interval in hours, says when nothing is watched yet, and turns it off', async () => {
    const dir = tempDir();
    const off = await cli(dir, 'watch', 'status');
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/^The watch is off: the app does not check pages on its own/);
    expect(off.stdout).toMatch(/No page is watched yet: `redress watch add --platform linkedin`/);
    expect(off.stdout).toMatch(/No AI-related change waiting\./);

    const on = await cli(dir, 'watch', 'on', '--every', '1d');
    expect(on.stdout).toMatch(/^The watch is on: .* every 1d\./);
    expect(on.stdout).toMatch(/No page is watched yet/);
    expect(JSON.parse((await cli(dir, 'watch', 'status', '--json')).stdout)).toMatchObject({ enabled: true, everyHours: 24, documents: 0, unseen: [] });
    for (const bad of ['30m', '8d', 'soon']) {
      const r = await cli(dir, 'watch', 'on', '--every', bad);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/whole hours|once a week/);
    }
    expect(JSON.parse((await cli(dir, 'watch', 'off', '--json')).stdout)).toMatchObject({ enabled: false, everyHours: 24 });
    const seen = await cli(dir, 'watch', 'seen', 'wc_nothere');
    expect(seen.code).toBe(1);
    expect(seen.stderr).toMatch(/No watch change with id "wc_nothere"/);
  });

  it('switches: nothing to check without a case; a case without a capture is due', async () => {
    const dir = tempDir();
    expect((await cli(dir, 'switches')).stdout).toMatch(/^No case yet, so no switch to check/);
    const c = JSON.parse((await cli(dir, 'case', 'create', '--title', 'T', '--country', 'GB', '--name', 'Ada Example', '--email', 'ada@example.org', '--json')).stdout);
    const r = await cli(dir, 'switches');
    expect(r.stdout).toContain(`LinkedIn: no switch captured yet: capture it (case ${c.id}).`);
    expect(r.stdout).toMatch(/1 of 1 due: `redress evidence capture CASE URL`/);
  });
});
