import { closeSync, createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { Core } from '../core/index';
import { resolveFile, type StoredFile } from '../core/files';
import { decodeUrlPart, lookupStaticPath, malformedEscapeMessage, staticMime } from '../core/util/static-path';
import { APP_CSP, STORED_FILE_CSP } from './security';

const TEXT = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };
const notFound = () => new Response('Not found', { status: 404, headers: TEXT });

/** `app://redress/...`: the built renderer, confined to its folder, with the CSP as a header. */
export function appProtocolResponse(rendererDir: string, requestUrl: string): Response {
  const url = new URL(requestUrl);
  if (url.host !== 'redress') return notFound();
  const found = lookupStaticPath(rendererDir, url.pathname);
  if (!found.ok) return new Response(found.message, { status: found.status, headers: TEXT });
  return new Response(readFileSync(found.path), {
    headers: {
      'content-type': staticMime(found.path),
      'content-security-policy': APP_CSP,
      'x-content-type-options': 'nosniff',
    },
  });
}

/**
 * `redress-file://files/<kind>/<id>`: a stored file the database knows, never an arbitrary path. Streamed from disk
 * (evidence may be up to 512 MB), with its length taken from the file actually opened.
 */
export function fileProtocolResponse(core: Pick<Core, 'ctx'>, requestUrl: string): Response {
  const url = new URL(requestUrl);
  if (url.host !== 'files') return notFound();
  const parts = url.pathname.replace(/^\/+/, '').split('/').map(decodeUrlPart);
  if (parts.includes(null)) return new Response(malformedEscapeMessage(url.pathname), { status: 400, headers: TEXT });
  const [kind, id] = parts;
  let file: StoredFile | undefined;
  try {
    file = kind && id ? resolveFile(core.ctx, kind, id) : undefined;
  } catch {
    // A resolver refuses a row it cannot trust (an edited database) by throwing: nothing to serve.
    file = undefined;
  }
  if (!file) return notFound();
  let fd: number;
  try {
    fd = openSync(file.path, 'r');
  } catch {
    return notFound();
  }
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    return notFound();
  }
  const body = Readable.toWeb(createReadStream(file.path, { fd })) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      'content-type': file.mime,
      'content-length': String(stat.size),
      'content-security-policy': STORED_FILE_CSP,
      'x-content-type-options': 'nosniff',
      'content-disposition': `${url.searchParams.has('download') ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    },
  });
}
