// Contract of the drafting feature: API name -> zod input schema, and the output types.
// Owned by the drafting work; pure zod, no Node imports (the renderer type-checks against this file).
import { z } from 'zod';
import { CaseId, PLATFORMS } from './cases';
import { CalendarDate, CHANNELS, REF_MAX, REQUEST_TYPES } from './tracking';
import type { Msg } from './i18n';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-11-23.');

/** One field of a template: what the user fills in, and how it is checked. Labels are in the template's first language. */
export const TemplateField = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'Field names are lower_snake_case.'),
  label: z.string().min(1),
  /** `check`: a yes/no the member ticks (value "yes" or empty), for a statement only the member can confirm. */
  type: z.enum(['text', 'textarea', 'email', 'date', 'check']),
  required: z.boolean().default(false),
  maxLength: z.number().int().positive().max(100_000).optional(),
  help: z.string().optional(),
  /** Set where the fact behind this field could not be confirmed from its source: the UI says so. */
  unverified: z.string().optional(),
  /** Shown in the "copy into the web form" list (fields of the recipient's own online form). */
  webForm: z.boolean().default(false),
  /**
   * Editable starting points the member can insert and then change (e.g. for "your particular situation"), so nobody
   * faces a blank box. First person, plain words; never sent as they are without the member reading them.
   * `platforms`: the platforms a starter is true of (a job search fits LinkedIn, not WhatsApp); without it, every
   * platform. A case sees only the starters that fit its platform, without this list.
   */
  starters: z
    .array(z.object({ label: z.string().min(1).max(80), text: z.string().min(1).max(2000), platforms: z.array(z.enum(PLATFORMS)).min(1).optional() }).strict())
    .max(12)
    .optional(),
});
export type TemplateField = z.output<typeof TemplateField>;

/** A dated precondition, so a change in the law (e.g. Regulation 2025/2518 from 2 April 2027) is a data edit. */
export const Precondition = z.object({
  text: z.string().min(1),
  rule: z.string().min(1),
  until: isoDate.optional(),
  from: isoDate.optional(),
});

/**
 * A drafting.* key of the core catalog; it may choose a variant by facts (`drafting.requires.allPending.{{#if
 * request_extended}}extended{{else}}plain{{/if}}`): every variant must be in the catalog (checked at load).
 */
const MessageKeyTemplate = z.string().regex(/^drafting\.[A-Za-z0-9_.{}#/! ]+$/, 'A message key is a drafting.* key of the core catalog.');
/**
 * The fact names a keyed message takes. A date fact arrives as its ISO date (the catalog words it, `{{request_date,
 * day}}`); `complaint_authority` and `country_name` also as `<name>_de` and `<name>_fr`, as those languages word them.
 */
const FactParams = z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).max(12);

/** A fact name, or `!name` for its absence. */
const FactTest = z.string().regex(/^!?[a-z][a-z0-9_]*$/, 'A fact is a name such as has_request, or !name for its absence.');

/**
 * What the case's record must show before the document can say what it says (e.g. a reminder needs a reply that is
 * overdue). The first that fails refuses the export, with its reason (which may use fact names), unless the member
 * insists; the text is then worded from the facts as they are.
 */
export const Requirement = z
  .object({
    fact: FactTest,
    /** The reason in English, for a template without a catalog message (a template added as data alone). */
    reason: z.string().min(1).optional(),
    /** The reason's key in the core catalog (it may choose a variant by facts, `{{#if name}}…{{/if}}`), and the fact names it takes. */
    key: MessageKeyTemplate.optional(),
    params: FactParams.optional(),
    from: isoDate.optional(),
    until: isoDate.optional(),
  })
  .refine((r) => Boolean(r.reason || r.key), 'A requirement needs a reason or a message key.');

/** Shown beside the draft when the fact holds (e.g. the ICO window has passed); never blocks an export. */
export const Caution = z
  .object({
    when: FactTest,
    /** The caution in English, for a template without a catalog message (a template added as data alone). */
    text: z.string().min(1).optional(),
    /**
     * The caution's key in the core catalog (contract/messages/<lang>/drafting.json), whose English the core shows, and
     * the fact names passed to it as parameters: the drafting screen then words it in the member's language.
     */
    key: MessageKeyTemplate.optional(),
    params: FactParams.optional(),
    from: isoDate.optional(),
    until: isoDate.optional(),
  })
  .refine((c) => Boolean(c.text || c.key), 'A caution needs a text or a message key.');

export const TemplateManifest = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Template ids are lower-case words joined by hyphens.'),
  title: z.string().min(1),
  description: z.string().min(1),
  kind: z.enum(['request', 'complaint', 'reminder']),
  /** Who receives it: the controller the jurisdiction decides, a named regulator, or the member's home authority. */
  recipient: z.enum(['controller', 'ico', 'dpc', 'home']),
  /** ISO 3166-1 alpha-2 codes, or the groups "EU/EEA" and "*" (anywhere). */
  countries: z.array(z.string().regex(/^([A-Z]{2}|EU\/EEA|\*)$/, 'Use ISO codes such as GB, or EU/EEA, or *.')).min(1),
  /** The first is the default; each needs `body.<lang>.md` (and `labels.<lang>.json` for any but the first). */
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
  /**
   * Per language, whether a native speaker has reviewed the text (`{ "en": true, "de": false }`); a language not
   * listed has not been. The app says "not yet reviewed by a native speaker" where not.
   */
  reviewed: z.record(z.string().regex(/^[a-z]{2}$/), z.boolean()).default({}),
  legalBasis: z.array(z.string().min(1)).min(1),
  lastChecked: isoDate,
  sourceUrl: z.url(),
  /** Where the .eml draft is addressed, when the recipient publishes an address for this (LinkedIn does not). */
  email: z.email().optional(),
  /** The recipient's own online form, opened through the external-link allowlist. */
  formUrl: z.url().optional(),
  preconditions: z.array(Precondition).default([]),
  requires: z.array(Requirement).default([]),
  cautions: z.array(Caution).default([]),
  fields: z.array(TemplateField).min(1),
  /** The largest file the recipient's online form takes, in MB, where it states one (the ICO: 3). */
  uploadLimitMb: z.number().positive().max(1000).optional(),
  /** For a request: what it asks for, recorded on the "Request sent" event when the member says it went out. */
  requestType: z.enum(REQUEST_TYPES).optional(),
}).superRefine((m, ctx) => {
  if (new Set(m.languages).size !== m.languages.length) ctx.addIssue({ code: 'custom', path: ['languages'], message: 'A language is listed twice.' });
  for (const l of Object.keys(m.reviewed)) {
    if (!m.languages.includes(l)) ctx.addIssue({ code: 'custom', path: ['reviewed', l], message: `"${l}" is not one of the template's languages (${m.languages.join(', ')}).` });
  }
});
export type TemplateManifest = z.output<typeof TemplateManifest>;

