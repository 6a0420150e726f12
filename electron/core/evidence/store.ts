import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../api/errors';
import type { Db } from '../db/open';

/**
 * The content-addressed store: `<dataDir>/evidence/ab/abcdef…` by SHA-256. A file is streamed to `tmp/` while it
 * is hashed (one pass), fsynced, then renamed into place; only after that does a caller insert the row. A crash
 * therefore leaves at most a temp file or a file without a row, which `cleanOrphans` removes at the next start.
 */
export const storeRoot = (dataDir: string) => join(dataDir, 'evidence');
export const blobPath = (dataDir: string, sha256: string) => join(storeRoot(dataDir), sha256.slice(0, 2), sha256);
const tmpDir = (dataDir: string) => join(storeRoot(dataDir), 'tmp');

export interface StagedFile {
  tmpPath: string;
  sha256: string;
  size: number;
}

export class TooLargeError extends ApiError {
  constructor(what: string, limit: number) {
    super('too_large', `${what} is larger than the limit of ${formatBytes(limit)}; split it or keep it outside Redress.`);
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(n % (1024 * 1024 * 1024) ? 1 : 0)} GB`;
  if (n >= 1024 * 1024) return `${Math.round(n / 1024 / 1024)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

function newTmpPath(dataDir: string): string {
  mkdirSync(tmpDir(dataDir), { recursive: true });
  return join(tmpDir(dataDir), `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}.part`);
}

/** Streams a file into the temp area, hashing as it copies. Stops (and removes the temp file) past `limit`. */
export async function stageFromPath(dataDir: string, source: string, limit: number, label: string): Promise<StagedFile> {
  const tmpPath = newTmpPath(dataDir);
  const hash = createHash('sha256');
  const out = await open(tmpPath, 'wx');
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
  const out = await open(tmpPath, 'wx');
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

/**
 * Moves staged files to their content addresses, then makes the renames durable with one fsync per folder touched
 * (before any row points at them). Identical content already stored is kept; its temp copy goes.
 */
export async function commitAll(dataDir: string, staged: StagedFile[]): Promise<string[]> {
  const dirs = new Set<string>();
  const out: string[] = [];
  for (const s of staged) {
    const dir = join(storeRoot(dataDir), s.sha256.slice(0, 2));
    const dest = join(dir, s.sha256);
    mkdirSync(dir, { recursive: true });
    if (existsSync(dest) && (await stat(dest)).size === s.size) {
      await rm(s.tmpPath, { force: true });
    } else {
      await rename(s.tmpPath, dest);
      dirs.add(dir);
    }
    out.push(dest);
  }
  for (const dir of dirs) await fsyncDir(dir);
  return out;
}

export async function commitStaged(dataDir: string, staged: StagedFile): Promise<string> {
  return (await commitAll(dataDir, [staged]))[0];
}

export async function discardStaged(staged: StagedFile[]): Promise<void> {
  await Promise.all(staged.map((s) => rm(s.tmpPath, { force: true })));
}

/** Makes the rename itself durable (POSIX); Windows cannot open a folder and does not need it. */
async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** Removes a blob when no row points at it any more. */
export function removeBlobIfUnused(db: Db, dataDir: string, sha256: string): void {
  const used = db.prepare('SELECT 1 FROM evidence_files WHERE sha256 = ? LIMIT 1').get(sha256);
  if (!used) rmSync(blobPath(dataDir, sha256), { force: true });
}

/**
 * At start: temp files and stored files that no row points to are left-overs of an interrupted write. Files younger
 * than `graceMs` are spared, because another Redress process (CLI beside the app) may be between rename and insert.
 */
export function cleanOrphans(db: Db, dataDir: string, graceMs = 60_000, now = Date.now()): string[] {
  const root = storeRoot(dataDir);
  if (!existsSync(root)) return [];
  const removed: string[] = [];
  const known = new Set((db.prepare('SELECT DISTINCT sha256 FROM evidence_files').all() as { sha256: string }[]).map((r) => r.sha256));
  for (const dir of readdirSync(root)) {
    const full = join(root, dir);
    if (!statSync(full).isDirectory()) continue;
    for (const name of readdirSync(full)) {
      const file = join(full, name);
      const orphan = dir === 'tmp' || !known.has(name);
      if (orphan && now - statSync(file).mtimeMs >= graceMs) {
        rmSync(file, { force: true });
        removed.push(file);
      }
    }
  }
  return removed;
}
