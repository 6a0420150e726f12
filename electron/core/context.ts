import type { Db } from './db/open';
import type { Capturer } from './capture/capturer';
import type { Clock } from './util/clock';
import type { ShotRenderer } from './watch/screenshot';

/** Everything a handler may touch. Built once per host process by `createCore`. */
export interface CoreContext {
  db: Db;
  /** The data folder: the database and the `evidence/` store live here. */
  dataDir: string;
  clock: Clock;
  app: { name: string; version: string; host: 'electron' | 'browser' | 'cli' };
  /** The page capturer this host provides (Electron: capture window; CLI and browser host: Chromium). */
  capturer?: Capturer;
  /** Makes the renderer for the watch's screenshots, one per run (Electron: a hidden window of the app's own Chromium).
   * Without it, or when REDRESS_CHROMIUM is set, the watch renders with a system Chromium (watch/screenshot.ts). */
  shotRenderer?: () => ShotRenderer;
}
