import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { apiError, wordIssue } from '../api/errors';

/**
 * Reads every `*.json` in one facts folder (data/authorities, data/platforms), sorted by file name, each checked
 * against its zod schema and named after its id (`dpc.json` holds id "dpc", so ids cannot repeat). A broken file is an
 * error naming the file and the field, so a bad data edit shows up at its first use, not in a letter.
 */
export function readFactFiles<S extends z.ZodType<{ id: string }>>(folder: string, schema: S, noun: { one: string; many: string }): z.output<S>[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw apiError('failed', 'errors.facts.folderUnreadable', { what: noun.many, folder, reason: err instanceof Error ? err.message : String(err) });
  }
  if (names.length === 0) throw apiError('failed', 'errors.facts.folderEmpty', { what: noun.one, folder });
  return names.map((name) => {
    const file = join(folder, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw apiError('failed', 'errors.facts.fileUnreadable', { what: noun.one, file, reason: err instanceof Error ? err.message : String(err) });
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${wordIssue(i as { message: string; params?: Record<string, unknown> })}`).join('; ');
      throw apiError('failed', 'errors.facts.fileInvalid', { what: noun.one, file, why });
    }
    const item = parsed.data as z.output<S>;
    if (`${item.id}.json` !== name) throw apiError('failed', 'errors.facts.fileMisnamed', { what: noun.one, file, id: item.id });
    return item;
  });
}
