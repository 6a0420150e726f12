import type { Browser } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../capture/chromium';
import type { Msg } from '../contract/i18n';
import { say } from '../i18n';
import { lazy } from '../util/lazy';

const playwright = lazy<typeof import('playwright-core')>('playwright-core');

/**
 * A picture of a fetched page for the evidence, made from the bytes the watch fetched and nothing else: headless
 * Chromium with JavaScript disabled, in a fresh browser context (no cookies, no storage, no service workers) that is
 * offline, where the page's own address is answered from those bytes and every other request (styles, fonts, images,
 * frames) is aborted. Chromium is started with a host resolver that resolves nothing and a proxy that does not exist,
 * so a request that slipped past the route would still go nowhere. The page is loaded at an address of its own
 * (`.invalid` never resolves): the picture can never be of the live site.
 */
export const SHOT_ORIGIN = 'http://fetched-page.redress.invalid';
const SHOT_URL = `${SHOT_ORIGIN}/`;
export const SHOT_VIEWPORT = { width: 1280, height: 900 };
/** Taller pages are cut here (a long policy would otherwise make a picture of hundreds of megapixels). */
export const SHOT_MAX_HEIGHT = 16_000;
const SHOT_TIMEOUT_MS = 30_000;

export const OFFLINE_FLAGS = [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>'];

export interface ShotRecord {
  sha256?: string;
  size?: number;
  mime: 'image/png';
  width: number;
  height: number;
  /** The page was taller than SHOT_MAX_HEIGHT: the picture shows its top part. */
  truncated: boolean;
  pageHeight: number;
  viewport: { width: number; height: number };
  renderedAt: string;
  engine: { name: string; version: string };
  rendering: 'offline';
  from: 'the fetched bytes';
  javascript: false;
  externalResources: false;
  /** Requests the page made (styles, images, fonts …) that were aborted, none of them sent. */
  blockedRequests: number;
  note: string;
  noteMsg: Msg;
}

/** The record of a picture made offline from the fetched bytes, whichever engine made it. */
export function shotRecord(r: {
  png: Buffer;
  pageHeight: number;
  truncated: boolean;
  renderedAt: Date;
  engine: { name: string; version: string };
  blockedRequests: number;
  noteKey: string;
}): ShotRecord {
  return {
    mime: 'image/png',
    // A PNG's width and height stand at bytes 16 and 20 of its IHDR chunk.
    width: r.png.readUInt32BE(16),
    height: r.png.readUInt32BE(20),
    truncated: r.truncated,
    pageHeight: r.pageHeight,
    viewport: SHOT_VIEWPORT,
    renderedAt: r.renderedAt.toISOString(),
    engine: r.engine,
    rendering: 'offline',
    from: 'the fetched bytes',
    javascript: false,
    externalResources: false,
    blockedRequests: r.blockedRequests,
    note: say(r.noteKey),
    noteMsg: { key: r.noteKey },
  };
}

export type ShotResult = { ok: true; png: Buffer; record: ShotRecord } | { ok: false; reason: string; reasonMsg: Msg };

export interface ShotRenderer {
  render(body: Buffer, contentType: string): Promise<ShotResult>;
  close(): Promise<void>;
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 300);
const why = (name: string, params?: Record<string, string>): { ok: false; reason: string; reasonMsg: Msg } => {
  const key = `watch.screenshot.${name}`;
  return { ok: false, reason: say(key, params), reasonMsg: params ? { key, params } : { key } };
};

/** Screenshots of watched pages are on unless REDRESS_WATCH_SCREENSHOTS=off (the bench, machines without Chromium). */
export const screenshotsWanted = () => process.env.REDRESS_WATCH_SCREENSHOTS !== 'off';

/**
 * One browser for a whole watch run, started at the first page that needs a picture and closed by `close()`; each page
 * gets its own context. When Chromium cannot start, every page of the run says why, and the run goes on.
 */
export function createShotRenderer(opts: { executablePath?: string; enabled?: boolean; now?: () => Date } = {}): ShotRenderer {
  const executablePath = opts.executablePath ?? process.env.REDRESS_CHROMIUM ?? '/usr/bin/chromium';
  const enabled = opts.enabled ?? screenshotsWanted();
  const now = opts.now ?? (() => new Date());
  let browser: Promise<Browser> | undefined;
  let closed = false;

  const launch = () =>
    (browser ??= playwright().chromium.launch({ executablePath, args: OFFLINE_FLAGS, timeout: SHOT_TIMEOUT_MS }).then((b) => {
      if (closed) void b.close().catch(() => {});
      return b;
    }));

  return {
    async render(body, contentType) {
      if (!enabled) return why('off');
      const type = contentType || 'text/html';
      if (!/html|xml|^text\//i.test(type)) return why('failed', { detail: `a ${type.split(';')[0]} page is not rendered` });
      let b: Browser;
      try {
        b = await launch();
      } catch (err) {
        return why('noChromium', { path: executablePath, detail: firstLine(err) });
      }
      let context;
      try {
        context = await b.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', offline: true, viewport: SHOT_VIEWPORT, deviceScaleFactor: 1, acceptDownloads: false });
      } catch (err) {
        return why('failed', { detail: firstLine(err) });
      }
      try {
        let blocked = 0;
        let served = false;
        await context.route('**/*', (route) => {
          const req = route.request();
          if (!served && req.url() === SHOT_URL && req.isNavigationRequest()) {
            served = true;
            return route.fulfill({ status: 200, headers: { 'content-type': type }, body });
          }
          blocked++;
          return route.abort('blockedbyclient');
        });
        const page = await context.newPage();
        page.setDefaultTimeout(SHOT_TIMEOUT_MS);
        await page.goto(SHOT_URL, { waitUntil: 'load', timeout: SHOT_TIMEOUT_MS });
        // Evaluated in Playwright's utility world: the page's own scripts stay off.
        const pageHeight = Math.ceil(await page.evaluate(() => Math.max(document.documentElement?.scrollHeight ?? 0, document.body?.scrollHeight ?? 0)));
        const height = Math.max(1, Math.min(pageHeight || SHOT_VIEWPORT.height, SHOT_MAX_HEIGHT));
        const truncated = pageHeight > SHOT_MAX_HEIGHT;
        const png = truncated
          ? await page.screenshot({ type: 'png', fullPage: true, clip: { x: 0, y: 0, width: SHOT_VIEWPORT.width, height }, timeout: SHOT_TIMEOUT_MS })
          : await page.screenshot({ type: 'png', fullPage: true, timeout: SHOT_TIMEOUT_MS });
        return {
          ok: true,
          png,
          record: shotRecord({ png, pageHeight, truncated, renderedAt: now(), engine: { name: 'Chromium (playwright-core, headless)', version: b.version() }, blockedRequests: blocked, noteKey: 'watch.screenshot.offline' }),
        };
      } catch (err) {
        return why('failed', { detail: firstLine(err) });
      } finally {
        await context.close().catch(() => {});
      }
    },
    async close() {
      closed = true;
      const b = browser;
      browser = undefined;
      if (b) await b.then((x) => x.close()).catch(() => {});
    },
  };
}
