import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../api/errors';
import { AuthorityFile } from '../contract/authorities';
import { factsDir } from '../util/facts-dir';

export const AUTHORITIES_DIR = 'authorities';

const cache = new Map<string, readonly AuthorityFile[]>();

/**
 * Reads every `*.json` in `data/authorities/` (or REDRESS_FACTS_DIR/authorities), checks each against the zod schema
 * and the ids for duplicates, and returns them sorted by id. A broken file is an error naming the file and the field,
 * so a bad data edit shows up at start, not in a letter. Cached per folder for the life of the process.
 */
export function loadAuthorities(dir: string = factsDir()): readonly AuthorityFile[] {
  const folder = join(dir, AUTHORITIES_DIR);
  const hit = cache.get(folder);
  if (hit) return hit;
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw new ApiError('failed', `Could not read the authorities in ${folder}: ${err instanceof Error ? err.message : String(err)}.`);
  }
  if (names.length === 0) throw new ApiError('failed', `No authority files in ${folder}.`);
  const seen = new Map<string, string>();
  const out: AuthorityFile[] = [];
  for (const name of names) {
    const file = join(folder, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ApiError('failed', `Could not read the authority file ${file}: ${err instanceof Error ? err.message : String(err)}.`);
    }
    const parsed = AuthorityFile.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
      throw new ApiError('failed', `The authority file ${file} is not valid: ${why}.`);
    }
    const a = parsed.data;
    if (`${a.id}.json` !== name) throw new ApiError('failed', `The authority file ${file} has id "${a.id}"; name the file ${a.id}.json.`);
    const twin = seen.get(a.id);
    if (twin) throw new ApiError('failed', `Authority id "${a.id}" is used by both ${twin} and ${name}.`);
    seen.set(a.id, name);
    out.push(a);
  }
  const list = Object.freeze(out);
  cache.set(folder, list);
  return list;
}

/** Forget what was read (tests; a data edit while the app runs). */
export function clearAuthoritiesCache(): void {
  cache.clear();
}
