// The loader (read once, validated, a broken file named with its field), the helpers the next steps build on
// (controllerFor, switchLabels), and the two APIs through the core.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/core/api/errors';
import { platformRegionOf } from '../../electron/core/contract';
import { clearPlatformsCache, controllerFor, getPlatform, listPlatforms, loadPlatforms, platformsInUse, switchLabels } from '../../electron/core/platforms';
import { tempCore, tempDir } from '../support/tmp';

const DATA = resolve(import.meta.dirname, '..', '..', 'data');

/** A copy of the facts folder (authorities + platforms) whose platform `id` is edited by `edit`. */
function brokenCopy(id: string, edit: (json: Record<string, any>) => void): string {
  const dir = tempDir('redress-facts-');
  cpSync(join(DATA, 'authorities'), join(dir, 'authorities'), { recursive: true });
  cpSync(join(DATA, 'platforms'), join(dir, 'platforms'), { recursive: true });
  const file = join(dir, 'platforms', `${id}.json`);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return dir;
}

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

const saved = process.env.REDRESS_FACTS_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.REDRESS_FACTS_DIR;
  else process.env.REDRESS_FACTS_DIR = saved;
  clearPlatformsCache();
});

describe('loader', () => {
  it('reads the folder once per process and sorts by id', () => {
    const a = loadPlatforms(DATA);
    expect(loadPlatforms(DATA)).toBe(a);
    expect(a.map((p) => p.id)).toEqual([...a.map((p) => p.id)].sort());
  });

  it.each([
    ['a controller without an address', 'reddit', (j: any) => delete j.controllers.eu.address, /reddit\.json is not valid: controllers\.eu\.address/],
    ['a fact without a source', 'x', (j: any) => delete j.settings[0].source, /x\.json is not valid: settings\.0\.source/],
    ['an http source', 'quora', (j: any) => (j.coverage.source = 'http://example.org/'), /quora\.json is not valid: coverage\.source: must be an https URL/],
    ['a check date that is not a date', 'google', (j: any) => (j.parent.checked = 'last week'), /google\.json is not valid: parent\.checked/],
    ['a region missing', 'pinterest', (j: any) => delete j.controllers.uk, /pinterest\.json is not valid: controllers\.uk/],
    ['a setting without a switch or a reason', 'reddit', (j: any) => delete j.settings[0].why, /reddit\.json is not valid: settings\.0\.why: a setting without a switch must say why/],
    ['an unknown objection kind', 'facebook', (j: any) => (j.objection.kind = 'phone'), /facebook\.json is not valid: objection\.kind/],
    ['an unknown field', 'microsoft', (j: any) => (j.colour = 'blue'), /microsoft\.json is not valid: .*colour/],
    ['a lead authority not in data/authorities', 'linkedin', (j: any) => (j.controllers.eu.leadAuthority = 'nobody'), /linkedin\.json is not valid: controllers\.eu\.leadAuthority: no authority "nobody"/],
    ['an id that is not the file name', 'whatsapp', (j: any) => (j.id = 'whatsapp-business'), /whatsapp\.json has id "whatsapp-business"; name the file whatsapp-business\.json/],
  ])('names the file and the field for %s (through REDRESS_FACTS_DIR)', (_what, id, edit, message) => {
    process.env.REDRESS_FACTS_DIR = brokenCopy(id, edit);
    const err = errorOf(() => platformsInUse());
    expect(err.code).toBe('failed');
    expect(err.message).toMatch(message);
    expect(err.message).toContain(process.env.REDRESS_FACTS_DIR);
  });

  it('a file that is not JSON, and a missing folder, are errors naming them', () => {
    const dir = brokenCopy('x', () => {});
    writeFileSync(join(dir, 'platforms', 'x.json'), '{ "id": "x", ');
    expect(errorOf(() => loadPlatforms(dir)).message).toMatch(/Could not read the platform file .*x\.json/);
    rmSync(join(dir, 'platforms'), { recursive: true });
    clearPlatformsCache();
    expect(errorOf(() => loadPlatforms(dir)).message).toMatch(/Could not read the platforms in .*platforms/);
  });
});

describe('controllerFor and switchLabels', () => {
  it.each([
    ['DE', 'eu'],
    ['ie', 'eu'],
    ['NO', 'eu'],
    ['CH', 'eu'],
    ['GB', 'uk'],
    ['US', 'other'],
    ['JP', 'other'],
  ])('%s -> %s', (country, region) => {
    expect(platformRegionOf(country)).toBe(region);
  });

  it('gives each platform’s controller for a member’s country', () => {
    expect(controllerFor('linkedin', 'CH')).toMatchObject({ name: 'LinkedIn Ireland Unlimited Company', leadAuthority: 'dpc' });
    expect(controllerFor('linkedin', 'GB')).toMatchObject({ name: 'LinkedIn Corporation', leadAuthority: 'ico' });
    expect(controllerFor('google', 'GB').name).toBe('Google LLC');
    expect(controllerFor(getPlatform('facebook'), 'FR').name).toBe('Meta Platforms Ireland Limited');
    expect(controllerFor('reddit', 'NL')).toMatchObject({ name: 'Reddit Netherlands B.V.', leadAuthority: 'ap' });
    expect(controllerFor('x', 'US').leadAuthority).toBeNull();
  });

  it('gives the switch labels per language in the shape the capture takes, and none where there is no switch', () => {
    const li = switchLabels('linkedin');
    expect(li.en).toEqual(['Data for Generative AI Improvement', 'Use my data for training content creation AI models']);
    expect(Object.keys(li)).toEqual(expect.arrayContaining(['en', 'de', 'fr']));
    expect(switchLabels('google').de).toContain('Aktivitäten in Gemini-Apps');
    expect(switchLabels('x').en[0]).toMatch(/Grok to be used for training/);
    expect(switchLabels('facebook')).toEqual({});
    expect(switchLabels('reddit')).toEqual({});
  });

  it('getPlatform: case-insensitive id, not_found for an unknown one', () => {
    expect(getPlatform(' LinkedIn ').id).toBe('linkedin');
    expect(errorOf(() => getPlatform('myspace'))).toMatchObject({ code: 'not_found', message: 'No platform with id "myspace".' });
  });

  it('lists the unconfirmed facts of each platform with their place in the file', () => {
    const x = listPlatforms().find((p) => p.id === 'x')!;
    expect(x.unverifiedFacts.length).toBeGreaterThan(0);
    expect(x.unverifiedFacts.map((f) => f.path)).toContain('controllers.eu');
    expect(x.unverifiedFacts.every((f) => f.note.length > 10)).toBe(true);
  });
});

describe('api', () => {
  it('platforms.list and platforms.get through the core, inputs checked by the contract', async () => {
    const core = tempCore();
    const list = await core.api.call('platforms.list', {});
    expect(list.map((p) => p.id)).toEqual(expect.arrayContaining(['linkedin', 'facebook', 'instagram', 'whatsapp', 'x', 'reddit', 'quora', 'pinterest', 'google', 'microsoft']));
    expect(await core.api.call('platforms.list', undefined)).toHaveLength(list.length);
    expect((await core.api.call('platforms.get', { id: 'QUORA' })).name).toBe('Quora');
    const missing = await core.api.invoke('platforms.get', { id: 'myspace' });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
    const bad = await core.api.invoke('platforms.get', { id: '' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    const extra = await core.api.invoke('platforms.list', { country: 'DE' });
    expect(extra.ok ? null : extra.error.code).toBe('invalid_input');
  });
});
