import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { makePng } from '../tests/evidence/helpers';
import { expect, expectAccessible, HostHandle, screenshot, test } from './support/host';

type Case = { id: string; title: string };

async function caseWithEvidence(app: HostHandle, country = 'GB'): Promise<Case> {
  const c = await app.api<Case>('cases.create', { title: 'Owner test', country, name: 'Aoife Byrne', email: 'aoife@example.org' });
  await app.api('evidence.upload', { caseId: c.id, filename: 'setting.png', dataBase64: makePng(6, 4).toString('base64') });
  await app.api('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30' });
  return c;
}

test('edit a case: the form checks the Land a new country needs, saves, and the change is in the custody log', async ({ page, app }) => {
  const c = await caseWithEvidence(app);
  await page.goto(app.host.url + `#/cases/${c.id}`);
  const owner = page.getByRole('region', { name: 'This case' });
  await owner.getByRole('button', { name: 'Edit case' }).click();
  await expect(owner.getByRole('heading', { name: 'Edit case' })).toBeFocused();
  await owner.getByLabel('Title').fill('Moved to Berlin');
  await owner.getByLabel('Country where you live').selectOption('DE');
  await owner.getByRole('button', { name: 'Save changes' }).click();
  await expect(owner.getByText('Choose the Land where you live: each Land has its own data-protection authority for companies.')).toBeVisible();
  await expectAccessible(page, 'edit case with an error');
  await screenshot(page, 'case-edit-land-missing');
  await owner.getByLabel('Land (state) where you live').selectOption('DE-BE');
  await owner.getByRole('button', { name: 'Save changes' }).click();
  await expect(owner.getByRole('status').first()).toHaveText('Case saved. The change is in the custody log.');
  await expect(page.getByRole('heading', { level: 1, name: 'Moved to Berlin' })).toBeVisible();
  await expect(owner.getByRole('button', { name: 'Edit case' })).toBeFocused();
  const log = await app.api<{ entries: { action: string; detail: Record<string, unknown> }[] }>('evidence.custody', { caseId: c.id });
  expect(log.entries.find((e) => e.action === 'case.edit')?.detail).toEqual({
    before: { title: 'Owner test', country: 'GB', region: null },
    after: { title: 'Moved to Berlin', country: 'DE', region: 'DE-BE' },
  });
  await expectAccessible(page, 'case edited');
  await screenshot(page, 'case-edited');
});

test('delete a case: the confirmation names what goes, a second Enter does not delete, the button does', async ({ page, app }) => {
  const c = await caseWithEvidence(app);
  await page.goto(app.host.url + `#/cases/${c.id}`);
  const owner = page.getByRole('region', { name: 'This case' });
  await owner.getByRole('button', { name: 'Delete case…' }).focus();
  await page.keyboard.press('Enter');
  const confirm = owner.getByRole('group', { name: 'Delete “Owner test”?' });
  await expect(confirm.getByRole('heading', { name: 'Delete “Owner test”?' })).toBeFocused();
  await expect(confirm).toContainText('1 event on its timeline');
  await expect(confirm).toContainText('1 evidence item and their files');
  await expect(confirm).toContainText('0 exported letters');
  await page.keyboard.press('Enter'); // the second Enter lands on the heading, not on a delete button
  expect(await app.api<Case[]>('cases.list', {})).toHaveLength(1);
  await expectAccessible(page, 'delete confirmation');
  await screenshot(page, 'case-delete-confirm');
  await confirm.getByRole('button', { name: 'Keep the case' }).click();
  await expect(owner.getByRole('button', { name: 'Delete case…' })).toBeFocused();

  await owner.getByRole('button', { name: 'Delete case…' }).click();
  await owner.getByRole('button', { name: 'Delete this case and its files' }).click();
  await expect(page.getByRole('heading', { name: /push back on ai training/i })).toBeVisible();
  expect(await app.api<Case[]>('cases.list', {})).toEqual([]);
});

