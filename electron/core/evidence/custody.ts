import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../util/atomic-write';
import type { CustodyEntry } from '../contract/evidence';
import type { Msg, MsgParams } from '../contract/i18n';
import { say } from '../i18n';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { afterCommit, writeTx } from '../db/tx';
import { isoNow } from '../util/clock';

export const GENESIS = '0'.repeat(64);

/** A problem of the chain in English (the CLI, the logs) and by reference (evidence.custody.*), for the screen. */
export interface ChainProblem {
  problem: string;
  problemMsg: Msg;
}
export const chainProblem = (key: string, params: MsgParams): ChainProblem => ({ problem: say(`evidence.custody.${key}`, params), problemMsg: { key: `evidence.custody.${key}`, params } });

interface CustodyRow {
  case_id: string;
  seq: number;
  at: string;
  action: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** The bytes each link hashes: the previous hash plus the entry, in a fixed field order. */
export function entryHash(prevHash: string, caseId: string, seq: number, at: string, action: string, detail: string): string {
  return createHash('sha256').update(JSON.stringify([prevHash, caseId, seq, at, action, detail])).digest('hex');
}

/**
 * Appends one entry to the case's hash-chained custody log. Every feature calls this for what it does to a case
 * (evidence add/capture/verify/delete, an export, an event edited or deleted). Keep the signature.
 * Runs inside the caller's transaction when there is one, so an entry and the change it records land together.
 */
export function appendCustody(ctx: CoreContext, caseId: string, action: string, detail: Record<string, unknown> = {}): void {
  appendCustodyDb(ctx.db, caseId, action, detail, isoNow(ctx.clock));
}

export function appendCustodyDb(db: Db, caseId: string, action: string, detail: Record<string, unknown>, at: string): void {
  writeTx(db, () => {
    const last = db.prepare('SELECT seq, hash FROM custody WHERE case_id = ? ORDER BY seq DESC LIMIT 1').get(caseId) as
      | { seq: number; hash: string }
      | undefined;
    const seq = (last?.seq ?? 0) + 1;
    const prev = last?.hash ?? GENESIS;
    const body = JSON.stringify(detail);
    db.prepare('INSERT INTO custody (case_id, seq, at, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      caseId,
      seq,
      at,
      action,
      body,
      prev,
      entryHash(prev, caseId, seq, at, action, body),
    );
    scheduleAnchor(db, caseId);
  });
}

/**
 * The chain's head, anchored outside the database: `redress.sqlite.custody-heads.json` beside the database holds,
 * per case, the last entry's number and hash. An unkeyed chain inside one file can be cut short or rewritten as a
 * whole by whoever can write that file; the copy beside it (and the head printed in every verify report and every
 * exported PDF) is what shows that. It is written after each write commits, under the write lock, so it is never
 * ahead of the database: at worst (a crash between the two) it lags by the last entries, which verify tolerates.
 */
export interface ChainHead {
  seq: number;
  hash: string;
}
export type AnchorFile = Record<string, ChainHead & { at: string }>;

export const anchorPath = (db: Db) => `${db.name}.custody-heads.json`;

function scheduleAnchor(db: Db, caseId: string): void {
  if (db.memory) return;
  afterCommit(db, `custody-anchor:${caseId}`, () => writeAnchors(db, [caseId]));
}

export function chainHead(db: Db, caseId: string): ChainHead | null {
  const r = db.prepare('SELECT seq, hash FROM custody WHERE case_id = ? ORDER BY seq DESC LIMIT 1').get(caseId) as ChainHead | undefined;
  return r ? { seq: r.seq, hash: r.hash } : null;
}

/** The anchor file, or null when it is missing; `'unreadable'` when it is there but not what Redress wrote. */
export function readAnchors(db: Db): AnchorFile | null | 'unreadable' {
  let raw: string;
  try {
    raw = readFileSync(anchorPath(db), 'utf8');
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as AnchorFile) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Records the current heads of `caseIds`, under the write lock so two processes never interleave their copies. */
export function writeAnchors(db: Db, caseIds: string[]): void {
  writeTx(db, () => {
    const current = readAnchors(db);
    const next: AnchorFile = current && current !== 'unreadable' ? current : {};
    const at = new Date().toISOString();
    for (const id of caseIds) {
      const head = chainHead(db, id);
      if (head) next[id] = { ...head, at };
    }
    writeFileAtomic(anchorPath(db), JSON.stringify(next, null, 1) + '\n');
  });
}

export type AnchorCheck =
  | { status: 'match' | 'lagging'; anchored: ChainHead }
  | { status: 'missing' | 'unreadable' | 'none' }
  | ({ status: 'truncated' | 'rewritten'; anchored: ChainHead } & ChainProblem);

/** Compares the chain in the database with its anchored head. Call under the write lock for a stable answer. */
export function checkAnchor(db: Db, caseId: string): AnchorCheck {
  const anchors = readAnchors(db);
  if (anchors === null) return { status: 'missing' };
  if (anchors === 'unreadable') return { status: 'unreadable' };
  const a = anchors[caseId];
  if (!a || typeof a.seq !== 'number' || typeof a.hash !== 'string') return { status: 'none' };
  const anchored = { seq: a.seq, hash: a.hash };
  const head = chainHead(db, caseId);
  if (!head || head.seq < a.seq) {
    return { status: 'truncated', anchored, ...chainProblem('truncated', { end: head?.seq ?? 0, anchored: a.seq }) };
  }
  const row = db.prepare('SELECT hash FROM custody WHERE case_id = ? AND seq = ?').get(caseId, a.seq) as { hash: string } | undefined;
  if (row?.hash !== a.hash) {
    return { status: 'rewritten', anchored, ...chainProblem('rewritten', { seq: a.seq, hash: a.hash.slice(0, 16) }) };
  }
  return { status: head.seq === a.seq ? 'match' : 'lagging', anchored };
}

export function readCustody(db: Db, caseId: string): CustodyEntry[] {
  const rows = db.prepare('SELECT * FROM custody WHERE case_id = ? ORDER BY seq').all(caseId) as CustodyRow[];
  return rows.map((r) => ({ seq: r.seq, at: r.at, action: r.action, detail: safeJson(r.detail), prevHash: r.prev_hash, hash: r.hash }));
}

/** Walks the chain: every entry must hash to its recorded hash, point at the one before, and the numbers run 1..n. */
export function checkCustody(db: Db, caseId: string): { ok: boolean; entries: number } & Partial<ChainProblem> {
  const rows = db.prepare('SELECT * FROM custody WHERE case_id = ? ORDER BY seq').all(caseId) as CustodyRow[];
  let prev = GENESIS;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.seq !== i + 1) return { ok: false, entries: rows.length, ...chainProblem('jump', { n: i + 1, seq: r.seq }) };
    if (r.prev_hash !== prev) return { ok: false, entries: rows.length, ...chainProblem('notFollow', { seq: r.seq, prev: r.seq - 1 }) };
    if (entryHash(r.prev_hash, r.case_id, r.seq, r.at, r.action, r.detail) !== r.hash) {
      return { ok: false, entries: rows.length, ...chainProblem('changed', { seq: r.seq, action: r.action }) };
    }
    prev = r.hash;
  }
  return { ok: true, entries: rows.length };
}

function safeJson(s: string): Record<string, unknown> {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { unreadable: s };
  }
}

/**
 * Forgets a deleted case's anchored head, under the write lock (call it after the delete commits). Leaves the file
 * alone when it is missing or unreadable: there is nothing of the case's to drop, and verify reports the rest.
 */
export function dropAnchor(db: Db, caseId: string): void {
  if (db.memory) return;
  writeTx(db, () => {
    const current = readAnchors(db);
    if (!current || current === 'unreadable' || !(caseId in current)) return;
    const next: AnchorFile = { ...current };
    delete next[caseId];
    writeFileAtomic(anchorPath(db), JSON.stringify(next, null, 1) + '\n');
  });
}
