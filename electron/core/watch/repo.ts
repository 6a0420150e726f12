import { lstatSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CoreContext } from '../context';
import type { Msg, MsgParams } from '../contract/i18n';
import type { WatchCheck, WatchedDocument, WatchOutcome } from '../contract/watch';
import { DIR_MODE, privateDir, type Db } from '../db/open';
import { readTx, writeTx } from '../db/tx';
import type { StagedFile } from '../evidence/store';
import { storedPath, type StoredPath } from '../util/stored-path';
import { loadAiMatcher } from './phrases';

export interface DocumentRow {
  id: string;
  url: string;
  select_json: string;
  remove_json: string;
  every_seconds: number;
  platform_id: string | null;
  enabled: number;
  created_at: string;
  /** Added by migration 8. */
  name: string | null;
  /** Added by migration 9: a run's lease on the document while it checks it. */
  claimed_until?: string | null;
  claimed_by?: string | null;
}

export interface SnapshotRow {
  id: string;
  document_id: string;
  checked_at: string;
  text_sha256: string;
  text: string;
  raw_sha256: string | null;
  http_status: number | null;
  /** Added by migration 9. */
  raw_size: number | null;
  shot_sha256: string | null;
  shot_size: number | null;
  capture_json: string | null;
}

/** The columns of a SnapshotRow, for a SELECT. */
export const SNAPSHOT_COLUMNS = 'id, document_id, checked_at, text_sha256, text, raw_sha256, raw_size, http_status, shot_sha256, shot_size, capture_json';

interface CheckRow {
  id: string;
  document_id: string;
  url: string;
  checked_at: string;
  outcome: WatchOutcome;
  reason: string | null;
  reason_key: string | null;
  reason_params: string | null;
  http_status: number | null;
  added_json: string;
  removed_json: string;
  ai_related: number;
  snapshot_id: string | null;
}

/**
 * Raw pages and their screenshots, content-addressed like the evidence store (`<dataDir>/watch/ab/abcdef…` by the SHA-256 the
 * core computed), but in a folder of their own: the evidence store's start-up sweep removes any blob in `evidence/`
 * that no evidence row holds, and a watched page is not (yet) evidence of a case.
 */
export const watchBlobPath = (dataDir: string, sha256: string): StoredPath => {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${JSON.stringify(sha256.slice(0, 80))}.`);
  return storedPath(dataDir, 'watch', sha256.slice(0, 2), sha256);
};

/** Inside the caller's write transaction: moves a staged page to its address unless the same bytes are there. */
export function placeWatchBlob(dataDir: string, staged: StagedFile): StoredPath {
  const dest = watchBlobPath(dataDir, staged.sha256);
  let present = false;
  try {
    const st = lstatSync(dest);
    present = st.isFile() && st.size === staged.size;
  } catch {
    present = false;
  }
  if (!present) {
    privateDir(dirname(dirname(dest)));
    mkdirSync(dirname(dest), { recursive: true, mode: DIR_MODE });
    rmSync(dest, { force: true });
    renameSync(staged.tmpPath, dest);
  }
  return dest;
}

const parseList = (json: string): string[] => {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
};

export function getDocumentRow(db: Db, id: string): DocumentRow | undefined {
  return db.prepare('SELECT * FROM watch_documents WHERE id = ?').get(id) as DocumentRow | undefined;
}

export function documentRows(db: Db): DocumentRow[] {
  return db.prepare('SELECT * FROM watch_documents ORDER BY created_at, id').all() as DocumentRow[];
}

export function latestSnapshot(db: Db, documentId: string): SnapshotRow | undefined {
  return db
    .prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM watch_snapshots WHERE document_id = ? ORDER BY checked_at DESC, rowid DESC LIMIT 1`)
    .get(documentId) as SnapshotRow | undefined;
}

export function lastCheckAt(db: Db, documentId: string): string | undefined {
  return (db.prepare('SELECT max(checked_at) AS at FROM watch_checks WHERE document_id = ?').get(documentId) as { at: string | null }).at ?? undefined;
}

