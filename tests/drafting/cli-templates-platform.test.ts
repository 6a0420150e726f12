// `redress templates --platform ID [--country CC] [--json]` as a real process (node bin/redress.mjs): the templates as
// a case about that platform sees them, through the API the app calls (drafting.templates); an unknown platform or a
// malformed country is an input error (exit 2) naming what is accepted, with nothing on stdout and no data folder made.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { PLATFORM_LABELS, PLATFORMS } from '../../electron/core/contract';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
let core: Core;
const dataDir = () => join(dir, 'data');
const run = (...a: string[]) => spawnSync('node', [join(ROOT, 'bin', 'redress.mjs'), '--data-dir', dataDir(), ...a], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redress-cli-templates-'));
  core = createCore({ dataDir: join(dir, 'api'), host: 'cli' });
});
afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('redress templates --platform', () => {
  for (const platform of ['whatsapp', 'google'] as const) {
    it(`${platform}: the titles name ${PLATFORM_LABELS[platform]}, as the API gives them to the app`, async () => {
      const r = run('templates', '--platform', platform, '--json');
      expect(r.status, r.stderr).toBe(0);
      const list = JSON.parse(r.stdout) as { id: string; title: string; recipient: string; countries: string[] }[];
      const api = await core.api.call('drafting.templates', { platform });
      expect(list).toEqual(api.map((t) => ({ id: t.id, title: t.title, recipient: t.recipient, countries: t.countries })));
      const objection = list.find((t) => t.id === 'objection')!;
      expect(objection.title).toBe(`Objection to AI training (${PLATFORM_LABELS[platform]})`);
      for (const t of list) expect(t.title, t.id).not.toMatch(/LinkedIn/);
      // Listing needs no data folder.
      expect(existsSync(dataDir())).toBe(false);

      const human = run('templates', '--platform', platform.toUpperCase());
      expect(human.status, human.stderr).toBe(0);
      expect(human.stdout).toMatch(new RegExp(`^objection +EU/EEA,CH,GB +en,de,fr +Objection to AI training \\(${PLATFORM_LABELS[platform]}\\)$`, 'm'));
      expect(human.stdout).not.toMatch(/LinkedIn/);
    });
  }

  it('without --platform: LinkedIn, in the same JSON shape as before', () => {
    const r = run('templates', '--json');
    expect(r.status, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.find((t: { id: string }) => t.id === 'objection').title).toBe('Objection to AI training (LinkedIn)');
    expect(Object.keys(list[0]).sort()).toEqual(['countries', 'id', 'recipient', 'title']);
  });

  it('--country says which templates apply there, as the API does', async () => {
    const r = run('templates', '--platform', 'x', '--country', 'de', '--json');
    expect(r.status, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; title: string; availability: { available: boolean; reason?: string } }[];
    const api = await core.api.call('drafting.templates', { platform: 'x', country: 'DE' });
    expect(list.map((t) => [t.id, t.availability])).toEqual(api.map((t) => [t.id, t.availability]));
    expect(list.find((t) => t.id === 'ico-complaint')!.availability).toMatchObject({ available: false });
    expect(list.find((t) => t.id === 'organisation-complaint')!.title).toBe('Complaint to X (UK)');
    expect(list.find((t) => t.id === 'objection')!.availability).toEqual({ available: true });
    const human = run('templates', '--platform', 'x', '--country', 'DE');
    expect(human.stdout).toMatch(/^ico-complaint .*\(not available: .*Germany \(DE\)/m);
  });

  it('an unknown platform: exit 2, the known ids named, nothing on stdout, no data folder', () => {
    const r = run('templates', '--platform', 'myspace', '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Unknown platform "myspace"');
    for (const p of PLATFORMS) expect(r.stderr).toContain(p);
    expect(existsSync(dataDir())).toBe(false);
  });

  it('a malformed country: exit 2, nothing on stdout', () => {
    const r = run('templates', '--platform', 'reddit', '--country', 'Germany');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--country takes a two-letter country code/);
  });
});
