import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../api/errors';
import { PlatformFile } from '../contract/platforms';
import { factsDir } from '../util/facts-dir';

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
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw new ApiError('failed', `Could not read the platforms in ${folder}: ${err instanceof Error ? err.message : String(err)}.`);
  }
  if (names.length === 0) throw new ApiError('failed', `No platform files in ${folder}.`);
  const out: PlatformFile[] = [];
  for (const name of names) {
    const file = join(folder, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ApiError('failed', `Could not read the platform file ${file}: ${err instanceof Error ? err.message : String(err)}.`);
    }
    const parsed = PlatformFile.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
      throw new ApiError('failed', `The platform file ${file} is not valid: ${why}.`);
    }
    const p = parsed.data;
    if (`${p.id}.json` !== name) throw new ApiError('failed', `The platform file ${file} has id "${p.id}"; name the file ${p.id}.json.`);
    if (authorityIds) {
      for (const [region, c] of Object.entries(p.controllers)) {
        if (c.leadAuthority !== null && !authorityIds.has(c.leadAuthority)) {
          throw new ApiError(
            'failed',
            `The platform file ${file} is not valid: controllers.${region}.leadAuthority: no authority "${c.leadAuthority}" in data/authorities/.`,
          );
        }
      }
    }
    out.push(p);
  }
  const list = Object.freeze(out);
  cache.set(folder, list);
  return list;
}

/** Forget what was read (tests; a data edit while the app runs). */
export function clearPlatformsCache(): void {
  cache.clear();
}
