// The Electron main process with the electron module faked: the runtime cannot run here, the wiring can be checked.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../tests/support/tmp';
import { registerFileResolver } from '../core/files';
import { createCore } from '../core/index';
import { appProtocolResponse } from './protocol';
import { APP_CSP, WINDOW_PREFERENCES } from './security';

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
    errorBoxes: [] as { title: string; content: string }[],
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
      getLocale: () => 'en-GB',
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
    dialog: { showErrorBox: (title: string, content: string) => state.errorBoxes.push({ title, content }) },
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
    // Not tempDir(): that removes its folders after each test, and the main process keeps this one for the whole file.
    process.env.FAKE_APP_DIR = mkdtempSync(join(tmpdir(), 'redress-app-'));
    process.env.FAKE_DATA_DIR = mkdtempSync(join(tmpdir(), 'redress-data-'));
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
  afterAll(() => {
    fake.state.appEvents.get('will-quit')?.();
    for (const dir of [process.env.FAKE_APP_DIR!, process.env.FAKE_DATA_DIR!]) rmSync(dir, { recursive: true, force: true });
  });

  it('opens one isolated, sandboxed window on the app scheme with the preload bridge', () => {
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(1);
    const [win] = fake.state.windows;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // The literal in createWindow is exactly the shared constant plus the preload: nothing added, nothing dropped.
    expect(win.options.webPreferences).toEqual({
      ...WINDOW_PREFERENCES,
      preload: expect.stringMatching(/dist-electron[\\/]preload\.cjs$/),
      additionalArguments: ['--redress-locale=en-GB'],
    });
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

  it('answers 404 when a file resolver refuses a row by throwing', async () => {
    registerFileResolver('test-refuses', () => {
      throw new Error('Not a stored file name.');
    });
    expect(fake.state.protocols.get('redress-file')!({ url: 'redress-file://files/test-refuses/x' }).status).toBe(404);
  });

  it('answers a malformed %-escape in a stored-file address with 400, not a failed request', async () => {
    for (const url of ['redress-file://files/evidence/%ZZ', 'redress-file://files/%E0%A4%A/ev_1']) {
      const res = fake.state.protocols.get('redress-file')!({ url });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/malformed %-escape/);
    }
  });

  it('streams a stored file: the body is a stream, the length is set, every byte comes through', async () => {
    const handle = fake.state.handlers.get('redress:invoke')!;
    const from = { senderFrame: { url: 'app://redress/index.html' } };
    const list = (await handle(from, 'cases.list', {})) as { value: { id: string; country: string }[] };
    // Every byte value, and enough of them for several stream chunks (fs streams read 64 kB at a time).
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + (i >> 8)) & 0xff;
    const up = (await handle(from, 'evidence.upload', {
      caseId: list.value[0].id,
      filename: 'dump.bin',
      kind: 'document',
      dataBase64: bytes.toString('base64'),
    })) as { ok: boolean; value: { id: string } };
    expect(up.ok).toBe(true);
    const res = fake.state.protocols.get('redress-file')!({ url: `redress-file://files/evidence/${up.value.id}?download=1` });
    expect(res.status).toBe(200);
    expect(res.body).toBeInstanceOf(ReadableStream);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''dump.bin");
    let chunks = 0;
    const got: Uint8Array[] = [];
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      chunks++;
      got.push(chunk);
    }
    expect(chunks).toBeGreaterThan(1);
    expect(Buffer.concat(got).equals(bytes)).toBe(true);
  });

  /** A fresh text export of the Irish case, made through IPC as the window would. */
  async function freshExport(): Promise<{ id: string; path: string }> {
    const handle = fake.state.handlers.get('redress:invoke')!;
    const from = { senderFrame: { url: 'app://redress/index.html' } };
    const list = (await handle(from, 'cases.list', {})) as { value: { id: string; country: string }[] };
    const ie = list.value.find((c) => c.country === 'IE')!;
    const exported = (await handle(from, 'drafting.export', { caseId: ie.id, templateId: 'linkedin-access-request', format: 'text' })) as {
      value: { id: string };
    };
    return { id: exported.value.id, path: join(process.env.FAKE_DATA_DIR!, 'exports', `${exported.value.id}.txt`) };
  }
  const openExportLink = (id: string) => fake.state.windows[0].contents.listeners.get('open')({ url: `redress-file://files/export/${id}` });

  it('refuses to open an export whose file was swapped for a link out of the data folder, and says why', async () => {
    const { id, path } = await freshExport();
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(0);
    rmSync(path);
    symlinkSync('/etc/passwd', path);
    const opened = fake.state.openedPaths.length;
    expect(openExportLink(id)).toEqual({ action: 'deny' });
    expect(fake.state.openedPaths).toHaveLength(opened);
    expect(fake.state.errorBoxes.at(-1)).toEqual({
      title: 'Export not opened',
      content: expect.stringMatching(new RegExp(`^Export ${id} was not opened: its file \\(/etc/passwd\\) lies outside the data folder`)),
    });
  });

  it.each([['/etc/passwd'], ['../../x'], ['outside']])('never opens an export whose database row was edited to point at %s', async (target) => {
    const { id } = await freshExport();
    let file = target;
    if (target === 'outside') {
      // A file that exists, beside the data folder, named relative to it.
      const elsewhere = tempDir();
      writeFileSync(join(elsewhere, 'secret.txt'), 'not an export');
      file = `../${basename(elsewhere)}/secret.txt`;
    }
    const db = new Database(join(process.env.FAKE_DATA_DIR!, 'redress.sqlite'));
    db.prepare('UPDATE exports SET file = ? WHERE id = ?').run(file, id);
    db.close();
    const opened = fake.state.openedPaths.length;
    expect(openExportLink(id)).toEqual({ action: 'deny' });
    expect(fake.state.openedPaths).toHaveLength(opened);
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
    expect(index.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(APP_CSP).not.toContain('unsafe-inline');
  });

  it('answers a malformed %-escape with 400 and a message', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    const res = appProtocolResponse(root, 'app://redress/assets/%E0%A4%A.js');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/malformed %-escape/);
  });
});
