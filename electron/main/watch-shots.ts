import { BrowserWindow, session, type Session, type WebContents } from 'electron';
import type { Msg } from '../core/contract/i18n';
import { say } from '../core/i18n';
import { SHOT_MAX_HEIGHT, SHOT_ORIGIN, SHOT_VIEWPORT, screenshotsWanted, shotRecord, type ShotRenderer, type ShotResult } from '../core/watch/screenshot';

/**
 * The watch's screenshot window's own session. In memory only (no `persist:`): nothing it sees is written to disk, and
 * it shares nothing with the app's session or the capture window's (where the user's sign-in lives).
 */
export const SHOT_PARTITION = 'redress-watch-shots';
const SHOT_URL = `${SHOT_ORIGIN}/`;
export const SHOT_TIMEOUT_MS = 30_000;

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 300);
const why = (name: string, params?: Record<string, string>): { ok: false; reason: string; reasonMsg: Msg } => {
  const key = `watch.screenshot.${name}`;
  return { ok: false, reason: say(key, params), reasonMsg: params ? { key, params } : { key } };
};

class Timeout extends Error {}

/** The page being rendered now: its bytes, whether its one request was let through, what was cancelled. */
interface Current {
  wcId: number;
  body: Buffer;
  type: string;
  allowed: boolean;
  blocked: number;
}

/**
 * Process-wide, because the session is: its webRequest listener and protocol handlers are one per session (a second
 * `onBeforeRequest` replaces the first). Renders are therefore one at a time in the whole process (`queue`), and the
 * session's handlers answer only the page of the render under way.
 */
let current: Current | null = null;
let queue: Promise<unknown> = Promise.resolve();
let prepared: Session | null = null;

function shotSession(): Session {
  const s = session.fromPartition(SHOT_PARTITION);
  if (prepared === s) return s;
  // Every network request is cancelled before it is sent, except the one navigation to the page's own address of
  // the render under way; each cancelled one is counted for the record.
  s.webRequest.onBeforeRequest((details, callback) => {
    const c = current;
    if (c && !c.allowed && details.url === SHOT_URL && details.resourceType === 'mainFrame' && (details.webContentsId ?? c.wcId) === c.wcId) {
      c.allowed = true;
      callback({});
      return;
    }
    if (c) c.blocked++;
    callback({ cancel: true });
  });
  // The page's address is answered from the fetched bytes, here and not from the network (`.invalid` never resolves
  // anyway); any other http(s) request that got past the listener above is refused, and never sent.
  s.protocol.handle('http', (request) => {
    const c = current;
    if (c && request.url === SHOT_URL) return new Response(new Uint8Array(c.body), { status: 200, headers: { 'content-type': c.type, 'cache-control': 'no-store' } });
    if (c) c.blocked++;
    return Response.error();
  });
  s.protocol.handle('https', () => {
    if (current) current.blocked++;
    return Response.error();
  });
  // No permission, no download.
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.on('will-download', (event) => event.preventDefault());
  prepared = s;
  return s;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout()), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The Electron counterpart of `createShotRenderer` (core/watch/screenshot.ts), for the desktop app where there is
 * usually no system Chromium: the fetched bytes rendered in a hidden window of the app's own Chromium, JavaScript off,
 * sandboxed, no preload, on an in-memory session of its own where the page's address (SHOT_ORIGIN) is answered from
 * those bytes and every other request is cancelled. The picture is taken over the DevTools protocol like the capture
 * window's (capture.ts). One window for a whole watch run, made at the first page that needs a picture; `close()`
 * destroys it.
 */
