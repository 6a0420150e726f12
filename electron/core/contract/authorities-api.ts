import { AuthoritiesListInput, AuthorityGetInput, JurisdictionGetInput, type Authority } from './authorities';
import type { Jurisdiction } from './jurisdiction';

export const authoritiesContract = {
  'authorities.list': AuthoritiesListInput,
  'authorities.get': AuthorityGetInput,
  'jurisdiction.get': JurisdictionGetInput,
} as const;

export interface AuthoritiesOutputs {
  'authorities.list': Authority[];
  'authorities.get': Authority;
  'jurisdiction.get': Jurisdiction;
}
