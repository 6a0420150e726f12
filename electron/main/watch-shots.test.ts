// The watch's screenshots in a hidden Electron window, with the electron module faked: the runtime cannot run here,
// the window's settings, the session's handlers and the DevTools commands can be checked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHOT_MAX_HEIGHT, SHOT_ORIGIN, SHOT_VIEWPORT } from '../core/watch/screenshot';

type Listener = (details: Record<string, unknown>, callback: (r: { cancel?: boolean }) => void) => void;

const fake = vi.hoisted(() => ({
  windows: [] as { options: Record<string, any>; destroyed: boolean; loaded: string[]; listeners: Map<string, (...a: any[]) => void>; openHandler?: () => unknown }[],
  commands: [] as [string, any][],
  sessions: new Map<string, any>(),
  beforeRequest: undefined as Listener | undefined,
  protocols: new Map<string, (req: Request) => Response | Promise<Response>>(),
  permissionRequest: undefined as undefined | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
  permissionCheck: undefined as undefined | (() => boolean),
  downloads: undefined as undefined | ((e: { preventDefault(): void }) => void),
  cleared: 0,
  /** What the page asks for after its own address (its styles, images, a refresh), as [url, resourceType]. */
  subrequests: [] as [string, string][],
  /** What the page's own request got: cancelled, or the handler's answer. */
  served: [] as ({ cancelled: true } | { status: number; type: string | null; body: string })[],
  pageHeight: 2000,
  hang: false,
  failCommand: '' as string,
  nextId: 1,
  /** The start of a PNG (signature and IHDR): all the renderer reads of it is the size. */
  pngHeader(width: number, height: number): Buffer {
    const b = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
    b.writeUInt32BE(13, 8);
    b.write('IHDR', 12, 'latin1');
    b.writeUInt32BE(width, 16);
    b.writeUInt32BE(height, 20);
    return b;
  },
}));

vi.mock('electron', async () => {
  const ask = (url: string, resourceType: string, webContentsId: number) =>
    new Promise<boolean>((resolve) => fake.beforeRequest!({ url, resourceType, webContentsId, method: 'GET' }, (r) => resolve(!r.cancel)));
  class BrowserWindow {
    private rec: (typeof fake.windows)[number];
    private closedListeners: (() => void)[] = [];
    webContents: Record<string, any>;
    constructor(options: Record<string, any>) {
      this.rec = { options, destroyed: false, loaded: [], listeners: new Map() };
      fake.windows.push(this.rec);
      const rec = this.rec;
      let attached = false;
      const id = fake.nextId++;
      this.webContents = {
        id,
        setWindowOpenHandler: (h: () => unknown) => (rec.openHandler = h),
        on: (ev: string, fn: (...a: any[]) => void) => rec.listeners.set(ev, fn),
        stop: () => {},
        isDestroyed: () => rec.destroyed,
        // As Chromium would: the navigation goes through the session's webRequest listener, then its protocol
        // handler; then the page's own requests go through the listener.
        loadURL: async (url: string) => {
          rec.loaded.push(url);
          if (fake.hang) return new Promise(() => {});
          if (!(await ask(url, 'mainFrame', id))) {
            fake.served.push({ cancelled: true });
            throw new Error('ERR_BLOCKED_BY_CLIENT (-20) loading ' + url);
          }
          const res = await fake.protocols.get(new URL(url).protocol.slice(0, -1))!(new Request(url));
          fake.served.push({ status: res.status, type: res.headers.get('content-type'), body: await res.text() });
          for (const [u, type] of fake.subrequests) {
            if (await ask(u, type, id)) throw new Error(`${u} was let through`);
          }
        },
        debugger: {
          isAttached: () => attached,
          attach: (v: string) => {
            if (v !== '1.3') throw new Error('protocol version');
            attached = true;
          },
          detach: () => (attached = false),
          sendCommand: async (method: string, params?: any) => {
            fake.commands.push([method, params]);
            if (!attached) throw new Error('debugger not attached');
            if (method === fake.failCommand) throw new Error(`${method} failed: Target closed`);
            if (method === 'Emulation.setDeviceMetricsOverride') return {};
            if (method === 'Page.getLayoutMetrics') return { cssContentSize: { x: 0, y: 0, width: 1280, height: fake.pageHeight } };
            if (method === 'Page.captureScreenshot') return { data: fake.pngHeader(params.clip.width, params.clip.height).toString('base64') };
            throw new Error('unexpected ' + method);
          },
        },
      };
    }
    isDestroyed() {
      return this.rec.destroyed;
    }
    destroy() {
      this.rec.destroyed = true;
      for (const fn of this.closedListeners) fn();
    }
    on(ev: string, fn: () => void) {
      if (ev === 'closed') this.closedListeners.push(fn);
    }
  }
  const session = {
    fromPartition: (name: string) => {
      let s = fake.sessions.get(name);
      if (!s) {
        s = {
          name,
          webRequest: { onBeforeRequest: (l: Listener) => (fake.beforeRequest = l) },
          protocol: { handle: (scheme: string, h: (req: Request) => Response) => fake.protocols.set(scheme, h) },
          setPermissionRequestHandler: (h: typeof fake.permissionRequest) => (fake.permissionRequest = h),
          setPermissionCheckHandler: (h: typeof fake.permissionCheck) => (fake.permissionCheck = h),
          on: (ev: string, fn: typeof fake.downloads) => ev === 'will-download' && (fake.downloads = fn),
          clearStorageData: async () => void fake.cleared++,
          clearCache: async () => void fake.cleared++,
        };
        fake.sessions.set(name, s);
      }
      return s;
    },
  };
  return { BrowserWindow, session, default: { BrowserWindow, session } };
});

