import { canonicalTemplateId, templateIdsOf, type ExportRecord } from '../contract/drafting';
import type { Db } from '../db/open';

export interface StoredDraft {
  values: Record<string, string>;
  language: string;
  updatedAt: string;
}

/** The saved draft of a template, found under its id or (a draft saved before the ids became generic) an old alias. */
export function getDraft(db: Db, caseId: string, templateId: string): StoredDraft | undefined {
  let row: { values_json: string; language: string; updated_at: string } | undefined;
  for (const id of templateIdsOf(templateId)) {
    row = db.prepare('SELECT values_json, language, updated_at FROM drafts WHERE case_id = ? AND template_id = ?').get(caseId, id) as typeof row;
    if (row) break;
  }
  return row && { values: JSON.parse(row.values_json) as Record<string, string>, language: row.language, updatedAt: row.updated_at };
}

export function saveDraft(db: Db, caseId: string, templateId: string, language: string, values: Record<string, string>, at: string): void {
  const [id, ...old] = templateIdsOf(templateId);
  templateId = id;
  // A draft saved under an old id moves to the new one, so the two never disagree.
  for (const o of old) db.prepare('DELETE FROM drafts WHERE case_id = ? AND template_id = ?').run(caseId, o);
  db.prepare(
    `INSERT INTO drafts (case_id, template_id, language, values_json, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (case_id, template_id) DO UPDATE SET language = excluded.language, values_json = excluded.values_json, updated_at = excluded.updated_at`,
  ).run(caseId, templateId, language, JSON.stringify(values), at);
}

interface ExportRow {
  id: string;
  case_id: string;
  template_id: string;
  format: string;
  profile: string | null;
  file: string;
  filename: string;
  sha256: string;
  size: number;
  detail_json: string;
  created_at: string;
}

const toRecord = (r: ExportRow): ExportRecord => ({
  id: r.id,
  caseId: r.case_id,
  templateId: canonicalTemplateId(r.template_id),
  format: r.format as ExportRecord['format'],
  profile: r.profile as ExportRecord['profile'],
  filename: r.filename,
  sha256: r.sha256,
  size: r.size,
  createdAt: r.created_at,
  ...(JSON.parse(r.detail_json) as Pick<ExportRecord, 'pages' | 'exhibits' | 'attachments'>),
});

export function insertExport(db: Db, rec: ExportRecord, file: string): void {
  const { pages, exhibits, attachments } = rec;
  db.prepare(
    `INSERT INTO exports (id, case_id, template_id, format, profile, file, filename, sha256, size, detail_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(rec.id, rec.caseId, rec.templateId, rec.format, rec.profile, file, rec.filename, rec.sha256, rec.size, JSON.stringify({ pages, exhibits, attachments }), rec.createdAt);
}

export function listExports(db: Db, caseId: string): ExportRecord[] {
  return (db.prepare('SELECT * FROM exports WHERE case_id = ? ORDER BY created_at DESC, id DESC').all(caseId) as ExportRow[]).map(toRecord);
}

export function getExport(db: Db, id: string): (ExportRecord & { file: string }) | undefined {
  const row = db.prepare('SELECT * FROM exports WHERE id = ?').get(id) as ExportRow | undefined;
  return row && { ...toRecord(row), file: row.file };
}
