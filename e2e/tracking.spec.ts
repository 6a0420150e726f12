import { expect, expectAccessible, screenshot, test } from './support/host';

type Case = { id: string; title: string };

test('events added through the UI move the deadline, the next step and the dashboard order', async ({ page, app }) => {
  const maria = await app.api<Case>('cases.create', { title: 'Maria in Berlin', country: 'DE', name: 'Maria Müller', email: 'maria@example.org' });
  const tom = await app.api<Case>('cases.create', { title: 'Tom in Manchester', country: 'GB', name: 'Tom Baker', email: 'tom@example.org' });
  await page.reload();
  const dataRows = page.locator('table.cases tbody tr[aria-rowindex]');
  const open = (title: string) => page.getByRole('region', { name: 'Case list, scrollable' }).getByRole('link', { name: title }).click();
  // No deadlines yet: newest first.
  await expect(dataRows.nth(0)).toContainText('Tom in Manchester');
  await expect(dataRows.nth(1)).toContainText('Maria in Berlin');

  await open('Maria in Berlin');
  const panel = page.getByRole('region', { name: 'Timeline and deadlines' });
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText('Send your objection to LinkedIn');
  await panel.getByLabel('Event type').selectOption('request_sent');
  await panel.getByLabel('Date', { exact: true }).fill('2026-04-30');
  await panel.getByLabel('Reference').fill('LI-2026-0042');
  await panel.getByLabel('Reference').press('Enter'); // the form submits from the keyboard
  await expect(panel.getByText('Added: Request sent on Thu, 30 April 2026.')).toBeVisible();

  // Journey: one month is Saturday 30 May; Monday 1 June is an Irish bank holiday; due Tuesday 2 June 2026.
  const reply = panel.getByRole('listitem').filter({ hasText: 'Reply due' });
  await expect(reply).toContainText('Tue, 2 June 2026');
  await reply.getByText('How this date was worked out').click();
  await expect(reply).toContainText('1 June 2026 is a public holiday in Ireland (First Monday in June)');
  await expect(reply).toContainText('GDPR Art 12(3)');
  const next = page.getByRole('region', { name: 'Next step' });
  await expect(next).toContainText('No reply by 2 June 2026: send the reminder.');
  await expect(next.getByRole('link', { name: 'Send the reminder' })).toHaveAttribute('href', `#/cases/${maria.id}/draft/linkedin-reminder`);
  await expect(panel).toContainText('Status from the events: Request sent');
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('request_sent');
  await expect(page.getByRole('complementary', { name: /deadline has passed/ })).toContainText('Maria in Berlin');
  await expectAccessible(page, 'timeline');
  await screenshot(page, 'tracking-case');

  // Editing the date recomputes at once: 29 Apr 2026 -> Fri 29 May 2026, a working day in Ireland.
  await panel.getByRole('button', { name: 'Edit Request sent on Thu, 30 April 2026' }).click();
  const edit = panel.getByRole('form', { name: 'Edit event' });
  await edit.getByLabel('Date', { exact: true }).fill('2026-04-29');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Reply due' })).toContainText('Fri, 29 May 2026');
  await expect(next).toContainText('No reply by 29 May 2026');
  await panel.getByRole('button', { name: 'Edit Request sent on Wed, 29 April 2026' }).click();
  await edit.getByLabel('Date', { exact: true }).fill('2026-04-30');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Reply due' })).toContainText('Tue, 2 June 2026');

  // A reply before the request is refused with a reason, and nothing is added.
  await panel.getByLabel('Event type').selectOption('response_received');
  await panel.getByLabel('Date', { exact: true }).fill('2026-04-01');
  await panel.getByRole('button', { name: 'Add event' }).click();
  await expect(panel.getByRole('alert')).toContainText('would come before the first “Request sent” on 2026-04-30');
  await expect(panel.locator('ol.events > li')).toHaveCount(1);

  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  await expect(dataRows.nth(0)).toContainText('Maria in Berlin');
  await expect(dataRows.nth(0)).toContainText('Overdue');
  await expect(page.getByRole('status')).toContainText('1 overdue');

  // Tom's request went by post: the month counts from receipt (5 Mar 2026 -> 5 Apr, Easter Sunday -> Tue 7 Apr).
  await open('Tom in Manchester');
  await panel.getByLabel('Event type').selectOption('request_sent');
  await panel.getByLabel('Date', { exact: true }).fill('2026-03-02');
  await panel.getByLabel('Sent by').selectOption('post');
  await panel.getByLabel('Received by LinkedIn on').fill('2026-03-05');
  await panel.getByRole('button', { name: 'Add event' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Reply due' })).toContainText('Tue, 7 April 2026');
  // The ICO window counts from the day Tom sent it (2 Mar), the earlier and so the safer end: Tue 2 June 2026.
  await expect(panel.getByRole('listitem').filter({ hasText: 'ICO complaint window ends' })).toContainText('Tue, 2 June 2026');
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  await expect(dataRows.nth(0)).toContainText('Tom in Manchester');
  await expect(dataRows.nth(1)).toContainText('Maria in Berlin');
  await expect(page.getByRole('status')).toContainText('2 overdue');
  await expectAccessible(page, 'dashboard');
  await screenshot(page, 'tracking-dashboard');

  // Tom gets a reply: his case leaves the overdue list, the next step turns to the ICO window, Maria is first again.
  await open('Tom in Manchester');
  await panel.getByLabel('Event type').selectOption('response_received');
  await panel.getByLabel('Date', { exact: true }).fill('2026-04-02');
  await panel.getByLabel('Note').fill('Odmowa — Άρνηση. They refuse: “legitimate interests”.');
  await panel.getByRole('button', { name: 'Add event' }).click();
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText('The ICO’s three-month window ended on 2 July 2026');
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  await expect(dataRows.nth(0)).toContainText('Maria in Berlin');

  // Deleting asks first, and the deadline comes back.
  await open('Tom in Manchester');
  await panel.getByRole('button', { name: /Delete Response received/ }).click();
  await expect(panel.getByRole('group', { name: /Confirm deleting/ })).toBeVisible();
  await expectAccessible(page, 'confirm delete');
  await panel.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByRole('region', { name: 'Next step' })).toContainText('No reply by 7 April 2026');
  await expect(panel.locator('ol.events > li')).toHaveCount(1);
});

test('the dashboard filters, searches and scrolls through many cases while rendering only what is visible', async ({ page, app }) => {
  const api = app.core.api;
  for (let i = 0; i < 600; i++) {
    const c = await api.call('cases.create', {
      title: `Case ${String(i).padStart(4, '0')}`,
      country: i % 3 ? 'DE' : 'GB',
      name: i === 42 ? 'Zofia Łukasiewicz' : `Member ${i}`,
      email: `m${i}@example.org`,
    });
    if (i % 5 === 0) await api.call('tracking.addEvent', { caseId: c.id, type: 'request_sent', on: '2026-04-30', ref: `LI-${i}` });
  }
  await page.reload();
  await expect(page.getByRole('status')).toContainText('120 overdue');
  await screenshot(page, 'tracking-dashboard-many');
  const rendered = await page.locator('table.cases tbody tr[aria-rowindex]').count();
  expect(rendered).toBeLessThan(80);
  await expect(page.locator('table.cases')).toHaveAttribute('aria-rowcount', '601');

  const scroller = page.getByRole('region', { name: 'Case list, scrollable' });
  await scroller.focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('row', { name: /Case 0001/ })).toBeVisible();

  await page.getByLabel('Search').fill('łukasiewicz');
  await expect(page.getByRole('row', { name: /Case 0042/ })).toBeVisible();
  await expect(page.locator('table.cases tbody tr[aria-rowindex]')).toHaveCount(1);
  await page.getByLabel('Search').fill('li-55');
  await expect(page.getByRole('row', { name: /Case 0550/ })).toContainText('Overdue');
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Country').selectOption('GB');
  await expect(page.getByRole('status')).toContainText('200 matching');
  await page.getByLabel('Status').selectOption('closed');
  await expect(page.getByText('No cases match these filters.')).toBeVisible();
  await expectAccessible(page, 'dashboard filters');
  await screenshot(page, 'tracking-dashboard-filtered');

  await page.getByLabel('Status').selectOption('');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export list as CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^redress-cases-\d{8}\.csv$/);
});
