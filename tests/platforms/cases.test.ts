// A case can be about any platform in data/platforms/: the contract's list equals the data folder, and the
// jurisdiction names each platform's controller (from its file) and lead authority, LinkedIn's unchanged.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jurisdictionFor, loadAuthorities } from '../../electron/core/authorities';
import { CaseCreateInput, LINKEDIN_CORPORATION, LINKEDIN_IRELAND, PLATFORM_LABELS, PLATFORMS } from '../../electron/core/contract';
import { controllerFor, getPlatform } from '../../electron/core/platforms';
import { wordIssue } from '../../electron/core/api/errors';

const DATA = resolve(import.meta.dirname, '..', '..', 'data');
const all = loadAuthorities(DATA);

describe('the platforms a case can be about', () => {
  it('PLATFORMS equals the ids of data/platforms, each with a label', () => {
    const ids = readdirSync(resolve(DATA, 'platforms')).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, '')).sort();
    expect([...PLATFORMS].sort()).toEqual(ids);
    for (const p of PLATFORMS) expect(PLATFORM_LABELS[p]).toBe(getPlatform(p).name);
  });

  it('a new case accepts each platform and refuses an unknown one, naming the choices', () => {
    for (const p of PLATFORMS) expect(CaseCreateInput.parse({ title: 't', platform: p, country: 'DE', name: 'A', email: 'a@example.org' }).platform).toBe(p);
    const bad = CaseCreateInput.safeParse({ title: 't', platform: 'myspace', country: 'DE', name: 'A', email: 'a@example.org' });
    expect(bad.success).toBe(false);
    expect(wordIssue(bad.error!.issues[0] as never)).toMatch(/linkedin, facebook, .*microsoft/);
  });
});

describe('jurisdiction per platform', () => {
  it('LinkedIn is as before: LinkedIn Ireland with the DPC in the EU, LinkedIn Corporation in the UK and elsewhere', () => {
    expect(jurisdictionFor('DE', 'DE-BY', all).controller).toEqual(LINKEDIN_IRELAND);
    expect(jurisdictionFor('DE', 'DE-BY', all, 'linkedin')).toEqual(jurisdictionFor('DE', 'DE-BY', all));
    expect(jurisdictionFor('GB', null, all, 'linkedin').controller).toEqual(LINKEDIN_CORPORATION);
    expect(jurisdictionFor('US', 'US-CA', all, 'linkedin').controller).toEqual(LINKEDIN_CORPORATION);
  });

  it('every other platform’s controller comes from its file, per region, with its lead authority', () => {
    for (const p of PLATFORMS) {
      for (const country of ['FR', 'CH', 'GB', 'US']) {
        const j = jurisdictionFor(country, country === 'US' ? 'US-CA' : null, all, p);
        const c = controllerFor(p, country);
        expect(j.controller.name, `${p} ${country}`).toBe(c.name);
        expect(j.controller.address).toEqual(c.address);
        if (p !== 'linkedin') expect(Boolean(j.controller.unverified)).toBe(Boolean(c.unverified));
        const lead = j.regulators.find((r) => r.role === 'lead');
        if (country === 'FR' && c.leadAuthority) expect(lead?.id, `${p} lead`).toBe(c.leadAuthority);
        if (country === 'FR' && !c.leadAuthority) expect(lead).toBeUndefined();
      }
    }
  });

  it('X in Germany: X Internet Unlimited Company, the DPC leads; Reddit in France: the Dutch authority leads; Quora names none', () => {
    const x = jurisdictionFor('DE', 'DE-BE', all, 'x');
    expect(x.controller.name).toBe('X Internet Unlimited Company');
    expect(x.regulators.map((r) => `${r.role}:${r.id}`)).toContain('lead:dpc');
    expect(jurisdictionFor('FR', null, all, 'reddit').regulators.find((r) => r.role === 'lead')?.id).toBe('ap');
    const q = jurisdictionFor('FR', null, all, 'quora');
    expect(q.regulators.map((r) => r.role)).toEqual(['home']);
    expect(q.notes.join(' ')).toMatch(/no lead authority/);
    expect(JSON.stringify(jurisdictionFor('GB', null, all, 'google').notes)).not.toMatch(/LinkedIn/);
  });
});
