import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError, apiError } from '../api/errors';
import { say } from '../i18n';
import { DIR_MODE, FILE_MODE, hasModes, privateDir, privateFile, type Db } from '../db/open';
import { writeTx } from '../db/tx';
import { blobStoredPath, storedPath, type StoredPath } from '../util/stored-path';

/**
 * The content-addressed store: `<dataDir>/evidence/ab/abcdef…` by SHA-256. A file is streamed to `tmp/` while it is
 * hashed (one pass) and fsynced. Its life is then decided only under the database's write lock: `placeAndRecord`
 * moves it into place and writes its rows in one IMMEDIATE transaction, and `deleteItemFiles` takes a blob no row
 * uses out of place in the transaction that deletes its last row. An upload of the same content racing a delete
 * therefore either sees the blob gone (and puts its own copy in) or keeps it (and the delete sees the new row).
 * A crash leaves at most a temp file, a blob without a row, or a blob in `trash/`; `cleanOrphans` settles them.
 */
export const storeRoot = (dataDir: string) => join(dataDir, 'evidence');
export const blobPath = (dataDir: string, sha256: string): StoredPath => blobStoredPath(dataDir, sha256);
const tmpDir = (dataDir: string) => join(storeRoot(dataDir), 'tmp');
const trashDir = (dataDir: string) => join(storeRoot(dataDir), 'trash');

/** Names the store itself writes; anything else found in it is a stray entry, skipped and reported, never removed. */
const HEX_DIR = /^[0-9a-f]{2}$/;
const BLOB_NAME = /^[0-9a-f]{64}$/;
const TMP_NAME = /^[0-9a-z]+-[0-9a-f]{12}\.part$/;
const TRASH_NAME = /^([0-9a-f]{64})\.[0-9a-f]{12}$/;

export interface StagedFile {
  tmpPath: string;
  sha256: string;
  size: number;
}

