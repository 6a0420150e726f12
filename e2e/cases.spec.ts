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
  // Germany: the Land decides the authority, so the form asks for it and says why when it is missing.
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByText('Choose the Land where you live: each Land has its own data-protection authority for companies.')).toBeVisible();
  await expect(page.getByLabel('Land (state) where you live')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'new case without a Land');
  await screenshot(page, 'new-case-land-missing');
  await page.getByLabel('Land (state) where you live').selectOption('DE-BY');
  await page.getByRole('button', { name: 'Create case' }).click();

  await expect(page.getByRole('heading', { name: 'LinkedIn AI training objection' })).toBeVisible();
  // Keyboard and screen-reader users land on the new case's heading, not at the top of the document.
  await expect(page.getByRole('heading', { level: 1, name: 'LinkedIn AI training objection' })).toBeFocused();
  await expect(page.getByText('Zofia Łukasiewicz-Παπαδοπούλου')).toBeVisible();
  await expectAccessible(page, 'case page');
  await screenshot(page, 'case-page');

  await page.getByLabel('Status', { exact: true }).selectOption('request_sent');
  await page.getByRole('button', { name: 'Save status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status saved' })).toHaveText('Status saved: Request sent.');

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
  // Tab on to a field, past optional ones in between (the name in two parts), never more than `max` presses.
  const tabTo = async (label: string, max = 4) => {
    const field = page.getByLabel(label, { exact: true });
    for (let i = 0; i < max && !(await field.evaluate((f) => f === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(field).toBeFocused();
  };
  await tabTo('Email of your account');
  await page.keyboard.type('kare@example.org');
  await tabTo('Country where you live', 1);
  await page.getByLabel('Country where you live').selectOption('NO');
  // Next come the callout's links (the authorities' complaint pages, the notes on unconfirmed facts), then the button.
  const create = page.getByRole('button', { name: 'Create case' });
  const callout = page.getByRole('complementary', { name: 'What applies to you' });
  await expect(callout).toContainText('Datatilsynet (NO)');
  for (let i = 0; i < 12 && !(await create.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
    if (!(await create.evaluate((b) => b === document.activeElement))) expect(await callout.evaluate((c) => c.contains(document.activeElement))).toBe(true);
  }
  await expect(create).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Keyboard case' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard case' })).toBeFocused();
  await expect(page.getByText('Kāre Øster')).toBeVisible();
});

