// The Electron main process: one app window over the core, locked down. Only this folder and preload/ import electron.
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/index';
import { resolveFile } from '../core/files';
import { CAPTURE_PARTITION, createElectronCapturer } from './capture';
import { exportPathToOpen } from './exports';
import { IPC_CHANNEL, createInvokeHandler } from './ipc';
import { startReminders } from './reminders';
import { startWatchSchedule } from './watch-schedule';
import { SHOT_PARTITION, createElectronShotRenderer } from './watch-shots';
import { electronNativeBinding } from './native';
import { appProtocolResponse, fileProtocolResponse } from './protocol';
import { APP_ORIGIN, denyAllPermissions, isAllowedExternal, lockDownContents } from './security';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: 'redress-file', privileges: { standard: true, secure: true } },
]);

const appDir = app.getAppPath();
const rendererDir = join(appDir, 'dist', 'renderer');
// The main process is bundled into dist-electron/, so the templates folder is found from the app path, not the source.
process.env.REDRESS_TEMPLATES_DIR ??= join(appDir, 'templates');
process.env.REDRESS_FACTS_DIR ??= join(appDir, 'data');
let core: Core | undefined;
let stopReminders: (() => void) | undefined;
let stopWatch: (() => void) | undefined;

function dataDirFromArgs(): string {
  const i = process.argv.indexOf('--data-dir');
  if (i > 0 && process.argv[i + 1]) return process.argv[i + 1];
  return process.env.REDRESS_DATA_DIR ?? app.getPath('userData');
}

/**
 * "Open" on an exported PDF, text or email draft: the OS's own viewer, found by id through the core, never a path from
 * the page, and only for a file that really lies in the data folder's exports (exports.ts).
 */
function openExport(id: string): void {
  if (!core) return;
  let path: string;
  try {
    const file = resolveFile(core.ctx, 'export', id);
    if (!file) return;
    path = exportPathToOpen(core.ctx.dataDir, file.path, id);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`redress: ${message}`);
    dialog.showErrorBox('Export not opened', message);
    return;
  }
  void shell.openPath(path).then((problem) => {
    if (problem) console.error(`redress: the system could not open export ${id}: ${problem}`);
  });
}

/** The one door to the user's browser: https, no credentials, a host on the allowlist (security.ts), checked here. */
function openInBrowser(url: string): void {
  if (!isAllowedExternal(url)) return;
  void shell.openExternal(url);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 720,
    minHeight: 520,
    title: 'Redress',
    show: false,
    // WINDOW_PREFERENCES (security.ts) spelled out, so reviewers and scanners see it here; index.test.ts checks the two agree.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      // One function crosses the bridge (preload/index.ts); the IPC handler checks the sender and the input.
      preload: join(appDir, 'dist-electron', 'preload.cjs'),
      // The system's language for the renderer (i18n/index.ts): Electron's app locale, read by the preload.
      additionalArguments: [`--redress-locale=${app.getLocale()}`],
    },
  });
  lockDownContents(win.webContents, openInBrowser, openExport);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

app.enableSandbox();
// Any other web contents gets the app's lockdown too; the capture window keeps its own policy (it must follow
// LinkedIn's sign-in pages, on its own partition, with no preload and no IPC).
app.on('web-contents-created', (_e, contents) => {
  if (contents.session === session.fromPartition(CAPTURE_PARTITION)) return;
  // The watch's screenshot window keeps its own policy too (watch-shots.ts): it navigates nowhere, and a link or
  // refresh in a fetched page must not be sent on to the user's browser either.
  if (contents.session === session.fromPartition(SHOT_PARTITION)) return;
  lockDownContents(contents, openInBrowser, openExport);
});

void app.whenReady().then(() => {
  denyAllPermissions(session.defaultSession);
  core = createCore({
    dataDir: dataDirFromArgs(),
    host: 'electron',
    version: app.getVersion(),
    // Remote pages (LinkedIn) load only in the capture window: own partition, no preload, no IPC.
    capturer: createElectronCapturer(),
    // The policy watch's screenshots in a hidden window of the app's own Chromium (users rarely have a system one);
    // REDRESS_CHROMIUM, when set, still picks that Chromium instead (run.ts, chooseShotRenderer).
    shotRenderer: () => createElectronShotRenderer(),
    nativeBinding: electronNativeBinding({ resourcesPath: process.resourcesPath, appPath: appDir, packaged: app.isPackaged }),
  });
  const live = core;
  protocol.handle('app', (request) => appProtocolResponse(rendererDir, request.url));
  protocol.handle('redress-file', (request) => fileProtocolResponse(live, request.url));
  ipcMain.handle(IPC_CHANNEL, createInvokeHandler(live));
  createWindow();
  // Deadlines within 3 days or passed: an OS notification on start and daily while running.
  // They speak the member's chosen language, else the system's.
  stopReminders = startReminders(
    live,
    (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    () => [app.getLocale()],
  );
  // The policy watch, only while the user has turned it on: shortly after start, then every few hours.
  stopWatch = startWatchSchedule(live, {
    Notification,
    showWatch: () => {
      const win = BrowserWindow.getAllWindows()[0] ?? createWindow();
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      void win.loadURL(`${APP_ORIGIN}/index.html#/watch`);
    },
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  stopReminders?.();
  stopWatch?.();
  void core?.ctx.capturer?.close();
  core?.close();
});
