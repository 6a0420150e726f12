import { expect, expectAccessible, screenshot, test } from './support/host';

type Made = { id: string; title: string };

test('the skip link moves focus to the main content and leaves the route alone; one main landmark on each page', async ({ page, app }) => {
  const c = await app.api<Made>('cases.create', { title: 'Skip link case', name: 'Aoife Byrne', email: 'aoife@example.ie', country: 'IE' });
  await page.goto(`${app.host.url}#/cases/${c.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Skip link case' })).toBeVisible();
  const before = new URL(page.url());
  expect(before.hash).toBe(`#/cases/${c.id}`);

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // Still the same page: the router never saw "#main".
  expect(new URL(page.url()).hash).toBe(`#/cases/${c.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Skip link case' })).toBeVisible();
  // The next Tab goes into the page, past the header's links.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);

  // A click does the same.
  await skip.focus();
  await skip.click();
  await expect(page.getByRole('main')).toBeFocused();
  expect(new URL(page.url()).hash).toBe(`#/cases/${c.id}`);

  for (const hash of [`#/cases/${c.id}`, '#/', '#/new']) {
    await page.goto(`http://127.0.0.1:${app.host.port}/${hash}`);
    await expect(page.locator('h1').first()).toBeVisible();
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
  }
});

test('a link to a case opened without the key explains how to get in, then opens the case once the key is given', async ({ browser, app }) => {
  const c = await app.api<Made>('cases.create', { title: 'Deep link case', name: 'Tom Baker', email: 'tom@example.co.uk', country: 'GB' });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  const calls: number[] = [];
  page.on('response', (r) => r.url().includes('/api/') && calls.push(r.status()));
  await page.goto(`http://127.0.0.1:${app.host.port}/#/cases/${c.id}`);

  await expect(page.getByRole('heading', { level: 1, name: 'Open Redress with its key' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText('This address has no key');
  await expect(main).toContainText('npm start');
  await expect(main).toContainText('Redress is running at http://127.0.0.1:');
  await expect(main).toContainText('brings you back to the page you asked for');
  await expect(page.getByText('Case not found')).toHaveCount(0);
  // Nothing else: no case list, no links into the app that cannot work without the key.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('link')).toHaveCount(0);
  await expect(page.getByRole('main')).toHaveCount(1);
  expect(calls).toEqual([]); // no call was even tried
  await expectAccessible(page, 'no key');
  await screenshot(page, 'shell-no-key-1280');
  await page.setViewportSize({ width: 760, height: 800 });
  await screenshot(page, 'shell-no-key-760');

  // The address Redress printed, opened in the same tab, goes on to the case asked for.
  await page.goto(app.host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Deep link case' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe(`#/cases/${c.id}`);
  expect(new URL(page.url()).search).toBe('');
  await context.close();
});

test('a key from an earlier start is refused with the same explanation', async ({ browser, app }) => {
  const c = await app.api<Made>('cases.create', { title: 'Old key case', name: 'Tom Baker', email: 'tom@example.co.uk', country: 'GB' });
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${app.host.port}/?token=from-an-earlier-start#/cases/${c.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Open Redress with its key' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('from an earlier start of Redress');
  await expect(page.getByText('Case not found')).toHaveCount(0);
  await expectAccessible(page, 'old key');
  await context.close();
});

test('the favicon is linked from the page and served as SVG', async ({ page, app }) => {
  const link = page.locator('link[rel="icon"]');
  await expect(link).toHaveAttribute('type', 'image/svg+xml');
  const url = await link.evaluate((l: HTMLLinkElement) => l.href);
  expect(url).toBe(`http://127.0.0.1:${app.host.port}/favicon.svg`);
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/svg+xml');
  expect(await res.text()).toContain('<svg');
  // The page may show it under its own CSP (no console error about a refused image).
  const refused: string[] = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && refused.push(m.text()));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const loaded = await page.evaluate(async (u) => {
    const img = new Image();
    img.src = u;
    await img.decode();
    return img.naturalWidth;
  }, url);
  expect(loaded).toBeGreaterThan(0);
  expect(refused).toEqual([]);
});
