import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './support/host';

const NAME = 'Zofia Łukasiewicz-Παπαδοπούλου';

async function newCase(app: { api<T>(n: string, i: unknown): Promise<T> }, country: string) {
  return app.api<{ id: string }>('cases.create', { title: 'AI training objection', country, name: NAME, email: 'zofia@example.org' });
}

/** Exports through the UI and fetches the file the download link points to, with the page's own token. */
async function exportAndFetch(page: Page, format: string, profile?: 'archive' | 'upload'): Promise<Buffer> {
  await page.getByLabel('Format').selectOption(format);
  if (profile) await page.getByRole('radio', { name: new RegExp(`^${profile}`, 'i') }).check();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const link = page.getByRole('link', { name: /^Download / });
  await expect(link).toBeVisible();
  const url = await link.getAttribute('href');
  const res = await page.request.get(new URL(url!, page.url()).toString());
  expect(res.status()).toBe(200);
  return Buffer.from(await res.body());
}

const pdfText = (bytes: Buffer) => {
  const f = join(mkdtempSync(join(tmpdir(), 'redress-e2e-pdf-')), 'x.pdf');
  writeFileSync(f, bytes);
  return execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
};

test('GB case: templates greyed by country, the objection drafted with copy buttons, autosave and a PDF export', async ({ page, app }) => {
  const c = await newCase(app, 'GB');
  await page.goto(app.host.url + `#/cases/${c.id}`);
  const panel = page.getByRole('region', { name: 'Letters and complaints' });
  await expect(panel.getByRole('link', { name: 'Complaint to the ICO (UK)' })).toBeVisible();
  await expect(panel.getByText('Not for this case: Complaint to the Data Protection Commission (Ireland) is for members in the EU/EEA and Switzerland; this case is in the United Kingdom (GB).')).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Complaint to LinkedIn (UK)' })).toBeVisible();
  await expect(panel.getByRole('link', { name: /Data Protection Commission/ })).toHaveCount(0);
  await expectAccessible(page, 'case page with drafting panel');
  await screenshot(page, 'drafting-panel');

  await panel.getByRole('link', { name: 'Objection to AI training (LinkedIn)' }).click();
  await expect(page.getByRole('heading', { name: 'Objection to AI training (LinkedIn)' })).toBeVisible();
  await expect(page.locator('.draft-facts')).toContainText('LinkedIn Corporation');
  await expect(page.getByText(/Unverified: The ZIP code 94085/)).toHaveCount(2); // in the facts and on the editable address
  await page.getByLabel('Addressed to').fill('LinkedIn Corporation\nAttn: Data Protection Officer\n1000 W Maude Avenue\nSunnyvale, CA 94085-2810\nUnited States');
  await expect(page.getByText(/Unverified: The exact wording of LinkedIn's choice list/)).toBeVisible();
  await expect(page.getByLabel('Email address of your LinkedIn account (required)')).toHaveValue('zofia@example.org');
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await expect(page.getByRole('link', { name: 'Your particular situation is required.' })).toBeVisible();

  const situation = page.getByLabel('Your particular situation (required)');
  await situation.fill('I write for a living; my posts are my work.');
  await expect(page.getByText('43 / 2,000 characters')).toBeVisible();
  await expect(page.locator('.letter')).toContainText('My particular situation is this: I write for a living; my posts are my work.');
  // The case has no given and family name: Redress does not split the full name, and says so.
  await expect(page.locator('.cautions')).toContainText('does not guess them');
  await expect(page.getByLabel('First name (required)')).toHaveValue(NAME);
  // A statement only the member can confirm is a box to tick; unticked, its paragraph stays out of the letter.
  const before = page.getByRole('checkbox', { name: 'Much of my profile and posts dates from before 3 November 2025' });
  await expect(before).not.toBeChecked();
  await expect(page.locator('.letter')).not.toContainText('could not reasonably expect then');
  await before.check();
  await expect(page.locator('.letter')).toContainText('could not reasonably expect then');
  await before.uncheck();
  await expect(page.locator('.letter')).not.toContainText('could not reasonably expect then');
  await before.check();
  await expect(page.locator('.letter')).toContainText('could not reasonably expect then');
  await expect(page.locator('.letter')).not.toContainText('once my objection is upheld');
  await expect(page.locator('.letter')).toContainText('stop sharing it with Microsoft');
  await expect(page.getByText(/^Draft saved at \d\d:\d\d\.$/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the form' })).toHaveAttribute('href', 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy Explanation (for the form\'s free-text box)' }).click();
  await expect(page.getByText('Copied “Explanation (for the form\'s free-text box)”. Paste it into the form.')).toBeVisible();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toContain('My particular situation: I write for a living; my posts are my work.');
  await expectAccessible(page, 'drafting screen');
  await screenshot(page, 'drafting-objection');

  // The draft survives a reload: it was autosaved.
  await page.reload();
  await expect(page.getByLabel('Your particular situation (required)')).toHaveValue('I write for a living; my posts are my work.');

  const pdf = await exportAndFetch(page, 'pdf', 'archive');
  const text = pdfText(pdf);
  expect(text).toContain(NAME);
  expect(text).toContain('LinkedIn Corporation');
  expect(text).toContain('CA 94085-2810');
  await screenshot(page, 'drafting-exported');
  await page.getByRole('link', { name: 'Back to the case' }).click();
  await expect(page.getByRole('region', { name: 'Letters and complaints' }).getByRole('link', { name: /-objection-archive-.*\.pdf$/ })).toBeVisible();
  await screenshot(page, 'drafting-panel-exports');
});

test('GB case: the ICO complaint keeps its summary within 2,000 characters and exports an upload PDF', async ({ page, app }) => {
  const c = await newCase(app, 'GB');
  await page.goto(app.host.url + `#/cases/${c.id}/draft/ico-complaint`);
  await expect(page.getByRole('heading', { name: 'Complaint to the ICO (UK)' })).toBeVisible();
  await expect(page.getByText(/Complain to LinkedIn first\. If it has not replied after 30 days/)).toBeVisible();
  const summary = page.getByLabel('Summary of your complaint (required)');
  const len = (await summary.inputValue()).length;
  expect(len).toBeLessThanOrEqual(2000);
  await expect(page.getByText(`${len.toLocaleString('en-GB')} / 2,000 characters`)).toBeVisible();
  await summary.fill('x'.repeat(2001));
  await summary.blur();
  await expect(page.getByText('2,001 / 2,000 characters')).toBeVisible();
  await expect(page.locator('#field-draft-summary-error')).toHaveText('Summary of your complaint must be at most 2,000 characters.');
  await page.getByRole('button', { name: 'Use the suggested text for Summary of your complaint' }).click();
  await page.getByLabel('Harm or impact on you (required)').fill('Ich mache mir Sorgen; Я обеспокоена.');
  // Nothing sent to LinkedIn is recorded: the screen says why the complaint is not ready, and the export refuses.
  await expect(page.locator('.readiness')).toContainText('Not yet. Nothing sent to LinkedIn is recorded on this case.');
  await page.getByLabel('Format').selectOption('text');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.locator('.export-box').getByRole('alert')).toContainText('Not yet: Nothing sent to LinkedIn is recorded on this case.');
  await page.getByLabel('Draft it anyway').check();
  await expectAccessible(page, 'ico complaint');
  await screenshot(page, 'drafting-ico');
  await page.getByLabel('Format').selectOption('pdf');
  await page.getByRole('radio', { name: /^upload/i }).check();
  await page.getByLabel('Size limit (MB)').fill('lots');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Enter the size limit in MB, at least 0\.1\. Information Commissioner.s Office: 3 MB\.$/);
  await expect(page.locator('#budget-hint')).toContainText('3 MB per file');
  await page.getByLabel('Size limit (MB)').fill('3');
  const pdf = await exportAndFetch(page, 'pdf', 'upload');
  expect(pdf.length).toBeLessThanOrEqual(3 * 1024 * 1024);
  expect(pdfText(pdf)).toContain('Я обеспокоена');
});

