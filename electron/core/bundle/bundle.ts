import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { ZodType } from 'zod';
import { ApiError, apiError, notFound } from '../api/errors';
import type { CoreContext } from '../context';
import { FILE_MODE, privateDir } from '../db/open';
import { readTx } from '../db/tx';
import { appendCustody, entryHash, GENESIS } from '../evidence/custody';
import { blobPath, discardStaged, placeAndRecord, stageBytes, type StagedFile } from '../evidence/store';
import { foldForSearch } from '../tracking/search';
import { isoNow } from '../util/clock';
import { newId } from '../util/ids';
import { exportStoredPath, readStored, storedPath } from '../util/stored-path';
import { BUNDLE_FORMAT, BUNDLE_VERSION, CaseJson, COLUMNS, CustodyJson, Manifest } from './format';
import { BundleError, readEntries, writeZip } from './zip';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const EVIDENCE_ENTRY = /^evidence\/([0-9a-f]{64})$/;
const EXPORT_ENTRY = /^exports\/(exp_[A-Za-z0-9_-]{1,64})\.([a-z]{2,5})$/;
const FIXED = new Set(['manifest.json', 'case.json', 'custody.json']);

export interface BundleSummary {
  caseId: string;
  title: string;
  entries: number;
  evidenceFiles: number;
  exportFiles: number;
  custodyEntries: number;
}

/**
 * The case as a zip: case.json (rows), custody.json (the chain as stored), every evidence file by its SHA-256 and
 * every export file, and manifest.json with each entry's SHA-256 and size. Files are read in one snapshot; a stored
 * file that no longer matches its hash is refused (verify the case first), so a bundle never carries damage onward.
 */
export function buildBundle(ctx: CoreContext, caseId: string): { zip: Uint8Array; summary: BundleSummary; filename: string } {
  const db = ctx.db;
  return readTx(db, () => {
    const sel = (table: keyof typeof COLUMNS, where: string, ...args: unknown[]) =>
      db.prepare(`SELECT ${COLUMNS[table].join(', ')} FROM ${table} WHERE ${where}`).all(...args) as Record<string, unknown>[];
    const [c] = sel('cases', 'id = ?', caseId);
    if (!c) throw notFound('case', caseId);
    const body = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      case: c,
      events: sel('case_events', 'case_id = ? ORDER BY created_at, id', caseId),
      eventEvidence: sel('case_event_evidence', 'event_id IN (SELECT id FROM case_events WHERE case_id = ?) ORDER BY event_id, evidence_id', caseId),
      evidence: sel('evidence', 'case_id = ? ORDER BY added_at, id', caseId),
      evidenceFiles: sel('evidence_files', 'evidence_id IN (SELECT id FROM evidence WHERE case_id = ?) ORDER BY evidence_id, role', caseId),
      drafts: sel('drafts', 'case_id = ? ORDER BY template_id', caseId),
      exports: sel('exports', 'case_id = ? ORDER BY created_at, id', caseId),
    };
    const custody = {
      caseId,
      entries: db.prepare('SELECT seq, at, action, detail, prev_hash, hash FROM custody WHERE case_id = ? ORDER BY seq').all(caseId),
    };
    const files: [string, Uint8Array][] = [
      ['case.json', utf8(JSON.stringify(body, null, 1) + '\n')],
      ['custody.json', utf8(JSON.stringify(custody, null, 1) + '\n')],
    ];
    const shas = [...new Set((body.evidenceFiles as { sha256: string }[]).map((f) => f.sha256))];
    for (const sha of shas) {
      let data: Buffer;
      try {
        data = readStored(blobPath(ctx.dataDir, sha));
      } catch {
        throw apiError('failed', 'errors.bundle.fileMissing', { sha: sha.slice(0, 12) });
      }
      if (sha256(data) !== sha) throw apiError('failed', 'errors.bundle.fileModified', { sha: sha.slice(0, 12) });
      files.push([`evidence/${sha}`, new Uint8Array(data)]);
    }
    let exportFiles = 0;
    for (const e of body.exports as { id: string; file: string; sha256: string }[]) {
      const m = EXPORT_ENTRY.exec(e.file);
      if (!m || m[1] !== e.id) continue;
      let data: Buffer;
      try {
        data = readStored(exportStoredPath(ctx.dataDir, e.id, m[2]));
      } catch {
        continue; // an export whose file is gone travels as its record only
      }
      files.push([e.file, new Uint8Array(data)]);
      exportFiles++;
    }
    const manifest = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      createdAt: isoNow(ctx.clock),
      app: `${ctx.app.name} ${ctx.app.version}`,
      caseId,
      entries: files.map(([name, data]) => ({ name, sha256: sha256(data), size: data.length })),
    };
    const zip = writeZip([['manifest.json', utf8(JSON.stringify(manifest, null, 1) + '\n')], ...files]);
    const title = String(c.title);
    const safe = title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'case';
    return {
      zip,
      filename: `${safe}-${caseId}.redress.zip`,
      summary: { caseId, title, entries: files.length + 1, evidenceFiles: shas.length, exportFiles, custodyEntries: custody.entries.length },
    };
  });
}

