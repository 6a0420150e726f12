import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { makePng } from '../tests/evidence/helpers';
import { startFixtureServer } from './fixtures/evidence/server';
import { expect, expectAccessible, screenshot, test } from './support/host';

const run = promisify(execFile);
type Fixtures = Awaited<ReturnType<typeof startFixtureServer>>;
let fixtures: Fixtures;
test.beforeAll(async () => {
  fixtures = await startFixtureServer();
});
test.afterAll(async () => {
  await fixtures.close();
});

async function newCase(app: { api<T>(n: string, i: unknown): Promise<T> }) {
  return app.api<{ id: string }>('cases.create', { title: 'Evidence case', country: 'DE', name: 'Zofia Łukasiewicz', email: 'z@example.org' });
}

/** The evidence view's heading: on its own route, focused, and on screen. */
async function expectViewInFocus(page: Page, name: RegExp) {
  const heading = page.getByRole('heading', { level: 2, name });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  return heading;
}

test('capture the switch and two policy versions through the UI; each item and the diff open on their own route, in view and focused; Back returns to the item', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const c = await newCase(app);
  await page.goto(`${app.host.url}#/cases/${c.id}`);
  const evidence = page.getByRole('region', { name: 'Evidence' });
  await expect(evidence.getByText('cannot sign in')).toBeVisible();

  const setting = page.getByRole('form', { name: 'Capture LinkedIn AI setting' });
  await setting.getByLabel('Settings page address').fill('javascript:alert(1)');
  await setting.getByRole('button', { name: 'Capture LinkedIn AI setting' }).click();
  await expect(setting.getByText('The URL must start with http:// or https://')).toBeVisible();

  await setting.getByLabel('Settings page address').fill(`${fixtures.url}/switch-checkbox.html`);
  await setting.getByRole('button', { name: 'Capture LinkedIn AI setting' }).click();
  const detail = page.locator('.evidence-detail');
  await expect(detail.getByText('Detected from the page:')).toContainText('ON', { timeout: 30_000 });
  await expect(page).toHaveURL(new RegExp(`#/cases/${c.id}/evidence/[^/]+$`));
  await expectViewInFocus(page, /^Page capture: Data for Generative AI Improvement/);
  // The view shows the item alone: no capture forms, no list.
  await expect(setting).toHaveCount(0);
  await expect(page.getByRole('table', { name: /Items/ })).toHaveCount(0);
  const img = detail.getByRole('img', { name: /Screenshot of/ });
  await expect(img).toBeVisible();
  expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(500);
  await expectAccessible(page, 'capture review');
  await screenshot(page, 'evidence-capture-review');
  await detail.getByRole('button', { name: 'Confirm state' }).click();
  await expect(detail.locator('[aria-live="polite"]')).toContainText('the switch was ON (as read from the page)');
  await detail.getByRole('link', { name: 'Back to the evidence' }).first().click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${c.id}$`));
  await expect(evidence.getByRole('link', { name: /^Data for Generative AI Improvement \| Settings, Page capture, / })).toBeFocused();

  // A login wall has a checked box that is not the switch: the state is unknown and the user says what it shows.
  // By keyboard only: Enter submits the address, arrow keys pick the state, Tab and Enter save it.
  await setting.getByLabel('Settings page address').fill(`${fixtures.url}/login-wall.html`);
  await setting.getByLabel('Settings page address').press('Enter');
  await expect(detail.getByRole('heading', { name: /LinkedIn Login/ })).toBeFocused({ timeout: 30_000 });
  await expect(detail.getByText('Detected from the page:')).toContainText('Unknown');
  await detail.getByLabel('Unknown').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(detail.getByLabel('OFF')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(detail.getByRole('button', { name: 'Save correction' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(detail.locator('[aria-live="polite"]')).toContainText('OFF (set by hand)');
  // The browser's own back button returns to the list too, with the item focused.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/cases/${c.id}$`));
  await expect(evidence.getByRole('link', { name: /^LinkedIn Login/ })).toBeFocused();

  const policy = page.getByRole('form', { name: 'Capture a policy page' });
  await expect(policy.getByLabel('LinkedIn pages')).toContainText('European Regional Privacy Notice');
  for (const v of ['policy-v1', 'policy-v2']) {
    await policy.getByLabel('Page address').fill(`${fixtures.url}/${v}.html`);
    await policy.getByRole('button', { name: 'Capture a policy page' }).click();
    await expect(policy.locator('[aria-live="polite"]')).toContainText('Captured', { timeout: 30_000 });
    await expect(policy.getByRole('button', { name: 'Capture a policy page' })).toBeEnabled();
  }
  const table = evidence.getByRole('table', { name: /Items/ });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row', { name: /LinkedIn Login/ })).toContainText('OFF (set by hand)');
  await expect(table.getByRole('row', { name: /Data for Generative AI Improvement/ })).toContainText('ON');
  // Real links, each named by title, kind and time: two captures of one page are told apart.
  const links = table.getByRole('link');
  await expect(links).toHaveCount(4);
  const names = await links.evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
  expect(new Set(names).size).toBe(4);
  for (const n of names) expect(n).toMatch(/, (Page capture|Policy diff|Screenshot|Document|Correspondence), \d{1,2} \w{3} \d{4}/);
  expect(await links.first().getAttribute('href')).toMatch(new RegExp(`^#/cases/${c.id}/evidence/`));

  // From the bottom of a long page, by keyboard: the item opens at the top, its heading focused.
  const items = await app.api<{ id: string; sha256: string; title: string; capturedAt: string }[]>('evidence.list', { caseId: c.id });
  const policies = items.filter((i) => i.title.startsWith('Privacy Policy'));
  await page.getByText(/Custody log \(/).scrollIntoViewIfNeeded();
  const firstPolicy = table.locator(`#evidence-item-${policies[0].id}`);
  await firstPolicy.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${c.id}/evidence/${policies[0].id}$`));
  await expectViewInFocus(page, /^Page capture: Privacy Policy/);
  await expectAccessible(page, 'evidence item');
  await screenshot(page, 'evidence-detail-1280');
  await page.setViewportSize({ width: 760, height: 900 });
  await screenshot(page, 'evidence-detail-760');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('link', { name: 'Back to the evidence' }).first().click();
  await expect(firstPolicy).toBeFocused();
  await expect(firstPolicy).toBeInViewport();

  const boxes = table.getByRole('checkbox', { name: /Compare Privacy Policy/ });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await evidence.getByRole('button', { name: 'Compare selected captures' }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${c.id}/compare/[^/]+/[^/]+$`));
  const diff = page.locator('.evidence-diff');
  await expectViewInFocus(page, /^What changed: \d+ added, \d+ removed$/);
  await expect(diff.locator('ins').filter({ hasText: 'train artificial intelligence models' })).toBeVisible();
  await expect(diff.locator('del')).toContainText('Effective 1 June 2024.');
  await expect(diff).not.toContainText('Accept cookies');
  await expect(diff).not.toContainText('Messaging');
  for (const it of policies) await expect(diff.locator('.diff-header')).toContainText(it.sha256);
  await expectAccessible(page, 'policy diff');
  await screenshot(page, 'evidence-diff-1280');
  await page.setViewportSize({ width: 760, height: 900 });
  await screenshot(page, 'evidence-diff-760');
  await page.setViewportSize({ width: 1280, height: 800 });
  await diff.getByRole('button', { name: 'Save diff as evidence' }).click();
  await expect(diff.locator('[aria-live="polite"]')).toContainText('Saved as evidence');
  const fromId = decodeURIComponent(/\/compare\/([^/]+)\//.exec(page.url())![1]);
  await diff.getByRole('link', { name: 'Back to the evidence' }).first().click();
  // Back from a comparison lands on the capture it started from.
  await expect(table.locator(`#evidence-item-${fromId}`)).toBeFocused();
  await expect(table.getByRole('row', { name: /Policy diff/ })).toBeVisible();

  await page.getByText(/Custody log \(/).click();
  const log = page.locator('.custody-log');
  await expect(log).toContainText('chain intact');
  await expect(log).toContainText('evidence.toggle.correct');
  await expect(log).toContainText('evidence.diff.save');
  await expectAccessible(page, 'evidence list and custody log');
  await screenshot(page, 'evidence-list');
});

