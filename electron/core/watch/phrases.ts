import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../api/errors';
import { factsDir } from '../util/facts-dir';

export const AI_PHRASES_FILE = 'ai-phrases.json';

/** Finds sentences about AI: any listed phrase as a whole word (letters and digits around it do not count). */
export interface AiMatcher {
  /** The phrases found in `sentence`, empty when none. */
  match(sentence: string): string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const wordOf = (phrase: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, flags);

const cache = new Map<string, AiMatcher>();

/**
 * Reads `ai-phrases.json` from the facts folder: one list per language code (`en`, `de`, `fr`, …) matched
 * case-insensitively, and `caseSensitive` acronyms matched as written. Every list is tried on every sentence.
 * A missing or malformed file is an error, so a broken data edit shows at the first run instead of a watch that
 * silently flags nothing.
 */
export function loadAiMatcher(dir: string = factsDir()): AiMatcher {
  const file = join(dir, AI_PHRASES_FILE);
  const hit = cache.get(file);
  if (hit) return hit;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ApiError('failed', `Could not read the AI phrases in ${file}: ${err instanceof Error ? err.message : String(err)}.`);
  }
  const patterns: { phrase: string; re: RegExp }[] = [];
  const add = (key: string, list: unknown, flags: string) => {
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.trim() !== '')) {
      throw new ApiError('failed', `The AI phrases in ${file}: "${key}" must be a list of non-empty texts.`);
    }
    for (const p of list as string[]) patterns.push({ phrase: p.trim(), re: wordOf(p.trim(), flags) });
  };
  let languages = 0;
  for (const [key, value] of Object.entries(parsed ?? {})) {
    if (key === 'about') continue;
    if (key === 'caseSensitive') add(key, value, 'u');
    else if (/^[a-z]{2,3}$/.test(key)) {
      add(key, value, 'iu');
      languages++;
    } else throw new ApiError('failed', `The AI phrases in ${file}: unknown key "${key}" (language codes, "caseSensitive" and "about" only).`);
  }
  if (!languages) throw new ApiError('failed', `The AI phrases in ${file} list no language.`);
  const matcher: AiMatcher = {
    match(sentence) {
      const found = new Set<string>();
      for (const { phrase, re } of patterns) if (re.test(sentence)) found.add(phrase);
      return [...found];
    },
  };
  cache.set(file, matcher);
  return matcher;
}
