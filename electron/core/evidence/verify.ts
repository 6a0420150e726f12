import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { VerifyResult, VerifyStatus } from '../contract/evidence';
import type { Msg, MsgParams } from '../contract/i18n';
import { say } from '../i18n';
import type { CoreContext } from '../context';
import { readTx, writeTx } from '../db/tx';
import { isoNow } from '../util/clock';
import { readStored, StoredPathError } from '../util/stored-path';
import { appendCustody, chainHead, chainProblem, checkAnchor, checkCustody, readCustody } from './custody';
import { stableJson } from './capture';
import { filesFor, rowsForCase, type EvidenceRow, type FileRow } from './repo';
import { blobPath, hashFile, lastSweep } from './store';

const ADDS = new Set(['evidence.add', 'evidence.capture', 'evidence.diff.save']);
const TOGGLE_EDITS = new Set(['evidence.toggle.confirm', 'evidence.toggle.correct']);

type Log = ReturnType<typeof readCustody>;
interface Snapshot {
  rows: EvidenceRow[];
  files: Map<string, FileRow[]>;
  log: Log;
}
/** sha256 recorded -> what the file on disk hashes to now ('missing' when it is not there, 'bad-name' for a non-hash). */
type Hashes = Map<string, string>;

function snapshot(ctx: CoreContext, caseId: string): Snapshot {
  const rows = rowsForCase(ctx.db, caseId);
  return { rows, files: new Map(rows.map((r) => [r.id, filesFor(ctx.db, r.id)])), log: readCustody(ctx.db, caseId) };
}

async function hashAsync(ctx: CoreContext, sha: string): Promise<string> {
  try {
    return await hashFile(blobPath(ctx.dataDir, sha));
  } catch (err) {
    if (err instanceof StoredPathError) return 'bad-name';
    return 'missing';
  }
}

function hashSync(ctx: CoreContext, sha: string): string {
  try {
    return createHash('sha256').update(readFileSync(blobPath(ctx.dataDir, sha))).digest('hex');
  } catch (err) {
    if (err instanceof StoredPathError) return 'bad-name';
    return 'missing';
  }
}

const s = (v: unknown) => (v === undefined || v === null ? null : String(v));

/** An item's problem in English (the CLI, the logs) and by reference (evidence.problem.*), for the screen. */
interface Problem {
  text: string;
  msg: Msg;
}
const problem = (key: string, params?: MsgParams): Problem => {
  const k = `evidence.problem.${key}`;
  return { text: say(k, params), msg: params ? { key: k, params } : { key: k } };
};
/** File roles the catalog words (evidence.role.*); any other role (an edited record) is named as it is. */
const ROLES = new Set(['primary', 'manifest', 'screenshot', 'dom', 'text', 'mhtml', 'source', 'diff', 'data']);
const roleProblem = (key: string, role: string, params: MsgParams = {}) => problem(ROLES.has(role) ? key : `${key}Other`, { ...params, role });
/** What differs, as the catalog names it (evidence.field.*). */
type Differ =
  | 'hash' | 'primaryHash' | 'fileName' | 'size' | 'type' | 'kind' | 'title' | 'captureTime' | 'timeAdded' | 'diffHash' | 'dataHash' | 'time'
  | 'sourceAddress' | 'manifestHash' | 'id' | 'case' | 'purpose' | 'switchState' | 'switchConfirmation';

/**
 * One item against its stored files, its own logged arrival and (for a capture) its manifest. Pure: the file hashes
 * are given, so the same check runs on a snapshot and again under the write lock.
 */
function checkItem(ctx: CoreContext, row: EvidenceRow, files: FileRow[], log: Log, hashes: Hashes): { status: VerifyStatus; problems: Problem[] } {
  let status: VerifyStatus = 'ok';
  const problems: Problem[] = [];
  const changed = (p: Problem) => {
    if (status === 'ok') status = 'modified';
    problems.push(p);
  };
  for (const f of files) {
    const actual = hashes.get(f.sha256);
    if (actual === 'bad-name') changed(roleProblem('badName', f.role));
    else if (actual === 'missing') {
      status = 'missing';
      problems.push(roleProblem('fileMissing', f.role));
    } else if (actual !== f.sha256) changed(roleProblem('fileModified', f.role));
  }
  const add = log.find((e) => ADDS.has(e.action) && e.detail.evidenceId === row.id);
  if (!add) return { status, problems }; // reported once, for the whole chain, below
  const d = add.detail;
  const byRole = new Map(files.map((f) => [f.role, f]));
  const differs = (what: Differ, logged: unknown, now: unknown) => {
    if (logged !== undefined && s(logged) !== s(now)) changed(problem('differsLogged', { what, now: JSON.stringify(s(now)), logged: JSON.stringify(s(logged)) }));
  };
  if (add.action === 'evidence.add') {
    differs('hash', d.sha256, row.sha256);
    differs('primaryHash', d.sha256, byRole.get('primary')?.sha256);
    differs('fileName', d.filename, row.filename);
    differs('size', d.size, row.size);
    differs('type', d.mime, row.mime);
    differs('kind', d.kind, row.kind);
    differs('title', d.title, row.title);
    differs('captureTime', d.capturedAt, row.captured_at);
    differs('timeAdded', d.addedAt, row.added_at);
  } else if (add.action === 'evidence.diff.save') {
    differs('hash', d.sha256, row.sha256);
    differs('diffHash', d.sha256, byRole.get('diff')?.sha256);
    differs('dataHash', d.dataSha256, byRole.get('data')?.sha256);
    differs('title', d.title, row.title);
    differs('time', d.capturedAt, row.captured_at);
    differs('sourceAddress', d.sourceUrl, row.source_url);
  } else {
    differs('hash', d.manifestSha256, row.sha256);
    differs('manifestHash', d.manifestSha256, byRole.get('manifest')?.sha256);
    checkCapture(ctx, row, files, log, hashes, changed);
  }
  return { status, problems };
}