export const DRAFT_FORMATS = ['text', 'eml', 'pdf', 'json'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];
export const PDF_PROFILES = ['archive', 'upload'] as const;
export type PdfProfile = (typeof PDF_PROFILES)[number];

/**
 * The templates' ids before they became platform-generic: each still names the same template, everywhere an id is
 * accepted (the API, the CLI, the app's routes, saved drafts, exports and bundles that carry the old id).
 */
export const TEMPLATE_ALIASES: Readonly<Record<string, string>> = {
  'linkedin-objection': 'objection',
  'linkedin-access-request': 'access-request',
  'linkedin-reminder': 'reminder',
  'linkedin-complaint': 'organisation-complaint',
};
/** The template id an id or alias stands for (an unknown id is returned as it is). */
export const canonicalTemplateId = (id: string): string => TEMPLATE_ALIASES[id.trim()] ?? id.trim();
/** The ids that name the same template as `id`: its own and its old aliases. */
export const templateIdsOf = (id: string): string[] => {
  const c = canonicalTemplateId(id);
  return [c, ...Object.entries(TEMPLATE_ALIASES).filter(([, v]) => v === c).map(([k]) => k)];
};

const TemplateId = z
  .string({ error: 'A template id is required.' })
  .trim()
  .min(1, 'A template id is required.')
  .max(80, 'A template id is at most 80 characters.')
  .transform(canonicalTemplateId);

/** Field values as the user typed them. Generous caps: the per-template limits are checked with `fieldsSchema`. */
export const DraftValues = z
  .record(z.string().max(64), z.string().max(50_000, 'A field is at most 50,000 characters.'))
  .refine((v) => Object.keys(v).length <= 100, 'At most 100 fields.');

/** A letter's language: a two-letter code the template must have (`languages` in its manifest). */
export const LetterLanguage = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'A language is a two-letter code such as en, de or fr.');

export const TemplatesListInput = z
  .object({
    country: z.string().trim().toUpperCase().length(2).optional(),
    /** The case's platform: titles and descriptions name it (LinkedIn where not given). */
    platform: z.enum(PLATFORMS).optional(),
  })
  .default({});
/**
 * `language` (get, save, preview, export): the letter's language, one of the template's. Without it: the language the
 * draft was saved in, else the one the recipient expects (`expectedLanguage`), else the template's first.
 */