/** A platform's facts as `platforms.get` returns them: what the capture forms must offer. */
type PlatformFacts = {
  id: string;
  name: string;
  settings: { name: string; url: string | null; menuPath: string[]; switch: unknown; why?: string }[];
  policies: { name: string; url: string }[];
};

async function platformCase(app: { api<T>(n: string, i: unknown): Promise<T> }, platform: string) {
  const facts = await app.api<PlatformFacts>('platforms.get', { id: platform });
  const c = await app.api<{ id: string }>('cases.create', { title: `${facts.name} case`, country: 'DE', name: 'Zofia Łukasiewicz', email: 'z@example.org', platform });
  return { c, facts };
}

test('an X case offers X’s AI setting and X’s pages from its platform file, and nothing of LinkedIn', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { c, facts } = await platformCase(app, 'x');
  const grok = facts.settings.find((s) => s.switch && s.url)!;
  expect(grok.url).toBe('https://x.com/settings/grok_settings');
  await page.goto(`${app.host.url}#/cases/${c.id}`);
  const evidence = page.getByRole('region', { name: 'Evidence' });
  await expect(evidence.getByText('cannot sign in')).toBeVisible();
  await expect(evidence.getByText('this platform’s settings page will show its login wall')).toBeVisible();

  const setting = evidence.getByRole('form', { name: 'Capture X AI setting' });
  await expect(setting.getByRole('button', { name: 'Capture X AI setting' })).toBeVisible();
  const address = setting.getByLabel('Settings page address');
  await expect(address).toHaveValue(grok.url!);
  // The hint names the setting and where it is in X's menus, in X's own words (data, not translated).
  await expect(address).toHaveAccessibleDescription('Grok & Third-party Collaborators, in More › Settings and privacy › Privacy and safety › Data sharing and personalization.');
  await expect(setting.locator('.hint [translate="no"]').first()).toHaveText('Grok & Third-party Collaborators');
  // One setting: no choice of settings to make.
  await expect(setting.getByRole('combobox')).toHaveCount(0);

  const policy = evidence.getByRole('form', { name: 'Capture a policy page' });
  const pages = policy.getByLabel('X pages');
  expect(await pages.locator('option').allTextContents()).toEqual(facts.policies.map((p) => p.name));
  expect(await pages.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(facts.policies.map((p) => p.url));
  await expect(policy.getByLabel('Page address')).toHaveValue(facts.policies[0].url);
  await pages.selectOption({ label: facts.policies[1].name });
  await expect(policy.getByLabel('Page address')).toHaveValue(facts.policies[1].url);

  // Nowhere in the evidence region, neither in its text nor in an address or a choice.
  await expect(evidence).not.toContainText(/LinkedIn/i);
  const values = await evidence.locator('input, option').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values.filter((v) => /linkedin/i.test(v))).toEqual([]);
  await expectAccessible(page, 'X case capture forms');
  await evidence.screenshot({ path: 'test-results/screens/evidence-capture-x-1280.png' });
  await page.setViewportSize({ width: 760, height: 900 });
  await evidence.screenshot({ path: 'test-results/screens/evidence-capture-x-760.png' });
  await expectNoSidewaysOverflow(page);

  // In German at 760 px: the longer labels wrap inside the forms, the platform's name stays as it is.
  await page.goto(`${app.host.url}&lang=de#/cases/${c.id}`);
  const nachweise = page.getByRole('region', { name: 'Nachweise', exact: true });
  await expect(nachweise.getByRole('form', { name: 'KI-Einstellung bei X erfassen' }).getByLabel('Adresse der Einstellungsseite')).toHaveValue(grok.url!);
  await expect(nachweise.getByLabel('Seiten von X')).toContainText(facts.policies[0].name);
  await expect(nachweise.getByText('Die Einstellungsseite dieser Plattform')).toBeVisible();
  await expectNoSidewaysOverflow(page);
  await nachweise.screenshot({ path: 'test-results/screens/evidence-capture-x-de-760.png' });
});

