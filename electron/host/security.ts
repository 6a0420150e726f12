import { timingSafeEqual } from 'node:crypto';

/** DNS-rebinding guard: only our own loopback name and port may appear in Host. */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1] : null;
}

/**
 * Sent with every page of the built renderer. No inline script and no inline style: the UI's only styles are the
 * built CSS file and React `style` props, which set CSSOM properties (not a `style` attribute), which CSP allows.
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; frame-src 'self' blob:";

/**
 * Sent with every stored file (`/files/<kind>/<id>`): a stored page (HTML, MHTML, SVG) opens sandboxed, as a unique
 * origin with no script, no network and no frame, showing only its own inline styles and data: images.
 */
export const STORED_FILE_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";
