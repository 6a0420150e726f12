import type { ApiRegistry } from '../api/registry';
import type { CoreContext } from '../context';

/** Registers the drafting handlers. Owned by the drafting work. */
export function registerDrafting(_api: ApiRegistry, _ctx: CoreContext): void {}
