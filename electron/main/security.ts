// The window security policy as small pure functions, with Electron's objects passed in, so each rule is unit-tested
// without an Electron runtime.
import { complaintHosts } from '../core/authorities';
import { platformsInUse } from '../core/platforms';

/** The app's own pages are served from this privileged scheme (see protocol.ts); nothing else is trusted. */
export const APP_ORIGIN = 'app://redress';

/** LinkedIn's hosts: its forms and settings pages. */
export const LINKEDIN_HOSTS: readonly string[] = ['www.linkedin.com', 'linkedin.com'];

let allowlist: ReadonlySet<string> | null = null;

/** The hosts of each platform's settings pages, objection form and watched policies (data/platforms/). */
export function platformHosts(): string[] {
  const hosts: string[] = [];
  const add = (url: string | undefined | null) => {
    if (!url) return;
    try {
      const u = new URL(url);
      if (u.protocol === 'https:') hosts.push(u.host);
    } catch {
      /* the schema test keeps these valid; a bad one is simply not allowed */
    }
  };
  let platforms: ReturnType<typeof platformsInUse>;
  try {
    platforms = platformsInUse();
  } catch (err) {
    // Unreadable platform files open nothing extra (fail closed); the app reports them where they are used.
    console.error(`redress: platform pages stay closed to the browser: ${err instanceof Error ? err.message : String(err)}`);
    return hosts;
  }
  for (const p of platforms) {
    for (const s of p.settings) add(s.url);
    if (p.objection.kind === 'form') add(p.objection.url);
    for (const d of p.policies) add(d.url);
  }
  return hosts;
}

/**
 * Hosts the app may open in the user's browser: LinkedIn's, the hosts of every authority's complaint page (and site)
 * in data/authorities/, and every platform's settings, form and policy pages in data/platforms/, so adding an
 * authority or a platform is a data edit. Read once, on first use (after main has pointed REDRESS_FACTS_DIR at the
 * packaged data).
 */
export function externalAllowlist(): ReadonlySet<string> {
  allowlist ??= new Set([...LINKEDIN_HOSTS, ...complaintHosts(), ...platformHosts()]);
  return allowlist;
}

export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** https only, no credentials in the URL, host on the allowlist. */
export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && externalAllowlist().has(u.hostname);
  } catch {
    return false;
  }
}

export interface OpenExternal {
  (url: string): Promise<void> | void;
}

/** Opens a URL in the user's browser only when it passes the allowlist; returns whether it did. */
export function openExternalSafely(url: string, openExternal: OpenExternal): boolean {
  if (!isAllowedExternal(url)) return false;
  void openExternal(url);
  return true;
}

interface NavEvent {
  preventDefault(): void;
}
/** The subset of WebContents the lockdown touches. */
export interface LockableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: NavEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: NavEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** An exported document (`redress-file://files/export/<id>`), which the user may open in the OS's own viewer. */
export function exportIdOf(url: string): string | null {
  try {
    const u = new URL(url);
    const m = /^\/export\/([^/]+)$/.exec(u.pathname);
    return u.protocol === 'redress-file:' && u.host === 'files' && m ? decodeURIComponent(m[1]) : null;
  } catch {
    return null;
  }
}

/** Routes a link that leaves the app page: an export to the OS viewer, an allowlisted https URL to the browser. */
function leave(url: string, openExternal: OpenExternal, openExport?: (id: string) => void): void {
  const exportId = exportIdOf(url);
  if (exportId && openExport) openExport(exportId);
  else openExternalSafely(url, openExternal);
}

/**
 * Every app window: navigation away from the app page is refused, new windows are refused (an allowlisted https link
 * goes to the user's browser instead, an exported document to the OS's viewer), webviews are refused.
 */
export function lockDownContents(contents: LockableContents, openExternal: OpenExternal, openExport?: (id: string) => void): void {
  const refuse = (e: NavEvent, url: string) => {
    if (!isAppUrl(url)) {
      e.preventDefault();
      leave(url, openExternal, openExport);
    }
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    leave(url, openExternal, openExport);
    return { action: 'deny' };
  });
}

/** The subset of Session the permission policy touches. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/** No permission (camera, notifications from pages, geolocation, ...) is ever granted to web content. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The webPreferences of every app window. `createWindow` (index.ts) spells these out as a literal, where a reviewer
 * and a scanner look; electron/main/index.test.ts checks that the window gets exactly these plus its preload.
 */
export const WINDOW_PREFERENCES = {
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
  // A middle click opens links through `auxclick`; the window-open handler denies them anyway, this stops them earlier.
  disableBlinkFeatures: 'Auxclick',
  spellcheck: false,
} as const;

/**
 * Sent with every app page (the renderer's index.html carries a policy as a meta tag too; both apply). No inline
 * script and no inline style: the UI's styles are the built CSS file and React `style` props, which set CSSOM
 * properties rather than a `style` attribute, and CSP allows those.
 */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: redress-file:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Sent with every stored file (`redress-file://files/<kind>/<id>`), as the browser host does: a stored page (HTML,
 * MHTML, SVG) opens sandboxed, as a unique origin with no script, no network and no frame.
 */
export const STORED_FILE_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";
