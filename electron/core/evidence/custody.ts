import { createHash } from 'node:crypto';
import type { CustodyEntry } from '../contract/evidence';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { isoNow } from '../util/clock';

export const GENESIS = '0'.repeat(64);

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
  db.transaction(() => {
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
  })();
}

export function readCustody(db: Db, caseId: string): CustodyEntry[] {
  const rows = db.prepare('SELECT * FROM custody WHERE case_id = ? ORDER BY seq').all(caseId) as CustodyRow[];
  return rows.map((r) => ({ seq: r.seq, at: r.at, action: r.action, detail: safeJson(r.detail), prevHash: r.prev_hash, hash: r.hash }));
}

/** Walks the chain: every entry must hash to its recorded hash, point at the one before, and the numbers run 1..n. */
export function checkCustody(db: Db, caseId: string): { ok: boolean; entries: number; problem?: string } {
  const rows = db.prepare('SELECT * FROM custody WHERE case_id = ? ORDER BY seq').all(caseId) as CustodyRow[];
  let prev = GENESIS;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.seq !== i + 1) return { ok: false, entries: rows.length, problem: `Entry ${i + 1} is missing (the log jumps to ${r.seq}).` };
    if (r.prev_hash !== prev) return { ok: false, entries: rows.length, problem: `Entry ${r.seq} does not follow entry ${r.seq - 1}.` };
    if (entryHash(r.prev_hash, r.case_id, r.seq, r.at, r.action, r.detail) !== r.hash) {
      return { ok: false, entries: rows.length, problem: `Entry ${r.seq} (${r.action}) was changed after it was written.` };
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