test('DE case: the DPC complaint and the reminder from the record, as text and email drafts; the access request as form fields', async ({ page, app }) => {
  const c = await newCase(app, 'DE');
  await app.api('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30', ref: 'LI-2026-0042' });
  await app.api('tracking.addEvent', { caseId: c.id, type: 'acknowledged', on: '2026-05-01' });
  await page.goto(app.host.url + `#/cases/${c.id}/draft/dpc-complaint`);
  await expect(page.getByRole('heading', { name: 'Complaint to the Data Protection Commission (Ireland)' })).toBeVisible();
  await expect(page.getByLabel('Organisation (required)', { exact: true })).toHaveValue('LinkedIn Ireland Unlimited Company');
  await expect(page.locator('.readiness')).toHaveCount(0);
  // An acknowledgement is not a reply; the due date is that of this request (30 April + one month, moved past
  // the weekend and Ireland's June bank holiday).
  const narrative = page.getByLabel('Your complaint (required)');
  await expect(narrative).toHaveValue(/LinkedIn confirmed receipt on 1 May 2026; that was not an answer\. LinkedIn has not answered; its answer was due by 2 June 2026/);
  await expect(page.locator('.letter')).toContainText('Dear Commissioners,');
  await expect(page.locator('.letter')).toContainText('(Article 78(1))');
  await expect(page.locator('.letter')).not.toContainText('amicable');
  await page.getByRole('textbox', { name: 'Link to your LinkedIn profile' }).fill('https://www.linkedin.com/in/zofia-example');
  await expectAccessible(page, 'dpc complaint');
  await screenshot(page, 'drafting-dpc');
  const txt = (await exportAndFetch(page, 'text')).toString('utf8');
  expect(txt).toContain('Data Protection Commission');
  expect(txt).toContain('https://www.linkedin.com/in/zofia-example');
  expect(txt).toContain('What is still outstanding\n-------------------------');

  await page.goto(app.host.url + `#/cases/${c.id}/draft/linkedin-reminder`);
  await expect(page.getByRole('heading', { name: 'Reminder: no reply within one month (LinkedIn)' })).toBeVisible();
  await expect(page.getByLabel('When you sent your request (required)')).toHaveValue('30 April 2026');
  await expect(page.locator('.letter')).toContainText('You confirmed receipt on 1 May 2026; a confirmation of receipt is not an answer');
  const eml = (await exportAndFetch(page, 'eml')).toString('utf8');
  expect(eml).toContain('X-Unsent: 1');
  await screenshot(page, 'drafting-reminder');

  await page.goto(app.host.url + `#/cases/${c.id}/draft/linkedin-access-request`);
  await expect(page.getByRole('heading', { name: /Access request/ })).toBeVisible();
  await expect(page.locator('.letter')).toContainText('(Article 15(1)(g))');
  const json = JSON.parse((await exportAndFetch(page, 'json')).toString('utf8'));
  expect(json.template).toBe('access-request');
  expect(json.fields[0].value).toBe(NAME);
  // Each export is recorded on the case with its own hash.
  const recorded = await app.api<{ format: string; sha256: string }[]>('drafting.exports', { caseId: c.id });
  expect(recorded.map((r) => r.format).sort()).toEqual(['eml', 'json', 'text']);
  expect(new Set(recorded.map((r) => r.sha256)).size).toBe(3);
});

