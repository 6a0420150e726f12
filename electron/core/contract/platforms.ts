// The platforms that train AI on their members' data, as reviewed data (one JSON file per platform in data/platforms/,
// read by the core through factsDir()). This file holds only the shape (a zod schema the core checks each file with
// at load), the API inputs and a few pure helpers: nothing here reads files, so the renderer can import it.
//
// Every fact is an object carrying its own `source` (an https address where it was read), `checked` (the day it was
// read, or the month of the secondary notes it came from) and, where it could not be confirmed on the platform's own
// page, `unverified` saying why. The app shows such facts as unconfirmed and editable.
import { z } from 'zod';
import { isCountryCode, regimeOf } from './countries';

/** The regions a platform names a controller for: EU/EEA and Switzerland, the United Kingdom, everywhere else. */
export const PLATFORM_REGIONS = ['eu', 'uk', 'other'] as const;
export type PlatformRegion = (typeof PLATFORM_REGIONS)[number];

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes');
const Lang = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as de');
const Iso2 = z.string().refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-2 code such as IE' });
const HttpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });
const Line = z.string().trim().min(1).max(200);
const Text = z.string().trim().min(1).max(600);
/** A CSS selector (checked for syntax by the schema test with a real DOM; the contract cannot parse CSS itself). */
const Selector = z.string().trim().min(1).max(300);

/** Where a fact was read and when; `unverified` says why it could not be confirmed on the platform's own page. */
export const Sourced = {
  source: HttpsUrl,
  /** More places the same fact was seen. */
  seeAlso: z.array(HttpsUrl).optional(),
  /** The day the fact was checked (YYYY-MM-DD), or the month of the notes it was taken from (YYYY-MM). */
  checked: z.union([z.iso.date(), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a date YYYY-MM-DD or a month YYYY-MM')]),
  unverified: Text.optional(),
  note: Text.optional(),
};

export const PlatformController = z
  .object({
    name: Line,
    /** Postal address, one line per entry, country last. */
    address: z.array(Line).min(2).max(8),
    /** The country whose public holidays count for its deadlines. */
    country: Iso2,
    /** The authority (an id in data/authorities/) that leads for this controller; null where none leads (no EU establishment, or outside the GDPR). */
    leadAuthority: Id.nullable(),
    ...Sourced,
  })
  .strict();
export type PlatformController = z.output<typeof PlatformController>;

const SwitchLabel = z
  .object({
    /** The setting's name and the switch's label as the platform shows them in this language. */
    labels: z.array(Line).min(1),
    ...Sourced,
  })
  .strict();

export const PlatformSetting = z
  .object({
    id: Id,
    /** The setting's name, in English. */
    name: Line,
    /** The page that holds it, or null where it lives only in an app. */
    url: HttpsUrl.nullable(),
    /** Where it is in the menus, step by step (English). */
    menuPath: z.array(Line).min(1),
    switch: z
      .object({
        /** What the platform sets it to for a new account. */
        default: z.enum(['on', 'off', 'unknown']),
        /** Labels per language code, the capture's search texts. */
        labels: z.record(Lang, SwitchLabel).refine((r) => Object.keys(r).length > 0, { message: 'needs at least one language' }),
      })
      .strict()
      .nullable(),
    /** Why there is no switch (required when `switch` is null). */
    why: Text.optional(),
    ...Sourced,
  })
  .strict()
  .refine((s) => s.switch !== null || Boolean(s.why), { message: 'a setting without a switch must say why', path: ['why'] });
export type PlatformSetting = z.output<typeof PlatformSetting>;

const FormField = z
  .object({
    name: Id,
    /** The field's label on the form (English), or Redress's description where the form's own wording is unknown. */
    label: Line,
    required: z.boolean(),
    note: Text.optional(),
  })
  .strict();

export const PlatformObjection = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('form'),
      name: Line,
      url: HttpsUrl,
      fields: z.array(FormField),
      ...Sourced,
    })
    .strict(),
  z
    .object({
      /** No form: object by letter (or email) to the controller. */
      kind: z.literal('letter'),
      /** What was looked for, and why a letter is the route. */
      why: Text,
      ...Sourced,
    })
    .strict(),
]);
export type PlatformObjection = z.output<typeof PlatformObjection>;

export const PlatformPolicy = z
  .object({
    id: Id,
    name: Line,
    url: HttpsUrl,
    /** What to keep of the page (CSS selectors; the first that matches wins). */
    select: z.array(Selector).min(1),
    /** What to drop from the kept part (navigation, banners, decorations). */
    remove: z.array(Selector),
    ...Sourced,
  })
  .strict();