function parseJson<T>(name: string, data: Uint8Array | undefined, schema: ZodType<T>): T {
  if (!data) throw new BundleError(`The bundle has no ${name}; nothing was imported.`);
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch {
    throw new BundleError(`The bundle's entry "${name}" is not JSON; nothing was imported.`);
  }
  const r = schema.safeParse(v);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new BundleError(`The bundle's entry "${name}" is not what Redress writes (${i.path.join('.') || 'top'}: ${i.message}); nothing was imported.`);
  }
  return r.data;
}

interface Checked {
  body: CaseJson;
  custody: CustodyJson;
  manifest: Manifest;
  files: Map<string, Uint8Array>;
}

/** Everything about a bundle that can be checked without writing: entry names, hashes, schemas, references, chain. */
export function checkBundle(zip: Uint8Array): Checked {
  const { entries, files } = readEntries(zip);
  for (const e of entries) {
    if (!FIXED.has(e.name) && !EVIDENCE_ENTRY.test(e.name) && !EXPORT_ENTRY.test(e.name)) {
      throw new BundleError(`The bundle's entry ${JSON.stringify(e.name)} is not one Redress writes; nothing was imported.`);
    }
  }
  const manifest = parseJson('manifest.json', files.get('manifest.json'), Manifest);
  const listed = new Map(manifest.entries.map((e) => [e.name, e]));
  for (const e of entries) {
    if (e.name === 'manifest.json') continue;
    const m = listed.get(e.name);
    if (!m) throw new BundleError(`The bundle's entry "${e.name}" is not in its manifest; nothing was imported.`);
    const data = files.get(e.name)!;
    const actual = sha256(data);
    if (actual !== m.sha256 || data.length !== m.size) throw new BundleError(`The bundle's entry "${e.name}" does not match the SHA-256 in its manifest (it was changed or damaged); nothing was imported.`);
    const ev = EVIDENCE_ENTRY.exec(e.name);
    if (ev && ev[1] !== actual) throw new BundleError(`The bundle's entry "${e.name}" does not hash to its name; nothing was imported.`);
  }
  for (const m of manifest.entries) if (!files.has(m.name)) throw new BundleError(`The bundle's manifest lists "${m.name}", which is not in the bundle; nothing was imported.`);
  const body = parseJson('case.json', files.get('case.json'), CaseJson);
  const custody = parseJson('custody.json', files.get('custody.json'), CustodyJson);
  const id = body.case.id;
  if (manifest.caseId !== id || custody.caseId !== id) throw new BundleError('The bundle\'s manifest, case and custody log name different cases; nothing was imported.');
  const evidenceIds = new Set(body.evidence.map((e) => e.id));
  const eventIds = new Set(body.events.map((e) => e.id));
  for (const r of [...body.events, ...body.evidence, ...body.drafts, ...body.exports]) {
    if (r.case_id !== id) throw new BundleError('case.json holds rows of another case; nothing was imported.');
  }
  for (const f of body.evidenceFiles) {
    if (!evidenceIds.has(f.evidence_id)) throw new BundleError(`case.json has a file of unknown evidence ${f.evidence_id}; nothing was imported.`);
    if (!files.has(`evidence/${f.sha256}`)) throw new BundleError(`The bundle lacks the evidence file "evidence/${f.sha256}" that case.json names; nothing was imported.`);
  }
  for (const l of body.eventEvidence) if (!eventIds.has(l.event_id)) throw new BundleError(`case.json links unknown event ${l.event_id}; nothing was imported.`);
  for (const e of body.exports) {
    if (!e.file.startsWith(`exports/${e.id}.`)) throw new BundleError(`case.json's export ${e.id} names another file; nothing was imported.`);
    const data = files.get(e.file);
    if (data && sha256(data) !== e.sha256) throw new BundleError(`The bundle's export file "${e.file}" differs from its record; nothing was imported.`);
  }
  let prev = GENESIS;
  custody.entries.forEach((r, i) => {
    if (r.seq !== i + 1 || r.prev_hash !== prev || entryHash(r.prev_hash, id, r.seq, r.at, r.action, r.detail) !== r.hash) {
      throw new BundleError(`The bundle's custody log is broken at entry ${i + 1}; nothing was imported.`);
    }
    prev = r.hash;
  });
  return { body, custody, manifest, files };
}

export interface ImportResult {
  case: { id: string; title: string };
  originalId: string;
  renamed: boolean;
  imported: { events: number; evidence: number; files: number; drafts: number; exports: number; exportFiles: number; custody: number };
}

/**
 * Imports a bundle: all checks first (nothing is written for a bundle that fails one), then the evidence files are
 * staged and everything lands in one write transaction through `placeAndRecord`. When the case's id is taken, the
 * case and its events, evidence and exports get new ids (every mention in the rows is rewritten). The custody log is
 * re-chained under the case's id here, and a `case.import` entry records where it came from and the original head.
 */
