import { execFile } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
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

describe('text-direction characters through the real CLI', () => {
  const run = promisify(execFile);
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'redress.mjs');
  const redress = (...args: string[]) =>
    run(process.execPath, [bin, ...args]).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('refuses a name with a right-to-left override: exit 1, a message that says what to do, no data folder', async () => {
    const dir = join(tempDir(), 'data');
    const res = await redress('--data-dir', dir, ...create, '--name', 'Eve\u202Egnp.exe', '--json');
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/name: Name must not contain invisible text-direction characters \(found U\+202E RIGHT-TO-LEFT OVERRIDE at character 4\).*retype it without them/);
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a title with an isolate and a file name with an override; the case keeps no evidence', async () => {
    const dir = tempDir();
    const title = await redress('--data-dir', dir, 'case', 'create', '--title', 'AI \u2067training', '--country', 'GR', '--name', 'Eleni', '--email', 'e@example.org');
    expect(title.code).toBe(1);
    expect(title.stderr).toMatch(/title: Title must not contain invisible text-direction characters \(found U\+2067/);
    const made = await redress('--data-dir', dir, ...create, '--name', 'Eleni', '--json');
    const c = JSON.parse(made.stdout);
    const src = tempDir();
    const file = join(src, 'invoice\u202Efdp.exe');
    writeFileSync(file, 'not a pdf');
    const added = await redress('--data-dir', dir, 'evidence', 'add', c.id, file, '--json');
    expect(added.code).toBe(1);
    expect(added.stdout).toBe('');
    expect(added.stderr).toMatch(/The file name must not contain invisible text-direction characters \(found U\+202E.*rename the file/);
    const list = await redress('--data-dir', dir, 'case', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([c]);
    const shown = JSON.parse((await redress('--data-dir', dir, 'case', 'show', c.id, '--json')).stdout);
    expect(shown.evidence).toEqual([]);
  });
});