test('a reminder before the reply is due: the screen says why not, the export refuses, "Draft it anyway" words it without the claim', async ({ page, app }) => {
  const c = await newCase(app, 'IE');
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
  await app.api('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: today, requestType: 'access' });
  await page.goto(app.host.url + `#/cases/${c.id}/draft/linkedin-reminder`);
  const notYet = page.locator('.readiness');
  await expect(notYet).toContainText(/Not yet\. LinkedIn has until \d+ \w+ \d{4} to answer your request of \d+ \w+ \d{4}: a reminder now would claim a delay that has not happened\./);
  await expectAccessible(page, 'reminder not yet');
  await screenshot(page, 'drafting-not-yet');
  await page.getByLabel('Format').selectOption('text');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.locator('.export-box').getByRole('alert')).toContainText('Not yet: LinkedIn has until');
  expect(await app.api('drafting.exports', { caseId: c.id })).toEqual([]);
  await page.getByLabel('Draft it anyway').check();
  const txt = (await exportAndFetch(page, 'text')).toString('utf8');
  expect(txt).toContain('a request under Article 15 GDPR for access to my personal data');
  expect(txt).toContain('I have not had an answer yet.');
  expect(txt).not.toMatch(/unanswered|has passed|no answer|complain/);
});

test('DE-BE case: the complaint goes to the Berlin authority in German, the language it expects; in English it names the DPC as lead and says the authority expects German', async ({ page, app }) => {
  const c = await app.api<{ id: string }>('cases.create', { title: 'AI training objection', country: 'DE', region: 'DE-BE', name: NAME, email: 'zofia@example.org' });
  await app.api('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30', ref: 'LI-2026-0042' });
  await page.goto(app.host.url + `#/cases/${c.id}`);
  await page.getByRole('region', { name: 'Letters and complaints' }).getByRole('link', { name: 'Complaint to your home data protection authority' }).click();
  // The letter opens in the language the authority expects; the screen says so, and that no native speaker has read it yet.
  const language = page.getByLabel('Letter language');
  await expect(language).toHaveValue('de');
  await expect(language.locator('option')).toHaveText(['English', 'Deutsch', 'Français']);
  await expect(page.locator('#letter-language-hint')).toContainText('Berliner Beauftragte für Datenschutz und Informationsfreiheit takes complaints in German');
  await expect(page.locator('#letter-language-hint')).toContainText('Not yet reviewed by a native speaker');
  await expect(page.locator('.letter')).toHaveAttribute('lang', 'de');
  await expect(page.locator('.letter')).toContainText('(Art. 56 Abs. 1 DSGVO)');
  await expect(page.locator('.draft-facts')).toContainText('Berliner Beauftragte für Datenschutz und Informationsfreiheit');
  await expect(page.getByRole('link', { name: 'Open the form' })).toHaveAttribute('href', 'https://www.datenschutz-berlin.de/eingabe');
  await screenshot(page, 'drafting-authority-complaint-de');

  // In English: the template's texts and the preview follow, focus stays on the choice, and a caution says what Berlin expects.
  await language.selectOption('en');
  await expect(page.getByRole('heading', { name: 'Complaint to your home data protection authority' })).toBeVisible();
  await expect(language).toHaveValue('en');
  await expect(language).toBeFocused();
  await expect(page.locator('.letter')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#letter-language-hint')).not.toContainText('Not yet reviewed');
  await expect(page.locator('.cautions')).toContainText('BlnBDI expects complaints in German.');
  await expect(page.locator('.letter')).toContainText('so the Data Protection Commission is its lead supervisory authority (Article 56(1))');
  await expectAccessible(page, 'home authority complaint');
  await screenshot(page, 'drafting-authority-complaint');
  const eml = (await exportAndFetch(page, 'eml')).toString('utf8');
  expect(eml).toMatch(/^To: mailbox@datenschutz-berlin\.de\r$/m);
  // The choice is kept with the draft.
  await page.reload();
  await expect(page.getByLabel('Letter language')).toHaveValue('en');
});

