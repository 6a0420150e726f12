// The real Electron app, where a runtime exists. On machines that cannot download Electron this spec reports itself
// skipped with the reason; main-process wiring is covered there by electron/main/*.test.ts with electron faked.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
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
});
