import { test as base, expect, chromium, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core';
import { createChromiumCapturer } from '../../electron/core/capture/chromium';
import { startHost, type RunningHost } from '../../electron/host/server';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const STATIC_DIR = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

/** A browser host on a data folder; `restart()` closes it and starts a new one on the same folder. */
export class HostHandle {
  core!: Core;
  host!: RunningHost;
  constructor(readonly dataDir: string) {}
  async start() {
    this.core = createCore({ dataDir: this.dataDir, host: 'browser', capturer: createChromiumCapturer({ executablePath: CHROMIUM_PATH }) });
    this.host = await startHost({ core: this.core, staticDir: STATIC_DIR });
    return this;
  }
  async stop() {
    await this.host.close();
    await this.core.ctx.capturer?.close();
    this.core.close();
  }
  async restart() {
    await this.stop();
    return this.start();
  }
  /** Calls the API through HTTP exactly as the page does. */
  async api<T = unknown>(name: string, input: unknown): Promise<T> {
    const res = await fetch(`http://127.0.0.1:${this.host.port}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.host.token}` },
      body: JSON.stringify(input ?? null),
    });
    const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!body.ok) throw new Error(body.error?.message);
    return body.value as T;
  }
}

export const test = base.extend<{ app: HostHandle; page: Page }, { browser: Browser }>({
  browser: [
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-e2e-'));
    const handle = await new HostHandle(dir).start();
    await use(handle);
    await handle.stop();
    rmSync(dir, { recursive: true, force: true });
  },
  page: async ({ browser, app }, use) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(app.host.url);
    await use(page);
    await context.close();
  },
});

/** No serious or critical axe-core violations on the current page. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Screenshots land in test-results/screens/ for a person to look at. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join('test-results', 'screens', `${name}.png`), fullPage: true });
}

export { expect };