/**
 * Ids a case bundle import renamed (its logged `case.import` entry maps original -> new): a capture's manifest keeps
 * the ids it was made with, so the row's ids are read back through this map before they are compared with it.
 */
function renamedBack(log: Log): (s: string) => string {
  const back = new Map<string, string>();
  for (const e of log) {
    if (e.action !== 'case.import' || !e.detail.renamedIds || typeof e.detail.renamedIds !== 'object') continue;
    for (const [orig, now] of Object.entries(e.detail.renamedIds as Record<string, unknown>)) if (typeof now === 'string') back.set(now, orig);
  }
  if (!back.size) return (s) => s;
  const pattern = new RegExp([...back.keys()].map((k) => k.replace(/[^A-Za-z0-9_]/g, '\\$&')).join('|'), 'g');
  // Follow a chain of imports back to the first id.
  const first = (id: string) => {
    let cur = id;
    for (let i = 0; i < 16 && back.has(cur); i++) cur = back.get(cur)!;
    return cur;
  };
  return (s) => s.replace(pattern, (m) => first(m));
}

/** A capture's row and files against its manifest (itself checked against the logged manifest hash above). */
function checkCapture(ctx: CoreContext, row: EvidenceRow, files: FileRow[], log: Log, hashes: Hashes, changed: (p: Problem) => void) {
  const back = renamedBack(log);
  const mf = files.find((f) => f.role === 'manifest');
  if (!mf || hashes.get(mf.sha256) !== mf.sha256) return; // already reported: missing or modified
  let m: Record<string, any>;
  try {
    m = JSON.parse(readStored(blobPath(ctx.dataDir, mf.sha256), 'utf8')) as Record<string, any>;
  } catch {
    changed(problem('manifestUnreadable'));
    return;
  }
  const differs = (what: Differ, manifest: unknown, now: unknown) => {
    if (s(manifest) !== s(now)) changed(problem('differsManifest', { what, now: JSON.stringify(s(now)), manifest: JSON.stringify(s(manifest)) }));
  };
  differs('id', m.evidenceId, back(row.id));
  differs('case', m.caseId, back(row.case_id));
  differs('sourceAddress', m.finalUrl, row.source_url);
  differs('captureTime', m.capturedAt, row.captured_at);
  differs('title', m.title || m.readableTitle || m.finalUrl, row.title);
  differs('purpose', m.purpose, row.purpose);
  // The switch state: what the page showed, unless the user confirmed or corrected it later (logged in the chain).
  const edits = log.filter((e) => TOGGLE_EDITS.has(e.action) && e.detail.evidenceId === row.id);
  const last = edits[edits.length - 1];
  if (m.purpose === 'setting') {
    differs('switchState', last ? last.detail.state : m.toggle?.state, row.toggle_state);
    differs('switchConfirmation', last ? (last.action === 'evidence.toggle.correct' ? 'hand' : 'page') : 'page', row.toggle_confirmed_by);
  } else if (row.toggle_state !== null) changed(problem('switchOnPage'));
  const { artifacts, ...record } = m;
  let rec: unknown;
  try {
    rec = JSON.parse(back(row.record));
  } catch {
    rec = null;
  }
  if (stableJson(rec) !== stableJson(record)) changed(problem('recordDiffers'));
  const listed = new Map(((artifacts ?? []) as { role: string; sha256: string; size: number; mime: string }[]).map((a) => [a.role, a]));
  for (const f of files) {
    if (f.role === 'manifest') continue;
    const a = listed.get(f.role);
    if (!a) changed(roleProblem('notListed', f.role));
    else if (a.sha256 !== f.sha256 || a.size !== f.size || a.mime !== f.mime) changed(roleProblem('fileRecordDiffers', f.role));
    listed.delete(f.role);
  }
  for (const role of listed.keys()) changed(roleProblem('noRecord', role));
}

