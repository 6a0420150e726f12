// Which regulators a member gets, and in which role, from the data (home = where the member lives, Art 77; lead = the
// DPC for LinkedIn Ireland). Also: the contract's jurisdictionFor (used by drafting, deadlines and the renderer) answers
// from the same data once the core module is loaded.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authoritiesFor, authorityById, authorityCalendar, complaintHosts, homeAuthorityOf, jurisdictionFor, loadAuthorities, regulatorById } from '../../electron/core/authorities';
import { FALLBACK_AUTHORITIES, jurisdictionFor as contractJurisdictionFor } from '../../electron/core/contract';

const all = loadAuthorities(resolve(import.meta.dirname, '..', '..', 'data'));
const roles = (country: string, region?: string | null) => jurisdictionFor(country, region, all).regulators.map((r) => `${r.role}:${r.id}`);

describe('jurisdictionFor', () => {
  it.each([
    ['PL', null, ['home:uodo', 'lead:dpc']],
    ['AT', null, ['home:dsb', 'lead:dpc']],
    ['SE', null, ['home:imy', 'lead:dpc']],
    ['NO', null, ['home:datatilsynet-no', 'lead:dpc']],
    ['DE', 'DE-BY', ['home:baylda', 'lead:dpc']],
    ['DE', 'DE-BE', ['home:blnbdi', 'lead:dpc']],
    ['DE', 'DE-HH', ['home:hmbbfdi', 'lead:dpc']],
    ['IE', null, ['home:dpc']],
    ['GB', null, ['home:ico']],
    ['CH', null, ['home:fdpic', 'lead:dpc']],
    ['US', 'US-CA', ['home:cppa']],
    ['US', 'US-TX', []],
    ['JP', null, []],
  ])('%s %s -> %j', (country, region, expected) => {
    expect(roles(country, region)).toEqual(expected);
  });

  it('Germany without a Land: no authority is guessed, the lead is named and the Land is asked for', () => {
    const j = jurisdictionFor('DE', null, all);
    expect(j.regionNeeded).toBe(true);
    expect(j.regulators.map((r) => r.id)).toEqual(['dpc']);
    expect(j.notes[0]).toMatch(/each Land has its own authority for private companies/);
  });

  it('a region from another country is ignored rather than trusted', () => {
    expect(roles('DE', 'US-CA')).toEqual(['lead:dpc']);
  });

  it('says plainly when the home authority expects its own language', () => {
    const j = jurisdictionFor('DE', 'DE-BY', all);
    const home = j.regulators[0];
    expect(home).toMatchObject({ shortName: 'BayLDA', complaintLanguage: 'de', expectsOwnLanguage: true, region: 'DE-BY', country: 'DE' });
    expect(j.notes.join(' ')).toContain('BayLDA expects complaints in German');
    expect(jurisdictionFor('IE', null, all).regulators[0].expectsOwnLanguage).toBe(false);
    expect(jurisdictionFor('MT', null, all).regulators[0].expectsOwnLanguage).toBe(false);
  });

  it('Spain: the AEPD’s compulsory form is said', () => {
    expect(jurisdictionFor('ES', null, all).notes.join(' ')).toMatch(/AEPD: The AEPD requires its own complaint forms/);
  });

  it('Switzerland: FADP report to the FDPIC, and the GDPR route to the DPC (Art 3(1))', () => {
    const j = jurisdictionFor('CH', null, all);
    expect(j.regulators.map((r) => [r.id, r.law, r.role])).toEqual([
      ['fdpic', 'fadp', 'home'],
      ['dpc', 'gdpr', 'lead'],
    ]);
    expect(j.notes.join(' ')).toMatch(/Art 3\(1\)/);
  });

  it('United States: a state is asked for, California gets CalPrivacy, other states get no invented regulator', () => {
    expect(jurisdictionFor('US', null, all)).toMatchObject({ regionNeeded: true, regulators: [], hasGdprRights: false });
    expect(jurisdictionFor('US', 'US-CA', all)).toMatchObject({ regionNeeded: false, law: 'CCPA (California)' });
    const tx = jurisdictionFor('US', 'US-TX', all);
    expect(tx.regulators).toEqual([]);
    expect(tx.notes.join(' ')).toContain('Texas');
  });

  it('unconfirmed facts travel with the regulator, with the note naming the source tried', () => {
    const hu = jurisdictionFor('HU', null, all).regulators[0];
    expect(hu.unverified).toMatch(/postal address/);
    expect(hu.unverifiedFields.find((u) => u.field === 'address')?.note).toMatch(/Szilágyi Erzsébet fasor/);
  });

  it('the controller and the law stay as before', () => {
    expect(jurisdictionFor('DE', 'DE-BY', all)).toMatchObject({ law: 'GDPR', controller: { name: 'LinkedIn Ireland Unlimited Company' }, hasGdprRights: true });
    expect(jurisdictionFor('GB', null, all)).toMatchObject({ law: 'UK GDPR', controller: { name: 'LinkedIn Corporation' } });
  });

  it('the contract’s jurisdictionFor uses the data once the core module is loaded (this file imports it)', () => {
    expect(contractJurisdictionFor('DE', 'DE-BY').regulators[0].id).toBe('baylda');
    expect(contractJurisdictionFor('DE').regulators.map((r) => r.id)).toEqual(['dpc']);
  });

  it('without the data (renderer, pure unit tests) the built-in copy still gives the lead and national routes', () => {
    expect(contractJurisdictionFor('DE', 'DE-BY', FALLBACK_AUTHORITIES).regulators.map((r) => r.id)).toEqual(['dpc']);
    expect(contractJurisdictionFor('GB', null, FALLBACK_AUTHORITIES).regulators.map((r) => r.id)).toEqual(['ico']);
    expect(contractJurisdictionFor('US', 'US-CA', FALLBACK_AUTHORITIES).regulators.map((r) => r.id)).toEqual(['cppa']);
  });
});