export async function importBundle(ctx: CoreContext, zip: Uint8Array, source: string): Promise<ImportResult> {
  let checked: Checked;
  try {
    checked = checkBundle(zip);
  } catch (err) {
    if (err instanceof BundleError) throw apiError('invalid_input', 'errors.bundle.invalid', { reason: err.message });
    throw err;
  }
  const { body, custody, manifest, files } = checked;
  const db = ctx.db;
  const taken = (table: string, id: string) => !!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  const renamed = taken('cases', body.case.id) || body.evidence.some((e) => taken('evidence', e.id)) || body.events.some((e) => taken('case_events', e.id)) || body.exports.some((e) => taken('exports', e.id));
  const ids = new Map<string, string>();
  if (renamed) {
    ids.set(body.case.id, newId('case'));
    for (const e of body.events) ids.set(e.id, newId(e.id.split('_')[0]));
    for (const e of body.evidence) ids.set(e.id, newId(e.id.split('_')[0]));
    for (const e of body.exports) ids.set(e.id, newId('exp'));
  }
  const pattern = ids.size ? new RegExp([...ids.keys()].map((k) => k.replace(/[^A-Za-z0-9_]/g, '\\$&')).join('|'), 'g') : null;
  const remap = (s: string) => (pattern ? s.replace(pattern, (m) => ids.get(m) ?? m) : s);
  const remapRow = <T extends Record<string, unknown>>(r: T): T =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? remap(v) : v])) as T;
  const caseId = remap(body.case.id);

  const shas = [...new Set(body.evidenceFiles.map((f) => f.sha256))];
  const staged: StagedFile[] = [];
  const exportTmp: { tmp: string; dest: string; placed: boolean }[] = [];
  try {
    for (const sha of shas) staged.push(await stageBytes(ctx.dataDir, files.get(`evidence/${sha}`)!));
    privateDir(storedPath(ctx.dataDir, 'exports'));
    for (const e of body.exports) {
      const data = files.get(e.file);
      if (!data) continue;
      const ext = EXPORT_ENTRY.exec(e.file)![2];
      const tmp = storedPath(ctx.dataDir, 'exports', `import-${randomBytes(6).toString('hex')}.part`);
      const fd = openSync(tmp, 'wx', FILE_MODE);
      try {
        writeSync(fd, data);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      exportTmp.push({ tmp, dest: exportStoredPath(ctx.dataDir, remap(e.id), ext), placed: false });
    }
    const at = isoNow(ctx.clock);
    const { result } = placeAndRecord(db, ctx.dataDir, staged, () => {
      if (taken('cases', caseId)) throw apiError('conflict', 'errors.bundle.caseAppeared');
      const insert = (table: keyof typeof COLUMNS, rows: Record<string, unknown>[]) => {
        const cols = COLUMNS[table];
        const stmt = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
        for (const r of rows) stmt.run(remapRow(r));
      };
      insert('cases', [body.case]);
      const c = remapRow(body.case);
      db.prepare('UPDATE case_index SET search_text = ?, rules_version = -1 WHERE case_id = ?').run(foldForSearch(`${c.title} ${c.name}`), caseId);
      insert('case_events', body.events);
      insert('case_event_evidence', body.eventEvidence);
      insert('evidence', body.evidence);
      insert('evidence_files', body.evidenceFiles);
      insert('drafts', body.drafts);
      insert('exports', body.exports.map((e) => ({ ...e, file: e.file.replace(e.id, remap(e.id)) })));
      const add = db.prepare('INSERT INTO custody (case_id, seq, at, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
      let prev = GENESIS;
      for (const r of custody.entries) {
        const detail = remap(r.detail);
        const hash = entryHash(prev, caseId, r.seq, r.at, r.action, detail);
        add.run(caseId, r.seq, r.at, r.action, detail, prev, hash);
        prev = hash;
      }
      for (const x of exportTmp) {
        renameSync(x.tmp, x.dest);
        x.placed = true;
      }
      const last = custody.entries[custody.entries.length - 1];
      appendCustody(ctx, caseId, 'case.import', {
        source,
        bundleSha256: sha256(zip),
        exportedAt: manifest.createdAt,
        exportedBy: manifest.app,
        originalCaseId: body.case.id,
        originalHead: last ? { seq: last.seq, hash: last.hash } : null,
        ...(renamed ? { renamedIds: Object.fromEntries(ids) } : {}),
        importedAt: at,
      });
      return {
        case: { id: caseId, title: body.case.title },
        originalId: body.case.id,
        renamed,
        imported: {
          events: body.events.length,
          evidence: body.evidence.length,
          files: shas.length,
          drafts: body.drafts.length,
          exports: body.exports.length,
          exportFiles: exportTmp.length,
          custody: custody.entries.length,
        },
      } satisfies ImportResult;
    });
    return result;
  } catch (err) {
    for (const x of exportTmp) rmSync(x.placed ? x.dest : x.tmp, { force: true });
    await discardStaged(staged);
    throw err;
  }
}
