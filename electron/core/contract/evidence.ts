// Contract of the evidence feature: API name -> zod input schema, and the output types.
// Owned by the evidence work; pure zod, no Node imports (the renderer type-checks against this file).
import { z } from 'zod';
import { CaseId } from './cases';
import { plainText } from './text';
import type { Msg } from './i18n';

/** Largest file the store accepts (imports stream, so this bounds disk use, not memory). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** Largest file the UI sends through the API as base64 (the browser host caps a request body at 64 MB). */
export const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;

export const IMPORT_KINDS = ['screenshot', 'document', 'correspondence'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const TOGGLE_STATES = ['on', 'off', 'unknown'] as const;
export type ToggleState = (typeof TOGGLE_STATES)[number];

/** LinkedIn pages worth capturing (DOMAIN.md). The first is the AI-training switch. */
export const LINKEDIN_AI_SETTING_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
export const LINKEDIN_POLICY_URLS = [
  { label: 'Privacy Policy', url: 'https://www.linkedin.com/legal/privacy-policy' },
  { label: 'European Regional Privacy Notice', url: 'https://www.linkedin.com/legal/privacy/eu' },
  { label: 'User Agreement', url: 'https://www.linkedin.com/legal/user-agreement' },
] as const;

const EvidenceId = z
  .string({ error: 'validation.evidenceIdRequired' })
  .trim()
  .min(1, 'validation.evidenceIdRequired')
  .max(64, 'validation.evidenceIdTooLong');

const HttpUrl = z
  .string({ error: 'validation.urlRequired' })
  .trim()
  .min(1, 'validation.urlRequired')
  .max(4000, 'validation.urlTooLong')
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'validation.urlScheme');

/** A file name as the user's system gave it: no folders, no `..`, no control or text-direction characters. */
export const SafeFilename = z
  .string({ error: 'validation.fileNameRequired' })
  .min(1, 'validation.fileNameRequired')
  .max(255, 'validation.fileNameTooLong')
  .superRefine(plainText({ subject: 'The file name', fix: 'rename the file', key: 'fileName' }))
  .refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..', 'validation.fileNameFolder');

const Kind = z.enum(IMPORT_KINDS, { error: 'validation.kindOneOf' });

export const EvidenceListInput = z.object({ caseId: CaseId });
export const EvidenceGetInput = z.object({ id: EvidenceId });
export const EvidenceAddInput = z.object({
  caseId: CaseId,
  paths: z.array(z.string().min(1).max(4096), { error: 'validation.giveOneFile' }).min(1, 'validation.giveOneFile').max(500),
  kind: Kind.optional(),
});
export const EvidenceUploadInput = z.object({
  caseId: CaseId,
  filename: SafeFilename,
  kind: Kind.optional(),
  /** The file's bytes, base64. */
  dataBase64: z
    .string({ error: 'The file content is missing.' })
    .max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4, `The file is over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; import larger files with the CLI.`),
});
export const EvidenceCaptureInput = z.object({
  caseId: CaseId,
  url: HttpUrl,
  /** `setting`: the AI-training switch page (its state is read); `page`: any page, e.g. a policy. */
  purpose: z.enum(['setting', 'page']).default('page'),
});
export const EvidenceConfirmToggleInput = z.object({
  id: EvidenceId,
  state: z.enum(TOGGLE_STATES, { error: 'State must be on, off or unknown.' }),
});
export const EvidenceVerifyInput = z.object({ caseId: CaseId });
export const EvidenceDiffInput = z.object({ from: EvidenceId, to: EvidenceId });
export const EvidenceDeleteInput = z.object({
  id: EvidenceId,
  confirm: z.literal(true, { error: 'Deleting evidence needs confirm: true.' }),
});
export const EvidenceCustodyInput = z.object({ caseId: CaseId });
export const EvidenceHoldersInput = z.object({ id: EvidenceId });

export const evidenceContract = {
  'evidence.list': EvidenceListInput,
  'evidence.get': EvidenceGetInput,
  'evidence.add': EvidenceAddInput,
  'evidence.upload': EvidenceUploadInput,
  'evidence.capture': EvidenceCaptureInput,
  'evidence.confirmToggle': EvidenceConfirmToggleInput,
  'evidence.verify': EvidenceVerifyInput,
  'evidence.diff': EvidenceDiffInput,
  'evidence.saveDiff': EvidenceDiffInput,
  'evidence.delete': EvidenceDeleteInput,
  'evidence.holders': EvidenceHoldersInput,
  'evidence.custody': EvidenceCustodyInput,
  'evidence.capturerInfo': z.object({}).default({}),
  'evidence.clearCaptureSession': z.object({}).default({}),
  'evidence.openCaptureWindow': z.object({ url: HttpUrl }),
} as const;

export interface ArtifactInfo {
  /** primary | screenshot | mhtml | html | text | manifest | diff */
  kind: string;
  sha256: string;
  size: number;
  mime: string;
  storedPath: string;
}

export interface ToggleReading {
  state: ToggleState;
  /** How the state was read, e.g. `checked-property` or `aria-checked`; `none` when no control matched. */
  method: string;
  selector?: string;
  /** The accessible name or label text that matched. */
  label?: string;
  /** The raw value read, e.g. `checked=true` or `aria-checked="false"`. */
  raw?: string;
  /** Why the state is unknown without a look (method `not-looked-for`), in English, and by reference. */
  reason?: string;
  reasonMsg?: Msg;
}