test('a reminder before the reply is due, in German: the reason and the refusal in German, dates as German writes them', async ({ page, app }) => {
  const c = await newCase(app, 'IE');
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
  await app.api('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: today, requestType: 'access' });
  await page.goto(`${app.host.url}&lang=de#/cases/${c.id}/draft/reminder`);
  await expect(page.locator('.readiness')).toContainText(
    /Noch nicht\. LinkedIn hat bis zum \d+\. \S+ \d{4} Zeit, Ihre Anfrage vom \d+\. \S+ \d{4} zu beantworten: Eine Erinnerung würde jetzt eine Verzögerung behaupten/,
  );
  await page.getByLabel('Format').selectOption('text');
  await page.getByRole('button', { name: 'Exportieren', exact: true }).click();
  await expect(page.locator('.export-box').getByRole('alert')).toContainText('Noch nicht: LinkedIn hat bis zum');
  expect(await app.api('drafting.exports', { caseId: c.id })).toEqual([]);
});

test('keyboard only: reach a template, fill the required field, export', async ({ page, app }) => {
  const c = await newCase(app, 'PL');
  await page.goto(app.host.url + `#/cases/${c.id}/draft/linkedin-objection`);
  await expect(page.getByRole('heading', { name: 'Objection to AI training (LinkedIn)' })).toBeVisible();
  await page.getByLabel('Your particular situation (required)').focus();
  await page.keyboard.type('Jestem tłumaczką.');
  // Tab on to the export button: every control on the way is reachable and none traps focus.
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByRole('button', { name: 'Export', exact: true }).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: /^Download / })).toBeVisible();
});