test('a German member: the form asks for the Land, names its authority and the DPC, and the Land can be changed later', async ({ page, app }) => {
  await page.getByRole('link', { name: 'Start a case' }).click();
  await page.getByLabel('Your full name').fill('Jonas Weber');
  await page.getByLabel('Email of your account').fill('jonas@example.org');
  await page.getByLabel('Country where you live').selectOption('DE');
  const callout = page.getByRole('complementary', { name: 'What applies to you' });
  await expect(callout).toContainText('Choose the Land where you live to see it.');
  await expect(callout).toContainText('Data Protection Commission (DPC)');
  await expect(callout).not.toContainText('Hamburg');

  // The state picker is a labelled select, reached and changed with the keyboard.
  await page.getByLabel('Country where you live').focus();
  await page.keyboard.press('Tab');
  const land = page.getByLabel('Land (state) where you live');
  await expect(land).toBeFocused();
  await land.selectOption('DE-BY');
  await expect(callout.getByRole('heading')).toHaveText('What applies in Germany, Bayern (Bavaria)');
  await expect(callout).toContainText('Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)');
  await expect(callout).toContainText('Promenade 18, 91522 Ansbach, Germany');
  await expect(callout).toContainText('Expects complaints in German: Redress drafts the complaint to it in German.');
  await expect(callout.getByRole('link', { name: 'BayLDA complaint page' })).toHaveAttribute('href', /^https:\/\/www\.lda\.bayern\.de\//);
  await expect(callout).toContainText('Lead authority for LinkedIn Ireland');
  await expectAccessible(page, 'new case with a Land');
  await screenshot(page, 'new-case-germany-bavaria');

  // Choosing another country clears the Land; the US asks for a state instead.
  await page.getByLabel('Country where you live').selectOption('US');
  await expect(page.getByLabel('State where you live')).toHaveValue('');
  await page.getByLabel('State where you live').selectOption('US-CA');
  await expect(callout).toContainText('California Privacy Protection Agency (CalPrivacy)');
  await page.getByLabel('State where you live').selectOption('US-TX');
  await expect(callout).toContainText('Redress knows of no authority that takes privacy complaints from members in Texas');
  await expectAccessible(page, 'new case in Texas');
  await screenshot(page, 'new-case-texas');

  await page.getByLabel('Country where you live').selectOption('DE');
  await page.getByLabel('Land (state) where you live').selectOption('DE-BE');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'LinkedIn AI training objection' })).toBeVisible();
  const panel = page.getByRole('complementary', { name: 'What applies to you' });
  await expect(panel).toContainText('Berliner Beauftragte für Datenschutz und Informationsfreiheit (BlnBDI)');
  // Facts the data could not confirm are shown as such, with the source that was tried.
  await expect(panel.locator('details.unverified summary').first()).toContainText('Not confirmed from the source');
  await panel.locator('details.unverified summary').first().click();
  await expect(panel.locator('details.unverified li').first()).toContainText('Datenanfragen community dataset');
  await expectAccessible(page, 'German case page');
  await screenshot(page, 'case-page-germany-berlin');

  // Moved to Hamburg: set the Land on the case page.
  await panel.getByLabel('Land where you live').selectOption('DE-HH');
  await panel.getByRole('button', { name: 'Save state' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved: Hamburg.');
  await expect(panel).toContainText('Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit (HmbBfDI)');
  const cases = await app.api<{ region: string }[]>('cases.list', {});
  expect(cases.map((c) => c.region)).toEqual(['DE-HH']);
});

/** A date `days` before today, as the API takes it. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test('the dashboard: whole status pills at 900 and 760 px, the banner and the header count alike, email search, Clear filters', async ({ page, app }) => {
  type Made = { id: string };
  const make = (title: string, name: string, email: string, country = 'IE') => app.api<Made>('cases.create', { title, name, email, country });
  const late = await make('Objection, no reply', 'Maria Müller', 'maria@example.org');
  await app.api('tracking.addEvent', { caseId: late.id, type: 'request_sent', on: daysAgo(60) });
  const soon = await make('Objection, reply due soon', 'Aoife Byrne', 'aoife.byrne@example.ie');
  await app.api('tracking.addEvent', { caseId: soon.id, type: 'request_sent', on: daysAgo(27) });
  const waiting = await make('Awaiting their answer', 'Tom Baker', 'tom@example.co.uk', 'GB');
  await app.api('cases.setStatus', { id: waiting.id, status: 'awaiting_response' });
  const received = await make('They answered', 'Priya Shah', 'priya@example.com');
  await app.api('cases.setStatus', { id: received.id, status: 'response_received' });
  const filed = await make('Complaint to the DPC', 'Jonas Weber', 'jonas@example.de');
  await app.api('cases.setStatus', { id: filed.id, status: 'complaint_filed' });
  await page.reload();

  const header = page.locator('.dashboard-head [role="status"]');
  const banner = page.getByRole('complementary', { name: /deadline/ });
  await expect(header).toContainText('5 cases in all');
  await expect(banner).toBeVisible();
  // One count behind both: the same numbers, and each says which window it counts in.
  const counts = async () => ({
    header: [await header.getAttribute('data-late'), await header.getAttribute('data-soon')],
    banner: [await banner.locator('.reminder-counts').getAttribute('data-late'), await banner.locator('.reminder-counts').getAttribute('data-soon')],
  });
  const c = await counts();
  expect(c.header).toEqual(c.banner);
  expect(Number(c.header[0])).toBeGreaterThanOrEqual(1);
  for (const where of [header, banner]) {
    await expect(where).toContainText(`${c.header[0]} overdue`);
    await expect(where).toContainText(`${c.header[1]} coming up in the next 7 days`);
  }
  await expectAccessible(page, 'dashboard with reminders');
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'dashboard-1280');

  // No pill is cut, at any width: its text fits its box and its box fits its cell.
  for (const width of [1280, 900, 760]) {
    await page.setViewportSize({ width, height: 800 });
    const pills = page.locator('.case-scroller td .status');
    await expect(pills).toHaveCount(5);
    const cut = await pills.evaluateAll((els) =>
      els
        .map((el) => {
          const cell = el.closest('td')!.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          const fits = el.scrollWidth <= el.clientWidth && box.right <= cell.right + 0.5 && box.bottom <= cell.bottom + 0.5;
          return fits ? null : `${el.textContent} (${el.scrollWidth} > ${el.clientWidth} or past its cell)`;
        })
        .filter(Boolean),
    );
    expect(cut, `at ${width} px`).toEqual([]);
    await expect(page.getByRole('row', { name: /Awaiting their answer/ })).toContainText('Awaiting response');
    if (width !== 1280) await screenshot(page, `dashboard-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // Search covers the member's email.
  const search = page.getByLabel('Search');
  await search.fill('aoife.byrne@example');
  await expect(page.locator('table.cases tbody tr[aria-rowindex]')).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Objection, reply due soon/ })).toBeVisible();
  await expect(header).toContainText('1 matching');
  // The header's counts stay the banner's while the filters narrow the list.
  expect((await counts()).header).toEqual(c.banner);

  // Nothing matches: say so, and one button clears every filter and puts the focus back on the search.
  await page.getByLabel('Country').selectOption('GB');
  await expect(page.getByText('No cases match these filters.')).toBeVisible();
  const clear = page.getByRole('button', { name: 'Clear filters' });
  await expect(clear).toHaveCount(1);
  await expectAccessible(page, 'dashboard, nothing matches');
  await screenshot(page, 'dashboard-no-match');
  await clear.click();
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await expect(page.getByLabel('Country')).toHaveValue('');
  await expect(header).toContainText('5 cases in all');
  await expect(page.locator('table.cases tbody tr[aria-rowindex]')).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
});

/**
 * Boxes on the page whose text does not fit them (a button, a pill, a heading cut or spilling over), and anything that
 * reaches past the window: German and French words are longer than English ones. The case table scrolls inside its own
 * region, so only its pills are checked for fit there.
 */
