import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

/** `decodeURIComponent`, but null for a malformed %-escape (`%ZZ`, a cut-off `%E0%A4%A`) instead of a thrown URIError. */
export function decodeUrlPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** What a host answers for an address with a malformed %-escape: a client error, said in words, never a 500. */
export function malformedEscapeMessage(pathname: string): string {
  const shown = pathname.length > 200 ? `${pathname.slice(0, 200)}…` : pathname;
  return `The address ${shown} has a malformed %-escape: every % must be followed by two hexadecimal digits that spell UTF-8 (write %25 for a literal %).`;
}

export type StaticLookup = { ok: true; path: string } | { ok: false; status: 400 | 404; message: string };

/** Finds a URL path inside a root folder: never a path outside it, never a folder; a malformed %-escape is a 400. */
export function lookupStaticPath(root: string, pathname: string): StaticLookup {
  const rel = decodeUrlPart(pathname);
  if (rel === null) return { ok: false, status: 400, message: malformedEscapeMessage(pathname) };
  const notFound = { ok: false, status: 404, message: 'Not found.' } as const;
  if (rel.includes('\0')) return notFound;
  const full = normalize(join(root, rel === '/' || rel === '' ? 'index.html' : rel));
  if (full !== root && !full.startsWith(root + sep)) return notFound;
  if (!existsSync(full) || !statSync(full).isFile()) return notFound;
  return { ok: true, path: full };
}

/** Resolves a URL path inside a root folder, or null: never a path outside it, never a folder. */
export function resolveStaticPath(root: string, pathname: string): string | null {
  const found = lookupStaticPath(root, pathname);
  return found.ok ? found.path : null;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Content type of a file of the built renderer. */
export const staticMime = (path: string) => MIME[extname(path)] ?? 'application/octet-stream';
