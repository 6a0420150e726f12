import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './support/host';

// The test's own policy page, served from 127.0.0.1: the watch never reaches the internet in these tests.
const page = (extra: string[] = []) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Example privacy policy</title></head>
<body>
<nav><a href="/">Home</a> <a href="/help">Help</a></nav>
<div class="cookie-banner">We use cookies. Accept?</div>
<main>
<h1>Privacy policy</h1>
<p>We collect the information you give us when you create an account. We use it to run the service and to keep it safe.</p>
<p>You can ask for a copy of your data at any time. We answer within one month.</p>
${extra.map((s) => `<p>${s}</p>`).join('\n')}
</main>
<footer>© 2026 Example Ltd</footer>
</body></html>`;

const AI_SENTENCE = 'We use your posts to train generative artificial intelligence models.';
const AI_SENTENCE_2 = 'Our partners may also use your profile to improve their machine learning systems.';

/** Every button on the page has its own accessible name (two "Add to a case" buttons say which change each adds). */
async function expectDistinctButtonNames(tab: Page) {
  const names = await tab.getByRole('button').evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim()));
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  expect(twice).toEqual([]);
}

interface Fixture {
  url: string;
  set(body: string, status?: number): void;
  close(): Promise<void>;
}

async function startPolicyServer(): Promise<Fixture> {
  let body = page();
  let status = 200;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/policy') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(status, { 'content-type': status === 200 ? 'text/html; charset=utf-8' : 'text/plain' }).end(status === 200 ? body : 'Forbidden');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}/policy`,
    set(b, s = 200) {
      body = b;
      status = s;
    },
    close: () =>
      closed
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            closed = true;
            server.closeAllConnections();
            server.close(() => resolve());
          }),
  };
}

