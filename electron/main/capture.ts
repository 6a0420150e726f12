import { BrowserWindow, session, type WebContents } from 'electron';
import { ApiError } from '../core/api/errors';
import { capturePage, type Capturer, type CaptureRequest, type RawCapture } from '../core/capture/capturer';

/** The capture window's own session: the user's LinkedIn sign-in lives here and never in the app's session. */
export const CAPTURE_PARTITION = 'persist:redress-capture';

/**
 * The isolated world the capture scripts run in (`executeJavaScriptInIsolatedWorld`): the page's DOM with a
 * JavaScript world of its own, so a page that redefines `checked`, `getAttribute`, `querySelectorAll` or `JSON` in
 * its own world cannot change what the capture reads. Fixed, and > 0: 0 is the page's main world, 999 is Electron's
 * own world for preload scripts with contextIsolation (the capture window has no preload); Electron accepts
 * 1..536870911.
 */
export const CAPTURE_WORLD_ID = 1001;

const isWeb = (url: string) => /^https?:\/\//i.test(url);

/**
 * The Electron capturer. A separate window with its own partition, no preload, no IPC, sandboxed, shows the remote
 * page; the user signs in there if needed, and a capture reads the live page through the DevTools protocol
 * (`webContents.debugger`): `Page.captureScreenshot` with `captureBeyondViewport` for the whole page
 * (`capturePage()` only sees the viewport and can hang on hidden windows), `Page.captureSnapshot` for MHTML.
 */
export function createElectronCapturer(): Capturer {
  let win: BrowserWindow | null = null;
  let navigation = { status: undefined as number | undefined, redirects: [] as string[] };

  const partition = () => session.fromPartition(CAPTURE_PARTITION);

  function ensureWindow(): BrowserWindow {
    if (win && !win.isDestroyed()) return win;
    const w = new BrowserWindow({
      width: 1280,
      height: 900,
      title: 'Redress: capture window',
      show: false,
      webPreferences: {
        partition: CAPTURE_PARTITION,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
      },
    });
    // The remote page gets no permission: neither granted on request nor reported as granted when it checks.
    partition().setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    partition().setPermissionCheckHandler(() => false);
    w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Signing in may move between pages, but only over http(s).
    w.webContents.on('will-navigate', (event, url) => {
      if (!isWeb(url)) event.preventDefault();
    });
    w.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) navigation = { status: undefined, redirects: [] };
    });
    w.webContents.on('did-redirect-navigation', (details) => {
      if (details.isMainFrame) navigation.redirects.push(details.url);
    });
    w.webContents.on('did-navigate', (_event, _url, code) => {
      navigation.status = code > 0 ? code : undefined;
    });
    w.on('closed', () => {
      win = null;
    });
    win = w;
    return w;
  }

  async function load(w: BrowserWindow, url: string, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ApiError(
              'failed',
              `The page at ${url} did not finish loading within ${Math.round(timeoutMs / 1000)} s. Nothing was stored; check the address or try again later.`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([w.loadURL(url), timeout]);
    } catch (err) {
      w.webContents.stop();
      if (err instanceof ApiError) throw err;
      throw new ApiError('failed', `Could not load ${url}: ${err instanceof Error ? err.message : String(err)}. Nothing was stored.`);
    } finally {
      clearTimeout(timer);
    }
  }

  async function take(wc: WebContents, request: CaptureRequest, actions: string[], startedAt: string): Promise<RawCapture> {
    if (!wc.debugger.isAttached()) wc.debugger.attach('1.3');
    try {
      const taken = await capturePage(
        {
          // Never executeJavaScript: that runs in the page's own world, where the page can lie to the scripts.
          evaluate: async (js) => {
            const value = await wc.executeJavaScriptInIsolatedWorld(CAPTURE_WORLD_ID, [{ code: js }]);
            // A script that throws in an isolated world resolves undefined (Electron does not pass the error on);
            // every capture script returns a value, so undefined means it failed.
            if (value === undefined) throw new ApiError('failed', 'A capture script failed in the capture window. Nothing was stored; try again.');
            return value;
          },
          scriptWorld: `an isolated world of the page (Electron world id ${CAPTURE_WORLD_ID})`,
          screenshotFullPage: async () => {
            const shot = (await wc.debugger.sendCommand('Page.captureScreenshot', {
              format: 'png',
              captureBeyondViewport: true,
              fromSurface: true,
            })) as { data: string };
            return Buffer.from(shot.data, 'base64');
          },
          mhtml: async () => ((await wc.debugger.sendCommand('Page.captureSnapshot', { format: 'mhtml' })) as { data: string }).data,
          pause: (ms) => new Promise((ok) => setTimeout(ok, ms)),
        },
        request.purpose,
        actions,
        { labels: request.labels },
      );
      return {
        requestedUrl: request.url,
        finalUrl: wc.getURL(),
        redirectChain: [...navigation.redirects],
        httpStatus: navigation.status,
        title: taken.info.title,
        viewport: taken.info.viewport,
        devicePixelRatio: taken.info.devicePixelRatio,
        userAgent: taken.info.userAgent,
        engine: { name: `Electron ${process.versions.electron ?? '?'} (Chromium)`, version: process.versions.chrome ?? 'unknown' },
        actions,
        screenshotPng: taken.screenshotPng,
        mhtml: taken.mhtml,
        domHtml: taken.domHtml,
        toggle: taken.toggle,
        startedAt,
        finishedAt: new Date().toISOString(),
      };
    } finally {
      if (wc.debugger.isAttached()) wc.debugger.detach();
    }
  }

  return {
    engine: 'electron',
    interactive: true,
    async open(url: string) {
      if (!isWeb(url)) throw new ApiError('invalid_input', 'The capture window only opens http(s) addresses.');
      const w = ensureWindow();
      w.show();
      await load(w, url, 60_000);
      w.focus();
    },
    async capture(request: CaptureRequest): Promise<RawCapture> {
      const startedAt = new Date().toISOString();
      const actions: string[] = [];
      const open = win && !win.isDestroyed() && isWeb(win.webContents.getURL());
      let w: BrowserWindow;
      if (open) {
        // The user may have signed in and moved on from the first address: capture what the window shows now.
        w = win!;
        actions.push(`captured the page open in the capture window (opened at ${request.url})`);
      } else {
        w = ensureWindow();
        w.show();
        await load(w, request.url, request.timeoutMs);
        actions.push(`loaded ${request.url} in the capture window and waited for the load event`);
      }
      return take(w.webContents, request, actions, startedAt);
    },
    async clearSession() {
      const s = partition();
      await s.clearStorageData();
      await s.clearCache();
      await s.clearAuthCache();
      if (win && !win.isDestroyed()) await win.loadURL('about:blank');
    },
    async close() {
      if (win && !win.isDestroyed()) win.destroy();
      win = null;
    },
  };
}
