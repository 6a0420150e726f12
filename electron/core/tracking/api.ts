import type { ApiRegistry } from '../api/registry';
import type { CoreContext } from '../context';

/** Registers the tracking handlers. Owned by the tracking work. */
export function registerTracking(_api: ApiRegistry, _ctx: CoreContext): void {}
