import type { ApiRegistry } from '../api/registry';
import type { CoreContext } from '../context';

/** Registers the evidence handlers. Owned by the evidence work. */
export function registerEvidence(_api: ApiRegistry, _ctx: CoreContext): void {}