test('a Facebook case says why there is no switch to capture, in its file’s words, and still captures a page', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { c, facts } = await platformCase(app, 'facebook');
  const why = facts.settings[0].why!;
  expect(facts.settings.every((s) => s.switch === null)).toBe(true);
  await page.goto(`${app.host.url}#/cases/${c.id}`);
  const evidence = page.getByRole('region', { name: 'Evidence' });

  const note = evidence.getByRole('region', { name: 'The AI-training switch' });
  await expect(note).toContainText('Redress’s facts on Facebook name no AI-training switch, so there is no setting to capture.');
  await expect(note.locator('[translate="no"]')).toHaveText(why);
  await expect(note).toContainText('You can capture the page that explains it with “Capture a policy page”, or import a screenshot from your phone under “Import files” below.');
  // No setting form, no settings address: nothing that could pass for a switch reading.
  await expect(evidence.getByRole('form', { name: /AI setting/ })).toHaveCount(0);
  await expect(evidence.getByLabel('Settings page address')).toHaveCount(0);
  await expect(evidence.getByRole('heading', { name: 'Import files' })).toBeVisible();
  await expect(evidence).not.toContainText(/LinkedIn/i);
  // Neither the headless note nor the empty list speaks of a switch state to confirm or a setting to capture first.
  await expect(evidence.getByText('a page that needs an account will show its login wall')).toBeVisible();
  await expect(evidence).not.toContainText('switch state');
  await expect(evidence.getByText('No evidence yet. Capture a page that explains how this platform uses your data, or import a screenshot.')).toBeVisible();

  const policy = evidence.getByRole('form', { name: 'Capture a policy page' });
  const pages = policy.getByLabel('Facebook pages');
  for (const p of facts.policies) await expect(pages).toContainText(p.name);
  // The page of the setting without a switch is offered too (once, here under its policy's name): the platform's page on the matter.
  const offered = await pages.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(offered).toContain(facts.settings[0].url);
  expect(new Set(offered).size).toBe(offered.length);
  await expect(policy.getByLabel('Page address')).toHaveValue(facts.policies[0].url);
  await expectAccessible(page, 'Facebook case capture forms');
  await evidence.screenshot({ path: 'test-results/screens/evidence-capture-facebook-1280.png' });
  await page.setViewportSize({ width: 760, height: 900 });
  await evidence.screenshot({ path: 'test-results/screens/evidence-capture-facebook-760.png' });
  await expectNoSidewaysOverflow(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await policy.getByLabel('Page address').fill(`${fixtures.url}/policy-v1.html`);
  await policy.getByRole('button', { name: 'Capture a policy page' }).click();
  await expect(policy.locator('[aria-live="polite"]')).toContainText('Captured', { timeout: 30_000 });
  await expect(evidence.getByRole('table', { name: /Items/ }).getByRole('row')).toHaveCount(2);

  // In German and in French the note reads in the language shown, the file's reason as it is.
  for (const [lang, region, text] of [
    ['de', 'Nachweise', 'Die Angaben von Redress zu Facebook nennen keinen Schalter für KI-Training'],
    ['fr', 'Preuves', 'Les données de Redress sur Facebook ne nomment aucun bouton'],
  ] as const) {
    await page.setViewportSize({ width: 760, height: 900 });
    await page.goto(`${app.host.url}&lang=${lang}#/cases/${c.id}`);
    const r = page.getByRole('region', { name: region, exact: true });
    await expect(r.locator('.capture-noswitch')).toContainText(text);
    await expect(r.locator('.capture-noswitch [translate="no"]')).toHaveText(why);
    await expectNoSidewaysOverflow(page);
    await r.screenshot({ path: `test-results/screens/evidence-capture-facebook-${lang}-760.png` });
  }
});

