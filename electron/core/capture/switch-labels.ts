import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiError } from '../api/errors';
import { factsDir } from '../util/facts-dir';

/** Label texts of the AI-training switch, per language code: `{ en: ['Data for Generative AI Improvement', ...] }`. */
export type SwitchLabels = Record<string, string[]>;

export const SWITCH_LABELS_FILE = 'switch-labels.json';

/**
 * Reads `switch-labels.json` from the facts folder (`data/`, or REDRESS_FACTS_DIR). Each language entry carries its
 * labels with their source and check date; only the labels reach the page script. A missing or malformed file is an
 * error rather than a silent English-only capture, so a broken data edit shows up at the first capture.
 */
export function loadSwitchLabels(dir: string = factsDir()): SwitchLabels {
  const file = join(dir, SWITCH_LABELS_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw apiError('failed', 'errors.switchLabels.unreadable', { file, reason: err instanceof Error ? err.message : String(err) });
  }
  const languages = (parsed as { languages?: unknown } | null)?.languages;
  if (!languages || typeof languages !== 'object' || Array.isArray(languages)) {
    throw apiError('failed', 'errors.switchLabels.noLanguages', { file });
  }
  const out: SwitchLabels = {};
  for (const [lang, entry] of Object.entries(languages as Record<string, unknown>)) {
    const labels = (entry as { labels?: unknown } | null)?.labels;
    if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === 'string' && l.trim() !== '')) {
      throw apiError('failed', 'errors.switchLabels.badLabels', { file, lang });
    }
    out[lang] = labels.map((l: string) => l.trim());
  }
  return out;
}
