// The member's regulators as data: load + validate data/authorities/, and answer which authority serves whom. Plain
// Node (no electron import). Importing this module hands the loader to the contract's `jurisdictionFor`, so drafting,
// deadlines and the CLI in this process all use the data rather than the built-in copy.
import { notFound } from '../api/errors';
import type { Authority, AuthorityFile } from '../contract/authorities';
import {
  homeAuthoritiesIn,
  jurisdictionFor as jurisdictionFrom,
  leadAuthorityIn,
  provideAuthorities,
  providePlatforms,
  type Jurisdiction,
  type Regulator,
  asRegulator,
  toAuthority,
  FALLBACK_AUTHORITIES,
} from '../contract/jurisdiction';
import type { HolidayCalendar } from '../tracking/calendar';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { factsDir } from '../util/facts-dir';
import { AUTHORITIES_DIR, loadAuthorities } from './load';
import { loadPlatforms, PLATFORMS_DIR } from '../platforms/load';

export { clearAuthoritiesCache, loadAuthorities } from './load';

let warned = false;

/**
 * The authorities this process uses: data/authorities/ when the folder exists (a broken file there is an error), else
 * the contract's built-in copy of the DPC, ICO, FDPIC and CalPrivacy, with one warning on stderr. The folder is missing
 * only in a build that did not ship data/ (the packaging test checks it is shipped) or a test with a bare app folder;
 * there, drafting and the allowlist keep working on the four routes rather than failing outright.
 */
export function authoritiesInUse(dir: string = factsDir()): readonly AuthorityFile[] {
  if (existsSync(join(dir, AUTHORITIES_DIR))) return loadAuthorities(dir);
  if (!warned) {
    warned = true;
    process.stderr.write(`redress: no ${AUTHORITIES_DIR}/ folder in ${dir}; using the built-in DPC, ICO, FDPIC and CalPrivacy only.\n`);
  }
  return FALLBACK_AUTHORITIES;
}

provideAuthorities(() => authoritiesInUse());
// The platforms' controllers for `jurisdictionFor` (each lead authority checked against the authorities in use). A
// build without data/platforms/ answers only LinkedIn, whose controllers the contract holds.
providePlatforms(() => {
  const dir = factsDir();
  return existsSync(join(dir, PLATFORMS_DIR)) ? loadPlatforms(dir, new Set(authoritiesInUse(dir).map((a) => a.id))) : [];
});

/** Every authority, or those serving a country (and region), sorted by id. */
export function listAuthorities(filter: { country?: string; region?: string } = {}, all: readonly AuthorityFile[] = authoritiesInUse()): Authority[] {
  return all
    .filter((a) => !filter.country || a.serves.some((s) => s.country === filter.country))
    .filter((a) => !filter.region || a.serves.some((s) => s.region === filter.region))
    .map(toAuthority);
}

/**
 * The home authorities of a member of `country` (and `region`): one for each EEA country and German Land, the ICO,
 * the FDPIC, CalPrivacy for California; none where Redress knows none (or the region is still missing).
 */
export function authoritiesFor(country: string, region?: string | null, all: readonly AuthorityFile[] = authoritiesInUse()): Authority[] {
  return homeAuthoritiesIn(all, country, region ?? null).map(toAuthority);
}

/** One authority by id (for a letter addressed to it); not_found when there is none. */
export function authorityById(id: string, all: readonly AuthorityFile[] = authoritiesInUse()): Authority {
  const a = all.find((x) => x.id === id);
  if (!a) throw notFound('authority', id);
  return toAuthority(a);
}

/** The same authority as a regulator in a letter's terms (name, address, language, unconfirmed fields). */
export function regulatorById(id: string, role: Regulator['role'] = 'home', all: readonly AuthorityFile[] = authoritiesInUse()): Regulator {
  const a = all.find((x) => x.id === id);
  if (!a) throw notFound('authority', id);
  return asRegulator(a, role);
}

/** Law, controller and regulators (home, lead) for a member of `country` / `region` on `platform`, from the data. */
export function jurisdictionFor(country: string, region?: string | null, all: readonly AuthorityFile[] = authoritiesInUse(), platform = 'linkedin'): Jurisdiction {
  return jurisdictionFrom(country, region, all, platform);
}

/** The home authority of a case (Art 77: where the member lives), or null where none is known yet (e.g. DE without a Land). */
export function homeAuthorityOf(c: { country: string; region?: string | null; platform?: string }, all: readonly AuthorityFile[] = authoritiesInUse()): Regulator | null {
  return jurisdictionFrom(c.country, c.region, all, c.platform).regulators.find((r) => r.role === 'home') ?? null;
}

/** The lead authority for LinkedIn Ireland (the DPC). */
export function leadAuthority(all: readonly AuthorityFile[] = authoritiesInUse()): Regulator | null {
  const a = leadAuthorityIn(all);
  return a ? asRegulator(a, 'lead') : null;
}

/** The public-holiday calendar of an authority, in the shape electron/core/tracking/calendar.ts counts with. */
export function authorityCalendar(id: string, all: readonly AuthorityFile[] = authoritiesInUse()): HolidayCalendar | null {
  const a = all.find((x) => x.id === id);
  return a ? { country: a.holidays.country, ...(a.holidays.state ? { state: a.holidays.state } : {}), label: a.holidays.label } : null;
}

/** https hosts of every authority's complaint page and site (the openExternal allowlist is derived from them). */
export function complaintHosts(all: readonly AuthorityFile[] = authoritiesInUse()): string[] {
  return [...new Set(all.flatMap((a) => [a.complaintUrl, ...(a.website ? [a.website] : [])].map((u) => new URL(u).hostname)))].sort();
}
