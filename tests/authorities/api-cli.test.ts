// The same answers through the core API (every input checked by its zod schema) and the CLI.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { tempCore, tempDir } from '../support/tmp';

async function cli(dataDir: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', dataDir, ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('core api', () => {
  it('authorities.list: all, by country, by region', async () => {
    const core = tempCore();
    expect(await core.api.call('authorities.list', {})).toHaveLength(48);
    expect(await core.api.call('authorities.list', undefined)).toHaveLength(48);
    expect(await core.api.call('authorities.list', { country: 'de' })).toHaveLength(16);
    const by = await core.api.call('authorities.list', { region: 'DE-BY' });
    expect(by.map((a) => a.id)).toEqual(['baylda']);
    expect(by[0].unverifiedFields).toEqual(expect.any(Array));
  });

  it('jurisdiction.get: home and lead, region upper-cased', async () => {
    const core = tempCore();
    const j = await core.api.call('jurisdiction.get', { country: 'de', region: 'de-by' });
    expect(j.regulators.map((r) => [r.role, r.shortName])).toEqual([
      ['home', 'BayLDA'],
      ['lead', 'DPC'],
    ]);
    expect(j.controller.name).toBe('LinkedIn Ireland Unlimited Company');
  });

  it.each([
    ['jurisdiction.get', {}, /country: Country is required/],
    ['jurisdiction.get', { country: 'XX' }, /Country must be an ISO 3166-1 alpha-2 code/],
    ['jurisdiction.get', { country: 'DE', region: 'Bavaria' }, /Region must be an ISO 3166-2 code/],
    ['jurisdiction.get', { country: 'DE', region: 'US-CA' }, /Region must lie in the country/],
    ['jurisdiction.get', { country: 'DE', extra: 1 }, /Unrecognized key/],
    ['authorities.list', { country: 'DE', region: 'FR-IDF' }, /Region must lie in the country/],
    ['authorities.get', { id: '' }, /id/],
  ] as const)('%s refuses %j', async (name, input, message) => {
    const core = tempCore();
    const r = await core.api.invoke(name, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toMatch(message);
    }
  });

  it('authorities.get: one authority, or not_found', async () => {
    const core = tempCore();
    expect((await core.api.call('authorities.get', { id: 'aepd' })).requirements.compulsoryForm?.compulsory).toBe(true);
    const r = await core.api.invoke('authorities.get', { id: 'bfdi' });
    expect(r.ok ? null : r.error.code).toBe('not_found');
  });
});

describe('redress authorities / case show', () => {
  it('lists the 16 German Länder authorities as JSON, and a readable list without --json', async () => {
    const dir = tempDir();
    const json = await cli(dir, 'authorities', '--country', 'DE', '--json');
    expect(json.code).toBe(0);
    const list = JSON.parse(json.stdout) as { id: string; serves: { region?: string }[] }[];
    expect(list).toHaveLength(16);
    expect(list.map((a) => a.serves[0].region).sort()).toHaveLength(16);
    const text = await cli(dir, 'authorities', '--country', 'PL');
    expect(text.stdout).toMatch(/^uodo\s+PL\s+UODO: President of the Personal Data Protection Office/);
    const none = await cli(dir, 'authorities', '--country', 'JP');
    expect(none.stdout.trim()).toBe('No authority serves that country or region.');
    const bad = await cli(dir, 'authorities', '--country', 'XX');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Country must be an ISO 3166-1 alpha-2 code/);
  });

  it('case show --json carries the jurisdiction; a region set later changes the home authority', async () => {
    const dir = tempDir();
    const made = await cli(dir, 'case', 'create', '--title', 'T', '--country', 'DE', '--name', 'Anna Berg', '--email', 'anna@example.org', '--json');
    const id = JSON.parse(made.stdout).id as string;
    let shown = JSON.parse((await cli(dir, 'case', 'show', id, '--json')).stdout);
    expect(shown.jurisdiction).toMatchObject({ law: 'GDPR', regionNeeded: true, controller: { name: 'LinkedIn Ireland Unlimited Company', address: expect.any(Array) } });
    expect(shown.jurisdiction.regulators.map((r: { id: string; role: string }) => `${r.role}:${r.id}`)).toEqual(['lead:dpc']);
    const human = await cli(dir, 'case', 'show', id);
    expect(human.stdout).toContain(`Region: not set; set it with 'redress case edit ${id} --region CODE'`);

    expect((await cli(dir, 'case', 'edit', id, '--region', 'DE-BY')).code).toBe(0);
    shown = JSON.parse((await cli(dir, 'case', 'show', id, '--json')).stdout);
    expect(shown.jurisdiction.regulators[0]).toMatchObject({
      id: 'baylda',
      name: 'Bayerisches Landesamt für Datenschutzaufsicht',
      shortName: 'BayLDA',
      country: 'DE',
      region: 'DE-BY',
      complaintUrl: expect.stringMatching(/^https:\/\/www\.lda\.bayern\.de\//),
      languages: ['de'],
      role: 'home',
    });
    expect((await cli(dir, 'case', 'show', id)).stdout).toContain('Home authority: Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)');
  });
});
