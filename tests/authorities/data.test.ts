// The authorities as reviewed data: every file loads and says where its facts come from, and every member of the EEA
// (each German Land separately), the UK, Switzerland and California has exactly one home authority.
import Holidays from 'date-holidays';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authoritiesInUse, clearAuthoritiesCache, loadAuthorities } from '../../electron/core/authorities';
import { EU_EEA, FALLBACK_AUTHORITIES, REGIONS, homeAuthoritiesIn } from '../../electron/core/contract';
import { tempDir } from '../support/tmp';

const DATA = resolve(import.meta.dirname, '..', '..', 'data');
const FOLDER = join(DATA, 'authorities');
const all = loadAuthorities(DATA);
const raw = readdirSync(FOLDER)
  .filter((n) => n.endsWith('.json'))
  .map((n) => ({ name: n, json: JSON.parse(readFileSync(join(FOLDER, n), 'utf8')) as Record<string, unknown> }));

describe('data/authorities', () => {
  it('every file loads through the schema: 29 EEA national authorities + 16 German Länder + ICO, FDPIC, CalPrivacy', () => {
    expect(raw).toHaveLength(all.length);
    expect(all).toHaveLength(48);
  });

  it('ids are unique and match the file names', () => {
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    for (const { name, json } of raw) expect(`${json.id}.json`).toBe(name);
  });

  it.each(raw.map((r) => [r.name, r.json] as const))('%s has a check date and at least one https source', (_name, json) => {
    expect(json.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(String(json.checked) <= "2026-12-31").toBe(true);
    const sources = json.sources as string[];
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.some((s) => s.startsWith('https://'))).toBe(true);
    for (const u of (json.unverified as { field: string; note: string }[] | undefined) ?? []) expect(u.note.length).toBeGreaterThan(20);
  });

  it.each([...EU_EEA].filter((c) => c !== 'DE').sort())('%s has exactly one home authority, for the whole country', (country) => {
    const home = homeAuthoritiesIn(all, country, null);
    expect(home.map((a) => a.id)).toHaveLength(1);
    expect(home[0].law).toBe('gdpr');
    expect(home[0].serves.find((s) => s.country === country)?.region).toBeUndefined();
  });

  it.each(REGIONS.DE.map((r) => r.code))('Germany, %s: exactly one Land authority for private companies', (region) => {
    const home = homeAuthoritiesIn(all, 'DE', region);
    expect(home).toHaveLength(1);
    expect(home[0].holidays).toMatchObject({ country: 'DE', state: region.slice(3) });
  });

  it('Germany without a Land has no home authority (Hamburg is no longer shown as an example), and the federal BfDI is not listed as one', () => {
    expect(homeAuthoritiesIn(all, 'DE', null)).toEqual([]);
    expect(all.filter((a) => a.serves.some((s) => s.country === 'DE'))).toHaveLength(16);
    expect(all.some((a) => /bfdi$/i.test(a.id) && a.id !== 'hmbbfdi')).toBe(false);
  });

  it('Bavaria is the BayLDA in Ansbach, not the BayLfD', () => {
    const [by] = homeAuthoritiesIn(all, 'DE', 'DE-BY');
    expect(by.shortName).toBe('BayLDA');
    expect(by.address.join(' ')).toContain('91522 Ansbach');
  });

  it('outside the EEA: the ICO for GB, the FDPIC for CH, CalPrivacy for California only', () => {
    expect(homeAuthoritiesIn(all, 'GB', null).map((a) => [a.id, a.law])).toEqual([['ico', 'uk-gdpr']]);
    expect(homeAuthoritiesIn(all, 'CH', null).map((a) => [a.id, a.law])).toEqual([['fdpic', 'fadp']]);
    expect(homeAuthoritiesIn(all, 'US', 'US-CA').map((a) => [a.id, a.law])).toEqual([['cppa', 'ccpa']]);
    expect(homeAuthoritiesIn(all, 'US', 'US-TX')).toEqual([]);
    expect(homeAuthoritiesIn(all, 'US', null)).toEqual([]);
  });

  it('the DPC is the one lead authority for LinkedIn', () => {
    expect(all.filter((a) => a.leadFor?.includes('linkedin')).map((a) => a.id)).toEqual(['dpc']);
  });

  it('the AEPD requires its own form, as data', () => {
    expect(all.find((a) => a.id === 'aepd')?.requirements.compulsoryForm?.compulsory).toBe(true);
  });

  it('every holiday calendar is one the calendar library knows (country, and state where given)', () => {
    for (const a of all) {
      const hd = new Holidays();
      expect(hd.getCountries()[a.holidays.country], `${a.id}: ${a.holidays.country}`).toBeDefined();
      if (a.holidays.state) expect(hd.getStates(a.holidays.country)?.[a.holidays.state], `${a.id}: ${a.holidays.state}`).toBeDefined();
    }
  });

  it('the built-in copy used before the data is loaded matches the files on every field it has, except its pointers to the files', () => {
    for (const f of FALLBACK_AUTHORITIES) {
      const file = all.find((a) => a.id === f.id)!;
      const { sources: _s, unverified: _u, requirements, ...rest } = f;
      const { sources: _fs, unverified: _fu, requirements: freq, ...fileRest } = file;
      expect(rest).toEqual(fileRest);
      expect(requirements.complaintLanguage).toBe(freq.complaintLanguage);
      expect(f.sources.every((s) => file.sources.some((fs) => fs.startsWith(s)))).toBe(true);
      expect((f.unverified ?? []).map((u) => u.field).sort()).toEqual([...new Set((file.unverified ?? []).map((u) => u.field))].filter((x) => (f.unverified ?? []).some((u) => u.field === x)).sort());
    }
  });
});

