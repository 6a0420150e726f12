import { ApiRegistry } from './api/registry';
import { registerAuthorities } from './authorities/api';
import { registerPlatforms } from './platforms/api';
import { registerCases } from './cases/api';
import type { CoreContext } from './context';
import { contract } from './contract';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, privateDir, privateFile, type OpenOptions } from './db/open';
import { registerDrafting } from './drafting/api';
import { registerEvidence } from './evidence/api';
import { registerTracking } from './tracking/api';
import { registerWatch } from './watch/api';
import { registerPreferences } from './preferences';
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
  /** The host's screenshot renderer for the policy watch (the desktop app's hidden window); else a system Chromium. */
  shotRenderer?: CoreContext['shotRenderer'];
  version?: string;
}

export const APP_NAME = 'Redress';
export const APP_VERSION = '0.1.0';

/** One core per process: opens the data folder, migrates, and registers every API handler. */
export function createCore(options: CoreOptions): Core {
  // Stored paths are built from an absolute data folder, so a relative --data-dir cannot shift with the working folder.
  const dataDir = resolve(options.dataDir);
  const db = openDatabase(dataDir, options);
  tightenExports(dataDir);
  const ctx: CoreContext = {
    db,
    dataDir,
    clock: options.clock ?? systemClock,
    app: { name: APP_NAME, version: options.version ?? APP_VERSION, host: options.host },
    capturer: options.capturer,
    ...(options.shotRenderer ? { shotRenderer: options.shotRenderer } : {}),
  };
  const api = new ApiRegistry(contract);
  registerCases(api, ctx);
  registerEvidence(api, ctx);
  registerTracking(api, ctx);
  registerDrafting(api, ctx);
  registerAuthorities(api);
  registerWatch(api, ctx);
  registerPlatforms(api);
  registerPreferences(api, ctx);
  return { api, ctx, close: () => db.close() };
}

/** Exports written by an older Redress (0644) become private too; new ones are written 0600. */
function tightenExports(dataDir: string): void {
  const dir = join(dataDir, 'exports');
  if (!existsSync(dir)) return;
  privateDir(dir);
  for (const name of readdirSync(dir)) privateFile(join(dir, name));
}
