import type { ApiRegistry } from '../api/registry';
import { authorityById, jurisdictionFor, listAuthorities } from './index';

/** authorities.list / authorities.get / jurisdiction.get: read-only answers from data/authorities/. */
export function registerAuthorities(api: ApiRegistry): void {
  api.register('authorities.list', (input) => listAuthorities({ country: input.country, region: input.region }));
  api.register('authorities.get', ({ id }) => authorityById(id));
  api.register('jurisdiction.get', ({ country, region, platform }) => jurisdictionFor(country, region ?? null, undefined, platform ?? 'linkedin'));
}