test('a Reddit case shows the no-switch note with Reddit’s reason', async ({ page, app }) => {
  const { c, facts } = await platformCase(app, 'reddit');
  await page.goto(`${app.host.url}#/cases/${c.id}`);
  const note = page.getByRole('region', { name: 'The AI-training switch' });
  await expect(note).toContainText('Redress’s facts on Reddit name no AI-training switch');
  await expect(note.locator('[translate="no"]')).toHaveText(facts.settings[0].why!);
  await expect(page.getByRole('form', { name: /AI setting/ })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Capture a policy page' }).getByLabel('Reddit pages')).toContainText(facts.policies[0].name);
});

test('a setting capture for a platform whose file names no switch label says it was not looked for, not ON', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { c } = await platformCase(app, 'facebook');
  // The UI offers no setting form for Facebook; the API still takes one (the command line does too).
  const cap = await app.api<{ id: string }>('evidence.capture', { caseId: c.id, url: `${fixtures.url}/switch-checkbox.html`, purpose: 'setting' });
  await page.goto(`${app.host.url}#/cases/${c.id}/evidence/${cap.id}`);
  await expectViewInFocus(page, /^Page capture: Data for Generative AI Improvement/);
  const detail = page.locator('.evidence-detail');
  const detected = detail.getByText('Detected from the page:');
  await expect(detected).toContainText('Unknown');
  await expect(detected).not.toContainText('ON');
  await expect(detail).toContainText('Not looked for: the platform’s file names no label for its AI-training switch');
  await expect(detail.getByLabel('Unknown')).toBeChecked();
  await expectAccessible(page, 'setting capture not looked for');
  await screenshot(page, 'evidence-capture-not-looked-for');
});

