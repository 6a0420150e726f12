// The Electron main process with the electron module faked: the runtime cannot run here, the wiring can be checked.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../tests/support/tmp';
import { createCore } from '../core/index';
import { appProtocolResponse } from './protocol';

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as { options: any; loaded?: string; contents: any }[],
    handlers: new Map<string, (...args: any[]) => unknown>(),
    protocols: new Map<string, (req: { url: string }) => Response>(),
    privileged: [] as any[],
    appEvents: new Map<string, (...args: any[]) => void>(),
    permissionRequest: undefined as undefined | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
    ready: undefined as undefined | (() => void),
    openExternal: [] as string[],
    notifications: [] as { title: string; body: string }[],
    partitions: {} as Record<string, { name: string }>,
    openedPaths: [] as string[],
  };
  class BrowserWindow {
    webContents: any;
    constructor(public options: any) {
      const listeners = new Map<string, any>();
      this.webContents = {
        listeners,
        on: (e: string, l: any) => listeners.set(e, l),
        setWindowOpenHandler: (h: any) => listeners.set('open', h),
      };
      state.windows.push({ options, contents: this.webContents });
    }
    once() {}
    loadURL(url: string) {
      state.windows[state.windows.length - 1].loaded = url;
      return Promise.resolve();
    }
    static getAllWindows() {
      return state.windows;
    }
  }
  const electron = {
    app: {
      getAppPath: () => process.env.FAKE_APP_DIR!,
      getPath: () => process.env.FAKE_DATA_DIR!,
      getVersion: () => '0.1.0',
      isPackaged: false,
      enableSandbox: vi.fn(),
      on: (e: string, l: any) => state.appEvents.set(e, l),
      whenReady: () => new Promise<void>((ok) => (state.ready = ok)),
      quit: vi.fn(),
    },
    BrowserWindow,
    ipcMain: { handle: (ch: string, h: any) => state.handlers.set(ch, h) },
    protocol: {
      registerSchemesAsPrivileged: (s: any[]) => state.privileged.push(...s),
      handle: (scheme: string, h: any) => state.protocols.set(scheme, h),
    },
    session: {
      fromPartition: (name: string) => (state.partitions[name] ??= { name }),
      defaultSession: {
        setPermissionRequestHandler: (h: any) => (state.permissionRequest = h),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    shell: { openExternal: (u: string) => state.openExternal.push(u), openPath: async (p: string) => void state.openedPaths.push(p) },
    Notification: class {
      static isSupported() {
        return true;
      }
      constructor(public options: { title: string; body: string }) {}
      show() {
        state.notifications.push(this.options);
      }
    },
  };
  return { state, electron };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

describe('Electron main process (electron faked)', () => {
  beforeAll(async () => {
    process.env.FAKE_APP_DIR = tempDir();
    process.env.FAKE_DATA_DIR = tempDir();
    delete process.env.REDRESS_DATA_DIR;
    // Packaged, templates sit in the app folder; here the fake app folder is empty, so point at the repository's.
    process.env.REDRESS_TEMPLATES_DIR = join(import.meta.dirname, '..', '..', 'templates');
    // A case whose reply is long overdue, so the start-up reminder has something to say.
    const seed = createCore({ dataDir: process.env.FAKE_DATA_DIR, host: 'cli' });
    const c = await seed.api.call('cases.create', { title: 'Overdue', country: 'IE', name: 'Aoife', email: 'a@example.org' });
    await seed.api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-01-05' });
    seed.close();
    await import('./index');
    fake.state.ready!();
    await new Promise((r) => setTimeout(r, 50));
  });

  it('opens one isolated, sandboxed window on the app scheme with the preload bridge', () => {
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(1);
    const [win] = fake.state.windows;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win.options.webPreferences.preload).toMatch(/dist-electron[\\/]preload\.cjs$/);
    expect(win.loaded).toBe('app://redress/index.html');
    expect(fake.state.privileged.map((s) => s.scheme)).toEqual(['app', 'redress-file']);
  });

  it('locks navigation down on the window', () => {
    const { listeners } = fake.state.windows[0].contents;
    const e = { preventDefault: vi.fn() };
    listeners.get('will-navigate')(e, 'https://evil.example/');
    expect(e.preventDefault).toHaveBeenCalled();
    expect(listeners.get('open')({ url: 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO' })).toEqual({ action: 'deny' });
    expect(fake.state.openExternal).toEqual(['https://www.linkedin.com/help/linkedin/ask/TS-DPRO']);
  });

  it('locks down other web contents, but leaves the capture window to its own policy', () => {
    const created = fake.state.appEvents.get('web-contents-created')!;
    const listeners = new Map<string, any>();
    const other = { session: {}, on: (e: string, l: any) => listeners.set(e, l), setWindowOpenHandler: (h: any) => listeners.set('open', h) };
    created({}, other);
    expect(listeners.has('will-navigate')).toBe(true);
    const captureListeners = new Map<string, any>();
    const capture = {
      session: fake.electron.session.fromPartition('persist:redress-capture'),
      on: (e: string, l: any) => captureListeners.set(e, l),
      setWindowOpenHandler: (h: any) => captureListeners.set('open', h),
    };
    created({}, capture);
    expect(captureListeners.size).toBe(0);
  });

  it('opens an exported document in the OS viewer by id, and nothing else by path', () => {
    const { listeners } = fake.state.windows[0].contents;
    expect(listeners.get('open')({ url: 'redress-file://files/export/exp_missing' })).toEqual({ action: 'deny' });
    expect(fake.state.openedPaths).toEqual([]); // unknown id: nothing opened
    expect(listeners.get('open')({ url: 'redress-file://files/evidence/ev_1' })).toEqual({ action: 'deny' });
    expect(fake.state.openedPaths).toEqual([]);
  });

  it('opens a real export through its id', async () => {
    const handle = fake.state.handlers.get('redress:invoke')!;
    const from = { senderFrame: { url: 'app://redress/index.html' } };
    const list = (await handle(from, 'cases.list', {})) as { value: { id: string; country: string }[] };
    const ie = list.value.find((c) => c.country === 'IE')!;
    const exported = (await handle(from, 'drafting.export', { caseId: ie.id, templateId: 'linkedin-access-request', format: 'text' })) as {
      ok: boolean;
      value: { id: string };
    };
    expect(exported).toEqual({ ok: true, value: expect.anything() });
    fake.state.windows[0].contents.listeners.get('open')({ url: `redress-file://files/export/${exported.value.id}` });
    expect(fake.state.openedPaths).toHaveLength(1);
    expect(fake.state.openedPaths[0]).toMatch(/exports/);
  });

  it('denies permissions', () => {
    const cb = vi.fn();
    fake.state.permissionRequest!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
  });

  it('answers IPC from the app page only, with a real core behind it', async () => {
    const handle = fake.state.handlers.get('redress:invoke')!;
    const input = { title: 'T', country: 'PL', name: 'Łucja Wąsowska', email: 'l@example.org' };
    expect(await handle({ senderFrame: { url: 'app://redress/index.html' } }, 'cases.create', input)).toMatchObject({ ok: true });
    expect(await handle({ senderFrame: { url: 'https://www.linkedin.com/' } }, 'cases.list', {})).toMatchObject({ ok: false });
    expect(await handle({ senderFrame: { url: 'app://redress/index.html' } }, 'cases.list', {})).toMatchObject({
      ok: true,
      value: [{ name: 'Łucja Wąsowska' }, { name: 'Aoife' }],
    });
  });

  it('notifies at start about a deadline that has passed', () => {
    expect(fake.state.notifications).toHaveLength(1);
    expect(fake.state.notifications[0].title).toMatch(/deadline.* passed/);
    expect(fake.state.notifications[0].body).toMatch(/Overdue/);
  });

  it('serves stored files only through known ids', async () => {
    const res = fake.state.protocols.get('redress-file')!({ url: 'redress-file://files/evidence/..%2F..%2Fetc%2Fpasswd' });
    expect(res.status).toBe(404);
  });
});

describe('app:// protocol', () => {
  it('serves files inside the renderer folder with the CSP, and nothing outside it', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Redress</title>');
    writeFileSync(join(root, 'assets', 'a.js'), 'console.log(1)');
    const index = appProtocolResponse(root, 'app://redress/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>Redress</title>');
    expect(appProtocolResponse(root, 'app://redress/assets/a.js').headers.get('content-type')).toMatch(/javascript/);
    expect(appProtocolResponse(root, 'app://redress/..%2F..%2Fetc%2Fpasswd').status).toBe(404);
    expect(appProtocolResponse(root, 'app://evil/index.html').status).toBe(404);
  });
});
