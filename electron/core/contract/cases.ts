import { z } from 'zod';
import { regionProblemMsg } from './regions';
import { isCountryCode } from './countries';
import { plainText } from './text';

export const CASE_STATUSES = [
  'draft',
  'request_sent',
  'awaiting_response',
  'response_received',
  'complaint_filed',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  request_sent: 'Request sent',
  awaiting_response: 'Awaiting response',
  response_received: 'Response received',
  complaint_filed: 'Complaint filed',
  closed: 'Closed',
};
/** The catalog key of each status's label (core catalog, `cases.status.<status>`): a screen looks the label up by status. */
export const CASE_STATUS_LABEL_KEYS: Record<CaseStatus, string> = Object.fromEntries(CASE_STATUSES.map((s) => [s, `cases.status.${s}`])) as Record<
  CaseStatus,
  string
>;

/**
 * The platforms a case can be about: the ids of data/platforms/ (the contract cannot read files, so the list is kept
 * here too; tests/platforms/ids.test.ts keeps it equal to the data folder).
 */
export const PLATFORMS = ['linkedin', 'facebook', 'instagram', 'whatsapp', 'x', 'reddit', 'quora', 'pinterest', 'google', 'microsoft'] as const;
export type PlatformId = (typeof PLATFORMS)[number];
export const PLATFORM_LABELS: Record<PlatformId, string> = {
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
  whatsapp: 'WhatsApp',
  x: 'X',
  reddit: 'Reddit',
  quora: 'Quora',
  pinterest: 'Pinterest',
  google: 'Google',
  microsoft: 'Microsoft',
};
const PlatformField = z.enum(PLATFORMS, { error: 'validation.platformOneOf' });

/** A case id: a ULID-like string the core mints. Shared so every door refuses the same malformed ids. */
export const CaseId = z
  .string({ error: 'validation.caseIdRequired' })
  .trim()
  .min(1, 'validation.caseIdRequired')
  .max(64, 'validation.caseIdTooLong');

const SUBJECTS = { title: 'Title', name: 'Name', givenName: 'Given name', familyName: 'Family name' } as const;
/** A required text field: its messages are `validation.<field>Required` / `<field>TooLong` of the core catalog. */
const text = (field: 'title' | 'name' | 'givenName' | 'familyName', max: number) =>
  z
    .string({ error: `validation.${field}Required` })
    .trim()
    .min(1, `validation.${field}Required`)
    .max(max, `validation.${field}TooLong`)
    // Control and text-direction characters never belong in a name or title: they break letters and PDFs, or make
    // the text read differently from what is stored.
    .superRefine(plainText({ subject: SUBJECTS[field], key: field, allow: '\t\n' }));

const Region = z
  .string({ error: 'validation.regionFormat' })
  .trim()
  .toUpperCase()
  .max(6, 'validation.regionFormat');
const NamePart = (field: 'givenName' | 'familyName') => text(field, 100).optional();

export const CaseCreateInput = z.object({
  title: text('title', 200),
  platform: PlatformField.default('linkedin'),
  country: z
    .string({ error: 'validation.countryRequired' })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { message: 'validation.countryCode' }),
  name: text('name', 200),
  email: z
    .string({ error: 'validation.emailRequired' })
    .trim()
    .max(254, 'validation.emailTooLong')
    .pipe(z.email({ error: 'validation.emailFormat' })),
  /** ISO 3166-2 (DE-BE, US-CA): asked where the country needs it (see `needsRegion`). */
  region: Region.optional(),
  givenName: NamePart('givenName'),
  familyName: NamePart('familyName'),
}).superRefine((v, ctx) => {
  const problem = v.region ? regionProblemMsg(v.country, v.region) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: ['region'], message: problem.key, ...(problem.params ? { params: problem.params } : {}) });
});
export type CaseCreateInput = z.input<typeof CaseCreateInput>;

