import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, exportIdOf, isAllowedExternal, isAppUrl, lockDownContents, openExternalSafely, WINDOW_PREFERENCES } from './security';

describe('openExternal allowlist', () => {
  it.each([
    ['https://www.linkedin.com/help/linkedin/ask/TS-DPRO', true],
    ['https://ico.org.uk/make-a-complaint/personal-information-complaint', true],
    ['https://forms.dataprotection.ie/contact', true],
    ['https://www.facebook.com/help/contact/712876720715583', true], // a platform's objection form (data/platforms)
    ['https://help.instagram.com/contact/767264225370182', true],
    ['http://www.linkedin.com/help', false], // not https
    ['https://www.linkedin.com.evil.example/', false], // look-alike host
    ['https://user:pw@www.linkedin.com/', false], // credentials
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://example.org/', false],
    ['not a url', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedExternal(url)).toBe(allowed);
    const open = vi.fn();
    expect(openExternalSafely(url, open)).toBe(allowed);
    expect(open).toHaveBeenCalledTimes(allowed ? 1 : 0);
  });
});

describe('app origin', () => {
  it('accepts only app://redress', () => {
    expect(isAppUrl('app://redress/index.html')).toBe(true);
    expect(isAppUrl('app://redress/index.html#/cases/x')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://www.linkedin.com/')).toBe(false);
    expect(isAppUrl('file:///app/index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  return {
    on: vi.fn((event: string, l: (...args: unknown[]) => void) => listeners.set(event, l)),
    setWindowOpenHandler: vi.fn((h: typeof openHandler) => (openHandler = h)),
    emit(event: string, url?: string) {
      const e = { preventDefault: vi.fn() };
      listeners.get(event)!(e, url);
      return e;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('navigation lockdown', () => {
  it('refuses navigation away from the app page and sends allowlisted links to the browser', () => {
    const contents = fakeContents();
    const open = vi.fn();
    lockDownContents(contents, open);
    expect(contents.emit('will-navigate', 'app://redress/index.html#/new').preventDefault).not.toHaveBeenCalled();
    expect(contents.emit('will-navigate', 'https://evil.example/').preventDefault).toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
    expect(contents.emit('will-navigate', 'https://www.linkedin.com/legal/privacy-policy').preventDefault).toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith('https://www.linkedin.com/legal/privacy-policy');
    expect(contents.emit('will-redirect', 'http://127.0.0.1:9/').preventDefault).toHaveBeenCalled();
    expect(contents.emit('will-attach-webview').preventDefault).toHaveBeenCalled();
  });

  it('denies every new window', () => {
    const contents = fakeContents();
    const open = vi.fn();
    lockDownContents(contents, open);
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('app://redress/index.html')).toEqual({ action: 'deny' });
    expect(contents.open('https://ico.org.uk/')).toEqual({ action: 'deny' });
    expect(open.mock.calls).toEqual([['https://ico.org.uk/']]);
  });
});

describe('permissions and preferences', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) });
    const cb = vi.fn();
    request!(null, 'media', cb);
    request!(null, 'notifications', cb);
    expect(cb.mock.calls).toEqual([[false], [false]]);
    expect(check!()).toBe(false);
  });

  it('keeps the renderer isolated and sandboxed', () => {
    expect(WINDOW_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  });
});

describe('exported documents', () => {
  it('recognises only redress-file://files/export/<id>', () => {
    expect(exportIdOf('redress-file://files/export/exp_123')).toBe('exp_123');
    expect(exportIdOf('redress-file://files/export/exp_123?download=1')).toBe('exp_123');
    expect(exportIdOf('redress-file://files/evidence/ev_1')).toBeNull();
    expect(exportIdOf('redress-file://files/export/a/b')).toBeNull();
    expect(exportIdOf('https://files/export/exp_1')).toBeNull();
    expect(exportIdOf('nonsense')).toBeNull();
  });

  it('sends an export link to the viewer callback, not to the browser', () => {
    const contents = fakeContents();
    const open = vi.fn();
    const openExport = vi.fn();
    lockDownContents(contents, open, openExport);
    expect(contents.open('redress-file://files/export/exp_9')).toEqual({ action: 'deny' });
    expect(openExport).toHaveBeenCalledWith('exp_9');
    expect(open).not.toHaveBeenCalled();
  });
});