describe('helpers for letters and deadlines', () => {
  it('authorityById and regulatorById: by id, not_found otherwise', () => {
    expect(authorityById('baylda', all).name.local).toBe('Bayerisches Landesamt für Datenschutzaufsicht');
    expect(regulatorById('cnil', 'home', all)).toMatchObject({ name: "Commission nationale de l'informatique et des libertés", address: expect.arrayContaining(['75334 Paris Cedex 07']) });
    expect(() => authorityById('nope', all)).toThrow(/No authority with id "nope"/);
  });

  it('homeAuthorityOf a case', () => {
    expect(homeAuthorityOf({ country: 'DE', region: 'DE-NW' }, all)?.shortName).toBe('LDI NRW');
    expect(homeAuthorityOf({ country: 'DE', region: null }, all)).toBeNull();
    expect(homeAuthorityOf({ country: 'IE' }, all)?.id).toBe('dpc');
  });

  it('authoritiesFor lists the home authorities only', () => {
    expect(authoritiesFor('DE', 'DE-SN', all).map((a) => a.id)).toEqual(['sdtb']);
    expect(authoritiesFor('FR', null, all).map((a) => a.id)).toEqual(['cnil']);
  });

  it('authorityCalendar gives the calendar shape deadlines count with', () => {
    expect(authorityCalendar('baylda', all)).toEqual({ country: 'DE', state: 'BY', label: 'Bavaria' });
    expect(authorityCalendar('dpc', all)).toEqual({ country: 'IE', label: 'Ireland' });
    expect(authorityCalendar('nope', all)).toBeNull();
  });

  it('complaintHosts are bare https host names', () => {
    const hosts = complaintHosts(all);
    expect(hosts).toContain('www.lda.bayern.de');
    expect(hosts).toContain('ico.org.uk');
    for (const h of hosts) expect(h).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
  });
});