export type PlatformPolicy = z.output<typeof PlatformPolicy>;

export const PlatformDate = z
  .object({
    date: z.union([z.iso.date(), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a date YYYY-MM-DD or a month YYYY-MM')]),
    what: Text,
    regions: z.array(z.enum(PLATFORM_REGIONS)).min(1).optional(),
    ...Sourced,
  })
  .strict();

export const PlatformFile = z
  .object({
    id: Id,
    /** The platform's name as members know it. */
    name: Line,
    /** The AI product the training feeds, where it has a name of its own (Grok, Gemini, Copilot, Meta AI). */
    product: Line.optional(),
    parent: z.object({ name: Line, ...Sourced }).strict(),
    /** Languages the platform's settings are shown in that Redress holds labels for, the first the default. */
    languages: z.array(Lang).min(1),
    controllers: z.object({ eu: PlatformController, uk: PlatformController, other: PlatformController }).strict(),
    settings: z.array(PlatformSetting).min(1),
    objection: PlatformObjection,
    policies: z.array(PlatformPolicy).min(1),
    /** What the switch (or, without one, the objection) covers and what it does not. */
    coverage: z.object({ covers: z.array(Text).min(1), excludes: z.array(Text), ...Sourced }).strict(),
    dates: z.array(PlatformDate),
  })
  .strict()
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    for (const [i, s] of p.settings.entries()) {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', message: `setting id "${s.id}" is used twice`, path: ['settings', i, 'id'] });
      ids.add(s.id);
    }
    const docs = new Set<string>();
    for (const [i, d] of p.policies.entries()) {
      if (docs.has(d.id)) ctx.addIssue({ code: 'custom', message: `policy id "${d.id}" is used twice`, path: ['policies', i, 'id'] });
      docs.add(d.id);
    }
  });
export type PlatformFile = z.output<typeof PlatformFile>;

/** A fact that could not be confirmed: where it is in the file (`controllers.uk`) and why. */
export interface UnverifiedFact {
  path: string;
  note: string;
}

/** A platform as the API returns it: the file, plus its unconfirmed facts gathered for a quick look. */
export interface Platform extends PlatformFile {
  unverifiedFacts: UnverifiedFact[];
}

/** Every object in the file that carries a `source` (each fact), with its path. */
export function platformFacts(p: unknown, path = ''): { path: string; fact: Record<string, unknown> }[] {
  if (Array.isArray(p)) return p.flatMap((v, i) => platformFacts(v, path ? `${path}.${i}` : String(i)));
  if (!p || typeof p !== 'object') return [];
  const o = p as Record<string, unknown>;
  const here = 'source' in o ? [{ path: path || '(file)', fact: o }] : [];
  return [...here, ...Object.entries(o).flatMap(([k, v]) => platformFacts(v, path ? `${path}.${k}` : k))];
}

/** The platform with its unconfirmed facts listed. */
export function toPlatform(p: PlatformFile): Platform {
  const unverifiedFacts = platformFacts(p)
    .filter(({ fact }) => typeof fact.unverified === 'string')
    .map(({ path, fact }) => ({ path, note: fact.unverified as string }));
  return { ...p, unverifiedFacts };
}

/** Which of a platform's regions a member of `country` (ISO 3166-1) is in: EU/EEA and CH -> eu, GB -> uk, else other. */
export function platformRegionOf(country: string): PlatformRegion {
  const r = regimeOf(country.trim().toUpperCase());
  return r === 'eu' || r === 'ch' ? 'eu' : r === 'uk' ? 'uk' : 'other';
}

/** The controller a member of `country` deals with on this platform. */
export function controllerFor(platform: Pick<PlatformFile, 'controllers'>, country: string): PlatformController {
  return platform.controllers[platformRegionOf(country)];
}

/**
 * The texts that name the platform's AI-training switches, per language code, in the shape the capture's toggle
 * detection takes (`{ en: [...], de: [...] }`): every setting's labels, merged, without duplicates.
 */
export function switchLabelsOf(platform: Pick<PlatformFile, 'settings'>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of platform.settings) {
    for (const [lang, entry] of Object.entries(s.switch?.labels ?? {})) {
      const list = (out[lang] ??= []);
      for (const l of entry.labels) if (!list.includes(l)) list.push(l);
    }
  }
  return out;
}

export const PlatformsListInput = z.object({}).strict().default({});
export const PlatformGetInput = z.object({ id: z.string().trim().toLowerCase().min(1).max(40) }).strict();
