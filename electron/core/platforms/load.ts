import { join } from 'node:path';
import { apiError } from '../api/errors';
import { PlatformFile } from '../contract/platforms';
import { factsDir } from '../util/facts-dir';
import { readFactFiles } from '../util/fact-files';

export const PLATFORMS_DIR = 'platforms';

const cache = new Map<string, readonly PlatformFile[]>();

/**
 * Reads every `*.json` in `data/platforms/` (or REDRESS_FACTS_DIR/platforms), checks each against the zod schema, that
 * its id is its file name, and that every lead authority it names exists in data/authorities/ (when `authorityIds` is
 * given), and returns them sorted by id. A broken file is an error naming the file and the field, so a bad data edit
 * shows up at the first use, not in a letter. Cached per folder for the life of the process.
 */
export function loadPlatforms(dir: string = factsDir(), authorityIds?: ReadonlySet<string>): readonly PlatformFile[] {
  const folder = join(dir, PLATFORMS_DIR);
  const hit = cache.get(folder);
  if (hit) return hit;
  const out = readFactFiles(folder, PlatformFile, { one: 'platform', many: 'platforms' });
  for (const p of authorityIds ? out : []) {
    for (const [region, c] of Object.entries(p.controllers)) {
      if (c.leadAuthority !== null && !authorityIds!.has(c.leadAuthority)) {
        throw apiError('failed', 'errors.facts.leadAuthorityUnknown', { file: join(folder, `${p.id}.json`), region, authority: c.leadAuthority });
      }
    }
  }
  const list = Object.freeze(out);
  cache.set(folder, list);
  return list;
}

/** Forget what was read (tests; a data edit while the app runs). */
export function clearPlatformsCache(): void {
  cache.clear();
}
