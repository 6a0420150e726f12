import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { tempDir } from '../support/tmp';

async function cli(dataDir: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dataDir, ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const create = ['case', 'create', '--title', 'AI training', '--country', 'GR', '--email', 'eleni@example.org'];

describe('redress case (in-process)', () => {
  it('round-trips a non-Latin name through create, list and show', async () => {
    const dir = tempDir();
    const made = await cli(dir, ...create, '--name', 'Ελένη Παπαδοπούλου-Żółć', '--json');
    expect(made.code).toBe(0);
    expect(made.stderr).toBe('');
    const c = JSON.parse(made.stdout);
    expect(c).toMatchObject({ name: 'Ελένη Παπαδοπούλου-Żółć', country: 'GR', platform: 'linkedin', status: 'draft' });

    const list = await cli(dir, 'case', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([c]);
    const shown = await cli(dir, 'case', 'show', c.id, '--json');
    expect(JSON.parse(shown.stdout)).toMatchObject({ ...c, events: expect.any(Array), evidence: expect.any(Array), deadlines: expect.any(Array) });
    const human = await cli(dir, 'case', 'show', c.id);
    expect(human.stdout).toContain('Ελένη Παπαδοπούλου-Żółć');
  });

  it.each([
    [['--name', 'A', '--email', 'not-an-email'], /email: Email must be an address/],
    [['--name', 'A', '--email', 'a@example.org', '--country', 'XX'], /country: Country must be an ISO 3166-1 alpha-2 code/],
    [['--name', '   ', '--email', 'a@example.org'], /name: Name is required/],
    [['--name', 'A', '--email', 'a@example.org', '--platform', 'myspace'], /platform: Platform must be one of: linkedin/],
  ])('refuses %j with a message, exit 1, and writes nothing', async (extra, message) => {
    const dir = join(tempDir(), 'data');
    const args = [...create];
    const res = await cli(dir, ...args, ...extra);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(message);
    expect(existsSync(dir)).toBe(false);
  });

  it('a missing case id: exit 1 with the id named; a missing argument: usage error', async () => {
    const dir = tempDir();
    await cli(dir, 'case', 'list');
    const before = readdirSync(dir).sort();
    const res = await cli(dir, 'case', 'show', 'case_nope', '--json');
    expect(res).toMatchObject({ code: 1, stdout: '' });
    expect(res.stderr).toMatch(/No case with id "case_nope"/);
    const noArg = await cli(dir, 'case', 'show');
    expect(noArg.code).toBe(2);
    expect(noArg.stderr).toMatch(/missing required argument 'id'/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('refuses a missing required option', async () => {
    const res = await cli(tempDir(), 'case', 'create', '--title', 'x');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/required option '--country <cc>' not specified/);
  });
});

describe('redress as a real process', () => {
  it('prints one JSON value on stdout and exits 0; errors exit non-zero on stderr', async () => {
    const run = promisify(execFile);
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'redress.mjs');
    const dir = tempDir();
    const { stdout } = await run(process.execPath, [bin, '--data-dir', dir, ...create, '--name', 'Олена Шевченко', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ name: 'Олена Шевченко' });
    const failed = await run(process.execPath, [bin, '--data-dir', dir, 'case', 'show', 'case_nope']).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/redress: No case with id "case_nope"/);
  });
});