/** The page at a given width, whole, for a person to look at. */
async function screens(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 760, height: 900 });
  await screenshot(page, `${name}-760`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the objection opens without errors, offers starting points, refuses to copy an empty field, and records "I have sent it" with the letter as evidence', async ({ page, app }) => {
  const c = await newCase(app, 'IE');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.host.url + `#/cases/${c.id}/draft/linkedin-objection`);
  await expect(page.getByRole('heading', { name: 'Objection to AI training (LinkedIn)' })).toBeVisible();
  await expect(page.locator('.letter')).toBeVisible();
  // Not in an error state before the member touches anything, and no raw placeholder anywhere on the screen.
  await expect(page.locator('.field-error')).toHaveCount(0);
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  const explanation = page.getByLabel('Explanation (for the form\'s free-text box) (required)');
  await expect(explanation).toHaveValue(/^I object under Article 21\(1\)/);
  expect(await page.locator('main').innerText()).not.toContain('{{');
  expect(await explanation.inputValue()).not.toContain('{{');
  await expectAccessible(page, 'objection on open');
  await screens(page, 'drafting-open');

  // Copying the explanation while the situation it quotes is empty warns and copies nothing.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await page.getByRole('button', { name: 'Copy Explanation (for the form\'s free-text box)' }).click();
  await expect(page.locator('.copy-state')).toHaveText('Fill in “Your particular situation” first: nothing was copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
  const situation = page.getByLabel('Your particular situation (required)');
  await expect(situation).toBeFocused();
  await expectAccessible(page, 'copy refused');

  // A starting point goes into the box, which takes focus for editing; the explanation follows it.
  await page.getByRole('button', { name: 'Insert the starting point “I am looking for a job”' }).click();
  await expect(situation).toBeFocused();
  await expect(situation).toHaveValue(/^I am looking for work, so my profile/);
  await expect(page.locator('.copy-state')).toHaveText('');
  await page.keyboard.press('End');
  await page.keyboard.type(' I am a nurse.');
  await expect(explanation).toHaveValue(/My particular situation: I am looking for work.*I am a nurse\./s);
  await expect(page.locator('.field-error')).toHaveCount(0);
  await expectAccessible(page, 'starting point inserted');
  await screens(page, 'drafting-starter');

  // The web form checklist: each copied field is marked; after the last, "I have sent it".
  const list = page.locator('.copy-list');
  await expect(list).toContainText('First name: not yet copied');
  const web = ['First name', 'Last name', 'Email address of your LinkedIn account', 'Processing you object to', 'Explanation (for the form\'s free-text box)'];
  // Last name is optional and empty on this case: it is refused like any empty field, so give it first.
  await page.getByLabel('Last name', { exact: true }).fill('Example');
  for (const [i, label] of web.entries()) {
    await expect(page.getByRole('button', { name: 'I have sent it' })).toHaveCount(0);
    await page.getByRole('button', { name: `Copy ${label}` }).click();
    await expect(list).toContainText(`${label}: copied`);
    if (i < web.length - 1) await expect(page.locator('.copy-state')).toContainText(`${web.length - i - 1} of ${web.length} still to copy`);
  }
  await expect(page.locator('.copy-state')).toContainText('All fields copied.');
  await expect(page.getByRole('button', { name: 'Copy First name again' })).toBeVisible();
  await expect(page.locator('.web-form-box').getByRole('button', { name: 'I have sent it' })).toBeVisible();
  await expectAccessible(page, 'all fields copied');
  await screens(page, 'drafting-copied');

  // Export the archive PDF: its size is shown; then "I have sent it" with date, channel and reference.
  await page.getByLabel('Format').selectOption('pdf');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.locator('.export-result')).toContainText(/Exported \(\d+ pages?, 0 exhibits\), \d+ kB:/);
  await page.locator('.export-box').getByRole('button', { name: 'I have sent it' }).click();
  const form = page.getByRole('region', { name: 'I have sent it' });
  await expect(page.getByRole('heading', { name: 'I have sent it' })).toBeFocused();
  await expect(form.getByLabel('Sent by')).toHaveValue('webform');
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
  await expect(form.getByLabel('Date sent')).toHaveValue(today);
  await form.getByLabel('Case or reference number they gave you (optional)').fill('LI-CASE-260430');
  await expectAccessible(page, 'sent form');
  await screens(page, 'drafting-sent-form');
  await form.getByRole('button', { name: 'Record it as sent' }).click();
  const done = page.getByRole('region', { name: 'Recorded as sent' });
  await expect(done).toContainText('“Request sent” on');
  await expect(done).toContainText('(reference LI-CASE-260430)');
  await expect(done).toContainText('“Objection as sent,');
  // Recorded once: neither the checklist nor the export offers it again.
  await expect(page.getByRole('button', { name: 'I have sent it' })).toHaveCount(0);
  await expectAccessible(page, 'recorded as sent');
  await screens(page, 'drafting-sent-done');

  const items = await app.api<{ id: string; kind: string; title: string; sha256: string }[]>('evidence.list', { caseId: c.id });
  const exportsList = await app.api<{ sha256: string }[]>('drafting.exports', { caseId: c.id });
  expect(items).toEqual([expect.objectContaining({ kind: 'document', title: expect.stringMatching(/^Objection as sent, /), sha256: exportsList[0].sha256 })]);
  const t = await app.api<{ events: { type: string; ref: string; evidenceIds: string[] }[] }>('tracking.get', { caseId: c.id });
  expect(t.events).toEqual([expect.objectContaining({ type: 'request_sent', ref: 'LI-CASE-260430', evidenceIds: [items[0].id] })]);

  await done.getByRole('link', { name: 'Back to the case' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline and deadlines' });
  await expect(timeline).toContainText('Request sent');
  await expect(timeline).toContainText('Ref LI-CASE-260430');
});

