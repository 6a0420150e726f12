import { join } from 'node:path';
import { AuthorityFile } from '../contract/authorities';
import { factsDir } from '../util/facts-dir';
import { readFactFiles } from '../util/fact-files';

export const AUTHORITIES_DIR = 'authorities';

const cache = new Map<string, readonly AuthorityFile[]>();

/**
 * Reads every `*.json` in `data/authorities/` (or REDRESS_FACTS_DIR/authorities), checks each against the zod schema
 * and that its id is its file name, and returns them sorted by id. A broken file is an error naming the file and the field,
 * so a bad data edit shows up at start, not in a letter. Cached per folder for the life of the process.
 */
export function loadAuthorities(dir: string = factsDir()): readonly AuthorityFile[] {
  const folder = join(dir, AUTHORITIES_DIR);
  const hit = cache.get(folder);
  if (hit) return hit;
  const out = readFactFiles(folder, AuthorityFile, { one: 'authority', many: 'authorities' });
  const list = Object.freeze(out);
  cache.set(folder, list);
  return list;
}

/** Forget what was read (tests; a data edit while the app runs). */
export function clearAuthoritiesCache(): void {
  cache.clear();
}
