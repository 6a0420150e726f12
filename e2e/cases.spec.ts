import { expect, expectAccessible, screenshot, test } from './support/host';

test('create a case through the form, change its status, find it after a restart', async ({ page, app }) => {
  await expect(page.getByRole('heading', { name: /push back on ai training/i })).toBeVisible();
  await expectAccessible(page, 'empty');
  await screenshot(page, 'cases-empty');

  await page.getByRole('link', { name: 'Start a case' }).click();
  await expect(page.getByRole('heading', { name: 'New case' })).toBeVisible();
  await page.getByLabel('Your full name').fill('Zofia Łukasiewicz-Παπαδοπούλου');
  await page.getByLabel('Email of your account').fill('not-an-email');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByText('Email must be an address such as name@example.org.')).toBeVisible();
  await expect(page.getByText('Country must be an ISO 3166-1 alpha-2 code')).toBeVisible();
  await expectAccessible(page, 'new case with errors');
  await screenshot(page, 'new-case-errors');

  await page.getByLabel('Email of your account').fill('zofia@example.org');
  await page.getByLabel('Country where you live').selectOption('DE');
  await expect(page.getByRole('complementary', { name: 'What applies to you' })).toContainText('LinkedIn Ireland Unlimited Company');
  await page.getByRole('button', { name: 'Create case' }).click();

  await expect(page.getByRole('heading', { name: 'LinkedIn AI training objection' })).toBeVisible();
  await expect(page.getByText('Zofia Łukasiewicz-Παπαδοπούλου')).toBeVisible();
  await expectAccessible(page, 'case page');
  await screenshot(page, 'case-page');

  await page.getByLabel('Status', { exact: true }).selectOption('request_sent');
  await page.getByRole('button', { name: 'Save status' }).click();
  await expect(page.getByRole('status')).toHaveText('Status saved: Request sent.');

  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  const row = page.getByRole('row', { name: /LinkedIn AI training objection/ });
  await expect(row).toContainText('Request sent');
  await expect(row).toContainText('DE');
  await expectAccessible(page, 'case list');
  await screenshot(page, 'case-list');

  await app.restart();
  await page.goto(app.host.url);
  await expect(page.getByRole('row', { name: /LinkedIn AI training objection/ })).toContainText('Request sent');
});

test('the API refuses calls without the token and from a foreign Host', async ({ app }) => {
  const base = `http://127.0.0.1:${app.host.port}`;
  const none = await fetch(`${base}/api/cases.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(none.status).toBe(401);
  const wrong = await fetch(`${base}/api/cases.list`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
    body: '{}',
  });
  expect(wrong.status).toBe(403);
  expect(wrong.headers.get('access-control-allow-origin')).toBeNull();
});

test('a case can be created with the keyboard alone', async ({ page }) => {
  await expect(page.getByRole('link', { name: 'Start a case' })).toBeVisible();
  await page.keyboard.press('Tab'); // skip link
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.getByRole('link', { name: 'New case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New case' })).toBeVisible();
  await page.getByLabel('Title').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Keyboard case');
  await page.keyboard.press('Tab'); // platform
  await page.keyboard.press('Tab'); // name
  await page.keyboard.type('Kāre Øster');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kare@example.org');
  await page.keyboard.press('Tab'); // country select
  await expect(page.getByLabel('Country where you live')).toBeFocused();
  await page.getByLabel('Country where you live').selectOption('NO');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Create case' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Keyboard case' })).toBeVisible();
  await expect(page.getByText('Kāre Øster')).toBeVisible();
});
