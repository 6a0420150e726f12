// US state consumer privacy laws as reviewed data (data/us-state-privacy-laws.json): which states have one in force,
// how many days a business has to answer, and the extension. Read once through factsDir(); a state not in the file
// has no such law that Redress knows of, and gets no deadline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { regionName } from '../contract/regions';
import { factsDir } from '../util/facts-dir';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const StateLaw = z.object({
  name: z.string().min(1),
  law: z.string().min(1),
  shortName: z.string().min(1),
  citation: z.string().min(1),
  inForce: IsoDate,
  responseDays: z.number().int().positive(),
  extensionDays: z.number().int().positive().nullable(),
  extensionNotice: z.string().min(1),
  words: z.record(z.string(), z.string()).optional(),
  noPause: z.string().optional(),
  coverage: z.string().optional(),
  source: z.string().min(1),
  sourceKind: z.string().min(1),
  checked: IsoDate,
  status: z.enum(['verified', 'UNVERIFIED']),
  unverified: z.string().optional(),
});
export type StateLaw = z.infer<typeof StateLaw> & { region: string };

const File = z.object({
  checked: IsoDate,
  counting: z.string(),
  assumption: z.string(),
  requestTypes: z.string(),
  states: z.record(z.string().regex(/^US-[A-Z]{2}$/), StateLaw),
});
export type UsStateLaws = Omit<z.infer<typeof File>, 'states'> & { states: Record<string, StateLaw> };

export const US_STATE_LAWS_FILE = 'us-state-privacy-laws.json';

let cache: { dir: string; laws: UsStateLaws } | undefined;

/** The whole file, validated; a malformed file fails with a message naming it. */
export function usStateLaws(dir = factsDir()): UsStateLaws {
  if (cache?.dir === dir) return cache.laws;
  const file = join(dir, US_STATE_LAWS_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Could not read ${file}: ${(err as Error).message}`);
  }
  const parsed = File.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const states = Object.fromEntries(Object.entries(parsed.data.states).map(([region, s]) => [region, { ...s, region }]));
  const laws = { ...parsed.data, states };
  cache = { dir, laws };
  return laws;
}

/** The state's law, or null when the state has none Redress knows of. */
export function usStateLaw(region: string | null | undefined, dir?: string): StateLaw | null {
  if (!region) return null;
  return usStateLaws(dir).states[region] ?? null;
}

export const stateName = (region: string) => regionName(region)?.replace(/ \(.*\)$/, '') ?? region;