export const DraftGetInput = z.object({ caseId: CaseId, templateId: TemplateId, language: LetterLanguage.optional() });
export const DraftSaveInput = z.object({ caseId: CaseId, templateId: TemplateId, values: DraftValues, language: LetterLanguage.optional() });
export const DraftPreviewInput = z.object({ caseId: CaseId, templateId: TemplateId, values: DraftValues.optional(), language: LetterLanguage.optional() });
export const DraftExportInput = z.object({
  caseId: CaseId,
  templateId: TemplateId,
  language: LetterLanguage.optional(),
  format: z.enum(DRAFT_FORMATS, { error: `Format must be one of: ${DRAFT_FORMATS.join(', ')}.` }),
  profile: z.enum(PDF_PROFILES, { error: 'Profile must be archive or upload.' }).default('archive'),
  /** Upload profile only: the size budget in bytes (default 3 MB, the ICO's upload limit). */
  budgetBytes: z.number().int().min(100_000, 'The budget must be at least 100 kB.').max(1_000_000_000).optional(),
  /** When given, these values are saved first (so an export always matches the stored draft). */
  values: DraftValues.optional(),
  /** Export although the record does not yet support the document (the member insists); worded without the claim. */
  anyway: z.boolean().default(false),
});
export const ExportsListInput = z.object({ caseId: CaseId });

/**
 * "I have sent it": records the request, reminder or complaint on the case's timeline and files what was sent (the
 * exported letter, or for a web form the fields as copied) in the evidence locker as "the request as sent".
 */
export const DraftMarkSentInput = z.object({
  caseId: CaseId,
  templateId: TemplateId,
  /** The export that went out; without it (a web form), the form's fields as they stand are filed instead. */
  exportId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().min(1).max(80).optional()),
  on: CalendarDate('Date sent'),
  /** Post only: the day it arrived (from tracking), from which the month counts. */
  receivedOn: z.preprocess((v) => (v === '' || v === null ? undefined : v), CalendarDate('Date it arrived').optional()),
  channel: z.enum(CHANNELS, { error: `Channel must be one of: ${CHANNELS.join(', ')}.` }),
  /** The recipient's case or reference number, if it gave one. */
  ref: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '') || v === null ? undefined : v,
    z.string().trim().max(REF_MAX, `The reference must be at most ${REF_MAX} characters.`).optional(),
  ),
});

export interface MarkSentResult {
  /** The event now on the timeline. */
  eventId: string;
  eventType: 'request_sent' | 'reminder_sent' | 'organisation_complaint' | 'complaint_filed';
  /** The evidence item holding what was sent. */
  evidenceId: string;
  evidenceTitle: string;
  sha256: string;
}

/** The mark of a gap in a suggested text that the member must fill before exporting, in each letter language. */
export const WRITE_HERE = /\[(Write here|Hier eintragen|À compléter)\s?:/i;

/** A field's problem: English `message`, and the same by message key (`drafting.field.*`) with the field's label. */
export interface FieldProblem {
  field: string;
  message: string;
  key?: string;
  params?: Record<string, string | number>;
}

/** The message keys of field problems, each taking `label` (the field's label in the letter's language) and `tooLong` also `max`. */
export const FIELD_PROBLEM_KEYS = {
  required: 'drafting.field.required',
  tooLong: 'drafting.field.tooLong',
  writeHere: 'drafting.field.writeHere',
  email: 'drafting.field.email',
  check: 'drafting.field.check',
  date: 'drafting.field.date',
} as const;

/**
 * The per-template check of a draft's values: required fields and length limits, with the field's own label. Each
 * message is `word(key, params)`: the core words it in English and keeps the key, the renderer keeps the key with its
 * parameters (`withParams`) for the form to word in the language shown.
 */
export function fieldsSchema(
  fields: readonly Pick<TemplateField, 'name' | 'label' | 'required' | 'maxLength' | 'type'>[],
  word: (key: string, params: Record<string, string | number>) => string,
) {
  const K = FIELD_PROBLEM_KEYS;
  const shape: Record<string, z.ZodType<string, string>> = {};
  for (const f of fields) {
    const label = { label: f.label };
    let s = z.string({ error: word(K.required, label) });
    if (f.required) s = s.trim().min(1, word(K.required, label));
    if (f.maxLength) s = s.max(f.maxLength, word(K.tooLong, { ...label, max: f.maxLength }));
    // A suggested text may leave a gap only the member can fill ("[Write here: what LinkedIn's reply said]").
    let t: z.ZodType<string, string> = s.refine((v) => !WRITE_HERE.test(v), word(K.writeHere, label));
    if (f.type === 'email') t = t.refine((v) => v.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()), word(K.email, label));
    if (f.type === 'check') t = t.refine((v) => v === '' || v === 'yes', word(K.check, label));
    if (f.type === 'date') t = t.refine((v) => v.trim() === '' || /^\d{4}-\d{2}-\d{2}$/.test(v.trim()), word(K.date, label));
    shape[f.name] = t;
  }
  return z.object(shape);
}