test('turn the watch on, watch a page, see an AI-related change, the banner, start a case from it, and see failures with their reason', async ({ page: tab, app }) => {
  const fixture = await startPolicyServer();
  const pageErrors: string[] = [];
  tab.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    await tab.setViewportSize({ width: 1280, height: 800 });
    await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Watch' }).click();
    await expect(tab.getByRole('heading', { level: 1, name: 'Policy watch' })).toBeVisible();

    // Off until the user turns it on; the screen says what would be fetched and how.
    const state = tab.getByRole('region', { name: 'The watch is off' });
    await expect(state).toContainText('Nothing is fetched while the watch is off');
    await expect(state).toContainText('no cookies, no login, no account data');
    await expect(state).toContainText('one request per document per run');
    await expect(state.getByRole('button', { name: 'Check now' })).toHaveCount(0);
    await expectAccessible(tab, 'watch off');
    await screenshot(tab, 'watch-off');

    // Watch a page by its address: focus moves to the new document.
    const form = tab.getByRole('form', { name: 'Watch a page' });
    await form.getByLabel('Page address').fill('ftp://example.org/x');
    await form.getByRole('button', { name: 'Watch this page' }).click();
    await expect(form.getByText('Only http and https pages can be watched')).toBeVisible();
    await form.getByLabel('Page address').fill(fixture.url);
    await form.getByRole('button', { name: 'Watch this page' }).click();
    const docHeading = tab.getByRole('heading', { level: 3, name: fixture.url });
    await expect(docHeading).toBeFocused();
    const doc = tab.getByRole('article', { name: fixture.url });
    await expect(doc).toContainText('Not checked yet');
    // The off state now names the document it would fetch.
    await expect(tab.getByRole('region', { name: 'The watch is off' })).toContainText(fixture.url);

    await tab.getByLabel('How often to look').selectOption('12');
    await tab.getByRole('button', { name: 'Turn the watch on' }).click();
    const on = tab.getByRole('region', { name: 'The watch is on' });
    await expect(on).toContainText('every 12 hours');
    await expect(tab.getByRole('heading', { level: 2, name: 'The watch is on' })).toBeFocused();
    expect(await app.api<{ enabled: boolean; everyHours: number }>('watch.settings.get', {})).toMatchObject({ enabled: true, everyHours: 12 });

    // First check: the baseline.
    await on.getByRole('button', { name: 'Check now' }).click();
    await expect(tab.locator('#watch-result')).toHaveText('1 document checked: 1 first version recorded.');
    await expect(tab.locator('#watch-result')).toBeFocused();
    await expect(doc).toContainText('First version recorded');
    await expect(doc).toContainText('No change since the first version was recorded');
    await expectAccessible(tab, 'watch on, baseline');

    // The page gains a sentence about AI training: a change, its sentence marked AI-related in words, not colour only.
    fixture.set(page([AI_SENTENCE]));
    await on.getByRole('button', { name: 'Check now' }).click();
    await expect(tab.locator('#watch-result')).toHaveText('1 document checked: 1 changed (AI-related).');
    const change = doc.getByRole('listitem').filter({ has: tab.getByRole('heading', { level: 5, name: /^Change of/ }) });
    await expect(change).toHaveCount(1);
    const added = change.getByRole('list', { name: 'Added (1)' }).getByRole('listitem');
    await expect(added).toHaveText(`AI-related${AI_SENTENCE}`);
    await expect(added.locator('.ai-label')).toBeVisible();
    await expect(doc.locator('.outcome')).toHaveText('Changed, AI-related');
    await expect(change).toContainText('1 sentence added, 0 sentences removed, compared with the text fetched');
    // Shown here, so marked seen: no banner waits for it.
    await expect.poll(async () => (await app.api<{ unseen: unknown[] }>('watch.status', {})).unseen.length).toBe(0);
    await expectAccessible(tab, 'watch change');
    await screenshot(tab, 'watch-change');
    await tab.setViewportSize({ width: 760, height: 800 });
    await screenshot(tab, 'watch-change-760');
    await tab.setViewportSize({ width: 1280, height: 800 });

    // A change found while the user is elsewhere: the banner on the case list leads to it.
    fixture.set(page([AI_SENTENCE, AI_SENTENCE_2]));
    await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await app.api('watch.run', { force: true });
    await tab.reload();
    const banner = tab.getByRole('complementary', { name: 'Policy watch' });
    await expect(banner).toContainText('The watch found 1 AI-related policy change');
    await expectAccessible(tab, 'case list with watch banner');
    await screenshot(tab, 'watch-banner');
    await banner.getByRole('link', { name: 'Review it' }).click();
    await expect(tab).toHaveURL(/#\/watch$/);
    await expect(banner).toHaveCount(0);
    const changes = doc.locator('.watch-change');
    await expect(changes).toHaveCount(2);
    await expectDistinctButtonNames(tab);
    // Newest first, labelled new.
    await expect(changes.first().locator('.badge-new')).toHaveText('New');
    await expect(changes.first().getByRole('list', { name: 'Added (1)' })).toContainText(AI_SENTENCE_2);
    await expect.poll(async () => (await app.api<{ unseen: unknown[] }>('watch.status', {})).unseen.length).toBe(0);

    // Start a case from the newest change: the case page opens with the three evidence items.
    const start = changes.first().getByRole('button', { name: /^Start a case from the http\S+ change of .+/ });
    // Escape closes the form and gives focus back to the button.
    await start.click();
    await tab.keyboard.press('Escape');
    await expect(start).toBeFocused();
    await expect(start).toHaveAttribute('aria-expanded', 'false');
    await start.click();
    await expect(start).toHaveAttribute('aria-expanded', 'true');
    const caseForm = tab.getByRole('form', { name: /^Start a case from the http\S+ change of/ });
    await expect(caseForm).toBeFocused();
    await expect(caseForm.getByLabel('Title')).toHaveValue(/^http.+: change of /);
    await caseForm.getByRole('button', { name: 'Start the case' }).click();
    await expect(caseForm.getByText('Name is required', { exact: false }).or(caseForm.locator('.field-error').first())).toBeVisible();
    await caseForm.getByLabel('Your full name').fill('Aoife Byrne');
    await caseForm.getByLabel('Email of your account').fill('aoife@example.org');
    await caseForm.getByLabel('Country where you live').selectOption('IE');
    await expectAccessible(tab, 'start a case form');
    await caseForm.scrollIntoViewIfNeeded();
    await screenshot(tab, 'watch-start-case');
    await caseForm.getByRole('button', { name: 'Start the case' }).click();
    await expect(tab).toHaveURL(/#\/cases\/case_[A-Za-z0-9]+$/);
    const caseId = decodeURIComponent(new URL(tab.url()).hash.split('/')[2]);
    await expect(tab.getByRole('heading', { level: 1 })).toContainText('change of');
    await expect(tab.locator('#case-title')).toBeFocused();
    // The earlier text, the new text, the changes between them, and (where kept) each version's page and screenshot.
    const evidence = await app.api<{ title: string }[]>('evidence.list', { caseId });
    expect(evidence.length).toBeGreaterThanOrEqual(3);
    expect(evidence.map((e) => e.title)).toContainEqual(expect.stringMatching(/^Changes between/));

    // Add the older change to that case from the Watch screen: a link leads to the case afterwards.
    await tab.goto(`${app.host.url}#/watch`);
    const older = doc.locator('.watch-change').nth(1);
    await older.getByRole('button', { name: /^Add the http\S+ change of .+ to a case$/ }).click();
    const addPanel = tab.getByRole('group', { name: /^Add the http\S+ change of/ });
    await expect(addPanel).toBeFocused();
    await addPanel.getByLabel('Case').selectOption(caseId);
    await addPanel.getByRole('button', { name: 'Add to this case' }).click();
    await expect(addPanel.getByRole('status')).toContainText(/as \d+ evidence items?\./);
    await expect(addPanel.getByRole('link', { name: 'Open the case and its evidence' })).toHaveAttribute('href', `#/cases/${caseId}`);
    expect((await app.api<unknown[]>('evidence.list', { caseId })).length).toBeGreaterThan(evidence.length);

    // Another run (the schedule, `redress watch run` from cron) holds the page right now: "Check now" leaves it to
    // that run and says so, instead of "nothing to check"; the card says it is being checked.
    const held = app.core.ctx.db
      .prepare("UPDATE watch_documents SET claimed_until = ?, claimed_by = 'wr_cron' WHERE url = ?")
      .run(new Date(Date.now() + 10 * 60_000).toISOString(), fixture.url);
    expect(held.changes).toBe(1);
    await on.getByRole('button', { name: 'Check now' }).click();
    await expect(tab.locator('#watch-result')).toContainText('1 document was left to another run that is checking it right now');
    await expect(tab.locator('#watch-result')).not.toContainText('Nothing to check');
    await expect(doc).toContainText('Being checked right now');
    await expectAccessible(tab, 'watch left to another run');
    await screenshot(tab, 'watch-left-to-other-run');
    app.core.ctx.db.prepare('UPDATE watch_documents SET claimed_until = NULL, claimed_by = NULL WHERE url = ?').run(fixture.url);

    // The site refuses: a failure with its reason, never "no change".
    fixture.set(page([AI_SENTENCE, AI_SENTENCE_2]), 403);
    await on.getByRole('button', { name: 'Check now' }).click();
    await expect(tab.locator('#watch-result')).toContainText('1 document checked: 1 failed.');
    await expect(tab.locator('#watch-result')).toContainText('HTTP 403 Forbidden');
    await expect(doc.locator('.outcome')).toHaveText(/^Failed: the site refused the request \(HTTP 403 Forbidden\)/);
    await expectAccessible(tab, 'watch failed 403');

    // The server is gone: the reason says nothing answered.
    await fixture.close();
    await on.getByRole('button', { name: 'Check now' }).click();
    await expect(tab.locator('#watch-result')).toContainText('1 failed');
    await expect(doc.locator('.outcome')).toHaveText(/^Failed: could not connect/);
    await expect(doc).not.toContainText('No change');
    await expectAccessible(tab, 'watch failed offline');
    await screenshot(tab, 'watch-failed');
    await tab.setViewportSize({ width: 760, height: 800 });
    await screenshot(tab, 'watch-failed-760');
    expect(pageErrors).toEqual([]);
  } finally {
    await fixture.close();
  }
});

test("watch a platform's policies without fetching them, check my switches, stop watching with a confirmation a second Enter does not pass", async ({ page: tab, app }) => {
  await tab.setViewportSize({ width: 1280, height: 800 });
  await app.api('cases.create', { title: 'My LinkedIn case', country: 'IE', name: 'Aoife Byrne', email: 'aoife@example.org' });
  await tab.goto(`${app.host.url}#/watch`);

  // Check my switches: the platform of the case, never captured, so due, with a way to the case.
  const switches = tab.getByRole('region', { name: 'Check my switches' });
  const row = switches.getByRole('row', { name: /LinkedIn/ });
  await expect(row).toContainText('Never captured');
  await expect(row).toContainText('Due: capture again');
  await expect(row.getByRole('link', { name: 'Capture the LinkedIn switch' })).toHaveAttribute('href', /#\/cases\/case_/);

  // A platform's policies: the form says which documents before adding them; nothing is fetched (the watch is off).
  const form = tab.getByRole('form', { name: /^Watch a platform.s policies$/ });
  await form.getByLabel('Platform').selectOption('linkedin');
  await expect(form).toContainText('Redress will watch:');
  await form.getByRole('button', { name: "Watch LinkedIn's policies" }).click();
  await expect(form.getByRole('status')).toContainText('Now watching');
  await expect(tab.locator('h3:focus')).toHaveText(/^LinkedIn /);
  const docs = await app.api<{ id: string; name: string; lastCheckedAt: string | null }[]>('watch.list', {});
  expect(docs.length).toBeGreaterThan(0);
  expect(docs.every((d) => d.lastCheckedAt === null)).toBe(true);
  await expect(tab.getByRole('region', { name: 'The watch is off' })).toContainText(docs[0].name);
  // Adding the same platform again is refused with the reason.
  await form.getByRole('button', { name: "Watch LinkedIn's policies" }).click();
  await expect(form.getByRole('alert')).toContainText('already watched');
  await expectAccessible(tab, 'platform watched, switches');
  await screenshot(tab, 'watch-platform');

  // Stop watching: the confirmation takes focus, so Enter pressed again does not remove anything.
  const name = docs[0].name;
  const article = tab.getByRole('article', { name });
  await article.getByRole('button', { name: `Stop watching ${name}` }).press('Enter');
  const confirm = tab.getByRole('group', { name: `Confirm: stop watching ${name}` });
  await expect(confirm).toBeFocused();
  await tab.keyboard.press('Enter');
  await expect(confirm).toBeVisible();
  expect(await app.api<unknown[]>('watch.list', {})).toHaveLength(docs.length);
  await expectAccessible(tab, 'stop watching confirmation');
  await confirm.getByRole('button', { name: `Yes, stop watching ${name}` }).click();
  await expect(article).toHaveCount(0);
  expect(await app.api<unknown[]>('watch.list', {})).toHaveLength(docs.length - 1);
  await expect(tab.getByRole('heading', { level: 2, name: 'Watched documents' })).toBeFocused();
});

/** Nothing on the page is wider than the window, and no button, label or badge cuts its own text off. */
async function expectNothingClipped(tab: Page, label: string) {
  const bad = await tab.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
    const view = root.clientWidth;
    for (const el of document.querySelectorAll<HTMLElement>('.watch-screen *')) {
      const r = el.getBoundingClientRect();
      if (r.width <= 2 || el.closest('.visually-hidden')) continue;
      if (r.right > view + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} reaches ${Math.round(r.right)}px: ${el.textContent?.slice(0, 60)}`);
      const cs = getComputedStyle(el);
      const clips = cs.overflowX !== 'visible' || cs.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1 && !['SELECT', 'TEXTAREA', 'INPUT', 'TABLE'].includes(el.tagName)) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} cuts its text: ${el.textContent?.slice(0, 60)}`);
      }
    }
    return out;
  });
  expect(bad, label).toEqual([]);
}