test('deleting an item an event holds names the event first, then the event no longer holds it', async ({ page, app }) => {
  const c = await newCase(app);
  const shot = await app.api<{ id: string }>('evidence.upload', { caseId: c.id, filename: 'settings.png', dataBase64: makePng(40, 30).toString('base64') });
  const keep = await app.api<{ id: string }>('evidence.upload', { caseId: c.id, filename: 'letter.txt', dataBase64: Buffer.from('Dear LinkedIn').toString('base64') });
  const sent = await app.api<{ id: string }>('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30', evidenceIds: [shot.id, keep.id] });
  await page.goto(`${app.host.url}#/cases/${c.id}`);
  const table = page.getByRole('table', { name: /Items/ });
  await table.getByRole('button', { name: /^Delete settings/ }).click();
  const confirm = page.getByRole('group', { name: /Delete “settings” for good\?/ });
  await expect(confirm).toContainText('Attached to: Request sent on 30 Apr 2026');
  await expect(confirm).toContainText('Deleting it takes it off that event');
  // Focus is on the question, not a button: a second Enter deletes nothing.
  await expect(confirm.getByText(/for good\?/)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(table.getByRole('link', { name: /^settings/ })).toBeVisible();
  await expectAccessible(page, 'delete confirmation naming the event');
  await screenshot(page, 'evidence-delete-held');
  await page.locator('.evidence-list').screenshot({ path: 'test-results/screens/evidence-delete-held-list.png' });
  await confirm.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText('It was taken off: Request sent on 30 Apr 2026.')).toBeVisible();
  await expect(table.getByRole('link', { name: /^settings/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Items \(1\)/ })).toBeFocused();
  const t = await app.api<{ events: { id: string; evidenceIds: string[] }[] }>('tracking.get', { caseId: c.id });
  expect(t.events.find((e) => e.id === sent.id)?.evidenceIds).toEqual([keep.id]);
  const log = await app.api<{ entries: { action: string; detail: Record<string, unknown> }[] }>('evidence.custody', { caseId: c.id });
  expect(log.entries.find((e) => e.action === 'evidence.delete')?.detail).toMatchObject({ evidenceId: shot.id, detachedFromEvents: [sent.id] });
});

