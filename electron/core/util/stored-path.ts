import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * Content is never a path. A `StoredPath` names a file inside the data folder and can only be made here, from parts
 * the core itself chose (a SHA-256 it computed, an id it generated); text that came from a page, a file, the user or
 * a database row is a plain `string` and no reading function accepts it. Every part is checked again on the way in,
 * so a tampered row (`../../etc/passwd` as a hash or a file name) cannot steer a read outside the data folder.
 */
declare const storedPathBrand: unique symbol;
export type StoredPath = string & { readonly [storedPathBrand]: true };

export class StoredPathError extends Error {}

const SHA256 = /^[0-9a-f]{64}$/;
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** `<dataDir>/<segments…>`; each segment a plain file or folder name the core made (no separators, no `..`). */
export function storedPath(dataDir: string, ...segments: string[]): StoredPath {
  if (!isAbsolute(dataDir)) throw new StoredPathError('The data folder must be an absolute path.');
  for (const s of segments) {
    if (!SEGMENT.test(s) || s.includes('..')) throw new StoredPathError(`Not a stored file name: ${JSON.stringify(s)}.`);
  }
  const full = join(dataDir, ...segments);
  const rel = relative(dataDir, full);
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) throw new StoredPathError('A stored file must lie inside the data folder.');
  return full as StoredPath;
}

/** The content-addressed file of a hash: `<dataDir>/evidence/ab/abcdef…`. A value that is not a SHA-256 is refused. */
export function blobStoredPath(dataDir: string, sha256: string): StoredPath {
  if (!SHA256.test(sha256)) throw new StoredPathError(`Not a SHA-256: ${JSON.stringify(sha256.slice(0, 80))}.`);
  return storedPath(dataDir, 'evidence', sha256.slice(0, 2), sha256);
}

/** An export's file: `<dataDir>/exports/<id>.<ext>`, made from the export's id and format only. */
export function exportStoredPath(dataDir: string, id: string, ext: string): StoredPath {
  if (!/^exp_[A-Za-z0-9_-]{1,64}$/.test(id) || !/^[a-z]{2,5}$/.test(ext)) throw new StoredPathError(`Not an export file: ${JSON.stringify(`${id}.${ext}`)}.`);
  return storedPath(dataDir, 'exports', `${id}.${ext}`);
}

export function readStored(path: StoredPath): Buffer;
export function readStored(path: StoredPath, encoding: 'utf8'): string;
export function readStored(path: StoredPath, encoding?: 'utf8'): Buffer | string {
  return encoding ? readFileSync(path, encoding) : readFileSync(path);
}
