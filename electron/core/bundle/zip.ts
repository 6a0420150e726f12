import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * The zip layer of a case bundle, with fflate (pure JS, no native build). Reading is strict: before anything is
 * inflated the central directory is walked here, and an entry that could escape or surprise a reader is refused with
 * its name: a path that is absolute, climbs (`..`), uses a backslash or a control character, a folder, a link or any
 * other special file, an encrypted or oddly compressed entry, a duplicate name, and entries whose declared sizes add
 * up past the cap (a zip bomb). Inflating is bounded by the declared sizes, and each entry's real length is checked.
 */
export class BundleError extends Error {}

export const MAX_BUNDLE_ENTRIES = 20_000;
export const MAX_BUNDLE_UNCOMPRESSED = 1024 * 1024 * 1024;

export interface ZipEntryInfo {
  name: string;
  size: number;
}

/** Why a name may not be unpacked, or null. Names are data: they are checked, never joined onto a path. */
export function unsafeName(name: string): string | null {
  if (!name) return 'has an empty name';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'has a control character in its name';
  if (name.includes('\\')) return 'uses a backslash in its path';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((s) => s === '..' || s === '.')) return 'climbs out of the bundle (..)';
  if (name.endsWith('/')) return 'is a folder';
  return null;
}

function refuse(name: string, why: string): never {
  throw new BundleError(`The bundle's entry ${JSON.stringify(name.slice(0, 200))} ${why}; nothing was imported.`);
}

/** Walks the central directory and checks every entry before anything is inflated. */
export function listEntries(zip: Uint8Array, cap = MAX_BUNDLE_UNCOMPRESSED): ZipEntryInfo[] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new BundleError('This file is not a zip (no central directory); nothing was imported.');
  const count = dv.getUint16(eocd + 10, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new BundleError('This bundle is a ZIP64 archive, which Redress does not read; nothing was imported.');
  if (count > MAX_BUNDLE_ENTRIES) throw new BundleError(`This bundle has ${count} entries, more than the ${MAX_BUNDLE_ENTRIES} Redress reads; nothing was imported.`);
  const out: ZipEntryInfo[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || dv.getUint32(p, true) !== 0x02014b50) throw new BundleError('The bundle\'s directory is damaged; nothing was imported.');
    const madeBy = dv.getUint16(p + 4, true) >> 8;
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const external = dv.getUint32(p + 38, true);
    if (p + 46 + nameLen > zip.length) throw new BundleError('The bundle\'s directory is damaged; nothing was imported.');
    const name = new TextDecoder('utf-8', { fatal: false }).decode(zip.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    const bad = unsafeName(name);
    if (bad) refuse(name, bad);
    const unixType = (external >>> 16) & 0o170000;
    if (madeBy === 3 && unixType !== 0 && unixType !== 0o100000) refuse(name, unixType === 0o120000 ? 'is a symbolic link' : 'is not a regular file');
    if (external & 0x10) refuse(name, 'is a folder');
    if (flags & 0x1) refuse(name, 'is encrypted');
    if (method !== 0 && method !== 8) refuse(name, 'uses a compression Redress does not read');
    if (size === 0xffffffff) refuse(name, 'is too large');
    if (seen.has(name)) refuse(name, 'appears twice');
    seen.add(name);
    total += size;
    if (total > cap) refuse(name, `takes the bundle past ${Math.round(cap / 1024 / 1024)} MB unpacked (a zip bomb?)`);
    out.push({ name, size });
  }
  return out;
}

/** Inflates the checked entries; each must come out at exactly its declared size. */
export function readEntries(zip: Uint8Array, cap?: number): { entries: ZipEntryInfo[]; files: Map<string, Uint8Array> } {
  const entries = listEntries(zip, cap);
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(zip);
  } catch (err) {
    throw new BundleError(`The bundle cannot be unpacked (${(err as Error).message}); nothing was imported.`);
  }
  const files = new Map<string, Uint8Array>();
  for (const e of entries) {
    const data = raw[e.name];
    if (!data || data.length !== e.size) refuse(e.name, 'does not unpack to its declared size');
    files.set(e.name, data);
  }
  if (Object.keys(raw).length !== entries.length) throw new BundleError('The bundle\'s entries do not match its directory; nothing was imported.');
  return { entries, files };
}

/** Writes the entries in the order given; JSON and text are compressed, stored files (already compressed) mostly are too. */
export function writeZip(files: [string, Uint8Array][]): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of files) z[name] = [data, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }];
  return zipSync(z);
}