test('a deep link to an item opens it focused; an unknown id or an item of another case says so, with the way back', async ({ page, app }) => {
  const c = await newCase(app);
  const other = await newCase(app);
  const shot = await app.api<{ id: string }>('evidence.upload', { caseId: c.id, filename: 'settings.png', dataBase64: makePng(40, 30).toString('base64') });
  await page.goto(`${app.host.url}#/cases/${c.id}/evidence/${shot.id}`);
  await expectViewInFocus(page, /^Screenshot: settings$/);
  await page.goto(`${app.host.url}#/cases/${c.id}/evidence/ev_nothing`);
  await expectViewInFocus(page, /^This evidence item cannot be shown$/);
  await expect(page.getByRole('alert')).toContainText('No evidence item with id "ev_nothing"');
  await page.goto(`${app.host.url}#/cases/${other.id}/evidence/${shot.id}`);
  await expectViewInFocus(page, /^This item belongs to another case$/);
  await page.getByRole('link', { name: 'Open it in its own case' }).click();
  await expectViewInFocus(page, /^Screenshot: settings$/);
  await expectAccessible(page, 'deep-linked item');
});

test('a capture of an address nothing answers says so in plain words, without the engine code', async ({ page, app }) => {
  const port = await new Promise<number>((ok) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => ok(p));
    });
  });
  const c = await newCase(app);
  await page.goto(`${app.host.url}#/cases/${c.id}`);
  const policy = page.getByRole('form', { name: 'Capture a policy page' });
  await policy.getByLabel('Page address').fill(`http://127.0.0.1:${port}/privacy`);
  await policy.getByRole('button', { name: 'Capture a policy page' }).click();
  const status = policy.locator('[aria-live="polite"]');
  await expect(status).toContainText(`127.0.0.1:${port} did not accept the connection`, { timeout: 30_000 });
  await expect(status).toContainText('Check the address, or try again later.');
  await expect(status).not.toContainText('net::');
  await expect(status).not.toContainText('ERR_');
  await expectAccessible(page, 'capture failure');
});

test('import by picker and by drop, refuse bad files, verify, and catch a tampered file', async ({ page, app }) => {
  const c = await newCase(app);
  await page.goto(`${app.host.url}#/cases/${c.id}`);
  const png = await page.screenshot();
  const email = 'From: LinkedIn DPO <dpo@example.com>\r\nTo: z@example.org\r\nSubject: Your objection\r\nDate: Tue, 01 Oct 2024 10:00:00 +0000\r\n\r\nWe received your request.\r\n';
  await page.getByLabel('Files to import').setInputFiles([
    { name: 'settings.png', mimeType: 'image/png', buffer: png },
    { name: 'reply.eml', mimeType: 'message/rfc822', buffer: Buffer.from(email) },
    { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('this is not a picture at all') },
    { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
  ]);
  const results = page.locator('.import-results');
  await expect(results).toContainText('settings.png: added as Screenshot (image/png)');
  await expect(results).toContainText('reply.eml: added as Correspondence (message/rfc822)');
  await expect(results).toContainText('fake.png: fake.png is not an image');
  await expect(results).toContainText('empty.pdf: empty.pdf is empty (0 bytes)');
  // The app offers the way out in its own terms, not a command-line flag.
  await expect(results).toContainText('fake.png is not an image: its content looks like plain text. Pick the real screenshot, or import it as a document instead.');
  await expect(results).not.toContainText('--kind');
  await results.getByRole('button', { name: 'Import fake.png as a document' }).click();
  await expect(results).toContainText('fake.png: added as Document (text/plain)');
  await expect(results.getByRole('button', { name: /as a document/ })).toHaveCount(0);

  // Drag and drop goes through the same checks.
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(['Dear LinkedIn, I object to the use of my data.'], 'letter.txt', { type: 'text/plain' }));
    return d;
  });
  await page.locator('.evidence-import').dispatchEvent('drop', { dataTransfer: dt });
  await expect(results).toContainText('letter.txt: added as Document (text/plain)');

  const table = page.getByRole('table', { name: /Items/ });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row', { name: /Your objection/ })).toContainText('1 Oct 2024');
  await page.getByRole('button', { name: 'Verify all' }).click();
  await expect(page.getByText('All 4 items verified; custody log intact')).toBeVisible();

  const items = await app.api<{ id: string; title: string }[]>('evidence.list', { caseId: c.id });
  const shot = items.find((i) => i.title === 'settings')!;
  const detail = await app.api<{ artifacts: { storedPath: string }[] }>('evidence.get', { id: shot.id });
  appendFileSync(detail.artifacts[0].storedPath, 'tampered');
  await page.getByRole('button', { name: 'Verify all' }).click();
  await expect(page.getByText('1 item modified or missing')).toBeVisible();
  await expect(table.getByRole('row', { name: /settings/ })).toContainText('modified');
  await expectAccessible(page, 'verify with a tampered file');
  await screenshot(page, 'evidence-verify-tampered');

  await table.getByRole('button', { name: /^Delete letter/ }).click();
  await table.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
});

