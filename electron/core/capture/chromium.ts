import type { Browser, Response } from 'playwright-core';
import { lazy } from '../util/lazy';

const playwright = lazy<typeof import('playwright-core')>('playwright-core');
import { apiError } from '../api/errors';
import { capturePage, type Capturer, type CaptureRequest, type RawCapture } from './capturer';
import { isolatedEvaluator } from './isolated-world';
import { httpStatusError, loadError } from './net-errors';

/** Launch flags that work on these machines (ARCHITECTURE.md). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumCapturerOptions {
  executablePath?: string;
  viewport?: { width: number; height: number };
}

const KEPT_HEADERS = ['content-type', 'last-modified', 'etag', 'date', 'server', 'content-language', 'cache-control'];

/**
 * The headless capturer for the CLI and the browser host. Chromium is launched only when a capture is asked for and
 * closed right after it, so an idle host holds no browser. Every capture gets a fresh browser context: nothing of a
 * previous visit (cookies, storage) is carried over or stored, which also means no sign-in is possible here.
 */
export function createChromiumCapturer(options: ChromiumCapturerOptions = {}): Capturer {
  const executablePath = options.executablePath ?? process.env.REDRESS_CHROMIUM ?? '/usr/bin/chromium';
  const viewport = options.viewport ?? { width: 1280, height: 900 };
  const running = new Set<Browser>();

  return {
    engine: 'chromium',
    interactive: false,
    async capture(request: CaptureRequest): Promise<RawCapture> {
      const startedAt = new Date().toISOString();
      let browser: Browser;
      try {
        browser = await playwright().chromium.launch({ executablePath, args: CHROMIUM_FLAGS, timeout: 30_000 });
      } catch (err) {
        throw apiError('failed', 'errors.capture.chromiumStart', { path: executablePath, reason: firstLine(err) });
      }
      running.add(browser);
      try {
        const context = await browser.newContext({ viewport, deviceScaleFactor: 1, serviceWorkers: 'block' });
        const page = await context.newPage();
        page.setDefaultTimeout(request.timeoutMs);
        const actions: string[] = [];
        let response: Response | null;
        try {
          response = await page.goto(request.url, { waitUntil: 'load', timeout: request.timeoutMs });
        } catch (err) {
          const seconds = Math.round(request.timeoutMs / 1000);
          if (err instanceof playwright().errors.TimeoutError) throw loadError(request.url, new Error(`TimeoutError: ${firstLine(err)}`), { seconds });
          throw loadError(request.url, err, { seconds });
        }
        const refused = response ? httpStatusError(request.url, response.status(), response.statusText()) : null;
        if (refused) throw refused;
        actions.push(`loaded ${request.url} and waited for the load event`);
        const redirectChain: string[] = [];
        for (let r = response?.request().redirectedFrom(); r; r = r.redirectedFrom()) redirectChain.unshift(r.url());
        const cdp = await context.newCDPSession(page);
        // Not page.evaluate: that runs in the page's own world, where the page can redefine what the scripts read.
        const evaluate = isolatedEvaluator({ send: (method, params) => cdp.send(method as never, params as never) });
        const taken = await capturePage(
          {
            evaluate,
            scriptWorld: 'an isolated world of the page (DevTools protocol Page.createIsolatedWorld)',
            screenshotFullPage: () => page.screenshot({ fullPage: true, type: 'png', timeout: request.timeoutMs }),
            mhtml: async () => ((await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string }).data,
            pause: (ms) => page.waitForTimeout(ms),
          },
          request.purpose,
          actions,
          { labels: request.labels },
        );
        const headers = response ? await response.allHeaders() : {};
        let sourceHtml: string | undefined;
        try {
          sourceHtml = response && (headers['content-type'] ?? '').includes('html') ? await response.text() : undefined;
        } catch {
          sourceHtml = undefined;
        }
        return {
          requestedUrl: request.url,
          finalUrl: page.url(),
          redirectChain,
          httpStatus: response?.status(),
          responseHeaders: Object.fromEntries(KEPT_HEADERS.filter((h) => headers[h]).map((h) => [h, headers[h]])),
          title: taken.info.title,
          viewport: taken.info.viewport,
          devicePixelRatio: taken.info.devicePixelRatio,
          userAgent: taken.info.userAgent,
          engine: { name: 'Chromium (playwright-core, headless)', version: browser.version() },
          actions,
          screenshotPng: taken.screenshotPng,
          mhtml: taken.mhtml,
          domHtml: taken.domHtml,
          sourceHtml,
          toggle: taken.toggle,
          startedAt,
          finishedAt: new Date().toISOString(),
        };
      } finally {
        running.delete(browser);
        await browser.close().catch(() => {});
      }
    },
    async clearSession() {
      // Nothing persists between captures: each one runs in a new, empty browser context.
    },
    async close() {
      await Promise.all([...running].map((b) => b.close().catch(() => {})));
      running.clear();
    },
  };
}

function firstLine(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split('\n')[0];
}
