// `redress sent`: the command line's "I have sent it".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';

let dir: string;
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dir, ...argv], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redress-cli-sent-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('redress sent', () => {
  it('records the objection as sent with its export kept as evidence, and refuses an export of another case', async () => {
    const id = JSON.parse((await cli('case', 'create', '--title', 'Objection', '--country', 'IE', '--name', 'Aoife Byrne', '--email', 'a@example.org', '--json')).stdout).id as string;
    const other = JSON.parse((await cli('case', 'create', '--title', 'Other', '--country', 'IE', '--name', 'Aoife Byrne', '--email', 'a@example.org', '--json')).stdout).id as string;
    const out = join(dir, 'objection.pdf');
    const exp = await cli('draft', id, '--template', 'objection', '--format', 'pdf', '--out', out, '--set', 'situation=My posts are my work.', '--json');
    expect(exp.code).toBe(0);
    const rec = JSON.parse(exp.stdout);
    const today = new Date().toLocaleDateString('sv-SE');
    const bad = await cli('sent', other, '--template', 'objection', '--export', rec.id, '--on', today, '--channel', 'webform');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('in this case');
    const r = await cli('sent', id, '--template', 'objection', '--export', rec.id, '--on', today, '--channel', 'webform', '--ref', 'LI-7', '--json');
    expect(r.code).toBe(0);
    const sent = JSON.parse(r.stdout);
    expect(sent).toMatchObject({ eventType: 'request_sent', sha256: rec.sha256 });
    // The item is in the locker, its file matches its record, and the custody chain holds.
    const v = await cli('evidence', 'verify', id, '--json');
    const report = JSON.parse(v.stdout);
    expect(report.ok).toBe(true);
    expect(report.items.map((i: { id: string }) => i.id)).toEqual([sent.evidenceId]);
  });
});