test('the CLI captures a fixture page, reads the switch, and verify exits 1 after tampering', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-cli-e2e-'));
  const cli = (...args: string[]) => run('node', ['bin/redress.mjs', '--data-dir', dir, ...args], { env: { ...process.env, REDRESS_CHROMIUM: '/usr/bin/chromium' } });
  try {
    const c = JSON.parse((await cli('case', 'create', '--title', 'CLI', '--country', 'GB', '--name', 'Tom', '--email', 't@example.org', '--json')).stdout);
    const cap = JSON.parse((await cli('evidence', 'capture', c.id, `${fixtures.url}/switch-aria.html`, '--setting', '--json')).stdout);
    expect(cap.toggle).toMatchObject({ state: 'off', method: 'aria-checked' });
    expect(cap.artifacts.map((a: { kind: string }) => a.kind).sort()).toEqual(['dom', 'manifest', 'mhtml', 'screenshot', 'source', 'text']);
    const ok = JSON.parse((await cli('evidence', 'verify', c.id, '--json')).stdout);
    expect(ok).toMatchObject({ ok: true, items: [{ id: cap.id, status: 'ok' }] });
    appendFileSync(cap.artifacts.find((a: { kind: string }) => a.kind === 'text').storedPath, 'x');
    const bad = await cli('evidence', 'verify', c.id, '--json').then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(bad?.code).toBe(1);
    expect(JSON.parse(bad!.stdout).items[0].status).toBe('modified');
    expect(bad!.stderr).toContain('1 modified');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** What the evidence and tracking screens say in each language, for the tests below. */
const WORDS = {
  de: {
    htmlLang: 'de',
    evidence: 'Nachweise',
    items: /^Nachweise \(2\)$/,
    screenshotKind: 'Bildschirmfoto',
    detail: /^Bildschirmfoto: settings$/,
    files: 'Gespeicherte Dateien',
    back: 'Zurück zu den Nachweisen',
    timeline: 'Verlauf und Fristen',
    events: 'Ereignisse',
    record: 'Ereignis festhalten',
    form: 'Ereignis hinzufügen',
    type: 'Art des Ereignisses',
    sent: 'Anfrage gesendet',
    attached: 'Angehängt an: Anfrage gesendet am 30. Apr. 2026',
    import: 'Dateien importieren',
    steps: 'Wo Ihr Fall steht',
  },
  fr: {
    htmlLang: 'fr',
    evidence: 'Preuves',
    items: /^Éléments \(2\)$/,
    screenshotKind: "Capture d'écran",
    detail: /^Capture d'écran : settings$/,
    files: 'Fichiers enregistrés',
    back: 'Retour aux preuves',
    timeline: 'Chronologie et délais',
    events: 'Événements',
    record: 'Enregistrer un événement',
    form: 'Ajouter un événement',
    type: "Type d'événement",
    sent: 'Demande envoyée',
    attached: 'Joint à : Demande envoyée le 30 avr. 2026',
    import: 'Importer des fichiers',
    steps: 'Où en est votre dossier',
  },
} as const;

/** Nothing on the page is wider than the window: no text cut off or pushed out sideways. */
async function expectNoSidewaysOverflow(page: Page) {
  const over = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    // A data table's own scroll area may scroll sideways (WCAG 1.4.10 excepts tables): its contents are not checked.
    const scrolls = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX === 'auto') return true;
      return false;
    };
    for (const el of document.querySelectorAll('main *')) {
      if (scrolls(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width && r.right > width + 1) out.push(`${el.tagName.toLowerCase()}.${el.className}: right ${Math.round(r.right)} > ${width}`);
    }
    return out.slice(0, 10);
  });
  expect(over).toEqual([]);
}