const { createElectronShotRenderer, SHOT_PARTITION } = await import('./watch-shots');

const HTML = '<!doctype html><html><head><link rel="stylesheet" href="/style.css"></head><body><p>We may train AI on your posts.</p><img src="https://cdn.example.com/x.png"></body></html>';
const TYPE = 'text/html; charset=utf-8';

beforeEach(() => {
  fake.windows.length = 0;
  fake.commands.length = 0;
  fake.served.length = 0;
  fake.subrequests = [];
  fake.pageHeight = 2000;
  fake.hang = false;
  fake.failCommand = '';
  fake.cleared = 0;
});
const renderers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of renderers.splice(0)) await r.close();
});
const renderer = (opts: Parameters<typeof createElectronShotRenderer>[0] = {}) => {
  const r = createElectronShotRenderer({ enabled: true, now: () => new Date('2026-11-24T08:00:00.000Z'), ...opts });
  renderers.push(r);
  return r;
};

describe('the watch screenshot in a hidden Electron window', () => {
  it('renders in a hidden, sandboxed window without JavaScript or preload, on an in-memory partition of its own', async () => {
    const r = await renderer().render(Buffer.from(HTML), TYPE);
    expect(r.ok).toBe(true);
    expect(fake.windows).toHaveLength(1);
    const { options } = fake.windows[0];
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ partition: SHOT_PARTITION, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(options.webPreferences.preload).toBeUndefined();
    expect(options.webPreferences.images ?? true).toBe(true);
    expect(SHOT_PARTITION).not.toMatch(/^persist:/);
    expect(fake.windows[0].loaded).toEqual([`${SHOT_ORIGIN}/`]);
    // New windows refused, navigation and redirects prevented.
    expect(fake.windows[0].openHandler?.()).toEqual({ action: 'deny' });
    for (const ev of ['will-navigate', 'will-redirect']) {
      const e = { preventDefault: vi.fn() };
      fake.windows[0].listeners.get(ev)!(e, 'https://www.example.com/elsewhere');
      expect(e.preventDefault).toHaveBeenCalled();
    }
    // No permission, asked or checked; no download.
    const granted = vi.fn();
    fake.permissionRequest!({}, 'notifications', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(fake.permissionCheck!()).toBe(false);
    const dl = { preventDefault: vi.fn() };
    fake.downloads!(dl);
    expect(dl.preventDefault).toHaveBeenCalled();
    // The session's storage and cache are emptied before the page.
    expect(fake.cleared).toBe(2);
  });

  it('answers the page address from the fetched bytes with their content type, and nothing else', async () => {
    const r = await renderer().render(Buffer.from(HTML), TYPE);
    expect(r.ok).toBe(true);
    expect(fake.served).toEqual([{ status: 200, type: TYPE, body: HTML }]);
    // Outside a render, and for any other address, the handlers answer nothing.
    const other = await fake.protocols.get('http')!(new Request(`${SHOT_ORIGIN}/style.css`));
    expect(other.type).toBe('error');
    const page = await fake.protocols.get('http')!(new Request(`${SHOT_ORIGIN}/`));
    expect(page.type).toBe('error');
    expect((await fake.protocols.get('https')!(new Request('https://www.example.com/'))).type).toBe('error');
  });

  it('cancels every other request before it is sent, the page address a second time too, and counts them', async () => {
    fake.subrequests = [
      [`${SHOT_ORIGIN}/style.css`, 'stylesheet'],
      ['https://cdn.example.com/x.png', 'image'],
      ['https://fonts.example.com/f.woff2', 'font'],
      [`${SHOT_ORIGIN}/`, 'mainFrame'], // a meta refresh to itself
    ];
    const r = await renderer().render(Buffer.from(HTML), TYPE);
    if (!r.ok) throw new Error(r.reason);
    expect(r.record.blockedRequests).toBe(4);
    expect(r.record).toMatchObject({ javascript: false, externalResources: false, rendering: 'offline', noteMsg: { key: 'watch.screenshot.offlineElectron' } });
    expect(r.record.engine.name).toMatch(/^Electron /);
    // Outside a render, the page's own address is cancelled as well.
    const cb = vi.fn();
    fake.beforeRequest!({ url: `${SHOT_ORIGIN}/`, resourceType: 'mainFrame', webContentsId: 1 }, cb);
    expect(cb).toHaveBeenCalledWith({ cancel: true });
  });

  it('takes the picture over the DevTools protocol beyond the viewport, cut at SHOT_MAX_HEIGHT for a tall page', async () => {
    fake.pageHeight = 50_000;
    const r = await renderer().render(Buffer.from(HTML), TYPE);
    if (!r.ok) throw new Error(r.reason);
    const shots = fake.commands.filter(([m]) => m === 'Page.captureScreenshot');
    expect(shots).toEqual([
      ['Page.captureScreenshot', expect.objectContaining({ format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: SHOT_VIEWPORT.width, height: SHOT_MAX_HEIGHT, scale: 1 } })],
    ]);
    expect(fake.commands.map(([m]) => m)).toEqual(['Emulation.setDeviceMetricsOverride', 'Page.getLayoutMetrics', 'Page.captureScreenshot']);
    expect(r.record).toMatchObject({ truncated: true, pageHeight: 50_000, width: SHOT_VIEWPORT.width, height: SHOT_MAX_HEIGHT, viewport: SHOT_VIEWPORT });
    expect(r.png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('a page shorter than the cap is pictured whole, not truncated', async () => {
    fake.pageHeight = 2400.4;
    const r = await renderer().render(Buffer.from(HTML), TYPE);
    if (!r.ok) throw new Error(r.reason);
    expect(r.record).toMatchObject({ truncated: false, pageHeight: 2401, height: 2401 });
  });

  it('one window for the renders of a run, one page at a time; close() destroys it', async () => {
    const shots = renderer();
    const [a, b] = await Promise.all([shots.render(Buffer.from(HTML), TYPE), shots.render(Buffer.from('<p>second</p>'), 'text/html')]);
    expect(a.ok && b.ok).toBe(true);
    expect(fake.windows).toHaveLength(1);
    expect(fake.served.map((s) => ('body' in s ? s.body : 'cancelled'))).toEqual([HTML, '<p>second</p>']);
    expect(fake.windows[0].destroyed).toBe(false);
    await shots.close();
    expect(fake.windows[0].destroyed).toBe(true);
  });

  it('a debugger failure gives no picture and says why, and the next page gets a new window', async () => {
    const shots = renderer();
    fake.failCommand = 'Page.captureScreenshot';
    const r = await shots.render(Buffer.from(HTML), TYPE);
    expect(r).toMatchObject({ ok: false, reasonMsg: { key: 'watch.screenshot.failed', params: { detail: expect.stringContaining('Target closed') } } });
    if (r.ok) return;
    expect(r.reason).toMatch(/^no screenshot: the fetched page could not be rendered/);
    expect(fake.windows[0].destroyed).toBe(true);
    fake.failCommand = '';
    expect((await shots.render(Buffer.from(HTML), TYPE)).ok).toBe(true);
    expect(fake.windows).toHaveLength(2);
  });

  it('a page that does not finish within the time limit gives no picture and says so', async () => {
    fake.hang = true;
    const r = await renderer({ timeoutMs: 50 }).render(Buffer.from(HTML), TYPE);
    expect(r).toMatchObject({ ok: false, reasonMsg: { key: 'watch.screenshot.timeout', params: { seconds: '0' } } });
    expect(fake.windows[0].destroyed).toBe(true);
    expect(fake.commands.some(([m]) => m === 'Page.captureScreenshot')).toBe(false);
  });

  it('turned off, or a page that is not HTML or text: no window at all', async () => {
    expect(await createElectronShotRenderer({ enabled: false }).render(Buffer.from(HTML), TYPE)).toMatchObject({ ok: false, reasonMsg: { key: 'watch.screenshot.off' } });
    expect(await renderer().render(Buffer.from('%PDF-1.7'), 'application/pdf')).toMatchObject({ ok: false, reasonMsg: { key: 'watch.screenshot.failed' } });
    expect(fake.windows).toHaveLength(0);
  });
});
