import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { makePng, tempCore, type TempCore } from './helpers';

// A stand-in for Electron: a window whose page is a jsdom document, and a debugger that answers the CDP commands.
const fake = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string[]; destroyed: boolean }[],
  commands: [] as [string, unknown][],
  html: '',
  hang: false,
  cleared: [] as string[],
  partitions: [] as string[],
  openHandler: undefined as undefined | (() => unknown),
  /** Every script run: the world it ran in (`main` for executeJavaScript), and how it was passed. */
  scripts: [] as { world: number | 'main'; sources: number; userGesture?: boolean }[],
  /** Electron resolves undefined when a script throws in an isolated world; simulate that. */
  isolatedFails: false,
  permissionRequest: undefined as undefined | ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((...a: unknown[]) => boolean),
}));

vi.mock('electron', async () => {
  const { JSDOM: Dom } = await import('jsdom');
  const { makePng: png } = await import('./helpers');
  class BrowserWindow {
    private dom: InstanceType<typeof Dom> | null = null;
    private url = 'about:blank';
    private attached = false;
    private record: { options: Record<string, unknown>; loaded: string[]; destroyed: boolean };
    private handlers = new Map<string, ((...a: unknown[]) => void)[]>();
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], destroyed: false };
      fake.windows.push(this.record);
      const self = this;
      this.webContents = {
        setWindowOpenHandler: (h: () => unknown) => (fake.openHandler = h),
        on: (ev: string, fn: (...a: unknown[]) => void) => self.handlers.set(ev, [...(self.handlers.get(ev) ?? []), fn]),
        getURL: () => self.url,
        stop: () => {},
        executeJavaScript: async (js: string) => {
          fake.scripts.push({ world: 'main', sources: 1 });
          return self.dom!.window.eval(js);
        },
        // jsdom has no second world; what is checked here is that the capturer asks for one, with its fixed id.
        executeJavaScriptInIsolatedWorld: async (world: number, sources: { code: string }[], userGesture?: boolean) => {
          fake.scripts.push({ world, sources: sources.length, userGesture });
          if (fake.isolatedFails) return undefined;
          let value: unknown;
          for (const s of sources) value = await self.dom!.window.eval(s.code);
          return value;
        },
        debugger: {
          isAttached: () => self.attached,
          attach: () => (self.attached = true),
          detach: () => (self.attached = false),
          sendCommand: async (method: string, params: unknown) => {
            fake.commands.push([method, params]);
            if (method === 'Page.captureScreenshot') return { data: png(8, 20).toString('base64') };
            if (method === 'Page.captureSnapshot') return { data: 'From: <Saved by Blink>\r\nContent-Type: multipart/related;\r\n\r\n' };
            throw new Error('unexpected ' + method);
          },
        },
      };
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
      if (fake.hang && url !== 'about:blank') return new Promise(() => {});
      this.url = url;
      this.dom = new Dom(fake.html, { url: url.startsWith('http') ? url : 'http://x/', runScripts: 'outside-only', pretendToBeVisual: true });
      for (const fn of this.handlers.get('did-navigate') ?? []) fn({}, url, 200, 'OK');
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
    show() {}
    focus() {}
    on() {}
  }
  const session = {
    fromPartition: (name: string) => {
      fake.partitions.push(name);
      return {
        setPermissionRequestHandler: (h: typeof fake.permissionRequest) => (fake.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof fake.permissionCheck) => (fake.permissionCheck = h),
        clearStorageData: async () => fake.cleared.push('storage'),
        clearCache: async () => fake.cleared.push('cache'),
        clearAuthCache: async () => fake.cleared.push('auth'),
      };
    },
  };
  return { BrowserWindow, session, default: { BrowserWindow, session } };
});

const { createElectronCapturer, CAPTURE_PARTITION, CAPTURE_WORLD_ID } = await import('../../electron/main/capture');
const FIXTURES = join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'evidence');

let t: TempCore;
beforeEach(async () => {
  fake.windows.length = 0;
  fake.commands.length = 0;
  fake.cleared.length = 0;
  fake.scripts.length = 0;
  fake.hang = false;
  fake.isolatedFails = false;
  fake.permissionRequest = undefined;
  fake.permissionCheck = undefined;
  t = await tempCore({ host: 'electron', capturer: createElectronCapturer() });
});
afterEach(async () => {
  await t.core.ctx.capturer?.close();
  t.close();
});

