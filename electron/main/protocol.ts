import { readFileSync } from 'node:fs';
import type { Core } from '../core/index';
import { resolveFile } from '../core/files';
import { resolveStaticPath, staticMime } from '../core/util/static-path';
import { APP_CSP } from './security';

/** `app://redress/...`: the built renderer, confined to its folder, with the CSP as a header. */
export function appProtocolResponse(rendererDir: string, requestUrl: string): Response {
  const url = new URL(requestUrl);
  if (url.host !== 'redress') return new Response('Not found', { status: 404 });
  const path = resolveStaticPath(rendererDir, url.pathname);
  if (!path) return new Response('Not found', { status: 404 });
  return new Response(readFileSync(path), {
    headers: {
      'content-type': staticMime(path),
      'content-security-policy': APP_CSP,
      'x-content-type-options': 'nosniff',
    },
  });
}

/** `redress-file://files/<kind>/<id>`: a stored file the database knows, never an arbitrary path. */
export function fileProtocolResponse(core: Pick<Core, 'ctx'>, requestUrl: string): Response {
  const url = new URL(requestUrl);
  const [kind, id] = url.pathname.replace(/^\/+/, '').split('/').map(decodeURIComponent);
  const file = url.host === 'files' && kind && id ? resolveFile(core.ctx, kind, id) : undefined;
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(readFileSync(file.path), {
    headers: {
      'content-type': file.mime,
      'content-security-policy': 'sandbox',
      'x-content-type-options': 'nosniff',
      'content-disposition': `${url.searchParams.has('download') ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    },
  });
}