export const dueAt = (row: DocumentRow, lastChecked: string | undefined): string =>
  lastChecked ? new Date(Date.parse(lastChecked) + row.every_seconds * 1000).toISOString() : row.created_at;

/** The document as the API shows it; `now` (the core's clock) tells a live lease of a run from one that ran out. */
export function toDocument(db: Db, row: DocumentRow, now: number = Date.now()): WatchedDocument {
  const last = db
    .prepare('SELECT checked_at, outcome FROM watch_checks WHERE document_id = ? ORDER BY checked_at DESC, rowid DESC LIMIT 1')
    .get(row.id) as { checked_at: string; outcome: WatchOutcome } | undefined;
  const changed = db.prepare("SELECT max(checked_at) AS at FROM watch_checks WHERE document_id = ? AND outcome = 'changed'").get(row.id) as { at: string | null };
  const snapshots = db.prepare('SELECT count(*) AS n FROM watch_snapshots WHERE document_id = ?').get(row.id) as { n: number };
  return {
    id: row.id,
    url: row.url,
    select: parseList(row.select_json),
    remove: parseList(row.remove_json),
    every: row.every_seconds,
    platformId: row.platform_id,
    name: row.name ?? null,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    lastCheckedAt: last?.checked_at ?? null,
    lastOutcome: last?.outcome ?? null,
    lastChangedAt: changed.at ?? null,
    dueAt: dueAt(row, last?.checked_at),
    snapshots: snapshots.n,
    checking: Boolean(row.claimed_by && row.claimed_until && Date.parse(row.claimed_until) > now),
  };
}

export function listDocuments(db: Db, now: number = Date.now()): WatchedDocument[] {
  return readTx(db, () => documentRows(db).map((r) => toDocument(db, r, now)));
}

export function insertDocument(
  db: Db,
  doc: { id: string; url: string; select: string[]; remove: string[]; every: number; platformId: string | null; name?: string | null; createdAt: string },
): void {
  db.prepare(
    'INSERT INTO watch_documents (id, url, select_json, remove_json, every_seconds, platform_id, name, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)',
  ).run(doc.id, doc.url, JSON.stringify(doc.select), JSON.stringify(doc.remove), doc.every, doc.platformId, doc.name ?? null, doc.createdAt);
}

