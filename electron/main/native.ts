import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 built for Electron's ABI lives apart from node_modules (which keeps the Node build for tests, CLI and
 * the browser host). Packaged: resources/native/; from a checkout: .electron-native/ after `npm run electron:native`.
 */
export function electronNativeBinding(opts: { resourcesPath: string; appPath: string; packaged: boolean }): string | undefined {
  const candidates = opts.packaged
    ? [join(opts.resourcesPath, 'native', 'better_sqlite3.node')]
    : [join(opts.appPath, '.electron-native', 'better_sqlite3.node')];
  return candidates.find((p) => existsSync(p));
}