export class TooLargeError extends ApiError {
  constructor(what: string, limit: number) {
    super('too_large', say('errors.evidence.tooLarge', { what, limit: formatBytes(limit) }));
    this.key = 'errors.evidence.tooLarge';
    this.params = { what, limit: formatBytes(limit) };
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(n % (1024 * 1024 * 1024) ? 1 : 0)} GB`;
  if (n >= 1024 * 1024) return `${Math.round(n / 1024 / 1024)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

function ensureStoreDir(dataDir: string, ...sub: string[]): string {
  let dir = storeRoot(dataDir);
  privateDir(dir);
  for (const s of sub) {
    dir = join(dir, s);
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  }
  return dir;
}

function newTmpPath(dataDir: string): string {
  return join(ensureStoreDir(dataDir, 'tmp'), `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}.part`);
}

/** Streams a file into the temp area, hashing as it copies. Stops (and removes the temp file) past `limit`. */
export async function stageFromPath(dataDir: string, source: string, limit: number, label: string): Promise<StagedFile> {
  const tmpPath = newTmpPath(dataDir);
  const hash = createHash('sha256');
  const out = await open(tmpPath, 'wx', FILE_MODE);
  let size = 0;
  try {
    // Large reads keep syscalls few; the hash and the write see the same chunk, so the file is read once. The write of
    // one chunk overlaps the read of the next.
    let pending: Promise<unknown> = Promise.resolve();
    for await (const chunk of createReadStream(source, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw new TooLargeError(label, limit);
      hash.update(chunk);
      await pending;
      pending = out.write(chunk);
    }
    await pending;
    await out.sync();
  } catch (err) {
    await out.close().catch(() => {});
    await rm(tmpPath, { force: true });
    throw err;
  }
  await out.close();
  return { tmpPath, sha256: hash.digest('hex'), size };
}

/** Same as stageFromPath for bytes already in memory (uploads, capture artifacts). */
export async function stageBytes(dataDir: string, data: Uint8Array): Promise<StagedFile> {
  const tmpPath = newTmpPath(dataDir);
  const out = await open(tmpPath, 'wx', FILE_MODE);
  try {
    await out.write(data);
    await out.sync();
  } catch (err) {
    await out.close().catch(() => {});
    await rm(tmpPath, { force: true });
    throw err;
  }
  await out.close();
  return { tmpPath, sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
}

/** A blob that is present as the store wrote it: a regular file (not a link) of the recorded size. */
function blobPresent(path: string, size: number): boolean {
  try {
    const st = lstatSync(path);
    return st.isFile() && st.size === size;
  } catch {
    return false;
  }
}

/**
 * Under one write lock: moves each staged file to its content address unless the same content is already there,
 * makes the renames durable (one fsync per folder), then runs `record` (the row inserts). If `record` throws, the
 * transaction rolls back and a moved blob without a row is left for the sweep. Temp copies not needed are removed
 * after the commit. Returns the stored paths in the order given.
 */
export function placeAndRecord<T>(db: Db, dataDir: string, staged: StagedFile[], record: (paths: StoredPath[]) => T): { paths: StoredPath[]; result: T } {
  let paths: StoredPath[] = [];
  const result = writeTx(db, () => {
    const dirs = new Set<string>();
    paths = staged.map((s) => {
      const dest = blobPath(dataDir, s.sha256);
      if (!blobPresent(dest, s.size)) {
        const dir = ensureStoreDir(dataDir, s.sha256.slice(0, 2));
        // A same-named entry that is not our file (a link, a folder, a truncated copy) is replaced by the real bytes.
        if (existsSync(dest) || isLink(dest)) rmSync(dest, { force: true, recursive: false });
        if (existsSync(s.tmpPath)) renameSync(s.tmpPath, dest);
        dirs.add(dir);
      }
      if (!blobPresent(dest, s.size)) throw apiError('failed', 'errors.evidence.blobVanished');
      return dest;
    });
    for (const dir of dirs) fsyncDir(dir);
    return record(paths);
  });
  for (const s of staged) rmSync(s.tmpPath, { force: true });
  return { paths, result };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

export async function discardStaged(staged: StagedFile[]): Promise<void> {
  await Promise.all(staged.map((s) => rm(s.tmpPath, { force: true })));
}

/** Makes a rename durable (POSIX); Windows cannot open a folder and does not need it. */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function hashFile(path: StoredPath): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Inside the caller's write transaction, after its rows are deleted: each blob no row uses any more is renamed into
 * `trash/` (so a crash before the commit can put it back). Returns the trash paths to unlink after the commit.
 */
export function trashUnusedBlobs(db: Db, dataDir: string, hashes: string[]): string[] {
  if (!db.inTransaction) throw new Error('trashUnusedBlobs must run inside the write transaction that deleted the rows.');
  const used = db.prepare('SELECT 1 FROM evidence_files WHERE sha256 = ? LIMIT 1');
  const out: string[] = [];
  for (const sha of new Set(hashes)) {
    if (used.get(sha)) continue;
    const src = blobPath(dataDir, sha);
    if (!existsSync(src)) continue;
    const dest = join(ensureStoreDir(dataDir, 'trash'), `${sha}.${randomBytes(6).toString('hex')}`);
    renameSync(src, dest);
    out.push(dest);
  }
  return out;
}

export function emptyTrash(paths: string[]): void {
  for (const p of paths) rmSync(p, { force: true });
}

export interface SweepReport {
  removed: string[];
  restored: string[];
  /** Entries that are not the store's own (links, folders, other names): left alone. Relative to `evidence/`. */
  stray: string[];
}

/**
 * At start, under the write lock: temp files older than `tmpGraceMs` (an upload in another process may still be
 * staging), blobs that no row points to and trash left by a crash are removed; a trashed blob that a row still uses
 * (the crash came before the delete committed) is put back. Only names that match the store's own patterns are
 * touched, judged by lstat: a link is never followed, a folder never emptied; anything else is reported as stray.
 * Files an older Redress wrote 0644 are made 0600 on the way.
 */
/** The last sweep's report per open database, for verify to show what was left alone. */
export const lastSweep = new WeakMap<Db, SweepReport>();

export function cleanOrphans(db: Db, dataDir: string, tmpGraceMs = 60 * 60_000, now = Date.now()): SweepReport {
  const report: SweepReport = { removed: [], restored: [], stray: [] };
  lastSweep.set(db, report);
  const root = storeRoot(dataDir);
  if (!existsSync(root)) return report;
  if (lstatSync(root).isSymbolicLink()) {
    report.stray.push('.');
    return report;
  }
  if (hasModes) privateDir(root);
  writeTx(db, () => {
    const known = new Set((db.prepare('SELECT DISTINCT sha256 FROM evidence_files').all() as { sha256: string }[]).map((r) => r.sha256));
    for (const dir of readdirSync(root)) {
      const full = join(root, dir);
      const st = lstatSync(full);
      const kind = dir === 'tmp' ? 'tmp' : dir === 'trash' ? 'trash' : HEX_DIR.test(dir) ? 'hex' : null;
      if (!kind || !st.isDirectory()) {
        report.stray.push(dir);
        continue;
      }
      if (hasModes && (st.mode & 0o077) !== 0) privateDir(full);
      for (const name of readdirSync(full)) {
        const file = join(full, name);
        const fst = lstatSync(file);
        const rel = `${dir}/${name}`;
        if (!fst.isFile()) {
          report.stray.push(rel);
          continue;
        }
        if (kind === 'tmp') {
          if (!TMP_NAME.test(name)) report.stray.push(rel);
          else if (now - fst.mtimeMs >= tmpGraceMs) {
            unlinkSync(file);
            report.removed.push(rel);
          }
          continue;
        }
        if (kind === 'trash') {
          const m = TRASH_NAME.exec(name);
          if (!m) {
            report.stray.push(rel);
            continue;
          }
          const dest = blobPath(dataDir, m[1]);
          if (known.has(m[1]) && !existsSync(dest)) {
            mkdirSync(join(root, m[1].slice(0, 2)), { recursive: true, mode: DIR_MODE });
            renameSync(file, dest);
            report.restored.push(rel);
          } else {
            unlinkSync(file);
            report.removed.push(rel);
          }
          continue;
        }
        if (!BLOB_NAME.test(name) || !name.startsWith(dir)) {
          report.stray.push(rel);
          continue;
        }
        if (!known.has(name)) {
          unlinkSync(file);
          report.removed.push(rel);
        } else if (hasModes && (fst.mode & 0o077) !== 0) privateFile(file);
      }
    }
  });
  return report;
}

/** Size of a stored file, or undefined when it is not there as a regular file. */
export function storedSize(path: StoredPath): number | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

export { storedPath };