for (const lang of ['de', 'fr'] as const) {
  test(`in ${lang === 'de' ? 'German' : 'French'}: the evidence list, an item and the timeline with the event form open speak the language, marked data stays as it is`, async ({ page, app }) => {
    const w = WORDS[lang];
    const c = await newCase(app);
    const shot = await app.api<{ id: string }>('evidence.upload', { caseId: c.id, filename: 'settings.png', dataBase64: makePng(40, 30).toString('base64') });
    await app.api('evidence.upload', { caseId: c.id, filename: 'letter.txt', dataBase64: Buffer.from('Dear LinkedIn').toString('base64') });
    await app.api('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30', ref: 'LI-2026-0042', evidenceIds: [shot.id] });
    await app.api('tracking.addEvent', { caseId: c.id, type: 'acknowledged', on: '2026-05-02' });
    await app.api('tracking.addEvent', { caseId: c.id, type: 'note', on: '2026-05-04', note: 'Called the helpline; they said to wait.' });

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${app.host.url}&lang=${lang}#/cases/${c.id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', w.htmlLang);
    const evidence = page.getByRole('region', { name: w.evidence, exact: true });
    await expect(evidence.getByRole('heading', { name: w.items })).toBeVisible();
    await expect(evidence.getByRole('heading', { name: w.import })).toBeVisible();
    const table = evidence.getByRole('table', { name: w.items });
    await expect(table.getByRole('row', { name: /settings/ })).toContainText(w.screenshotKind);
    await expect(evidence.locator('a[translate="no"]', { hasText: 'settings' })).toBeVisible();
    await expect(page.getByRole('list', { name: w.steps })).toBeVisible();

    const panel = page.getByRole('region', { name: w.timeline });
    await expect(panel.getByRole('heading', { name: w.events })).toBeVisible();
    await expect(panel.locator('.event-request_sent')).toContainText(w.sent);
    await expect(panel.locator('.event-note [translate="no"]')).toHaveText('Called the helpline; they said to wait.');
    await panel.getByRole('button', { name: w.record }).click();
    const form = panel.getByRole('form', { name: w.form });
    await expect(form.getByLabel(w.type)).toBeFocused();
    await expect(panel).not.toContainText('Record an event');
    await expect(form).not.toContainText('Attach evidence');
    await expectAccessible(page, `case page in ${lang}`);
    await screenshot(page, `evidence-tracking-${lang}-1280`);
    await panel.screenshot({ path: `test-results/screens/evidence-tracking-${lang}-1280-timeline.png` });
    await evidence.screenshot({ path: `test-results/screens/evidence-tracking-${lang}-1280-evidence.png` });
    await page.setViewportSize({ width: 760, height: 800 });
    await screenshot(page, `evidence-tracking-${lang}-760`);
    await panel.screenshot({ path: `test-results/screens/evidence-tracking-${lang}-760-timeline.png` });
    await evidence.screenshot({ path: `test-results/screens/evidence-tracking-${lang}-760-evidence.png` });
    await expectNoSidewaysOverflow(page);

    // The delete confirmation names the event that holds the item, in the language shown.
    await page.setViewportSize({ width: 1280, height: 800 });
    await table.locator(`#evidence-delete-${shot.id}`).click();
    await expect(table.locator('.confirm-delete')).toContainText(w.attached);
    await table.locator('.confirm-delete button').first().click();

    await page.goto(`${app.host.url}&lang=${lang}#/cases/${c.id}/evidence/${shot.id}`);
    const heading = page.getByRole('heading', { level: 2, name: w.detail });
    await expect(heading).toBeFocused();
    await expect(page.locator('.evidence-files caption')).toHaveText(w.files);
    await expect(page.getByRole('link', { name: w.back }).first()).toBeVisible();
    await expectAccessible(page, `evidence item in ${lang}`);
    await screenshot(page, `evidence-item-${lang}-1280`);
    await page.setViewportSize({ width: 760, height: 800 });
    await screenshot(page, `evidence-item-${lang}-760`);
    await expectNoSidewaysOverflow(page);
  });
}