const WORDS = {
  de: {
    title: 'Richtlinien-Beobachtung',
    off: 'Die Beobachtung ist ausgeschaltet',
    on: 'Die Beobachtung ist eingeschaltet',
    offIntro: 'Solange die Beobachtung ausgeschaltet ist, wird nichts abgerufen',
    pageForm: 'Eine Seite beobachten',
    pageAddress: 'Adresse der Seite',
    watchPage: 'Diese Seite beobachten',
    howOften: 'Wie oft nachsehen',
    turnOn: 'Beobachtung einschalten',
    everyTwelve: 'alle 12 Stunden',
    checkNow: 'Jetzt prüfen',
    baseline: '1 Dokument geprüft: 1 erste Fassung gespeichert.',
    changed: '1 Dokument geprüft: 1 geändert (KI-bezogen).',
    addedList: 'Hinzugekommen (1)',
    aiLabel: 'KI-bezogen',
    outcome: 'Geändert, KI-bezogen',
    counts: '1 Satz hinzugekommen, 0 Sätze entfernt, verglichen mit dem Text, der am',
    startCase: /^Aus der Änderung an http\S+ vom .+ einen Fall anlegen$/,
    switches: 'Meine Schalter prüfen',
    neverCaptured: 'Nie erfasst',
    refused: /^Fehlgeschlagen: die Website hat die Anfrage abgelehnt \(HTTP 403 Forbidden\)/,
    failed: '1 Dokument geprüft: 1 fehlgeschlagen.',
    reason: 'die Website hat die Anfrage abgelehnt',
  },
  fr: {
    title: 'Veille des politiques',
    off: 'La veille est désactivée',
    on: 'La veille est activée',
    offIntro: "Rien n’est récupéré tant que la veille est désactivée",
    pageForm: 'Suivre une page',
    pageAddress: 'Adresse de la page',
    watchPage: 'Suivre cette page',
    howOften: 'Fréquence de vérification',
    turnOn: 'Activer la veille',
    everyTwelve: 'toutes les 12 heures',
    checkNow: 'Vérifier maintenant',
    baseline: '1 document vérifié\u00a0: 1 première version enregistrée.',
    changed: "1 document vérifié\u00a0: 1 modifié (lié à l’IA).",
    addedList: 'Ajoutées (1)',
    aiLabel: "Lié à l’IA",
    outcome: "Modifié, lié à l’IA",
    counts: '1 phrase ajoutée, 0 phrase supprimée, par rapport au texte récupéré le',
    startCase: /^Ouvrir un dossier à partir de la modification de http\S+ du .+$/,
    switches: 'Vérifier mes options',
    neverCaptured: 'Jamais capturé',
    refused: /^Échec\s: le site a refusé la requête \(HTTP 403 Forbidden\)/,
    failed: '1 document vérifié\u00a0: 1 en échec.',
    reason: 'le site a refusé la requête',
  },
} as const;