export interface EvidenceAdded {
  id: string;
  sha256: string;
  storedPath: string;
  filename: string;
  size: number;
  kind: string;
  mime: string;
  capturedAt?: string;
}

export interface CaptureResult {
  id: string;
  url: string;
  finalUrl: string;
  capturedAt: string;
  title: string;
  toggle: { state: ToggleState; method: string; selector?: string };
  artifacts: { kind: string; sha256: string; storedPath: string }[];
  sha256: string;
}

export interface EvidenceDetail extends EvidenceSummary {
  artifacts: ArtifactInfo[];
  /** The capture record (manifest without the artifact list) for captures; the metadata read for imports. */
  record: Record<string, unknown>;
  toggleReading?: ToggleReading;
}

export type VerifyStatus = 'ok' | 'modified' | 'missing';
export interface VerifyResult {
  ok: boolean;
  checkedAt: string;
  /** `problems` in English; `problemsMsg` the same by reference (evidence.problem.*), one per problem. */
  items: { id: string; status: VerifyStatus; title?: string; problems?: string[]; problemsMsg?: Msg[] }[];
  custody: {
    ok: boolean;
    entries: number;
    problem?: string;
    /** `problem` by reference (evidence.custody.*). */
    problemMsg?: Msg;
    /** The chain's last entry after this verification (this verification's own entry): note it, compare it later. */
    head?: { seq: number; hash: string };
    /** The head anchored beside the database: match, lagging (behind by a write in progress), or why not checked. */
    anchor?: { status: 'match' | 'lagging' | 'missing' | 'unreadable' | 'none' | 'truncated' | 'rewritten'; seq?: number; hash?: string };
  };
  /** Entries in the evidence folder that Redress did not write (links, other folders): left alone, named here. */
  store?: { stray: string[] };
}

export interface DiffChange {
  type: 'added' | 'removed' | 'same';
  /** Sentences; a blank line inside marks a paragraph break. */
  text: string;
  /** The change closes a paragraph (the next change starts a new one). */
  paragraphEnd?: boolean;
}
export interface DiffSide {
  id: string;
  title: string;
  url?: string;
  capturedAt?: string;
  sha256: string;
}
export interface DiffResult {
  from: DiffSide;
  to: DiffSide;
  changes: DiffChange[];
  stats: { added: number; removed: number; same: number };
}

export interface CustodyEntry {
  seq: number;
  at: string;
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** A case event that lists an evidence item among its attachments. */
export interface EvidenceHolder {
  eventId: string;
  type: string;
  /** The event type as the timeline names it, e.g. "Request sent". */
  typeLabel: string;
  /** The event's date, YYYY-MM-DD. */
  on: string;
}

/** Why an import was refused, for a host to offer the fix (the CLI its flag, the app a button). */
export const IMPORT_NOT_AN_IMAGE = 'not_an_image';

export interface CapturerInfo {
  available: boolean;
  engine: string;
  /** True when the user can sign in in a capture window (Electron); false for the headless capturer. */
  interactive: boolean;
}

export interface EvidenceOutputs {
  'evidence.list': EvidenceSummary[];
  'evidence.get': EvidenceDetail;
  'evidence.add': EvidenceAdded[];
  'evidence.upload': EvidenceAdded;
  'evidence.capture': CaptureResult;
  'evidence.confirmToggle': EvidenceSummary;
  'evidence.verify': VerifyResult;
  'evidence.diff': DiffResult;
  'evidence.saveDiff': EvidenceSummary;
  'evidence.delete': { deleted: string; detachedFrom: EvidenceHolder[] };
  'evidence.holders': { events: EvidenceHolder[] };
  'evidence.custody': { ok: boolean; problem?: string; problemMsg?: Msg; entries: CustodyEntry[] };
  'evidence.capturerInfo': CapturerInfo;
  'evidence.clearCaptureSession': { cleared: boolean };
  'evidence.openCaptureWindow': { opened: boolean };
}

/**
 * What other features (drafting's evidence appendix, case show) read of an evidence item. The evidence work may add
 * fields but keeps these.
 */
export interface EvidenceSummary {
  id: string;
  caseId: string;
  /** e.g. screenshot | document | correspondence | capture | diff */
  kind: string;
  title: string;
  /** When it was added to Redress (RFC 3339 UTC). */
  addedAt: string;
  /** When the page was captured, or the date read from the file's metadata. */
  capturedAt?: string;
  sourceUrl?: string;
  /** SHA-256 of the primary file (for a capture: of its manifest). */
  sha256: string;
  mime: string;
  size: number;
  /** Original filename for imports (sanitised). */
  filename?: string;
  /** For a capture of the AI-training switch: the state, and whether it was read from the page or set by hand. */
  toggle?: { state: 'on' | 'off' | 'unknown'; confirmedBy: 'page' | 'hand' };
  /** For a capture: `setting` (the AI-training switch page) or `page` (a policy or any other page). */
  purpose?: 'setting' | 'page';
}
