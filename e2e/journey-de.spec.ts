// Lena's path in German (JOURNEYS 4): a browser set to German shows German from the first screen; her case, her
// request and its deadline read in German; the complaint goes to her own authority in Berlin, in German, citing
// Art. 77 DSGVO, and its PDF keeps every German character.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, screenshot, test } from './support/host';

test('Lena in Berlin, in German from the first screen: case, request, deadline, a German complaint to the Berlin authority as PDF', async ({ browser, app }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(app.host.url);

  // The first screen: German, with no choice made.
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link', { name: 'Fälle' })).toBeVisible();
  await expect(page.getByLabel('Sprache')).toHaveValue('');
  await expect(page.getByLabel('Sprache').locator('option').first()).toHaveText('System (Deutsch)');
  await expectAccessible(page, 'dashboard (de)');
  await screenshot(page, 'journey-de-dashboard');

  await page.getByRole('main').getByRole('link', { name: 'Fall anlegen' }).click();
  await page.getByLabel('Titel').fill('Lena in Berlin');
  await page.getByLabel('Ihr vollständiger Name').fill('Lena Groß');
  await page.getByLabel('E-Mail-Adresse Ihres Kontos').fill('lena@example.de');
  await page.getByLabel('Land, in dem Sie leben').selectOption('DE');
  await page.getByLabel('Bundesland, in dem Sie wohnen').selectOption('DE-BE');
  await expect(page.getByLabel('Land, in dem Sie leben').locator('option:checked')).toHaveText('Deutschland (DE)');
  await page.getByRole('button', { name: 'Fall anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lena in Berlin' })).toBeVisible();
  const caseId = new URL(page.url()).hash.split('/')[2];

  // The objection went to LinkedIn on 30 April 2026: the reply was due Tuesday 2 June (weekend, Irish holiday).
  await page.getByRole('button', { name: 'Ereignis festhalten' }).click();
  await page.getByLabel('Art des Ereignisses').selectOption('request_sent');
  await page.getByLabel('Datum', { exact: true }).fill('2026-04-30');
  await page.getByLabel('Aktenzeichen').fill('LI-2026-0042');
  await page.getByRole('button', { name: 'Ereignis hinzufügen' }).click();
  const timeline = page.getByRole('region', { name: 'Verlauf und Fristen' });
  await expect(timeline).toContainText('2. Juni 2026');
  await expect(timeline).toContainText('Anfrage gesendet');
  await expect(timeline).toContainText('gesetzlicher Feiertag');
  await expect(page.getByText('Thursday')).toHaveCount(0);
  await expectAccessible(page, 'case page (de)');
  await screenshot(page, 'journey-de-case');

  // The complaint to her own authority: in German, to Berlin, citing Art. 77 DSGVO.
  await page.goto(`${app.host.url}#/cases/${caseId}/draft/authority-complaint`);
  await expect(page.getByLabel('Sprache des Schreibens')).toHaveValue('de');
  const letter = page.locator('.letter');
  await expect(letter).toHaveAttribute('lang', 'de');
  await expect(letter).toContainText('Berliner Beauftragte für Datenschutz und Informationsfreiheit');
  await expect(letter).toContainText('Art. 77');
  await expect(letter).toContainText('DSGVO');
  await expect(letter).toContainText('30. April 2026');
  await expect(letter).not.toContainText('GDPR');
  await expectAccessible(page, 'authority complaint (de)');
  await screenshot(page, 'journey-de-complaint');

  await page.getByLabel('Format').selectOption('pdf');
  await page.getByRole('button', { name: 'Exportieren', exact: true }).click();
  const link = page.locator('.export-result').getByRole('link', { name: /herunterladen$/ });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const res = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).toString());
  expect(res.status()).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), 'redress-e2e-de-')), 'beschwerde.pdf');
  writeFileSync(file, Buffer.from(await res.body()));
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Berliner Beauftragte für Datenschutz und Informationsfreiheit');
  expect(text).toContain('Art. 77');
  expect(text).toContain('Lena Groß');
  expect(text).toMatch(/Beschwerde/);
  await context.close();
});

test('the language can be chosen in the app, is kept with the data, and "System" follows the browser again', async ({ browser, app }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(app.host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.getByLabel('Sprache').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Dossiers' })).toBeVisible();
  // Focus stays on the picker after the app is redrawn in the new language.
  await expect(page.getByLabel('Langue')).toHaveValue('fr');
  expect(await app.api('preferences.get', {})).toEqual({ language: 'fr' });

  // Kept: a reload, and another tab of the same Redress, open in French.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const other = await context.newPage();
  await other.goto(app.host.url);
  await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
  await other.close();

  await page.getByLabel('Langue').selectOption('');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect(await app.api('preferences.get', {})).toEqual({ language: null });
  await expectAccessible(page, 'dashboard after choosing System');

  // A language the app does not speak is refused and changes nothing.
  const bad = await fetch(`http://127.0.0.1:${app.host.port}/api/preferences.set`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.host.token}` },
    body: JSON.stringify({ language: 'xx' }),
  });
  const body = (await bad.json()) as { ok: boolean; error: { code: string } };
  expect(body.ok).toBe(false);
  expect(body.error.code).toBe('invalid_input');
  expect(await app.api('preferences.get', {})).toEqual({ language: null });
  await context.close();
});