for (const lang of ['de', 'fr'] as const) {
  test(`the watch screen in ${lang === 'de' ? 'German' : 'French'}: off, then on with a watched document and a change`, async ({ page: tab, app }) => {
    const w = WORDS[lang];
    const fixture = await startPolicyServer();
    const pageErrors: string[] = [];
    tab.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await app.api('cases.create', { title: 'Mein LinkedIn-Fall', country: 'DE', name: 'Aoife Byrne', email: 'aoife@example.org' });
      await tab.setViewportSize({ width: 1280, height: 800 });
      await tab.goto(`${app.host.url}&lang=${lang}#/watch`);
      await expect(tab.locator('html')).toHaveAttribute('lang', lang);
      await expect(tab.getByRole('heading', { level: 1, name: w.title })).toBeVisible();

      // Off: what would be fetched, in the language shown.
      const off = tab.getByRole('region', { name: w.off });
      await expect(off).toContainText(w.offIntro);
      await expect(tab.getByRole('region', { name: w.switches }).getByRole('row', { name: /LinkedIn/ })).toContainText(w.neverCaptured);
      await expectAccessible(tab, `watch off (${lang})`);
      await expectNothingClipped(tab, `watch off (${lang})`);
      await screenshot(tab, `watch-off-${lang}`);
      await tab.setViewportSize({ width: 760, height: 800 });
      await expectNothingClipped(tab, `watch off at 760 (${lang})`);
      await screenshot(tab, `watch-off-${lang}-760`);
      await tab.setViewportSize({ width: 1280, height: 800 });

      // A page by its address, then the watch turned on.
      const form = tab.getByRole('form', { name: w.pageForm });
      await form.getByLabel(w.pageAddress).fill(fixture.url);
      await form.getByRole('button', { name: w.watchPage }).click();
      await expect(tab.getByRole('heading', { level: 3, name: fixture.url })).toBeFocused();
      await expect(tab.getByRole('region', { name: w.off })).toContainText(fixture.url);
      await tab.getByLabel(w.howOften).selectOption('12');
      await tab.getByRole('button', { name: w.turnOn }).click();
      const on = tab.getByRole('region', { name: w.on });
      await expect(on).toContainText(w.everyTwelve);

      // A baseline, then a change with an AI-related sentence.
      await on.getByRole('button', { name: w.checkNow }).click();
      await expect(tab.locator('#watch-result')).toHaveText(w.baseline);
      fixture.set(page([AI_SENTENCE]));
      await on.getByRole('button', { name: w.checkNow }).click();
      await expect(tab.locator('#watch-result')).toHaveText(w.changed);
      const doc = tab.getByRole('article', { name: fixture.url });
      const added = doc.getByRole('list', { name: w.addedList }).getByRole('listitem');
      await expect(added).toHaveText(`${w.aiLabel}${AI_SENTENCE}`);
      await expect(doc.locator('.outcome')).toHaveText(w.outcome);
      await expect(doc.locator('.watch-change')).toContainText(w.counts);
      await expectDistinctButtonNames(tab);

      // The form to start a case from the change, open: its labels are the longest on the screen.
      await doc.getByRole('button', { name: w.startCase }).click();
      expect(await tab.locator('.watch-screen').innerText()).not.toMatch(/\b(The watch|Check now|Watched documents|Start the case|sentences? added)\b/);
      await expectAccessible(tab, `watch change (${lang})`);
      await expectNothingClipped(tab, `watch change (${lang})`);
      await screenshot(tab, `watch-change-${lang}`);
      await tab.setViewportSize({ width: 760, height: 800 });
      await expectNothingClipped(tab, `watch change at 760 (${lang})`);
      await screenshot(tab, `watch-change-${lang}-760`);
      await tab.setViewportSize({ width: 1280, height: 800 });

      // The site refuses: the reason in the language shown (the core's message key), not its English text.
      fixture.set(page([AI_SENTENCE]), 403);
      await on.getByRole('button', { name: w.checkNow }).click();
      await expect(tab.locator('#watch-result p')).toHaveText(w.failed);
      await expect(doc.locator('.outcome')).toHaveText(w.refused);
      await expect(tab.locator('#watch-result li')).toContainText(w.reason);
      expect(pageErrors).toEqual([]);
    } finally {
      await fixture.close();
    }
  });
}
