// `redress platforms [--json]` and `redress platforms show ID [--json]`, in-process and as a real process.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { tempDir } from '../support/tmp';

const ROOT = resolve(import.meta.dirname, '..', '..');
const IDS = ['facebook', 'google', 'instagram', 'linkedin', 'microsoft', 'pinterest', 'quora', 'reddit', 'whatsapp', 'x'];

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', tempDir(), ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** The real command, as a user runs it (bin/redress.mjs: the bundle when fresh, else the sources through tsx). */
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync('node', [join(ROOT, 'bin', 'redress.mjs'), '--data-dir', tempDir(), ...args], {
    encoding: 'utf8',
    env: { ...process.env, REDRESS_FACTS_DIR: '', ...env },
  });
}

describe('redress platforms (in-process)', () => {
  it('prints a table: id, name, switch or none, form or letter, the EU/EEA controller, unconfirmed facts counted', async () => {
    const r = await cli('platforms');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+switch\s+route\s+EU\/EEA controller$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(expect.arrayContaining(IDS));
    expect(r.stdout).toMatch(/linkedin\s+LinkedIn\s+switch\s+form\s+LinkedIn Ireland Unlimited Company/);
    expect(r.stdout).toMatch(/reddit\s+Reddit\s+none\s+letter\s+Reddit Netherlands B\.V\./);
    expect(r.stdout).toMatch(/\[unconfirmed: \d+\]/);
  });

  it('show ID: controllers per region, switch labels per language, objection route, documents to watch', async () => {
    const r = await cli('platforms', 'show', 'linkedin');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('LinkedIn Ireland Unlimited Company');
    expect(r.stdout).toMatch(/uk\s+LinkedIn Corporation/);
    expect(r.stdout).toContain('de: "Daten zur Verbesserung generativer KI"');
    expect(r.stdout).toContain('form: Data Processing Objection Form https://www.linkedin.com/help/linkedin/ask/TS-DPRO');
    expect(r.stdout).toContain('https://www.linkedin.com/legal/privacy-policy');
    const letter = await cli('platforms', 'show', 'reddit');
    expect(letter.stdout).toContain('no switch:');
    expect(letter.stdout).toContain('none: object by letter');
    const json = await cli('platforms', 'show', 'x', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'x', controllers: { eu: { leadAuthority: 'dpc' } }, unverifiedFacts: expect.any(Array) });
  });

  it('an unknown id: exit 1 and a message naming it, nothing on stdout', async () => {
    const r = await cli('platforms', 'show', 'myspace', '--json');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/No platform with id "myspace"/);
  });
});

describe('redress platforms (real process)', () => {
  it('node bin/redress.mjs platforms --json lists the ten ids, one JSON value on stdout', () => {
    const r = run(['platforms', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; controllers: Record<string, unknown> }[];
    expect(list.map((p) => p.id)).toEqual(expect.arrayContaining(IDS));
    for (const p of list) expect(Object.keys(p.controllers).sort()).toEqual(['eu', 'other', 'uk']);
  });

  it('a broken platform file in REDRESS_FACTS_DIR: exit 1, the file and the field named on stderr', () => {
    const dir = tempDir('redress-facts-');
    cpSync(join(ROOT, 'data'), dir, { recursive: true });
    const file = join(dir, 'platforms', 'pinterest.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.policies[0].url = 'http://policy.pinterest.com/en/privacy-policy';
    writeFileSync(file, JSON.stringify(json));
    const r = run(['platforms', '--json'], { REDRESS_FACTS_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/policies\.0\.url: must be an https URL/);
  });
});
