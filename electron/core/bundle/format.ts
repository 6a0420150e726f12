import { z } from 'zod';

/**
 * What a case bundle holds, as zod schemas: every JSON entry is parsed with these before anything is written, and
 * the rows are the database's own columns (listed here, so the export reads and the import writes exactly these).
 */
export const BUNDLE_FORMAT = 'redress-case-bundle';
export const BUNDLE_VERSION = 1;

const SHA = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256');
const ID = z.string().regex(/^[a-z]{2,12}_[A-Za-z0-9_-]{1,64}$/, 'not a Redress id');
const str = (max = 20_000) => z.string().max(max);
const opt = (max = 20_000) => z.string().max(max).nullable();
const json = (max = 5_000_000) =>
  z.string().max(max).refine((s) => {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  }, 'not JSON');
const int = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const CaseRow = z.strictObject({
  id: ID,
  title: str(200),
  platform: str(40),
  country: z.string().regex(/^[A-Z]{2}$/),
  name: str(200),
  email: str(254),
  status: str(40),
  status_reason: opt(2000),
  created_at: str(40),
  updated_at: str(40),
  status_overridden: z.union([z.literal(0), z.literal(1)]),
  region: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/).nullable(),
  given_name: opt(100),
  family_name: opt(100),
});
export const EventRow = z.strictObject({
  id: ID,
  case_id: ID,
  type: str(60),
  on_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  received_on: opt(40),
  channel: opt(200),
  authority: opt(200),
  ref: opt(500),
  note: opt(),
  created_at: str(40),
  updated_at: str(40),
  request_type: opt(40),
  for_event_id: ID.nullable(),
  asks: opt(40),
});
export const EventEvidenceRow = z.strictObject({ event_id: ID, evidence_id: ID });
export const EvidenceRow = z.strictObject({
  id: ID,
  case_id: ID,
  kind: str(40),
  title: str(2000),
  added_at: str(40),
  captured_at: opt(40),
  source_url: opt(8000),
  sha256: SHA,
  mime: str(200),
  size: int,
  filename: opt(1000),
  purpose: opt(40),
  toggle_state: opt(20),
  toggle_confirmed_by: opt(20),
  record: json(),
});
export const EvidenceFileRow = z.strictObject({ evidence_id: ID, role: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/), sha256: SHA, size: int, mime: str(200) });
export const DraftRow = z.strictObject({ case_id: ID, template_id: str(100), language: str(20), values_json: json(), updated_at: str(40) });
export const ExportRow = z.strictObject({
  id: z.string().regex(/^exp_[A-Za-z0-9_-]{1,64}$/),
  case_id: ID,
  template_id: str(100),
  format: str(10),
  profile: opt(20),
  file: z.string().regex(/^exports\/exp_[A-Za-z0-9_-]{1,64}\.[a-z]{2,5}$/),
  filename: str(1000),
  sha256: SHA,
  size: int,
  detail_json: json(),
  created_at: str(40),
});
export const CustodyRow = z.strictObject({ seq: int, at: str(40), action: str(100), detail: str(5_000_000), prev_hash: SHA, hash: SHA });

export const CaseJson = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  case: CaseRow,
  events: z.array(EventRow).max(100_000),
  eventEvidence: z.array(EventEvidenceRow).max(100_000),
  evidence: z.array(EvidenceRow).max(100_000),
  evidenceFiles: z.array(EvidenceFileRow).max(400_000),
  drafts: z.array(DraftRow).max(1000),
  exports: z.array(ExportRow).max(100_000),
});
export type CaseJson = z.infer<typeof CaseJson>;

export const CustodyJson = z.strictObject({ caseId: ID, entries: z.array(CustodyRow).max(1_000_000) });
export type CustodyJson = z.infer<typeof CustodyJson>;

export const Manifest = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  createdAt: str(40),
  app: str(100),
  caseId: ID,
  entries: z.array(z.strictObject({ name: str(300), sha256: SHA, size: int })).max(20_000),
});
export type Manifest = z.infer<typeof Manifest>;

/** The columns of each table, in the order they are written. */
export const COLUMNS = {
  cases: Object.keys(CaseRow.shape),
  case_events: Object.keys(EventRow.shape),
  case_event_evidence: Object.keys(EventEvidenceRow.shape),
  evidence: Object.keys(EvidenceRow.shape),
  evidence_files: Object.keys(EvidenceFileRow.shape),
  drafts: Object.keys(DraftRow.shape),
  exports: Object.keys(ExportRow.shape),
} as const;
