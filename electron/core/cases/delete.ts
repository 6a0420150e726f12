import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDeleteResult } from '../contract';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { afterCommit, writeTx } from '../db/tx';
import { dropAnchor } from '../evidence/custody';
import { emptyTrash, trashUnusedBlobs } from '../evidence/store';
import { exportStoredPath, storedPath } from '../util/stored-path';
import { getCase } from './repo';
import { notFound } from '../api/errors';

/** `exports/<id>.<ext>` as the drafting export writes it; anything else in the row is not a file Redress made. */
const EXPORT_FILE = /^exports\/(exp_[A-Za-z0-9_-]{1,64})\.([a-z]{2,5})$/;

/**
 * Forgets a case: its rows (events, evidence, drafts, exports, custody, the dashboard's mirror) go in one write
 * transaction; inside it, evidence blobs no other case uses and the case's export files are renamed to trash names,
 * so a rollback can put them back and a crash leaves them for the sweep. The trash is emptied after the commit, and
 * the case's anchored custody head is dropped. A blob another case holds by the same content stays.
 */
export function deleteCase(ctx: CoreContext, id: string): CaseDeleteResult {
  const db = ctx.db;
  let blobTrash: string[] = [];
  const moved: { from: string; to: string }[] = [];
  let result: CaseDeleteResult;
  try {
    result = writeTx(db, () => {
      const c = getCase(db, id);
      if (!c) throw notFound('case', id);
      const count = (sql: string) => (db.prepare(sql).get(id) as { n: number }).n;
      const hashes = (
        db.prepare('SELECT DISTINCT f.sha256 FROM evidence_files f JOIN evidence e ON e.id = f.evidence_id WHERE e.case_id = ?').all(id) as { sha256: string }[]
      ).map((r) => r.sha256);
      const exports = db.prepare('SELECT id, file FROM exports WHERE case_id = ?').all(id) as { id: string; file: string }[];
      const counts = {
        events: count('SELECT count(*) AS n FROM case_events WHERE case_id = ?'),
        evidence: count('SELECT count(*) AS n FROM evidence WHERE case_id = ?'),
        drafts: count('SELECT count(*) AS n FROM drafts WHERE case_id = ?'),
        exports: exports.length,
        custody: count('SELECT count(*) AS n FROM custody WHERE case_id = ?'),
      };
      db.prepare('DELETE FROM custody WHERE case_id = ?').run(id);
      // The rest cascade from the case: events (and their evidence links), evidence (and its files), drafts, exports,
      // the dashboard row and its open deadlines.
      db.prepare('DELETE FROM cases WHERE id = ?').run(id);
      blobTrash = trashUnusedBlobs(db, ctx.dataDir, hashes);
      for (const e of exports) {
        const m = EXPORT_FILE.exec(e.file);
        if (!m || m[1] !== e.id) continue;
        const from = exportStoredPath(ctx.dataDir, e.id, m[2]);
        if (!existsSync(from)) continue;
        const to = storedPath(ctx.dataDir, 'exports', `trash-${randomBytes(6).toString('hex')}-${e.id}.${m[2]}`);
        renameSync(from, to);
        moved.push({ from, to });
      }
      afterCommit(db, `custody-anchor-drop:${id}`, () => dropAnchor(db, id));
      return {
        id,
        title: c.title,
        deleted: { ...counts, files: blobTrash.length, exportFiles: moved.length },
        keptShared: hashes.length - blobTrash.length,
      };
    });
  } catch (err) {
    // Rolled back: the export files go back where they were (trashed blobs are restored by the next sweep, which
    // sees their rows again).
    for (const m of moved) {
      try {
        renameSync(m.to, m.from);
      } catch {
        /* left in trash; nothing points at a trash name */
      }
    }
    throw err;
  }
  emptyTrash(blobTrash);
  for (const m of moved) rmSync(m.to, { force: true });
  return result;
}

/** `exports/trash-<hex>-<id>.<ext>`: the name a delete gives an export file until its transaction has committed. */
const EXPORT_TRASH = /^trash-[0-9a-f]{12}-(exp_[A-Za-z0-9_-]{1,64})\.([a-z]{2,5})$/;

export interface ExportTrashReport {
  restored: string[];
  removed: string[];
}

/**
 * After a crash in the middle of a case delete, export files can be left under their trash names. At start, under the
 * write lock: a trash file whose export row still exists (the delete never committed) goes back to its name; one
 * whose row is gone (the delete committed, the process died before emptying) is removed. Only names of this exact
 * shape, and only plain files (lstat), are touched; anything else in the folder is left alone.
 */
export function sweepExportTrash(db: Db, dataDir: string): ExportTrashReport {
  const report: ExportTrashReport = { restored: [], removed: [] };
  const dir = join(dataDir, 'exports');
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) return report;
  const names = readdirSync(dir).filter((n) => EXPORT_TRASH.test(n));
  if (!names.length) return report;
  writeTx(db, () => {
    const row = db.prepare('SELECT file FROM exports WHERE id = ?');
    for (const name of names) {
      const m = EXPORT_TRASH.exec(name)!;
      const trash = storedPath(dataDir, 'exports', name);
      if (!lstatSync(trash).isFile()) continue;
      const live = row.get(m[1]) as { file: string } | undefined;
      const home = exportStoredPath(dataDir, m[1], m[2]);
      if (live && live.file === `exports/${m[1]}.${m[2]}` && !existsSync(home)) {
        renameSync(trash, home);
        report.restored.push(name);
      } else {
        unlinkSync(trash);
        report.removed.push(name);
      }
    }
  });
  return report;
}