export function createElectronShotRenderer(opts: { enabled?: boolean; now?: () => Date; timeoutMs?: number } = {}): ShotRenderer {
  const enabled = opts.enabled ?? screenshotsWanted();
  const now = opts.now ?? (() => new Date());
  const timeoutMs = opts.timeoutMs ?? SHOT_TIMEOUT_MS;
  let win: BrowserWindow | null = null;

  function ensureWindow(): BrowserWindow {
    if (win && !win.isDestroyed()) return win;
    shotSession();
    const w = new BrowserWindow({
      width: SHOT_VIEWPORT.width,
      height: SHOT_VIEWPORT.height,
      useContentSize: true,
      title: 'Redress: watch screenshot',
      show: false,
      skipTaskbar: true,
      // A hidden window still paints, so the DevTools protocol can take its picture.
      paintWhenInitiallyHidden: true,
      webPreferences: {
        partition: SHOT_PARTITION,
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        images: true,
        webgl: false,
        plugins: false,
        spellcheck: false,
        backgroundThrottling: false,
      },
    });
    w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Only `loadURL` (which raises no will-navigate) moves this window: the page itself goes nowhere.
    w.webContents.on('will-navigate', (event) => event.preventDefault());
    w.webContents.on('will-redirect', (event) => event.preventDefault());
    w.webContents.on('will-attach-webview', (event) => event.preventDefault());
    w.on('closed', () => {
      if (win === w) win = null;
    });
    win = w;
    return w;
  }

  function drop(): void {
    if (win && !win.isDestroyed()) win.destroy();
    win = null;
  }

  async function picture(wc: WebContents) {
    await wc.loadURL(SHOT_URL);
    const dbg = wc.debugger;
    if (!dbg.isAttached()) dbg.attach('1.3');
    // The Chromium renderer's viewport, at one device pixel per CSS pixel whatever the screen's scale.
    await dbg.sendCommand('Emulation.setDeviceMetricsOverride', { width: SHOT_VIEWPORT.width, height: SHOT_VIEWPORT.height, deviceScaleFactor: 1, mobile: false });
    const metrics = (await dbg.sendCommand('Page.getLayoutMetrics')) as { cssContentSize?: { height: number }; contentSize?: { height: number } };
    const pageHeight = Math.ceil((metrics.cssContentSize ?? metrics.contentSize)?.height ?? 0);
    const height = Math.max(1, Math.min(pageHeight || SHOT_VIEWPORT.height, SHOT_MAX_HEIGHT));
    const shot = (await dbg.sendCommand('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      fromSurface: true,
      clip: { x: 0, y: 0, width: SHOT_VIEWPORT.width, height, scale: 1 },
    })) as { data: string };
    return { png: Buffer.from(shot.data, 'base64'), pageHeight, truncated: pageHeight > SHOT_MAX_HEIGHT };
  }

  async function renderNow(body: Buffer, type: string): Promise<ShotResult> {
    let w: BrowserWindow;
    try {
      w = ensureWindow();
      // A fresh session for each page, as the Chromium renderer's fresh context: nothing a page left (storage, cache)
      // is seen by the next.
      const s = shotSession();
      await withTimeout(Promise.all([s.clearStorageData(), s.clearCache()]), timeoutMs);
    } catch (err) {
      drop();
      return err instanceof Timeout ? why('timeout', { seconds: String(Math.round(timeoutMs / 1000)) }) : why('failed', { detail: firstLine(err) });
    }
    const wc = w.webContents;
    const c: Current = { wcId: wc.id, body, type, allowed: false, blocked: 0 };
    current = c;
    try {
      const { png, pageHeight, truncated } = await withTimeout(picture(wc), timeoutMs);
      const electron = process.versions.electron ?? 'unknown';
      const chrome = process.versions.chrome ?? 'unknown';
      return {
        ok: true,
        png,
        record: shotRecord({
          png,
          pageHeight,
          truncated,
          renderedAt: now(),
          engine: { name: `Electron ${electron} (Chromium ${chrome}, hidden window)`, version: chrome },
          blockedRequests: c.blocked,
          noteKey: 'watch.screenshot.offlineElectron',
        }),
      };
    } catch (err) {
      // A window that hung or whose debugger failed is not trusted with the next page: the next render makes a new one.
      try {
        if (!wc.isDestroyed()) wc.stop();
      } catch {
        /* going anyway */
      }
      drop();
      return err instanceof Timeout ? why('timeout', { seconds: String(Math.round(timeoutMs / 1000)) }) : why('failed', { detail: firstLine(err) });
    } finally {
      if (current === c) current = null;
    }
  }

  return {
    render(body, contentType) {
      if (!enabled) return Promise.resolve(why('off'));
      const type = contentType || 'text/html';
      if (!/html|xml|^text\//i.test(type)) return Promise.resolve(why('failed', { detail: `a ${type.split(';')[0]} page is not rendered` }));
      // One page at a time (the run checks several documents at once; the window and the session are shared).
      const run = queue.then(() => renderNow(body, type));
      queue = run.catch(() => {});
      return run;
    },
    async close() {
      // After the renders already asked for, so a page under way is not cut off.
      await queue.catch(() => {});
      drop();
    },
  };
}