test('a web form sent without an export: the fields as copied are kept as evidence', async ({ page, app }) => {
  const c = await newCase(app, 'DE');
  await app.api('drafting.save', { caseId: c.id, templateId: 'linkedin-objection', values: { situation: 'Meine Beiträge sind meine Arbeit.', last_name: 'Example' } });
  await page.goto(app.host.url + `#/cases/${c.id}/draft/linkedin-objection`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  for (const label of ['First name', 'Last name', 'Email address of your LinkedIn account', 'Processing you object to', 'Explanation (for the form\'s free-text box)']) {
    await page.getByRole('button', { name: `Copy ${label}` }).click();
    await expect(page.locator('.copy-list')).toContainText(`${label}: copied`);
  }
  await page.locator('.web-form-box').getByRole('button', { name: 'I have sent it' }).click();
  await page.getByRole('region', { name: 'I have sent it' }).getByRole('button', { name: 'Record it as sent' }).click();
  await expect(page.getByRole('region', { name: 'Recorded as sent' })).toContainText('“Objection as sent through the web form,');
  const items = await app.api<{ title: string; mime: string }[]>('evidence.list', { caseId: c.id });
  expect(items).toEqual([expect.objectContaining({ mime: 'text/plain', title: expect.stringMatching(/^Objection as sent through the web form, /) })]);
});

test('DPC complaint: the upload hint names the DPC, never the ICO; the ICO complaint names the ICO', async ({ page, app }) => {
  const c = await newCase(app, 'DE');
  await app.api('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30', ref: 'LI-2026-0042' });
  await page.goto(app.host.url + `#/cases/${c.id}/draft/dpc-complaint`);
  await expect(page.getByRole('heading', { name: 'Complaint to the Data Protection Commission (Ireland)' })).toBeVisible();
  await page.getByLabel('Format').selectOption('pdf');
  await page.getByRole('radio', { name: /^upload/i }).check();
  const hint = page.locator('#budget-hint');
  await expect(hint).toContainText('Data Protection Commission');
  await expect(hint).not.toContainText('ICO');
  await expectAccessible(page, 'dpc upload hint');
  await screens(page, 'drafting-dpc-upload');

  const gb = await newCase(app, 'GB');
  await page.goto(app.host.url + `#/cases/${gb.id}/draft/ico-complaint`);
  await page.getByLabel('Format').selectOption('pdf');
  await page.getByRole('radio', { name: /^upload/i }).check();
  await expect(page.locator('#budget-hint')).toContainText('Information Commissioner');
  await expect(page.locator('#budget-hint')).toContainText('3 MB');
});