/** Items whose arrival is logged, with no row and no logged delete: their records were removed outside Redress. */
function removedOutside(snap: Snapshot): string[] {
  const present = new Set(snap.rows.map((r) => r.id));
  const deleted = new Set(snap.log.filter((e) => e.action === 'evidence.delete').map((e) => String(e.detail.evidenceId)));
  const out = new Set<string>();
  for (const e of snap.log) {
    const id = String(e.detail.evidenceId ?? '');
    if (ADDS.has(e.action) && id && !present.has(id) && !deleted.has(id)) out.add(id);
  }
  return [...out];
}

function checkAll(ctx: CoreContext, snap: Snapshot, hashes: Hashes) {
  return snap.rows.map((row) => ({ row, ...checkItem(ctx, row, snap.files.get(row.id) ?? [], snap.log, hashes) }));
}

/**
 * Re-hashes every stored file of every item of the case and cross-checks each item against its logged arrival and,
 * for captures, its manifest; checks the chain and its anchored head. Rows, files and log are read in one snapshot;
 * the files are hashed outside any lock; anything that looks wrong is checked again under the write lock (where the
 * verification is also logged), so a write by another process in the meantime is never reported as damage.
 */
export async function verifyCase(ctx: CoreContext, caseId: string): Promise<VerifyResult> {
  const first = readTx(ctx.db, () => snapshot(ctx, caseId));
  const hashes: Hashes = new Map();
  for (const files of first.files.values()) for (const f of files) if (!hashes.has(f.sha256)) hashes.set(f.sha256, await hashAsync(ctx, f.sha256));
  const suspect = checkAll(ctx, first, hashes).some((i) => i.status !== 'ok') || removedOutside(first).length > 0;

  return writeTx(ctx.db, () => {
    // Under the lock: the state now. Only when the first pass saw something is it worth re-reading and re-hashing.
    const snap = suspect ? snapshot(ctx, caseId) : first;
    if (suspect) for (const files of snap.files.values()) for (const f of files) if (!hashes.has(f.sha256) || hashes.get(f.sha256) !== f.sha256) hashes.set(f.sha256, hashSync(ctx, f.sha256));
    const checked = suspect ? checkAll(ctx, snap, hashes) : checkAll(ctx, first, hashes);
    const items: VerifyResult['items'] = checked.map((c) => ({
      id: c.row.id,
      title: c.row.title,
      status: c.status,
      ...(c.problems.length ? { problems: c.problems.map((p) => p.text), problemsMsg: c.problems.map((p) => p.msg) } : {}),
    }));
    const gone = problem('removedOutside');
    for (const id of removedOutside(snap)) items.push({ id, status: 'missing', problems: [gone.text], problemsMsg: [gone.msg] });

    const custody: VerifyResult['custody'] = checkCustody(ctx.db, caseId);
    const anchor = checkAnchor(ctx.db, caseId);
    if (custody.ok && (anchor.status === 'truncated' || anchor.status === 'rewritten')) {
      custody.ok = false;
      custody.problem = anchor.problem;
      custody.problemMsg = anchor.problemMsg;
    }
    // Without an anchor, the chain alone cannot show entries cut from its end; an item whose arrival is not logged can.
    const logged = new Set(snap.log.filter((e) => ADDS.has(e.action)).map((e) => String(e.detail.evidenceId)));
    const unlogged = snap.rows.filter((r) => !logged.has(r.id));
    if (custody.ok && unlogged.length) {
      custody.ok = false;
      Object.assign(custody, chainProblem('unlogged', { ids: unlogged.map((r) => r.id).join(', ') }));
    }
    const head = chainHead(ctx.db, caseId);
    custody.anchor = {
      status: anchor.status,
      ...('anchored' in anchor ? { seq: anchor.anchored.seq, hash: anchor.anchored.hash } : {}),
    };
    const ok = custody.ok && items.every((i) => i.status === 'ok');
    const checkedAt = isoNow(ctx.clock);
    appendCustody(ctx, caseId, 'evidence.verify', {
      ok,
      checked: items.length,
      modified: items.filter((i) => i.status === 'modified').map((i) => i.id),
      missing: items.filter((i) => i.status === 'missing').map((i) => i.id),
      custodyOk: custody.ok,
      anchor: anchor.status,
      headBefore: head,
    });
    // The head includes this verification's own entry: the value to write down or compare with an earlier report.
    custody.head = chainHead(ctx.db, caseId) ?? undefined;
    const stray = lastSweep.get(ctx.db)?.stray ?? [];
    return { ok, checkedAt, items, custody, ...(stray.length ? { store: { stray } } : {}) } satisfies VerifyResult;
  });
}
