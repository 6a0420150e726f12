import { existsSync } from 'node:fs';
import type { VerifyResult, VerifyStatus } from '../contract/evidence';
import type { CoreContext } from '../context';
import { isoNow } from '../util/clock';
import { appendCustody, checkCustody, readCustody } from './custody';
import { filesFor, rowsForCase } from './repo';
import { blobPath, hashFile } from './store';

const ADDS = new Set(['evidence.add', 'evidence.capture', 'evidence.diff.save']);

/**
 * Re-hashes every stored file of every item of the case; an item is `missing` when a file (or, by the custody log,
 * its row) is gone, `modified` when a file's bytes no longer match its hash. The custody chain is checked too.
 * The verification itself is then recorded in the log.
 */
export async function verifyCase(ctx: CoreContext, caseId: string): Promise<VerifyResult> {
  const items: VerifyResult['items'] = [];
  const rows = rowsForCase(ctx.db, caseId);
  for (const row of rows) {
    let status: VerifyStatus = 'ok';
    const problems: string[] = [];
    for (const f of filesFor(ctx.db, row.id)) {
      const path = blobPath(ctx.dataDir, f.sha256);
      if (!existsSync(path)) {
        status = 'missing';
        problems.push(`${f.role} file is missing`);
        continue;
      }
      if ((await hashFile(path)) !== f.sha256) {
        if (status === 'ok') status = 'modified';
        problems.push(`${f.role} file was modified`);
      }
    }
    items.push({ id: row.id, title: row.title, status, ...(problems.length ? { problems } : {}) });
  }
  // A row deleted without going through Redress leaves its "add" in the log and no "delete": report it missing.
  const present = new Set(rows.map((r) => r.id));
  const log = readCustody(ctx.db, caseId);
  const deleted = new Set(log.filter((e) => e.action === 'evidence.delete').map((e) => String(e.detail.evidenceId)));
  for (const e of log) {
    const id = String(e.detail.evidenceId ?? '');
    if (ADDS.has(e.action) && id && !present.has(id) && !deleted.has(id) && !items.some((i) => i.id === id)) {
      items.push({ id, status: 'missing', problems: ['its record was removed outside Redress'] });
    }
  }
  const custody = checkCustody(ctx.db, caseId);
  // The chain cannot show entries cut from its end; an item whose arrival is not in the log gives that away.
  const logged = new Set(log.filter((e) => ADDS.has(e.action)).map((e) => String(e.detail.evidenceId)));
  const unlogged = rows.filter((r) => !logged.has(r.id));
  if (custody.ok && unlogged.length) {
    custody.ok = false;
    custody.problem = `The log has no entry for the arrival of ${unlogged.map((r) => r.id).join(', ')}: entries were removed from its end.`;
  }
  const ok = custody.ok && items.every((i) => i.status === 'ok');
  const result: VerifyResult = { ok, checkedAt: isoNow(ctx.clock), items, custody };
  appendCustody(ctx, caseId, 'evidence.verify', {
    ok,
    checked: items.length,
    modified: items.filter((i) => i.status === 'modified').map((i) => i.id),
    missing: items.filter((i) => i.status === 'missing').map((i) => i.id),
    custodyOk: custody.ok,
  });
  return result;
}