async function clipped(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    const boxes = 'button, a.button, .status, .badge, h1, h2, h3, th, label, legend, dt, .case-step, .step-name, .step-state, .summary, nav a, nav button';
    for (const el of document.querySelectorAll<HTMLElement>(boxes)) {
      if (!el.getClientRects().length) continue;
      const r = el.getBoundingClientRect();
      const inTable = !!el.closest('.case-scroller');
      const name = `${el.tagName.toLowerCase()}.${el.className || '-'} "${(el.textContent ?? '').trim().slice(0, 50)}"`;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') out.push(`${name} is cut (${el.scrollWidth} > ${el.clientWidth})`);
      else if (!inTable && r.right > width + 0.5) out.push(`${name} reaches past the window (${Math.round(r.right)} > ${width})`);
    }
    return out;
  });
}

for (const lang of ['de', 'fr'] as const) {
  const words = {
    de: {
      cases: 'Fälle',
      csv: 'Liste als CSV exportieren',
      newCase: 'Neuer Fall',
      create: 'Fall anlegen',
      country: 'Land, in dem Sie leben',
      applies: 'Was in Deutschland, Bayern (Bavaria) gilt',
      landMissing: 'Wählen Sie das Bundesland, in dem Sie leben: Jedes Land hat eine eigene Datenschutzaufsichtsbehörde für Unternehmen.',
      owner: 'Dieser Fall',
      saveStatus: 'Status speichern',
      edit: 'Fall bearbeiten',
      nextStep: 'Nächster Schritt',
      awaiting: 'Antwort ausstehend',
      overdue: 'Überfällig',
    },
    fr: {
      cases: 'Dossiers',
      csv: 'Exporter la liste en CSV',
      newCase: 'Nouveau dossier',
      create: 'Créer le dossier',
      country: 'Pays où vous vivez',
      applies: 'Ce qui s’applique : Allemagne, Bayern (Bavaria)',
      landMissing: 'Choisissez le Land où vous vivez : chaque Land a sa propre autorité de protection des données pour les entreprises.',
      owner: 'Ce dossier',
      saveStatus: 'Enregistrer le statut',
      edit: 'Modifier le dossier',
      nextStep: 'Prochaine étape',
      awaiting: 'Réponse attendue',
      overdue: 'En retard',
    },
  }[lang];

  test(`the dashboard, the new-case form and a case page in ${lang === 'de' ? 'German' : 'French'}`, async ({ page, app }) => {
    type Made = { id: string };
    const late = await app.api<Made>('cases.create', { title: 'Objection, no reply', name: 'Maria Müller', email: 'maria@example.org', country: 'IE' });
    await app.api('tracking.addEvent', { caseId: late.id, type: 'request_sent', on: daysAgo(60) });
    const waiting = await app.api<Made>('cases.create', { title: 'Awaiting their answer', name: 'Tom Baker', email: 'tom@example.co.uk', country: 'GB' });
    await app.api('cases.setStatus', { id: waiting.id, status: 'awaiting_response' });
    const german = await app.api<Made>('cases.create', { title: 'LinkedIn in Bayern', name: 'Jonas Weber', email: 'jonas@example.de', country: 'DE', region: 'DE-BY' });
    const url = (hash = '') => `${app.host.url}&lang=${lang}${hash}`;

    // The dashboard.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url());
    await expect(page.getByRole('heading', { level: 1, name: words.cases })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('button', { name: words.csv })).toBeVisible();
    await expect(page.getByRole('row', { name: /Awaiting their answer/ })).toContainText(words.awaiting);
    await expect(page.getByRole('row', { name: /Objection, no reply/ })).toContainText(words.overdue);
    // The reminder banner is the tracking screens' (their own specs check it); this test looks at the dashboard.
    await page.locator('aside.reminder-banner button').last().click();
    await expect(page.locator('aside.reminder-banner')).toHaveCount(0);
    await expectAccessible(page, `dashboard ${lang}`);
    expect.soft(await clipped(page), `dashboard ${lang} at 1280`).toEqual([]);
    await screenshot(page, `cases-${lang}-dashboard-1280`);
    await page.setViewportSize({ width: 760, height: 800 });
    expect.soft(await clipped(page), `dashboard ${lang} at 760`).toEqual([]);
    await screenshot(page, `cases-${lang}-dashboard-760`);

    // The new-case form: a German member without a Land is asked for it, in the language shown.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('link', { name: words.newCase }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: words.newCase })).toBeVisible();
    await page.getByLabel(words.country).selectOption('DE');
    await page.getByRole('button', { name: words.create }).click();
    await expect(page.locator('#field-region-error')).toContainText(words.landMissing);
    await page.locator('#field-region').selectOption('DE-BY');
    const callout = page.locator('aside.jurisdiction');
    await expect(callout.getByRole('heading')).toHaveText(words.applies);
    await expectAccessible(page, `new case ${lang}`);
    expect.soft(await clipped(page), `new case ${lang} at 1280`).toEqual([]);
    await screenshot(page, `cases-${lang}-new-1280`);
    await page.setViewportSize({ width: 760, height: 800 });
    expect.soft(await clipped(page), `new case ${lang} at 760`).toEqual([]);
    await screenshot(page, `cases-${lang}-new-760`);

    // A case page, its details open.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url(`#/cases/${german.id}`));
    await expect(page.getByRole('heading', { level: 1, name: 'LinkedIn in Bayern' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: words.owner })).toBeVisible();
    await expect(page.getByRole('button', { name: words.saveStatus })).toBeVisible();
    await expect(page.getByRole('button', { name: words.edit })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('button', { name: words.nextStep })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectAccessible(page, `case page ${lang}`);
    expect.soft(await clipped(page), `case page ${lang} at 1280`).toEqual([]);
    await screenshot(page, `cases-${lang}-case-1280`);
    await page.setViewportSize({ width: 760, height: 800 });
    expect.soft(await clipped(page), `case page ${lang} at 760`).toEqual([]);
    await screenshot(page, `cases-${lang}-case-760`);
  });
}