/** The app's own words on the drafting screen in one language; the template's texts and the letter stay as they are. */
const IN = {
  de: {
    fill: 'Ausfüllen',
    back: 'Zurück zum Fall',
    language: 'Sprache des Schreibens',
    webForm: 'Über das Webformular senden',
    notCopied: 'First name: noch nicht kopiert',
    counter: '0 / 2.000 Zeichen',
    copyExplanation: "Explanation (for the form's free-text box) kopieren",
    refused: 'Füllen Sie zuerst „Your particular situation“ aus: Es wurde nichts kopiert.',
    problem: '„Your particular situation“ ist ein Pflichtfeld.',
    situation: 'Your particular situation (Pflichtfeld)',
    typed: '43 / 2.000 Zeichen',
    format: 'Format',
    export: 'Exportieren',
    exported: /Exportiert \(\d+ Seiten?, 0 Anlagen\), \d+ kB:/,
    download: /herunterladen$/,
    sent: 'Ich habe es abgeschickt',
    sentBy: 'Gesendet per',
    record: 'Als gesendet festhalten',
  },
  fr: {
    fill: 'À remplir',
    back: 'Retour au dossier',
    language: 'Langue du courrier',
    webForm: 'L’envoyer par le formulaire en ligne',
    notCopied: 'First name\u00a0: pas encore copié',
    counter: '0 / 2\u202f000 caractères',
    copyExplanation: "Copier Explanation (for the form's free-text box)",
    refused: 'Remplissez d’abord «\u00a0Your particular situation\u00a0»\u00a0: rien n’a été copié.',
    problem: '«\u00a0Your particular situation\u00a0» est obligatoire.',
    situation: 'Your particular situation (obligatoire)',
    typed: '43 / 2\u202f000 caractères',
    format: 'Format',
    export: 'Exporter',
    exported: /Exporté \(\d+ pages?, 0 pièce\), \d+ ko\u00a0:/,
    download: /^Télécharger /,
    sent: 'Je l’ai envoyé',
    sentBy: 'Envoyé par',
    record: 'L’enregistrer comme envoyé',
  },
} as const;

for (const lang of ['de', 'fr'] as const) {
  test(`the objection in ${lang === 'de' ? 'German' : 'French'}: the app's words from the catalog, the letter in its own language, nothing clipped`, async ({ page, app }) => {
    const w = IN[lang];
    const c = await newCase(app, lang === 'de' ? 'DE' : 'FR');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${app.host.url}&lang=${lang}#/cases/${c.id}/draft/objection`);
    await expect(page.getByRole('heading', { name: w.fill, exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('link', { name: w.back })).toBeVisible();
    // The letter and its subject are in the letter's language, marked so no translation tool rewrites them.
    await expect(page.getByLabel(w.language)).toHaveValue('en');
    await expect(page.getByLabel(w.language).locator('option', { hasText: 'English' })).toHaveCount(1);
    await expect(page.locator('.letter')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.letter')).toHaveAttribute('translate', 'no');
    await expect(page.getByRole('heading', { name: w.webForm })).toBeVisible();
    await expect(page.locator('.copy-list')).toContainText(w.notCopied);
    await expect(page.getByText(w.counter)).toBeVisible();
    await expect(page.getByRole('heading', { name: w.export, exact: true })).toBeVisible();
    await expectAccessible(page, `objection (${lang})`);
    await screens(page, `drafting-${lang}-open`);

    // A refused copy names the empty field, quoted as the language quotes.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: w.copyExplanation }).click();
    await expect(page.locator('.copy-state')).toHaveText(w.refused);
    // The field the export still needs, named in the language shown (its label is the letter's).
    await expect(page.locator('.export-box .problems')).toContainText(w.problem);
    await page.getByLabel(w.situation).fill('I write for a living; my posts are my work.');
    await expect(page.getByText(w.typed)).toBeVisible();

    // Export, then "I have sent it": counts, sizes and the sent form in the language shown.
    await page.getByLabel(w.format).selectOption('pdf');
    await page.getByRole('button', { name: w.export, exact: true }).click();
    await expect(page.locator('.export-result')).toContainText(w.exported);
    await expect(page.locator('.export-result').getByRole('link', { name: w.download })).toBeVisible();
    await page.locator('.export-box').getByRole('button', { name: w.sent }).click();
    const form = page.getByRole('region', { name: w.sent });
    await expect(form.getByLabel(w.sentBy)).toHaveValue('webform');
    await expect(form.getByRole('button', { name: w.record })).toBeVisible();
    await expectAccessible(page, `sent form (${lang})`);
    await screens(page, `drafting-${lang}-sent-form`);
    // Nothing wider than the window at either width (long German words wrap or shrink, they do not overflow).
    for (const width of [1280, 760]) {
      await page.setViewportSize({ width, height: 900 });
      const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(over, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
    }
  });
}