describe('loading', () => {
  const copy = () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'authorities'));
    for (const { name, json } of raw) writeFileSync(join(dir, 'authorities', name), JSON.stringify(json));
    clearAuthoritiesCache();
    return dir;
  };

  it('a file that breaks the schema is refused, naming the file and the field', () => {
    const dir = copy();
    const bad = raw.find((r) => r.name === 'baylda.json')!.json;
    writeFileSync(join(dir, 'authorities', 'baylda.json'), JSON.stringify({ ...bad, complaintUrl: 'http://www.lda.bayern.de/' }));
    expect(() => loadAuthorities(dir)).toThrow(/baylda\.json is not valid: complaintUrl: must be an https URL/);
  });

  it('a file without a source or check date is refused', () => {
    const dir = copy();
    const { sources: _s, checked: _c, ...bad } = raw.find((r) => r.name === 'cnil.json')!.json;
    writeFileSync(join(dir, 'authorities', 'cnil.json'), JSON.stringify(bad));
    expect(() => loadAuthorities(dir)).toThrow(/cnil\.json is not valid: .*checked.*sources|cnil\.json is not valid: .*sources/);
  });

  it('a file whose id does not match its name, or reuses an id, is refused', () => {
    const dir = copy();
    writeFileSync(join(dir, 'authorities', 'cnil-copy.json'), JSON.stringify(raw.find((r) => r.name === 'cnil.json')!.json));
    expect(() => loadAuthorities(dir)).toThrow(/has id "cnil"; name the file cnil\.json/);
  });

  it('broken JSON is refused with the file named', () => {
    const dir = copy();
    writeFileSync(join(dir, 'authorities', 'ico.json'), '{ "id": ');
    expect(() => loadAuthorities(dir)).toThrow(/Could not read the authority file .*ico\.json/);
  });

  it('a data folder without authorities/ falls back to the built-in four (a bare test app folder), but a broken file does not', () => {
    expect(authoritiesInUse(tempDir()).map((a) => a.id)).toEqual(['dpc', 'ico', 'fdpic', 'cppa']);
    const dir = copy();
    writeFileSync(join(dir, 'authorities', 'ico.json'), '{}');
    expect(() => authoritiesInUse(dir)).toThrow(/ico\.json is not valid/);
  });
});
