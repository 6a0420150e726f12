// The real Electron app, where a runtime exists. On machines that cannot download Electron this spec reports itself
// skipped with the reason; main-process wiring is covered there by electron/main/*.test.ts with electron faked.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
function electronPath(): string | null {
  try {
    const p = require('electron') as unknown as string;
    return existsSync(p) ? p : null;
  } catch {
    return null;
  }
}
const root = join(import.meta.dirname, '..');
const runtime = electronPath();
const ready = runtime && existsSync(join(root, 'dist-electron', 'main.js')) && existsSync(join(root, '.electron-native', 'better_sqlite3.node'));

if (!runtime) console.log('electron.spec: skipped, no Electron runtime on this machine (its download comes from GitHub).');

test.describe('Electron app', () => {
  test.skip(!runtime, 'Skipped: no Electron runtime on this machine (its download comes from GitHub, which is unreachable here).');
  test.skip(!ready, 'Skipped: run `npm run build:electron && npm run electron:native` first.');

  test('opens the window on the app scheme, creates a case, and cannot navigate away', async () => {
    const app = await electron.launch({
      executablePath: runtime!,
      args: [root, '--data-dir', mkdtempSync(join(tmpdir(), 'redress-electron-'))],
    });
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://redress/index.html');
    await page.getByRole('link', { name: 'Start a case' }).click();
    await page.getByLabel('Your full name').fill('Ελένη');
    await page.getByLabel('Email of your account').fill('e@example.org');
    await page.getByLabel('Country where you live').selectOption('GR');
    await page.getByRole('button', { name: 'Create case' }).click();
    await expect(page.getByText('Ελένη')).toBeVisible();
    await page.evaluate(() => (window.location.href = 'https://example.org/'));
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/redress\//);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });

  // Where a runtime exists, this proves what the faked-electron unit tests cannot: that the hidden screenshot window
  // (electron/main/watch-shots.ts) really paints, so a watched page's snapshot gets its picture in the desktop app.
  test('the watch pictures a fetched page in its hidden window: the snapshot has a PNG, rendered offline', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="en"><body><main><h1>Privacy policy</h1><p>We train models on your posts.</p></main></body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/policy`;
    const dataDir = mkdtempSync(join(tmpdir(), 'redress-electron-watch-'));
    const env = { ...process.env };
    delete env.REDRESS_CHROMIUM; // the desktop app's own renderer, not a system Chromium
    const app = await electron.launch({ executablePath: runtime!, args: [root, '--data-dir', dataDir], env: env as Record<string, string> });
    try {
      const page = await app.firstWindow();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Watch' }).click();
      const form = page.getByRole('form', { name: 'Watch a page' });
      await form.getByLabel('Page address').fill(url);
      await form.getByRole('button', { name: 'Watch this page' }).click();
      await page.getByRole('button', { name: 'Turn the watch on' }).click();
      await page.getByRole('region', { name: 'The watch is on' }).getByRole('button', { name: 'Check now' }).click();
      await expect(page.locator('#watch-result')).toHaveText('1 document checked: 1 first version recorded.', { timeout: 60_000 });
    } finally {
      await app.close();
      server.close();
    }
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dataDir, 'redress.sqlite'), { readonly: true });
    const row = db.prepare('SELECT shot_sha256, shot_size, capture_json FROM watch_snapshots').get() as { shot_sha256: string | null; shot_size: number; capture_json: string };
    db.close();
    expect(row.shot_sha256, row.capture_json).toMatch(/^[0-9a-f]{64}$/);
    const png = readFileSync(join(dataDir, 'watch', row.shot_sha256!.slice(0, 2), row.shot_sha256!));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBe(row.shot_size);
    expect(row.capture_json).toMatch(/Electron/);
  });
});
