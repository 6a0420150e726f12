import type { ArtifactInfo, EvidenceSummary, ToggleState } from '../contract/evidence';
import type { Db } from '../db/open';
import { blobPath } from './store';

export interface EvidenceRow {
  id: string;
  case_id: string;
  kind: string;
  title: string;
  added_at: string;
  captured_at: string | null;
  source_url: string | null;
  sha256: string;
  mime: string;
  size: number;
  filename: string | null;
  purpose: string | null;
  toggle_state: string | null;
  toggle_confirmed_by: string | null;
  record: string;
}

export interface FileRow {
  evidence_id: string;
  role: string;
  sha256: string;
  size: number;
  mime: string;
}

export interface NewEvidence {
  id: string;
  caseId: string;
  kind: string;
  title: string;
  addedAt: string;
  capturedAt?: string | null;
  sourceUrl?: string | null;
  sha256: string;
  mime: string;
  size: number;
  filename?: string | null;
  purpose?: 'setting' | 'page' | null;
  toggleState?: ToggleState | null;
  toggleConfirmedBy?: 'page' | 'hand' | null;
  record: Record<string, unknown>;
  files: { role: string; sha256: string; size: number; mime: string }[];
}

export function insertEvidence(db: Db, e: NewEvidence): void {
  db.prepare(
    `INSERT INTO evidence (id, case_id, kind, title, added_at, captured_at, source_url, sha256, mime, size, filename, purpose,
       toggle_state, toggle_confirmed_by, record)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id,
    e.caseId,
    e.kind,
    e.title,
    e.addedAt,
    e.capturedAt ?? null,
    e.sourceUrl ?? null,
    e.sha256,
    e.mime,
    e.size,
    e.filename ?? null,
    e.purpose ?? null,
    e.toggleState ?? null,
    e.toggleConfirmedBy ?? null,
    JSON.stringify(e.record),
  );
  const file = db.prepare('INSERT INTO evidence_files (evidence_id, role, sha256, size, mime) VALUES (?, ?, ?, ?, ?)');
  for (const f of e.files) file.run(e.id, f.role, f.sha256, f.size, f.mime);
}

export function getRow(db: Db, id: string): EvidenceRow | undefined {
  return db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
}

export function rowsForCase(db: Db, caseId: string): EvidenceRow[] {
  return db.prepare('SELECT * FROM evidence WHERE case_id = ? ORDER BY added_at, id').all(caseId) as EvidenceRow[];
}

export function filesFor(db: Db, id: string): FileRow[] {
  return db.prepare('SELECT * FROM evidence_files WHERE evidence_id = ? ORDER BY role').all(id) as FileRow[];
}

export function artifactInfo(dataDir: string, f: FileRow): ArtifactInfo {
  return { kind: f.role, sha256: f.sha256, size: f.size, mime: f.mime, storedPath: blobPath(dataDir, f.sha256) };
}

export function toSummary(r: EvidenceRow): EvidenceSummary {
  const s: EvidenceSummary = {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    title: r.title,
    addedAt: r.added_at,
    sha256: r.sha256,
    mime: r.mime,
    size: r.size,
  };
  if (r.captured_at) s.capturedAt = r.captured_at;
  if (r.source_url) s.sourceUrl = r.source_url;
  if (r.filename) s.filename = r.filename;
  if (r.purpose === 'setting' || r.purpose === 'page') s.purpose = r.purpose;
  if (r.toggle_state) {
    s.toggle = { state: r.toggle_state as ToggleState, confirmedBy: (r.toggle_confirmed_by ?? 'page') as 'page' | 'hand' };
  }
  return s;
}

export function parseRecord(r: EvidenceRow): Record<string, unknown> {
  try {
    return JSON.parse(r.record) as Record<string, unknown>;
  } catch {
    return {};
  }
}
