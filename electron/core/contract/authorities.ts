// The regulators a member can turn to, as reviewed data (one JSON file per authority in data/authorities/, read by the
// core through factsDir()). This file holds only the shape (a zod schema the core checks each file with at load) and
// the API inputs: nothing here reads files, so the renderer can import it.
import { z } from 'zod';
import { isCountryCode } from './countries';
import { PLATFORMS } from './cases';

export const AUTHORITY_LAWS = ['gdpr', 'uk-gdpr', 'fadp', 'ccpa'] as const;
export type AuthorityLaw = (typeof AUTHORITY_LAWS)[number];
export const AUTHORITY_LAW_LABELS: Record<AuthorityLaw, string> = {
  gdpr: 'GDPR',
  'uk-gdpr': 'UK GDPR',
  fadp: 'Swiss FADP',
  ccpa: 'CCPA',
};
/** Each law's name by reference (core catalog `jurisdiction.lawName.<key>`): GDPR, DSGVO, RGPD. */
export const AUTHORITY_LAW_KEYS: Record<AuthorityLaw, string> = {
  gdpr: 'gdpr',
  'uk-gdpr': 'ukGdpr',
  fadp: 'fadp',
  ccpa: 'ccpa',
};

/** Fields a file may list as unconfirmed. */
export const AUTHORITY_FIELDS = ['name', 'nameLocal', 'nameEn', 'shortName', 'address', 'complaintUrl', 'email', 'languages', 'serves', 'requirements', 'holidays'] as const;

const Iso2 = z.string().refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-2 code such as DE' });
const Lang = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as de');
const HttpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });
const Line = z.string().trim().min(1).max(200);

export const AuthorityFile = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'must be lower-case letters, digits and dashes'),
    name: z.object({ local: Line, en: Line }).strict(),
    shortName: z.string().trim().min(1).max(40),
    /** Postal address, one line per entry, country last. */
    address: z.array(Line).min(2).max(8),
    complaintUrl: HttpsUrl,
    /** The authority's own site, where it differs from the complaint page's host. */
    website: HttpsUrl.optional(),
    email: z.email().optional(),
    /**
     * Languages the authority accepts complaints in, the one it expects first. A letter to it defaults to the first of
     * these that the template has (drafting's `expectedLanguage`); unconfirmed ones are listed in `unverified`.
     */
    languages: z.array(Lang).min(1).refine((l) => new Set(l).size === l.length, { message: 'a language is listed twice' }),
    /** Whose home authority it is: a country, and for Germany (and US states) the ISO 3166-2 region. */
    serves: z
      .array(
        z
          .object({ country: Iso2, region: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 code such as DE-BY').optional() })
          .strict()
          .refine((s) => !s.region || s.region.startsWith(`${s.country}-`), { message: 'region must lie in the country' }),
      )
      .min(1),
    law: z.enum(AUTHORITY_LAWS),
    /** Platforms whose EU establishment it supervises as lead authority (one-stop-shop). */
    leadFor: z.array(z.string()).optional(),
    /** Its public holidays, as date-holidays names them (country, and state where it matters). */
    holidays: z.object({ country: Iso2, state: z.string().regex(/^[A-Z0-9]{1,3}$/).optional(), label: Line }).strict(),
    requirements: z
      .object({
        /** The language it expects a complaint in. */
        complaintLanguage: Lang,
        /** A form it makes compulsory (a free letter will not do). */
        compulsoryForm: z.object({ compulsory: z.literal(true), note: Line.max(400), url: HttpsUrl.optional() }).strict().optional(),
        notes: z.array(z.string().trim().min(1).max(400)).optional(),
      })
      .strict(),
    checked: z.iso.date(),
    sources: z.array(z.string().trim().min(8).max(600)).min(1),
    /** Facts that could not be confirmed, each with the source tried: the app shows them as unconfirmed and editable. */
    unverified: z.array(z.object({ field: z.enum(AUTHORITY_FIELDS), note: z.string().trim().min(1).max(600) }).strict()).optional(),
  })
  .strict()
  .refine((a) => a.languages.includes(a.requirements.complaintLanguage), {
    message: 'requirements.complaintLanguage must be one of languages',
    path: ['requirements', 'complaintLanguage'],
  });
export type AuthorityFile = z.output<typeof AuthorityFile>;

/** An authority as the API returns it: the file, plus what the UI needs without rereading it. */
export interface Authority extends AuthorityFile {
  /** Fields that are unconfirmed, for a quick check (`unverified` has the notes). */
  unverifiedFields: string[];
}

const Country = z
  .string({ error: 'Country is required.' })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: 'Country must be an ISO 3166-1 alpha-2 code such as GB, DE or US.' });
const Region = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'Region must be an ISO 3166-2 code such as DE-BE or US-CA.');

export const AuthoritiesListInput = z
  .object({ country: Country.optional(), region: Region.optional() })
  .strict()
  .refine((v) => !v.region || !v.country || v.region.startsWith(`${v.country}-`), { message: 'Region must lie in the country.', path: ['region'] })
  .default({});

export const JurisdictionGetInput = z
  .object({ country: Country, region: Region.nullish(), platform: z.enum(PLATFORMS, { error: `Platform must be one of: ${PLATFORMS.join(', ')}.` }).optional() })
  .strict()
  .refine((v) => !v.region || v.region.startsWith(`${v.country}-`), { message: 'Region must lie in the country.', path: ['region'] });

export const AuthorityGetInput = z.object({ id: z.string().trim().min(1).max(40) }).strict();
