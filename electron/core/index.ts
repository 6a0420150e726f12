import { ApiRegistry } from './api/registry';
import { registerCases } from './cases/api';
import type { CoreContext } from './context';
import { contract } from './contract';
import { openDatabase, type OpenOptions } from './db/open';
import { registerDrafting } from './drafting/api';
import { registerEvidence } from './evidence/api';
import { registerTracking } from './tracking/api';
import { systemClock, type Clock } from './util/clock';

export interface Core {
  api: ApiRegistry;
  ctx: CoreContext;
  close(): void;
}

export interface CoreOptions extends OpenOptions {
  dataDir: string;
  host: CoreContext['app']['host'];
  clock?: Clock;
  capturer?: CoreContext['capturer'];
  version?: string;
}

export const APP_NAME = 'Redress';
export const APP_VERSION = '0.1.0';

/** One core per process: opens the data folder, migrates, and registers every API handler. */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.dataDir, options);
  const ctx: CoreContext = {
    db,
    dataDir: options.dataDir,
    clock: options.clock ?? systemClock,
    app: { name: APP_NAME, version: options.version ?? APP_VERSION, host: options.host },
    capturer: options.capturer,
  };
  const api = new ApiRegistry(contract);
  registerCases(api, ctx);
  registerEvidence(api, ctx);
  registerTracking(api, ctx);
  registerDrafting(api, ctx);
  return { api, ctx, close: () => db.close() };
}
