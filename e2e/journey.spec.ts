// Maria's path from JOURNEYS: one case through every feature, in the UI, with the pieces meeting each other:
// the capture lands in the complaint's appendix, the event drives the deadline, the next step and the complaint text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from './fixtures/evidence/server';
import { expect, expectAccessible, screenshot, test } from './support/host';

type Fixtures = Awaited<ReturnType<typeof startFixtureServer>>;
let fixtures: Fixtures;
test.beforeAll(async () => {
  fixtures = await startFixtureServer();
});
test.afterAll(async () => {
  await fixtures.close();
});

test('Maria: case, capture, request sent, deadline, reminder, DPC complaint PDF with the capture in its appendix', async ({ page, app }) => {
  await page.getByRole('link', { name: 'Start a case' }).click();
  await page.getByLabel('Title').fill('Maria in Berlin');
  await page.getByLabel('Your full name').fill('Maria Wiśniewska-Παπαδάκη');
  await page.getByLabel('Email of your account').fill('maria@example.org');
  await page.getByLabel('Country where you live').selectOption('DE');
  await page.getByLabel('Land (state) where you live').selectOption('DE-BE');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'Maria in Berlin' })).toBeVisible();
  const caseId = new URL(page.url()).hash.split('/')[2];

  // Evidence: the switch, read from the page and confirmed.
  const setting = page.getByRole('form', { name: 'Capture LinkedIn AI setting' });
  await setting.getByLabel('Settings page address').fill(`${fixtures.url}/switch-checkbox.html`);
  await setting.getByRole('button', { name: 'Capture LinkedIn AI setting' }).click();
  const detail = page.locator('.evidence-detail');
  await expect(detail.getByText('Detected from the page:')).toContainText('ON', { timeout: 30_000 });
  await detail.getByRole('button', { name: 'Confirm state' }).click();
  await expect(detail.locator('[aria-live="polite"]')).toContainText('the switch was ON');
  // The capture opened on its own page; back to the case, which now counts the evidence as done.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Maria in Berlin' }).click();
  await expect(page.getByRole('list', { name: 'Where your case stands' }).getByRole('listitem').first()).toContainText('Done · 1 item');

  // The request goes out on 30 April 2026; the reply is due 2 June (Saturday, Sunday, Irish bank holiday).
  const timeline = page.getByRole('region', { name: 'Timeline and deadlines' });
  await timeline.getByRole('button', { name: 'Record an event' }).click();
  await timeline.getByLabel('Event type').selectOption('request_sent');
  await timeline.getByLabel('Date', { exact: true }).fill('2026-04-30');
  await timeline.getByLabel('Reference').fill('LI-2026-0042');
  await timeline.getByRole('button', { name: 'Add event' }).click();
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Reply due' })).toContainText('Tue, 2 June 2026');
  await expectAccessible(page, 'case page with every panel');
  await screenshot(page, 'journey-case-page');

  // The section links move focus to each part of the long case page.
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('button', { name: 'Letters' }).click();
  await expect(page.getByRole('heading', { name: 'Letters and complaints' })).toBeFocused();

  // The next step leads to the reminder, prefilled from the event.
  await page.getByRole('region', { name: 'Next step' }).getByRole('link', { name: 'Send the reminder' }).click();
  await expect(page.getByRole('heading', { name: 'Reminder: no reply within one month (LinkedIn)' })).toBeVisible();
  await expect(page.locator('.letter')).toContainText('LI-2026-0042');

  // The DPC complaint: timeline and appendix come from the case.
  await page.goto(`${app.host.url}#/cases/${caseId}/draft/dpc-complaint`);
  await expect(page.getByRole('heading', { name: 'Complaint to the Data Protection Commission (Ireland)' })).toBeVisible();
  await expect(page.getByLabel('Dates of contact with the organisation (required)')).toHaveValue(/30 April 2026/);
  await expectAccessible(page, 'dpc draft');
  await screenshot(page, 'journey-dpc-draft');
  await page.getByLabel('Format').selectOption('pdf');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const link = page.getByRole('link', { name: /^Download / });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const res = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).toString());
  expect(res.status()).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), 'redress-journey-')), 'dpc.pdf');
  writeFileSync(file, await res.body());

  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  const evidence = await app.api<{ sha256: string; kind: string }[]>('evidence.list', { caseId });
  expect(evidence.length).toBe(1);
  expect(text).toContain('Maria Wiśniewska-Παπαδάκη');
  expect(text).toContain('LinkedIn Ireland Unlimited Company');
  expect(text).toContain('2 June 2026');
  expect(text.replace(/\s+/g, '')).toContain(evidence[0].sha256);
  expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  // The capture's screenshot is shown on its own page of the appendix.
  expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length).toBeGreaterThanOrEqual(3);

  // The export is on the case, with its hash, and in the custody log.
  const exports = await app.api<{ sha256: string }[]>('drafting.exports', { caseId });
  expect(exports).toHaveLength(1);
  const custody = await app.api<{ entries: { action: string }[] }>('evidence.custody', { caseId });
  expect(JSON.stringify(custody)).toContain('export');
});