/** A document's name for people: its own, else its address without the scheme. */
export const documentLabel = (row: { name: string | null; url: string }): string => row.name ?? row.url.replace(/^https?:\/\//, '');

export function insertSnapshot(
  db: Db,
  s: {
    id: string;
    documentId: string;
    checkedAt: string;
    textSha256: string;
    text: string;
    rawSha256: string | null;
    rawSize: number | null;
    httpStatus: number | null;
    shotSha256?: string | null;
    shotSize?: number | null;
    capture?: Record<string, unknown> | null;
  },
): void {
  db.prepare(
    'INSERT INTO watch_snapshots (id, document_id, checked_at, text_sha256, text, raw_sha256, raw_size, http_status, shot_sha256, shot_size, capture_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(s.id, s.documentId, s.checkedAt, s.textSha256, s.text, s.rawSha256, s.rawSize, s.httpStatus, s.shotSha256 ?? null, s.shotSize ?? null, s.capture ? JSON.stringify(s.capture) : null);
}

/** A snapshot's capture record (null for one recorded before migration 9). */
export function captureOf(row: Pick<SnapshotRow, 'capture_json'>): Record<string, unknown> | null {
  if (!row.capture_json) return null;
  try {
    const v = JSON.parse(row.capture_json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function insertCheck(
  db: Db,
  c: {
    id: string;
    documentId: string;
    checkedAt: string;
    outcome: WatchOutcome;
    reason: string | null;
    reasonMsg?: Msg | null;
    httpStatus: number | null;
    added: string[];
    removed: string[];
    aiRelated: boolean;
    snapshotId: string | null;
  },
): void {
  db.prepare(
    'INSERT INTO watch_checks (id, document_id, checked_at, outcome, reason, reason_key, reason_params, http_status, added_json, removed_json, ai_related, snapshot_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    c.id,
    c.documentId,
    c.checkedAt,
    c.outcome,
    c.reason,
    c.reasonMsg?.key ?? null,
    c.reasonMsg?.params ? JSON.stringify(c.reasonMsg.params) : null,
    c.httpStatus,
    JSON.stringify(c.added),
    JSON.stringify(c.removed),
    c.aiRelated ? 1 : 0,
    c.snapshotId,
  );
}

function reasonMsg(row: CheckRow): Msg | undefined {
  if (!row.reason_key) return undefined;
  let params: MsgParams | undefined;
  try {
    const v = row.reason_params ? JSON.parse(row.reason_params) : undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      params = Object.fromEntries(Object.entries(v).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
    }
  } catch {
    params = undefined;
  }
  return params ? { key: row.reason_key, params } : { key: row.reason_key };
}

export function toCheck(row: CheckRow): WatchCheck {
  const added = parseList(row.added_json);
  const removed = parseList(row.removed_json);
  const matcher = row.ai_related === 1 ? loadAiMatcher() : null;
  const out: WatchCheck = {
    id: row.document_id,
    checkId: row.id,
    url: row.url,
    checkedAt: row.checked_at,
    outcome: row.outcome,
    changed: row.outcome === 'changed',
    baseline: row.outcome === 'baseline',
    aiRelated: row.ai_related === 1,
    added,
    removed,
    aiSentences: matcher ? [...added, ...removed].filter((x) => matcher.match(x).length > 0) : [],
    snapshotId: row.snapshot_id,
    httpStatus: row.http_status,
  };
  if (row.reason !== null) {
    out.failed = row.reason;
    const msg = reasonMsg(row);
    if (msg) out.reasonMsg = msg;
  }
  return out;
}

const CHECK_SELECT = 'SELECT c.*, d.url FROM watch_checks c JOIN watch_documents d ON d.id = c.document_id';

export function getCheck(db: Db, id: string): WatchCheck {
  return toCheck(db.prepare(`${CHECK_SELECT} WHERE c.id = ?`).get(id) as CheckRow);
}

/** Every check, newest first; of one document when `documentId` is given. */
export function listChecks(db: Db, documentId: string | undefined, limit: number): WatchCheck[] {
  const rows = documentId
    ? db.prepare(`${CHECK_SELECT} WHERE c.document_id = ? ORDER BY c.checked_at DESC, c.rowid DESC LIMIT ?`).all(documentId, limit)
    : db.prepare(`${CHECK_SELECT} ORDER BY c.checked_at DESC, c.rowid DESC LIMIT ?`).all(limit);
  return (rows as CheckRow[]).map(toCheck);
}

/** Deletes a document with its snapshots and checks; its raw pages and screenshots go too unless another snapshot
 * holds the same bytes. */
export function deleteDocument(ctx: CoreContext, id: string): boolean {
  const trash: StoredPath[] = [];
  const deleted = writeTx(ctx.db, () => {
    const hashes = (
      ctx.db
        .prepare('SELECT raw_sha256 AS sha FROM watch_snapshots WHERE document_id = ? AND raw_sha256 IS NOT NULL UNION SELECT shot_sha256 FROM watch_snapshots WHERE document_id = ? AND shot_sha256 IS NOT NULL')
        .all(id, id) as { sha: string }[]
    ).map((r) => r.sha);
    const n = ctx.db.prepare('DELETE FROM watch_documents WHERE id = ?').run(id).changes;
    const used = ctx.db.prepare('SELECT 1 FROM watch_snapshots WHERE raw_sha256 = ? OR shot_sha256 = ? LIMIT 1');
    for (const sha of hashes) if (!used.get(sha, sha)) trash.push(watchBlobPath(ctx.dataDir, sha));
    return n > 0;
  });
  // After the commit: a crash before this leaves a page no row names, which costs space, never a row without its page.
  for (const p of trash) rmSync(p, { force: true });
  return deleted;
}
