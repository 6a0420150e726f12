// The openExternal allowlist is derived from the data: every authority's complaint page and every platform's settings,
// form and policy pages open, nothing else does.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complaintHosts, loadAuthorities } from '../../electron/core/authorities';
import { externalAllowlist, isAllowedExternal, LINKEDIN_HOSTS, platformHosts } from '../../electron/main/security';

const all = loadAuthorities(resolve(import.meta.dirname, '..', '..', 'data'));

describe('openExternal allowlist from data/authorities', () => {
  it('is exactly LinkedIn’s hosts plus the hosts of the authorities’ complaint pages and sites and of the platforms’ pages', () => {
    expect([...externalAllowlist()].sort()).toEqual([...new Set([...LINKEDIN_HOSTS, ...complaintHosts(all), ...platformHosts()])].sort());
    expect(platformHosts()).toEqual(expect.arrayContaining(['www.facebook.com', 'help.instagram.com']));
  });

  it.each(all.map((a) => [a.id, a.complaintUrl] as const))('%s: its complaint page %s opens', (_id, url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    ['https://www.lda.bayern.de/de/beschwerde.html', true],
    ['https://www.dataprotection.ie/en/individuals/exercising-your-rights/raising-concern-commission', true], // the DPC's site (templates link it)
    ['https://www.linkedin.com/help/linkedin/ask/TS-DPRO', true],
    ['http://www.lda.bayern.de/de/beschwerde.html', false], // not https
    ['https://www.lda.bayern.de.evil.example/', false], // look-alike host
    ['https://user:pw@ico.org.uk/', false], // credentials
    ['https://github.com/datenanfragen/data', false], // a source, not a complaint page
    ['https://www.bfdi.bund.de/', false], // not a home authority for private companies
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedExternal(url)).toBe(allowed);
  });
});
