import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/** Resolves a URL path inside a root folder, or null: never a path outside it, never a folder. */
export function resolveStaticPath(root: string, pathname: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const full = normalize(join(root, rel === '/' || rel === '' ? 'index.html' : rel));
  if (full !== root && !full.startsWith(root + sep)) return null;
  if (!existsSync(full) || !statSync(full).isFile()) return null;
  return full;
}