test('export a case bundle, import it on a fresh data folder, verify clean; a tampered bundle is refused', async ({ page, app, browser }) => {
  const c = await caseWithEvidence(app, 'IE');
  await page.goto(app.host.url + `#/cases/${c.id}`);
  const owner = page.getByRole('region', { name: 'This case' });
  const downloading = page.waitForEvent('download');
  await owner.getByRole('button', { name: 'Export case bundle' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Owner-test-case_.*\.redress\.zip$/);
  const dir = mkdtempSync(join(tmpdir(), 'redress-e2e-bundle-'));
  const zipPath = join(dir, download.suggestedFilename());
  await download.saveAs(zipPath);
  await expect(owner.getByText(/Bundle saved as .*1 evidence file, 0 exported letters, the custody log/)).toBeVisible();
  await expectAccessible(page, 'bundle exported');
  await screenshot(page, 'case-bundle-exported');

  const fresh = await new HostHandle(join(dir, 'fresh')).start();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
  try {
    const other = await context.newPage();
    await other.goto(fresh.host.url);
    await expect(other.getByRole('heading', { name: /push back on ai training/i })).toBeVisible();

    // One changed byte in the evidence file: refused, the entry named, nothing written.
    const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
    const blob = Object.keys(files).find((n) => n.startsWith('evidence/'))!;
    files[blob] = new Uint8Array(files[blob]);
    files[blob][files[blob].length - 3] ^= 1;
    const bad = join(dir, 'tampered.zip');
    writeFileSync(bad, zipSync(files));
    await other.getByLabel('Import case bundle (.zip)').setInputFiles(bad);
    await expect(other.getByRole('alert')).toContainText(`Not imported: The bundle's entry "${blob}" does not match the SHA-256`);
    expect(await fresh.api<Case[]>('cases.list', {})).toEqual([]);
    await expectAccessible(other, 'bundle refused');
    await screenshot(other, 'case-bundle-refused');

    // An entry that escapes.
    const escaping = join(dir, 'escape.zip');
    writeFileSync(escaping, zipSync({ ...unzipSync(new Uint8Array(readFileSync(zipPath))), '../../evil': strToU8('x') }));
    await other.getByLabel('Import case bundle (.zip)').setInputFiles(escaping);
    await expect(other.getByRole('alert')).toContainText('"../../evil" climbs out of the bundle');

    await other.getByLabel('Import case bundle (.zip)').setInputFiles(zipPath);
    await expect(other.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported Owner test: 1 evidence item, 1 event, 0 exported letters.');
    await expectAccessible(other, 'bundle imported');
    await screenshot(other, 'case-bundle-imported');
    await other.getByRole('link', { name: 'Owner test' }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'Owner test' })).toBeVisible();
    const verify = await fresh.api<{ ok: boolean }>('evidence.verify', { caseId: c.id });
    expect(verify.ok).toBe(true);
  } finally {
    await context.close();
    await fresh.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('given and family name: set on a new case, shown in the edit form, cleared back to the full name', async ({ page, app }) => {
  await page.goto(app.host.url + '#/new');
  await page.getByLabel('Your full name').fill('María José García Pérez');
  await page.getByLabel('Given name(s)').fill('María José');
  await page.getByLabel('Family name').fill('García Pérez');
  await page.getByLabel('Email of your account').fill('mj@example.org');
  await page.getByLabel('Country where you live').selectOption('ES');
  await expectAccessible(page, 'new case with name parts');
  await page.getByRole('button', { name: /create case/i }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const [c] = await app.api<(Case & { givenName: string | null; familyName: string | null })[]>('cases.list', {});
  expect(c).toMatchObject({ givenName: 'María José', familyName: 'García Pérez' });

  const owner = page.getByRole('region', { name: 'This case' });
  await owner.getByRole('button', { name: 'Edit case' }).click();
  await expect(owner.getByLabel('Given name(s)')).toHaveValue('María José');
  await owner.getByLabel('Family name').fill('');
  await owner.getByRole('button', { name: 'Save changes' }).click();
  await expect(owner.getByRole('status').first()).toHaveText('Case saved. The change is in the custody log.');
  const after = await app.api<Case & { givenName: string | null; familyName: string | null }>('cases.get', { id: c.id });
  expect(after).toMatchObject({ givenName: 'María José', familyName: null });
  await expectAccessible(page, 'case edited with name parts');
});
