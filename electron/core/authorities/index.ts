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
  type Jurisdiction,
  type Regulator,
  asRegulator,
  toAuthority,
} from '../contract/jurisdiction';
import type { HolidayCalendar } from '../tracking/calendar';
import { loadAuthorities } from './load';

export { clearAuthoritiesCache, loadAuthorities } from './load';

provideAuthorities(() => loadAuthorities());

/** Every authority, or those serving a country (and region), sorted by id. */
export function listAuthorities(filter: { country?: string; region?: string } = {}, all: readonly AuthorityFile[] = loadAuthorities()): Authority[] {
  return all
    .filter((a) => !filter.country || a.serves.some((s) => s.country === filter.country))
    .filter((a) => !filter.region || a.serves.some((s) => s.region === filter.region))
    .map(toAuthority);
}

/**
 * The home authorities of a member of `country` (and `region`): one for each EEA country and German Land, the ICO,
 * the FDPIC, CalPrivacy for California; none where Redress knows none (or the region is still missing).
 */
export function authoritiesFor(country: string, region?: string | null, all: readonly AuthorityFile[] = loadAuthorities()): Authority[] {
  return homeAuthoritiesIn(all, country, region ?? null).map(toAuthority);
}

/** One authority by id (for a letter addressed to it); not_found when there is none. */
export function authorityById(id: string, all: readonly AuthorityFile[] = loadAuthorities()): Authority {
  const a = all.find((x) => x.id === id);
  if (!a) throw notFound('authority', id);
  return toAuthority(a);
}

/** The same authority as a regulator in a letter's terms (name, address, language, unconfirmed fields). */
export function regulatorById(id: string, role: Regulator['role'] = 'home', all: readonly AuthorityFile[] = loadAuthorities()): Regulator {
  const a = all.find((x) => x.id === id);
  if (!a) throw notFound('authority', id);
  return asRegulator(a, role);
}

/** Law, controller and regulators (home, lead) for a member of `country` / `region`, from the data. */
export function jurisdictionFor(country: string, region?: string | null, all: readonly AuthorityFile[] = loadAuthorities()): Jurisdiction {
  return jurisdictionFrom(country, region, all);
}

/** The home authority of a case (Art 77: where the member lives), or null where none is known yet (e.g. DE without a Land). */
export function homeAuthorityOf(c: { country: string; region?: string | null }, all: readonly AuthorityFile[] = loadAuthorities()): Regulator | null {
  return jurisdictionFrom(c.country, c.region, all).regulators.find((r) => r.role === 'home') ?? null;
}

/** The lead authority for LinkedIn Ireland (the DPC). */
export function leadAuthority(all: readonly AuthorityFile[] = loadAuthorities()): Regulator | null {
  const a = leadAuthorityIn(all);
  return a ? asRegulator(a, 'lead') : null;
}

/** The public-holiday calendar of an authority, in the shape electron/core/tracking/calendar.ts counts with. */
export function authorityCalendar(id: string, all: readonly AuthorityFile[] = loadAuthorities()): HolidayCalendar | null {
  const a = all.find((x) => x.id === id);
  return a ? { country: a.holidays.country, ...(a.holidays.state ? { state: a.holidays.state } : {}), label: a.holidays.label } : null;
}

/** https hosts of every authority's complaint page (the openExternal allowlist is derived from them). */
export function complaintHosts(all: readonly AuthorityFile[] = loadAuthorities()): string[] {
  return [...new Set(all.map((a) => new URL(a.complaintUrl).hostname))].sort();
}