/** Edit what the member said about themselves; `region: null` removes it. Fields left out stay as they are. */
export const CaseUpdateInput = z.object({
  id: CaseId,
  title: text('title', 200).optional(),
  name: text('name', 200).optional(),
  email: z
    .string()
    .trim()
    .max(254, 'validation.emailTooLong')
    .pipe(z.email({ error: 'validation.emailFormat' }))
    .optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { message: 'validation.countryCode' })
    .optional(),
  platform: PlatformField.optional(),
  region: Region.nullable().optional(),
  givenName: NamePart('givenName').nullable(),
  familyName: NamePart('familyName').nullable(),
});
export type CaseUpdateInput = z.input<typeof CaseUpdateInput>;

/** Forget a case: everything it holds goes. `confirm: true` is required so no door deletes by accident. */
export const CaseDeleteInput = z.object({
  id: CaseId,
  confirm: z.literal(true, { error: 'Deleting a case needs confirm: true (the CLI\'s --yes).' }),
});

export interface CaseDeleteResult {
  id: string;
  title: string;
  deleted: { events: number; evidence: number; files: number; drafts: number; exports: number; exportFiles: number; custody: number };
  /** Files kept because another case holds the same content. */
  keptShared: number;
}

export const CaseListInput = z
  .object({
    status: z.enum(CASE_STATUSES, { error: `Status must be one of: ${CASE_STATUSES.join(', ')}.` }).optional(),
  })
  .default({});

export const CaseGetInput = z.object({ id: CaseId });

export const CaseSetStatusInput = z.object({
  id: CaseId,
  status: z.enum(CASE_STATUSES, { error: 'validation.statusOneOf' }),
  reason: z.string().trim().max(2000, 'validation.reasonTooLong').optional(),
});

export interface Case {
  id: string;
  title: string;
  platform: (typeof PLATFORMS)[number];
  country: string;
  name: string;
  email: string;
  /** ISO 3166-2 subdivision, where given (DE-BE, US-CA). */
  region: string | null;
  givenName: string | null;
  familyName: string | null;
  status: CaseStatus;
  statusReason: string | null;
  /** True when the user set the status by hand; otherwise it follows the case's events. */
  statusOverridden?: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The largest bundle the app takes as an upload (the browser host's request limit, base64 included); the CLI reads files of any size up to the bundle caps. */
export const MAX_BUNDLE_UPLOAD_BYTES = 45 * 1024 * 1024;

/** A case as a zip to hand on or move: the bytes (base64) back, or for the CLI written to `out`. */
export const CaseExportBundleInput = z.object({
  id: CaseId,
  out: z.string().min(1).max(4096).optional(),
});
export interface CaseBundleExported {
  filename: string;
  size: number;
  sha256: string;
  caseId: string;
  title: string;
  entries: number;
  evidenceFiles: number;
  exportFiles: number;
  custodyEntries: number;
  /** The zip, base64, unless it was written to `path`. */
  dataBase64?: string;
  path?: string;
}

export const CaseImportBundleInput = z
  .object({
    /** The zip's bytes, base64. */
    dataBase64: z
      .string()
      .max(Math.ceil(MAX_BUNDLE_UPLOAD_BYTES / 3) * 4 + 4, 'validation.bundleTooLarge')
      .optional(),
    /** CLI only: a zip file to read. */
    path: z.string().min(1).max(4096).optional(),
    /** Where it came from, for the custody log (a file name). */
    source: z.string().trim().max(300).superRefine(plainText({ subject: 'Source', key: 'source' })).optional(),
  })
  .refine((v) => (v.dataBase64 === undefined) !== (v.path === undefined), { message: 'validation.bundleGiveOne' });

export interface CaseBundleImported {
  case: Case;
  originalId: string;
  /** True when the case's id (or one of its items') was taken here, so everything got new ids. */
  renamed: boolean;
  imported: { events: number; evidence: number; files: number; drafts: number; exports: number; exportFiles: number; custody: number };
}
