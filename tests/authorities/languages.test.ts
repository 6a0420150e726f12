// Every authority's languages, from its data file: the language a letter to it defaults to. Checked against what the
// authorities say of themselves (or marked unverified in the file, with the source tried).
import { describe, expect, it } from 'vitest';
import { AuthorityFile } from '../../electron/core/contract/authorities';
import { loadAuthorities } from '../../electron/core/authorities';

const all = loadAuthorities();
const byId = (id: string) => all.find((a) => a.id === id)!;

describe('authority languages', () => {
  it('gives every authority its languages, the expected one first', () => {
    for (const a of all) {
      expect(a.languages.length, a.id).toBeGreaterThan(0);
      expect(a.languages[0], a.id).toBe(a.requirements.complaintLanguage);
    }
  });

  it.each([
    ['cnil', ['fr']],
    ['blnbdi', ['de']],
    ['baylda', ['de']],
    ['dsb', ['de']],
    ['fdpic', ['de', 'fr', 'it']],
    ['dpc', ['en', 'ga']],
  ])('%s takes complaints in %j', (id, langs) => {
    expect(byId(id).languages).toEqual(langs);
  });

  it.each([
    ['apd-gba', ['fr', 'nl', 'de']],
    ['cnpd-lu', ['fr', 'de']],
    ['ico', ['en']],
  ])('%s includes %j', (id, langs) => {
    expect(byId(id).languages).toEqual(expect.arrayContaining(langs));
  });

  it('names every German Land authority German-speaking', () => {
    for (const a of all.filter((x) => x.serves.some((s) => s.country === 'DE'))) expect(a.languages[0], a.id).toBe('de');
  });

  it('refuses a file that lists a language twice', () => {
    const r = AuthorityFile.safeParse({ ...byId('cnil'), languages: ['fr', 'fr'] });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('a language is listed twice');
  });
});
