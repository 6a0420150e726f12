import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import type { Core } from '../core';
import { resolveFile, type StoredFile } from '../core/files';
import { decodeUrlPart, lookupStaticPath, malformedEscapeMessage, staticMime } from '../core/util/static-path';
import { bearer, CSP, isAllowedHost, STORED_FILE_CSP, tokenMatches } from './security';

export interface HostOptions {
  core: Core;
  /** The built renderer (vite build output). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest API request body accepted, in bytes. */
  maxBody?: number;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The browser host: the built renderer and `POST /api/<name>` on 127.0.0.1 only, every API call token-checked. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBody ?? 64 * 1024 * 1024;
  const staticRoot = resolve(options.staticDir);
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: String(err) } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!isAllowedHost(req.headers.host, port)) return sendText(res, 403, 'Forbidden host.');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return sendText(res, 400, 'The request address could not be read as a URL.');
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST.', { allow: 'POST' });
      const given = bearer(req.headers.authorization);
      if (!given) return send(res, 401, { ok: false, error: { code: 'failed', message: 'Missing token.' } });
      if (!tokenMatches(given, token)) return send(res, 403, { ok: false, error: { code: 'failed', message: 'Wrong token.' } });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Send JSON (content-type: application/json).' } });
      }
      const body = await readBody(req, maxBody);
      if (body === null) return send(res, 413, { ok: false, error: { code: 'too_large', message: `Request body over ${maxBody} bytes.` } });
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : undefined;
      } catch {
        return send(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
      }
      const name = decodeUrlPart(url.pathname.slice('/api/'.length));
      if (name === null) return send(res, 400, { ok: false, error: { code: 'invalid_input', message: malformedEscapeMessage(url.pathname) } });
      const result = await options.core.api.invoke(name, input === null ? undefined : input);
      const status = result.ok ? 200 : result.error.code === 'unknown_api' ? 404 : 200;
      return send(res, status, result);
    }

    if (url.pathname.startsWith('/files/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Use GET.');
      if (!tokenMatches(url.searchParams.get('token'), token)) return sendText(res, 403, 'Wrong or missing token.');
      const parts = url.pathname.slice('/files/'.length).split('/').map(decodeUrlPart);
      if (parts.includes(null)) return sendText(res, 400, malformedEscapeMessage(url.pathname));
      const [kind, id] = parts;
      let file: StoredFile | undefined;
      try {
        file = kind && id ? resolveFile(options.core.ctx, kind, id) : undefined;
      } catch {
        // A resolver refuses a row it cannot trust (an edited database) by throwing: nothing to serve.
        file = undefined;
      }
      if (!file || !existsSync(file.path)) return sendText(res, 404, 'No such file.');
      res.writeHead(200, {
        ...BASE_HEADERS,
        'content-type': file.mime,
        'content-length': String(file.size),
        // Stored pages (HTML, MHTML, SVG) must never run as part of the app's origin.
        'content-security-policy': STORED_FILE_CSP,
        'content-disposition': `${url.searchParams.has('download') ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file.path).pipe(res);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Use GET.');
    const found = lookupStaticPath(staticRoot, url.pathname);
    if (!found.ok) return sendText(res, found.status, found.message);
    const { path } = found;
    const type = staticMime(path);
    const data = readFileSync(path);
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': type,
      'content-length': String(data.length),
      'content-security-policy': CSP,
      'x-frame-options': 'DENY',
      'cache-control': extname(path) === '.html' ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) over = true;
      else chunks.push(c);
    });
    req.on('end', () => ok(over ? null : Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': String(data.length), 'cache-control': 'no-store' });
  res.end(data);
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...extra });
  res.end(text);
}