test('captures in a separate sandboxed window with its own partition, through CDP, and stores the result', async () => {
  fake.html = readFileSync(join(FIXTURES, 'switch-checkbox.html'), 'utf8');
  const r = await t.core.api.call('evidence.capture', { caseId: t.caseId, url: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', purpose: 'setting' });
  expect(r.toggle).toMatchObject({ state: 'on', method: 'checked-property' });
  expect(fake.windows).toHaveLength(1);
  const prefs = fake.windows[0].options.webPreferences as Record<string, unknown>;
  expect(prefs).toMatchObject({ partition: CAPTURE_PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false });
  expect(prefs.preload).toBeUndefined();
  expect(fake.openHandler?.()).toEqual({ action: 'deny' });
  expect(fake.commands).toEqual([
    ['Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, fromSurface: true }],
    ['Page.captureSnapshot', { format: 'mhtml' }],
  ]);
  const detail = await t.core.api.call('evidence.get', { id: r.id });
  expect(detail.artifacts.find((a) => a.kind === 'screenshot')?.sha256).toBe(
    (await import('node:crypto')).createHash('sha256').update(makePng(8, 20)).digest('hex'),
  );
  expect(detail.record).toMatchObject({ httpStatus: 200, app: { host: 'electron' } });
});

test('a second capture uses the page the user has open (signed in), and clearing the session signs it out', async () => {
  fake.html = readFileSync(join(FIXTURES, 'login-wall.html'), 'utf8');
  await t.core.api.call('evidence.openCaptureWindow', { url: 'https://www.linkedin.com/login' });
  const w = fake.windows[0];
  expect(w.loaded).toEqual(['https://www.linkedin.com/login']);
  const r = await t.core.api.call('evidence.capture', { caseId: t.caseId, url: 'https://www.linkedin.com/login', purpose: 'setting' });
  // Not reloaded from the URL: the capture reads what the window shows (here still the login wall).
  expect(r.toggle.state).toBe('unknown');
  expect(w.loaded).toHaveLength(1);
  const rec = (await t.core.api.call('evidence.get', { id: r.id })).record as { actions: string[] };
  expect(rec.actions[0]).toMatch(/captured the page open in the capture window/);
  await t.core.api.call('evidence.clearCaptureSession', {});
  expect(fake.cleared).toEqual(['storage', 'cache', 'auth']);
  expect(w.loaded.at(-1)).toBe('about:blank');
});

test('a page that never loads in the capture window times out and stores nothing', async () => {
  fake.hang = true;
  process.env.REDRESS_CAPTURE_TIMEOUT_MS = '1000';
  try {
    await expect(t.core.api.call('evidence.capture', { caseId: t.caseId, url: 'https://example.org/slow', purpose: 'page' })).rejects.toThrow(
      /did not finish loading within 1 s/,
    );
  } finally {
    delete process.env.REDRESS_CAPTURE_TIMEOUT_MS;
  }
  expect(await t.core.api.call('evidence.list', { caseId: t.caseId })).toEqual([]);
});

test('every capture script runs in the isolated world with the fixed world id, never through executeJavaScript', async () => {
  fake.html = readFileSync(join(FIXTURES, 'switch-aria.html'), 'utf8');
  const r = await t.core.api.call('evidence.capture', { caseId: t.caseId, url: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', purpose: 'setting' });
  expect(r.toggle).toMatchObject({ state: 'off', method: 'aria-checked' });
  expect(CAPTURE_WORLD_ID).toBeGreaterThan(0);
  expect(CAPTURE_WORLD_ID).not.toBe(999); // Electron's own world for preload scripts
  // Scrolling (at least one step and back to the top), the switch, page info and the DOM.
  expect(fake.scripts.length).toBeGreaterThanOrEqual(5);
  expect(fake.scripts.filter((s) => s.world !== CAPTURE_WORLD_ID || s.sources !== 1)).toEqual([]);
  const rec = (await t.core.api.call('evidence.get', { id: r.id })).record as { actions: string[] };
  expect(rec.actions.join('\n')).toContain(`isolated world of the page (Electron world id ${CAPTURE_WORLD_ID})`);
});

test('a script that fails in the isolated world fails the capture and stores nothing', async () => {
  fake.html = readFileSync(join(FIXTURES, 'switch-checkbox.html'), 'utf8');
  fake.isolatedFails = true;
  await expect(t.core.api.call('evidence.capture', { caseId: t.caseId, url: 'https://example.org/settings', purpose: 'setting' })).rejects.toThrow(
    /capture script failed in the capture window/,
  );
  expect(await t.core.api.call('evidence.list', { caseId: t.caseId })).toEqual([]);
});

test('the capture partition refuses permission requests and answers permission checks with no', async () => {
  fake.html = readFileSync(join(FIXTURES, 'login-wall.html'), 'utf8');
  await t.core.api.call('evidence.openCaptureWindow', { url: 'https://www.linkedin.com/login' });
  expect(fake.partitions.every((p) => p === CAPTURE_PARTITION)).toBe(true);
  const answers: boolean[] = [];
  fake.permissionRequest!({}, 'media', (ok) => answers.push(ok));
  expect(answers).toEqual([false]);
  expect(fake.permissionCheck).toBeTypeOf('function');
  for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation']) {
    expect(fake.permissionCheck!({}, permission, 'https://www.linkedin.com', {})).toBe(false);
  }
});
