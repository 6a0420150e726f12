import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createChromiumCapturer } from '../../electron/core/capture/chromium';

/** Serves tests/capture/fixtures/*.html on 127.0.0.1 for the capture tests. */
export async function serveFixtures(): Promise<{ url: string; close(): Promise<void> }> {
  const dir = join(import.meta.dirname, 'fixtures');
  const server = createServer((req, res) => {
    const file = join(dir, basename(new URL(req.url ?? '/', 'http://127.0.0.1').pathname));
    if (!file.endsWith('.html') || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** For one test file: a Chromium capturer and the fixture server, both closed after the file; `url` is the server's. */
export function capturerOnFixtures(): { capturer: ReturnType<typeof createChromiumCapturer>; readonly url: string } {
  const capturer = createChromiumCapturer();
  let fx: Awaited<ReturnType<typeof serveFixtures>> | undefined;
  beforeAll(async () => {
    fx = await serveFixtures();
  });
  afterAll(async () => {
    await capturer.close();
    await fx?.close();
  });
  return {
    capturer,
    get url() {
      if (!fx) throw new Error('the fixture server starts in beforeAll');
      return fx.url;
    },
  };
}
