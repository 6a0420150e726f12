import type { ApiRegistry } from '../api/registry';
import { getPlatform, listPlatforms } from './index';

/** platforms.list / platforms.get: read-only answers from data/platforms/. */
export function registerPlatforms(api: ApiRegistry): void {
  api.register('platforms.list', () => listPlatforms());
  api.register('platforms.get', ({ id }) => getPlatform(id));
}