export interface TemplateAvailability {
  available: boolean;
  /** Why not, in words a member understands (English). */
  reason?: string;
  /** The same reason by message key, for the screen to word in the language shown. */
  reasonMsg?: Msg;
}

export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
  kind: TemplateManifest['kind'];
  recipient: TemplateManifest['recipient'];
  countries: string[];
  availability?: TemplateAvailability;
  /** The languages the template has, each with its native-speaker review state. */
  languages?: DraftLanguage[];
}

export interface RecipientInfo {
  name: string;
  address: string[];
  unverified?: string;
  /** Where the .eml draft is addressed and the online form, when they depend on the recipient (a home authority). */
  email?: string;
  formUrl?: string;
}

/** One language a template has, and whether a native speaker has reviewed its text. */
export interface DraftLanguage {
  code: string;
  reviewed: boolean;
}

/** Why the recipient expects a language (`expectedLanguageReason`). */
export type ExpectedLanguageReason =
  /** The recipient is an authority whose data file names its languages; the template has one of them. */
  | 'authority'
  /** The authority's languages are none the template has: the template's first is offered instead. */
  | 'authority-unavailable'
  /** A letter to the controller (LinkedIn Ireland): the member's choice, English unless they pick another. */
  | 'controller'
  /** A named regulator (ICO, DPC) with no language recorded beyond the template's first. */
  | 'template';

export interface DraftView {
  caseId: string;
  /** Its texts (title, description, labels, help, starters) in `language`. */
  template: TemplateManifest;
  /** The letter's language: the one asked for, else the saved draft's, else `expectedLanguage`. */
  language: string;
  /** The languages the template has, in the manifest's order, each with its native-speaker review state. */
  languages: DraftLanguage[];
  /** The language the recipient expects, among the template's languages. */
  expectedLanguage: string;
  expectedLanguageReason: ExpectedLanguageReason;
  /** The recipient's own languages as its data file gives them (may include languages the template lacks); empty when not known. */
  recipientLanguages: string[];
  /** The reason in English words, with its message key for the screen to word it. */
  expectedLanguageNote: string;
  expectedLanguageNoteMsg: Msg;
  availability: TemplateAvailability;
  recipient: RecipientInfo;
  /** Values to show: the saved draft where there is one, the prefill otherwise. */
  values: Record<string, string>;
  /** What Redress would fill in from the case, its events and its evidence (for "reset to suggested"), resolved. */
  prefill: Record<string, string>;
  /**
   * Fields whose value is still a suggested text quoting other fields (the objection's explanation quotes the
   * situation): their source, to send back while the member has not edited them, so they follow the fields they quote.
   * `values` and `prefill` hold them resolved: the member never sees `{{…}}`.
   */
  linked: Record<string, string>;
  savedAt: string | null;
  /** Whether the member must go to the controller first, and the rule that says so. */
  controllerFirst: { required: boolean; rule: string };
  preconditions: { text: string; rule: string }[];
  evidenceCount: number;
  /** Whether the record supports what the document says now; if not, why (and the export needs `anyway`). */
  readiness: Readiness;
  /** Things to know before sending, from the record (never block an export). */
  cautions: string[];
  /** Beside each caution, its message key and parameters where it has one (null: shown as `cautions` words it). */
  cautionsMsg: (Msg | null)[];
}

export interface Readiness {
  ready: boolean;
  /** Empty when ready. */
  reasons: string[];
  /** Beside each reason, its message key and parameters (null: a template's own English reason, shown as it is). */
  reasonsMsg: (Msg | null)[];
}

export interface DraftPreview {
  /** The language the text is in. */
  language: string;
  subject: string;
  text: string;
  fields: { name: string; label: string; value: string; maxLength?: number }[];
  /** Problems that would stop an export (required field empty, over a limit, text in [Write here: …] left). */
  problems: FieldProblem[];
}

export interface ExportRecord {
  id: string;
  caseId: string;
  templateId: string;
  format: DraftFormat;
  profile: PdfProfile | null;
  filename: string;
  sha256: string;
  size: number;
  createdAt: string;
  pages?: number;
  exhibits?: number;
  attachments?: number;
}

export const draftingContract = {
  'drafting.templates': TemplatesListInput,
  'drafting.get': DraftGetInput,
  'drafting.save': DraftSaveInput,
  'drafting.preview': DraftPreviewInput,
  'drafting.export': DraftExportInput,
  'drafting.exports': ExportsListInput,
  'drafting.markSent': DraftMarkSentInput,
} as const;

export interface DraftingOutputs {
  'drafting.templates': TemplateSummary[];
  'drafting.get': DraftView;
  'drafting.save': { savedAt: string };
  'drafting.preview': DraftPreview;
  'drafting.export': ExportRecord;
  'drafting.exports': ExportRecord[];
  'drafting.markSent': MarkSentResult;
}
